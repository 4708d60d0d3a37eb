// The energy data rules: the grid model and its file, meter registration,
// every reading rule with valid and invalid inputs (each invalid input
// refused with its own reason), witnessed batches, duplicate-reading
// evidence, the meter life-cycle, and the meter simulator run against the
// rules, with a weakened rule that the simulator must catch.

#include "test_energy.h"

// moc cannot parse the C++20 standard headers these pull in.
#ifndef Q_MOC_RUN
#include "core/consensus/tx_rules.h"
#include "core/consensus/verifier.h"
#include "core/energy/conservation.h"
#include "core/energy/grid_model.h"
#include "core/energy/grid_state.h"
#include "core/energy/ingest.h"
#include "core/energy/reading_rules.h"
#include "core/energy/trade.h"
#include "core/node/grid_snapshot.h"
#include "core/sim/grid_feed.h"
#include "core/sim/meter_sim.h"
#include "core/state/state.h"
#include "core/types/units.h"
#endif

#include <QtTest>

#include <functional>
#include <sys/stat.h>

using namespace gtx;
using namespace gtx::energy;

Q_DECLARE_METATYPE(std::function<void(gtx::energy::MeterReading &)>)

namespace {

constexpr std::uint32_t kNet = 0x54455354;   // "TEST"
constexpr std::int64_t kT0 = 1777395600000;  // a 15-minute boundary

crypto::KeyPair keyOf(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed{};
    seed.fill(n);
    return crypto::KeyPair::fromSeed(seed);
}

GeoPoint at(double lat, double lon)
{
    return GeoPoint{static_cast<std::int32_t>(lat * 1e6), static_cast<std::int32_t>(lon * 1e6)};
}

struct Fixture
{
    const GridModel &model = defaultGridModel();
    crypto::KeyPair meterKey = keyOf(1);
    crypto::KeyPair consumerKey = keyOf(2);
    crypto::KeyPair mea = keyOf(10);
    crypto::KeyPair pea = keyOf(11);
    crypto::KeyPair egat = keyOf(12);
    MeterRecord prosumer;   // MEA, Chidlom, 15 kW
    MeterRecord consumer;   // PEA-S, Hat Yai, 10 kW

    Fixture()
    {
        prosumer.id = crypto::hash("test", asBytes(std::string("prosumer")));
        prosumer.key = meterKey.publicKey();
        prosumer.owner = keyOf(3).publicKey();
        prosumer.zone = zones::kMeaMetropolitan;
        prosumer.gridNode = 202;
        prosumer.location = at(13.745, 100.545);
        prosumer.ratedCapacityW = 15'000;
        prosumer.registration = MeterRegistration::Prosumer;
        consumer = prosumer;
        consumer.id = crypto::hash("test", asBytes(std::string("consumer")));
        consumer.key = consumerKey.publicKey();
        consumer.zone = zones::kPeaSouth;
        consumer.gridNode = 802;
        consumer.location = at(7.02, 100.48);
        consumer.ratedCapacityW = 10'000;
        consumer.registration = MeterRegistration::Consumer;
    }

    GridOperatorKeys operators() const
    {
        return {{AuthorityType::MEA, mea.publicKey()},
                {AuthorityType::PEA, pea.publicKey()},
                {AuthorityType::EGAT, egat.publicKey()}};
    }

    // The prosumer's reading for interval t (ending kT0 + t intervals), its
    // registers following on from `p` (or from 1,000,000 Wh).
    MeterReading reading(std::int64_t t, std::uint64_t importWh, std::uint64_t exportWh,
                         const std::optional<MeterProgress> &p, const MeterRecord &record) const
    {
        MeterReading r;
        r.meterId = record.id;
        r.timestampMs = kT0 + t * kIntervalMs + 12'000;
        r.importWh = importWh;
        r.exportWh = exportWh;
        r.importRegisterWh = (p ? p->importRegisterWh : 1'000'000) + importWh;
        r.exportRegisterWh = (p ? p->exportRegisterWh : 500'000) + exportWh;
        r.location = record.location;
        return r;
    }

    // Ten quiet intervals of the prosumer accepted: a history for the spike rule.
    MeterProgress history() const
    {
        std::optional<MeterProgress> p;
        for (int t = 1; t <= 10; ++t) {
            auto next = checkReading(ReadingRules{}, model, prosumer, p, reading(t, 300, 100, p, prosumer),
                                     kT0 + t * kIntervalMs + 5000);
            if (!next)
                qFatal("history: %s", next.error().code.c_str());
            p = *next;
        }
        return *p;
    }
};

std::string codeOf(const Status &s)
{
    return s.ok() ? std::string("accepted") : s.error().code;
}

template<typename T>
std::string codeOf(const Result<T> &r)
{
    return r.ok() ? std::string("accepted") : r.error().code;
}

} // namespace

void TestEnergy::defaultModelIsValid()
{
    auto parsed = parseGridModel(defaultGridModelText());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    const GridModel &m = *parsed;
    QCOMPARE(m.zones.size(), std::size_t{8});
    for (const char *code : {"EGAT-TX", "MEA-METRO", "PEA-C", "PEA-N", "PEA-NE", "PEA-E", "PEA-W", "PEA-S"}) {
        auto zone = parseGridZone(code);
        QVERIFY2(zone && m.zone(*zone), code);
        int nodes = 0;
        for (const auto &n : m.nodes)
            nodes += n.zone == *zone ? 1 : 0;
        QVERIFY2(nodes >= 3, code);
    }
    QVERIFY(m.zone(zones::kMeaMetropolitan)->gridOperator == AuthorityType::MEA);
    QVERIFY(m.zone(zones::kPeaSouth)->gridOperator == AuthorityType::PEA);
    QVERIFY(m.zone(zones::kEgatTransmission)->gridOperator == AuthorityType::EGAT);
    // The southern corridor of 2013: two 500 kV circuits and a 230 kV tie.
    int south = 0;
    for (const auto &l : m.lines)
        south += l.corridor == "W-S" ? 1 : 0;
    QCOMPARE(south, 3);
    QVERIFY(m.lossMinBps <= 160 && 160 <= m.lossMaxBps);   // EGAT's 1.6 % lies in the band
    QCOMPARE(defaultGridModel().zones.size(), m.zones.size());
}

void TestEnergy::modelFileErrorsAreClear()
{
    const std::string good(defaultGridModelText());
    auto refusedWith = [](const std::string &text, const char *words) {
        auto r = parseGridModel(text);
        if (r.ok())
            return std::string("accepted");
        if (r.error().code != "grid.bad_model" || r.error().message.find(words) == std::string::npos)
            return r.error().code + ": " + r.error().message;
        return std::string("ok");
    };
    QCOMPARE(refusedWith("name = \"x\"\n[losses\n", "line 2"), std::string("ok"));
    QCOMPARE(refusedWith("name = \"x\"\n", "[losses]"), std::string("ok"));
    std::string outside = good;
    outside.replace(outside.find("location = [13.77, 100.64]"), 26, "location = [18.77, 100.64]");
    QCOMPARE(refusedWith(outside, "Bang Kapi lies outside its zone"), std::string("ok"));
    std::string selfLine = good;
    selfLine.replace(selfLine.find("to = \"PEA-C\""), 12, "to = \"PEA-N\"");
    QCOMPARE(refusedWith(selfLine, "joins a zone to itself"), std::string("ok"));
    std::string unknown = good;
    unknown.replace(unknown.find("from = \"PEA-N\""), 14, "from = \"PEA-X\"");
    QCOMPARE(refusedWith(unknown, "PEA-X is not in the model"), std::string("ok"));
    std::string twice = good + "\n[[zone]]\ncode = \"PEA-S\"\noperator = \"PEA\"\nboundary = [[1,1],[2,2],[1,2]]\n";
    QCOMPARE(refusedWith(twice, "appears twice"), std::string("ok"));
    std::string badOperator = good;
    badOperator.replace(badOperator.find("operator = \"MEA\""), 16, "operator = \"ERC\"");
    QCOMPARE(refusedWith(badOperator, "EGAT, MEA or PEA"), std::string("ok"));
    std::string crossed = good;
    crossed.replace(crossed.find("from = \"PEA-NE\""), 15, "from = \"PEA-E\"");   // NE-C 500 kV 1, corridor NE-C
    QCOMPARE(refusedWith(crossed, "does not join the same two zones"), std::string("ok"));
    // A line of no corridor named like a corridor would be counted in it.
    std::string collide = good + "\n[[line]]\nid = \"W-S\"\nfrom = \"PEA-N\"\nto = \"PEA-NE\"\ncapacity_mw = 9000\n";
    QCOMPARE(refusedWith(collide, "confuse a line's id with a corridor's name"), std::string("ok"));
    QCOMPARE(refusedWith(std::string(kMaxGridModelBytes + 1, '#'), "larger than 1 MiB"), std::string("ok"));

    // Files: a directory and a FIFO are refused, never waited on.
    const QString dir = qEnvironmentVariable("GTX_TEST_TMP", QDir::tempPath()) + "/energy-model";
    QDir().mkpath(dir);
    QCOMPARE(codeOf(readGridModel(dir.toStdString())), std::string("grid.unreadable"));
    const std::string fifo = (dir + "/fifo.toml").toStdString();
    ::unlink(fifo.c_str());
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    QCOMPARE(codeOf(readGridModel(fifo)), std::string("grid.unreadable"));
    QCOMPARE(codeOf(readGridModel(dir.toStdString() + "/missing.toml")), std::string("grid.unreadable"));
    const std::string file = (dir + "/model.toml").toStdString();
    QFile f(QString::fromStdString(file));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(good.data(), static_cast<qint64>(good.size()));
    f.close();
    QCOMPARE(codeOf(readGridModel(file)), std::string("accepted"));
}

void TestEnergy::zonesAndDistances()
{
    const GridModel &m = defaultGridModel();
    // Bangkok is MEA's, not central's: the notch in PEA-C's boundary.
    QVERIFY(m.inZone(zones::kMeaMetropolitan, at(13.74, 100.54)));
    QVERIFY(!m.inZone(zones::kPeaCentral, at(13.74, 100.54)));
    QVERIFY(m.inZone(zones::kPeaCentral, at(14.35, 100.57)));
    QVERIFY(!m.inZone(zones::kPeaSouth, at(14.35, 100.57)));
    // Edges and corners belong to the zone.
    QVERIFY(m.inZone(zones::kMeaMetropolitan, at(13.3, 100.3)));
    QVERIFY(m.inZone(zones::kMeaMetropolitan, at(13.5, 100.3)));
    QVERIFY(!m.inZone(zones::kMeaMetropolitan, at(13.5, 100.299999)));
    QVERIFY(!m.inZone(GridZone{999}, at(13.5, 100.5)));
    // Distances against the great circle (haversine, R = 6371.0088 km).
    auto within1pc = [](std::uint64_t got, double want) { return std::abs(double(got) - want) <= want / 100; };
    QVERIFY(within1pc(distanceMetres(at(13.74, 100.54), at(18.79, 98.98)), 585686));   // Bangkok - Chiang Mai
    QVERIFY(within1pc(distanceMetres(at(13.74, 100.54), at(7.01, 100.47)), 748382));   // Bangkok - Hat Yai
    QVERIFY(within1pc(distanceMetres(at(13.74, 100.54), at(15.24, 104.85)), 493052));  // Bangkok - Ubon
    QCOMPARE(distanceMetres(at(13.74, 100.54), at(13.74, 100.54)), std::uint64_t{0});
}

void TestEnergy::registrationRules()
{
    Fixture f;
    QCOMPARE(codeOf(checkMeterRecord(f.model, f.prosumer)), std::string("accepted"));
    QCOMPARE(codeOf(checkMeterRecord(f.model, f.consumer)), std::string("accepted"));
    auto refused = [&](std::function<void(MeterRecord &)> change, const char *words) {
        MeterRecord r = f.prosumer;
        change(r);
        const Status s = checkMeterRecord(f.model, r);
        return !s.ok() && s.error().code == "energy.bad_registration"
            && s.error().message.find(words) != std::string::npos;
    };
    QVERIFY(refused([](MeterRecord &r) { r.ratedCapacityW = 0; }, "rated capacity"));
    QVERIFY(refused([](MeterRecord &r) { r.zone = GridZone{999}; }, "not in the grid model"));
    QVERIFY(refused([](MeterRecord &r) { r.gridNode = 4242; }, "grid node 4242"));
    QVERIFY(refused([](MeterRecord &r) { r.gridNode = 802; }, "is not in its zone"));
    QVERIFY(refused([](MeterRecord &r) { r.location = at(14.35, 100.57); }, "outside its zone"));
    QVERIFY(refused([](MeterRecord &r) { r.location = at(13.52, 100.9); }, "service radius of Chidlom"));

    ReadingIngest ingest(kNet, f.model, ReadingRules{}, f.operators());
    QVERIFY(ingest.registerMeter(f.prosumer).ok());
    QCOMPARE(codeOf(ingest.registerMeter(f.prosumer)), std::string("energy.meter_exists"));
    QCOMPARE(ingest.meterCount(), std::size_t{1});
}

void TestEnergy::validReadingsAreAccepted()
{
    Fixture f;
    const ReadingRules rules;
    std::optional<MeterProgress> p;
    auto next = checkReading(rules, f.model, f.prosumer, p, f.reading(1, 300, 0, p, f.prosumer), kT0 + kIntervalMs);
    QVERIFY(next.ok());
    p = *next;
    QCOMPARE(p->lastIntervalEndMs, kT0 + kIntervalMs);
    QCOMPARE(p->importRegisterWh, std::uint64_t{1'000'300});
    // The clock may be a minute off the boundary, either side.
    MeterReading early = f.reading(2, 250, 40, p, f.prosumer);
    early.timestampMs = kT0 + 2 * kIntervalMs - 60'000;
    next = checkReading(rules, f.model, f.prosumer, p, early, kT0 + 2 * kIntervalMs);
    QVERIFY(next.ok());
    p = *next;
    // After a gap of three intervals, the registers may have moved by more
    // than this interval's energy (what the missing ones held).
    MeterReading afterGap = f.reading(5, 200, 0, p, f.prosumer);
    afterGap.importRegisterWh += 1500;
    next = checkReading(rules, f.model, f.prosumer, p, afterGap, kT0 + 5 * kIntervalMs);
    QVERIFY2(next.ok(), next.ok() ? "" : next.error().message.c_str());
    p = *next;
    // Energy exactly at capacity (15 kW x 0.25 h) is possible; a quiet
    // interval (nothing moving) is too, below the frozen limit.
    MeterProgress h = f.history();
    QVERIFY(checkReading(rules, f.model, f.prosumer, h, f.reading(11, 1000, 0, h, f.prosumer), kT0 + 11 * kIntervalMs).ok());
    std::optional<MeterProgress> none;
    QVERIFY(checkReading(rules, f.model, f.prosumer, none, f.reading(11, 3750, 3750, none, f.prosumer),
                         kT0 + 11 * kIntervalMs).ok());
    // Seven days late is still in time (a meter catching up after an outage).
    MeterReading late = f.reading(1, 300, 0, none, f.prosumer);
    QVERIFY(checkReading(rules, f.model, f.prosumer, none, late, kT0 + kIntervalMs + rules.maxAgeMs).ok());
    p = h;
    for (int t = 11; t < 11 + int(rules.frozenIntervals) - 1; ++t) {
        next = checkReading(rules, f.model, f.prosumer, p, f.reading(t, 0, 0, p, f.prosumer), kT0 + t * kIntervalMs);
        QVERIFY2(next.ok(), qPrintable(QString("interval %1: %2").arg(t).arg(QString::fromStdString(codeOf(next)))));
        p = *next;
    }
    QCOMPARE(p->unchangedIntervals, rules.frozenIntervals - 1);
    // A consumer with no export.
    std::optional<MeterProgress> c;
    QVERIFY(checkReading(rules, f.model, f.consumer, c, f.reading(1, 2500, 0, c, f.consumer), kT0 + kIntervalMs).ok());
    // After a re-key its registers are unknown: a (refurbished) meter whose
    // export register is not zero is still a consumer that exports nothing.
    auto first = checkReading(rules, f.model, f.consumer, c, f.reading(1, 2500, 0, c, f.consumer), kT0 + kIntervalMs);
    const std::optional<MeterProgress> rekeyed = progressAfterRekey(*first);
    MeterReading refurbished = f.reading(2, 300, 0, std::nullopt, f.consumer);
    refurbished.exportRegisterWh = 777;
    QVERIFY(checkReading(rules, f.model, f.consumer, rekeyed, refurbished, kT0 + 2 * kIntervalMs).ok());
}

void TestEnergy::everyRuleRefusesWithItsOwnReason_data()
{
    using Change = std::function<void(MeterReading &)>;
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("consumer");
    QTest::addColumn<bool>("asProgress");   // change applies to the last accepted reading's interval

    QTest::newRow("tampered") << Change([](MeterReading &r) { r.tampered = true; }) << "energy.tampered" << false << false;
    QTest::newRow("clock 2 min late") << Change([](MeterReading &r) { r.timestampMs += 120'000; })
                                      << "energy.off_boundary" << false << false;
    QTest::newRow("clock 61 s early") << Change([](MeterReading &r) { r.timestampMs -= 12'000 + 61'000; })
                                      << "energy.off_boundary" << false << false;
    QTest::newRow("future") << Change([](MeterReading &r) { r.timestampMs += 4 * kIntervalMs; })
                            << "energy.future" << false << false;
    QTest::newRow("eight days late") << Change([](MeterReading &r) { r.timestampMs -= 8ll * 96 * kIntervalMs; })
                                     << "energy.too_old" << false << false;
    QTest::newRow("timestamp at the 64-bit top") << Change([](MeterReading &r) { r.timestampMs = INT64_MAX; })
                                                 << "energy.off_boundary" << false << false;
    QTest::newRow("timestamp at the 64-bit bottom") << Change([](MeterReading &r) { r.timestampMs = INT64_MIN; })
                                                    << "energy.off_boundary" << false << false;
    QTest::newRow("highest boundary") << Change([](MeterReading &r) { r.timestampMs = INT64_MAX / kIntervalMs * kIntervalMs; })
                                      << "energy.future" << false << false;
    QTest::newRow("lowest boundary") << Change([](MeterReading &r) { r.timestampMs = INT64_MIN / kIntervalMs * kIntervalMs; })
                                     << "energy.too_old" << false << false;
    QTest::newRow("over capacity") << Change([](MeterReading &r) {
        r.importRegisterWh += 3751 - r.importWh;
        r.importWh = 3751;
    }) << "energy.over_capacity" << false << false;
    QTest::newRow("export over capacity") << Change([](MeterReading &r) {
        r.exportRegisterWh += 4000 - r.exportWh;
        r.exportWh = 4000;
    }) << "energy.over_capacity" << false << false;
    QTest::newRow("consumer exports") << Change([](MeterReading &r) {
        r.exportWh = 10;
        r.exportRegisterWh += 10;
    }) << "energy.export_not_registered" << true << false;
    QTest::newRow("consumer export register moves") << Change([](MeterReading &r) { r.exportRegisterWh += 10; })
                                                    << "energy.export_not_registered" << true << false;
    QTest::newRow("off zone") << Change([](MeterReading &r) { r.location = at(18.79, 98.98); })
                              << "energy.off_zone" << false << false;
    QTest::newRow("far from grid node") << Change([](MeterReading &r) { r.location = at(13.52, 100.66); })
                                        << "energy.far_from_grid_node" << false << false;
    QTest::newRow("duplicate interval") << Change([](MeterReading &r) {
        r.importWh += 1;
        r.importRegisterWh += 1;
    }) << "energy.duplicate_interval" << false << true;
    QTest::newRow("out of order") << Change([](MeterReading &r) { r.timestampMs -= 2 * kIntervalMs; })
                                  << "energy.out_of_order" << false << false;
    QTest::newRow("import register backwards") << Change([](MeterReading &r) { r.importRegisterWh -= 1000; })
                                               << "energy.register_backwards" << false << false;
    QTest::newRow("export register backwards") << Change([](MeterReading &r) { r.exportRegisterWh -= 200; })
                                               << "energy.register_backwards" << false << false;
    QTest::newRow("hidden gap") << Change([](MeterReading &r) { r.importRegisterWh += 900; })
                                << "energy.register_mismatch" << false << false;
    QTest::newRow("register short of interval") << Change([](MeterReading &r) { r.importRegisterWh -= 1; })
                                                << "energy.register_mismatch" << false << false;
    QTest::newRow("register jump after gap") << Change([](MeterReading &r) {
        r.timestampMs += kIntervalMs;   // one interval skipped: at most 2 x 3750 Wh
        r.importRegisterWh += 2 * 3750;
    }) << "energy.register_jump" << false << false;
    QTest::newRow("spike") << Change([](MeterReading &r) {
        r.importRegisterWh += 3700 - r.importWh;
        r.importWh = 3700;
    }) << "energy.spike" << false << false;
}

void TestEnergy::everyRuleRefusesWithItsOwnReason()
{
    using Change = std::function<void(MeterReading &)>;
    QFETCH(Change, change);
    QFETCH(QString, reason);
    QFETCH(bool, consumer);
    QFETCH(bool, asProgress);
    Fixture f;
    const ReadingRules rules;
    const MeterRecord &record = consumer ? f.consumer : f.prosumer;
    // A history of ten accepted intervals (the consumer's without export).
    MeterProgress p;
    if (consumer) {
        std::optional<MeterProgress> c;
        for (int t = 1; t <= 10; ++t)
            c = *checkReading(rules, f.model, record, c, f.reading(t, 400, 0, c, record), kT0 + t * kIntervalMs);
        p = *c;
    } else {
        p = f.history();
    }
    MeterReading r;
    if (asProgress) {
        // A different reading for the interval already accepted (t = 10):
        // rebuild the accepted one from the history before it.
        MeterProgress before = f.history();
        before.importRegisterWh -= 300;
        before.exportRegisterWh -= 100;
        r = f.reading(10, 300, 100, before, record);
    } else {
        r = f.reading(11, 400, 0, p, record);
    }
    // The unchanged reading passes (so the change alone is refused).
    if (!asProgress)
        QCOMPARE(codeOf(checkReading(rules, f.model, record, p, r, kT0 + 12 * kIntervalMs + 5000)),
                 std::string("accepted"));
    else
        QCOMPARE(codeOf(checkReading(rules, f.model, record, p, r, kT0 + 12 * kIntervalMs + 5000)),
                 std::string("energy.replayed"));
    change(r);
    const auto verdict = checkReading(rules, f.model, record, p, r, kT0 + 12 * kIntervalMs + 5000);
    QCOMPARE(QString::fromStdString(codeOf(verdict)), reason);
}

void TestEnergy::signaturesBindTheNetwork()
{
    Fixture f;
    MeterReading r = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(r, kNet, f.meterKey);
    QVERIFY(checkReadingSignature(kNet, f.prosumer, r).ok());
    QCOMPARE(codeOf(checkReadingSignature(kNet + 1, f.prosumer, r)), std::string("energy.bad_signature"));
    MeterReading changed = r;
    changed.importWh += 1;
    QCOMPARE(codeOf(checkReadingSignature(kNet, f.prosumer, changed)), std::string("energy.bad_signature"));
    MeterRecord other = f.prosumer;
    other.key = f.consumerKey.publicKey();
    QCOMPARE(codeOf(checkReadingSignature(kNet, other, r)), std::string("energy.bad_signature"));
    // The codec round trip keeps every field.
    auto decoded = codec::decode<MeterReading>(codec::encode(r), "reading");
    QVERIFY(decoded.ok());
    QVERIFY(*decoded == r);
    QVERIFY(readingId(*decoded) == readingId(r));
}

void TestEnergy::batchRules()
{
    Fixture f;
    ReadingIngest ingest(kNet, f.model, ReadingRules{}, f.operators());
    QVERIFY(ingest.registerMeter(f.prosumer).ok());
    QVERIFY(ingest.registerMeter(f.consumer).ok());
    MeterReading r = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(r, kNet, f.meterKey);

    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    QCOMPARE(codeOf(ingest.ingest(batch, kT0 + kIntervalMs).batch), std::string("energy.empty_batch"));
    batch.readings = {r};
    witnessBatch(batch, kNet, f.pea);   // PEA does not operate the metropolitan zone
    BatchOutcome out = ingest.ingest(batch, kT0 + kIntervalMs);
    QCOMPARE(codeOf(out.batch), std::string("energy.bad_witness"));
    QCOMPARE(codeOf(out.readings.at(0)), std::string("energy.bad_witness"));
    QCOMPARE(out.accepted, std::size_t{0});
    witnessBatch(batch, kNet + 1, f.mea);   // the right key, another network
    QCOMPARE(codeOf(ingest.ingest(batch, kT0 + kIntervalMs).batch), std::string("energy.bad_witness_signature"));
    ReadingBatch unknownZone = batch;
    unknownZone.zone = GridZone{999};
    witnessBatch(unknownZone, kNet, f.mea);
    QCOMPARE(codeOf(ingest.ingest(unknownZone, kT0 + kIntervalMs).batch), std::string("energy.unknown_zone"));

    // The consumer's reading in the metropolitan batch is refused alone.
    MeterReading c = f.reading(1, 300, 0, std::nullopt, f.consumer);
    signReading(c, kNet, f.consumerKey);
    MeterReading stranger = r;
    stranger.meterId = crypto::hash("test", asBytes(std::string("never registered")));
    signReading(stranger, kNet, f.meterKey);
    batch.readings = {r, c, stranger};
    witnessBatch(batch, kNet, f.mea);
    out = ingest.ingest(batch, kT0 + kIntervalMs);
    QVERIFY(out.batch.ok());
    QCOMPARE(codeOf(out.readings.at(0)), std::string("accepted"));
    QCOMPARE(codeOf(out.readings.at(1)), std::string("energy.wrong_zone"));
    QCOMPARE(codeOf(out.readings.at(2)), std::string("energy.unknown_meter"));
    QCOMPARE(out.accepted, std::size_t{1});
    // The same batch again: every reading refused.
    out = ingest.ingest(batch, kT0 + kIntervalMs);
    QCOMPARE(codeOf(out.readings.at(0)), std::string("energy.replayed"));
    QCOMPARE(out.accepted, std::size_t{0});

    // A batch whose count says more than the limit is refused by the decoder.
    codec::Writer w;
    w.value(zones::kMeaMetropolitan);
    w.u32(static_cast<std::uint32_t>(kMaxReadingsPerBatch + 1));
    QVERIFY(!codec::decode<ReadingBatch>(w.take(), "reading batch").ok());
    auto round = codec::decode<ReadingBatch>(codec::encode(batch), "reading batch");
    QVERIFY(round.ok());
    QVERIFY(*round == batch);
}

void TestEnergy::duplicateIntervalMakesEvidence()
{
    Fixture f;
    ReadingIngest ingest(kNet, f.model, ReadingRules{}, f.operators());
    QVERIFY(ingest.registerMeter(f.prosumer).ok());
    MeterReading first = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(first, kNet, f.meterKey);
    MeterReading second = first;
    second.importWh = 100;
    second.importRegisterWh -= 200;
    signReading(second, kNet, f.meterKey);
    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    batch.readings = {first, second};
    witnessBatch(batch, kNet, f.mea);
    const BatchOutcome out = ingest.ingest(batch, kT0 + kIntervalMs);
    QCOMPARE(codeOf(out.readings.at(1)), std::string("energy.duplicate_interval"));
    QCOMPARE(out.evidence.size(), std::size_t{1});
    const DuplicateReadingEvidence &e = out.evidence.front();
    QVERIFY(verifyDuplicateReadingEvidence(kNet, e, f.prosumer.key).ok());
    // Objective: it fails for another key, the same reading twice, or
    // readings of different intervals.
    QCOMPARE(codeOf(verifyDuplicateReadingEvidence(kNet, e, f.consumer.key)), std::string("energy.bad_evidence"));
    QCOMPARE(codeOf(verifyDuplicateReadingEvidence(kNet, {first, first}, f.prosumer.key)),
             std::string("energy.bad_evidence"));
    MeterReading later = second;
    later.timestampMs += kIntervalMs;
    signReading(later, kNet, f.meterKey);
    QCOMPARE(codeOf(verifyDuplicateReadingEvidence(kNet, {first, later}, f.prosumer.key)),
             std::string("energy.bad_evidence"));
    MeterReading top1 = first, top2 = first;
    top1.timestampMs = INT64_MAX;
    top2.timestampMs = INT64_MAX - 1;
    signReading(top1, kNet, f.meterKey);
    signReading(top2, kNet, f.meterKey);
    QCOMPARE(codeOf(verifyDuplicateReadingEvidence(kNet, {top1, top2}, f.prosumer.key)),
             std::string("energy.bad_evidence"));
    auto round = codec::decode<DuplicateReadingEvidence>(codec::encode(e), "evidence");
    QVERIFY(round.ok());
    QVERIFY(*round == e);
}

void TestEnergy::suspendedMeterIsRefusedUntilRekeyed()
{
    Fixture f;
    ReadingIngest ingest(kNet, f.model, ReadingRules{}, f.operators());
    QVERIFY(ingest.registerMeter(f.prosumer).ok());
    auto send = [&](const MeterReading &r) {
        ReadingBatch batch;
        batch.zone = zones::kMeaMetropolitan;
        batch.readings = {r};
        witnessBatch(batch, kNet, f.mea);
        return codeOf(ingest.ingest(batch, r.timestampMs + 5000).readings.at(0));
    };
    MeterReading r = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(r, kNet, f.meterKey);
    QCOMPARE(send(r), std::string("accepted"));
    QVERIFY(ingest.suspendMeter(f.prosumer.id).ok());
    MeterReading next = f.reading(2, 300, 0, *ingest.progress(f.prosumer.id), f.prosumer);
    signReading(next, kNet, f.meterKey);
    QCOMPARE(send(next), std::string("energy.meter_suspended"));
    // Re-keyed: the old key no longer signs for it; the new one does, and
    // its registers start afresh.
    const crypto::KeyPair fresh = keyOf(77);
    QVERIFY(ingest.rekeyMeter(f.prosumer.id, fresh.publicKey()).ok());
    QVERIFY(ingest.progress(f.prosumer.id) && !ingest.progress(f.prosumer.id)->registersKnown);
    MeterReading stolen = f.reading(3, 300, 0, std::nullopt, f.prosumer);
    signReading(stolen, kNet, f.meterKey);
    QCOMPARE(send(stolen), std::string("energy.bad_signature"));
    MeterReading again = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(again, kNet, fresh);
    QCOMPARE(send(again), std::string("energy.out_of_order"));   // interval 1 was counted under the old key
    MeterReading replaced = f.reading(3, 300, 0, std::nullopt, f.prosumer);
    replaced.importRegisterWh = 300;
    signReading(replaced, kNet, fresh);
    QCOMPARE(send(replaced), std::string("accepted"));
    QCOMPARE(codeOf(ingest.rekeyMeter(f.prosumer.id, fresh.publicKey())), std::string("energy.bad_registration"));
    QCOMPARE(codeOf(ingest.suspendMeter(crypto::hash("x", asBytes(std::string("y"))))),
             std::string("energy.unknown_meter"));
}

void TestEnergy::parallelSignatureChecksAgree()
{
    sim::MeterCheckOptions o;
    o.seed = 41;
    o.meters = 600;   // batches of 70 to 130 readings: several threads each
    o.intervals = 8;
    o.faultPpm = 80'000;
    auto one = sim::runMeterCheck(o);
    o.threads = 4;
    auto four = sim::runMeterCheck(o);
    QVERIFY(one.ok() && four.ok());
    QCOMPARE(four->accepted, one->accepted);
    QVERIFY(four->caughtByReason == one->caughtByReason);
    QCOMPARE(four->falseRejects, std::size_t{0});
}

void TestEnergy::meterCheckCatchesEveryFault()
{
    // A seed not used while writing the rules, with faults ten times as
    // often as the default so that every kind occurs.
    sim::MeterCheckOptions o;
    o.seed = 20261202;
    o.meters = 240;
    o.intervals = 96;
    o.faultPpm = 60'000;
    o.batchFaultPpm = 60'000;
    auto report = sim::runMeterCheck(o);
    QVERIFY(report.ok());
    const std::string line = sim::meterCheckLine(*report);
    qInfo("%s", line.c_str());
    for (const auto &m : report->missedDetails)
        qWarning("missed: %s", m.c_str());
    for (const auto &m : report->falseRejectDetails)
        qWarning("false reject: %s", m.c_str());
    QCOMPARE(report->missed, std::size_t{0});
    QCOMPARE(report->falseRejects, std::size_t{0});
    QVERIFY(report->readings >= std::size_t{240 * 96});
    QVERIFY(report->injected > 500);
    QCOMPARE(report->caught, report->injected);
    QVERIFY(report->evidence >= report->injectedByFault["duplicate-interval"]);
    for (const char *reason :
         {"energy.tampered", "energy.meter_suspended", "energy.off_boundary", "energy.future",
          "energy.duplicate_interval", "energy.over_capacity", "energy.export_not_registered", "energy.off_zone",
          "energy.far_from_grid_node", "energy.register_backwards", "energy.register_mismatch", "energy.spike",
          "energy.frozen_register", "energy.bad_signature", "energy.unknown_meter", "energy.wrong_zone",
          "energy.bad_witness", "energy.bad_witness_signature", "energy.replayed"})
        QVERIFY2(report->caughtByReason[reason] > 0, reason);
    QVERIFY(line.rfind("meters: readings=", 0) == 0);
}

void TestEnergy::meterCheckFailsWhenARuleIsWeakened()
{
    // The check is only worth something if it fails when a rule does.
    sim::MeterCheckOptions o;
    o.seed = 5;
    o.meters = 120;
    o.intervals = 96;
    o.faultPpm = 60'000;
    // The frozen rule never fires: the frozen episodes are missed.
    o.rules.frozenIntervals = 100'000;
    auto weak = sim::runMeterCheck(o);
    QVERIFY(weak.ok());
    QVERIFY(weak->missed > 0);
    QCOMPARE(weak->falseRejects, std::size_t{0});
    // A spike rule too strict refuses honest evening peaks and solar noons.
    o.rules = ReadingRules{};
    o.rules.spikeFactor = 1;
    o.rules.spikeFloorPercent = 1;
    auto strict = sim::runMeterCheck(o);
    QVERIFY(strict.ok());
    QVERIFY(strict->falseRejects > 0);
    // A clock tolerance wider than the drift lets drifted clocks through.
    o.rules = ReadingRules{};
    o.rules.boundaryToleranceMs = 7 * 60'000 + 30'000;
    auto lax = sim::runMeterCheck(o);
    QVERIFY(lax.ok());
    QVERIFY(lax->missed > 0);
}

namespace {

// The state machine with the default grid model, MEA and PEA as grid
// operators, and the fixture's prosumer owned by an energy validator.
struct StateFixture : Fixture
{
    state::StateRules rules;
    crypto::KeyPair owner = keyOf(3);
    state::State genesis;

    StateFixture()
    {
        rules.minSelfBond = gtToMicro(10'000);
        rules.energyMinSelfBond = gtToMicro(1'000);
        rules.gridModel = &model;
        rules.networkId = kNet;
        rules.gridOperators = operators();
        state::GenesisAllocation a;
        a.validators.push_back({owner.publicKey(), state::ValidatorRole::Energy, zones::kMeaMetropolitan,
                                gtToMicro(1'000), 0});
        a.meters = {prosumer};
        auto g = state::State::genesis(a, rules);
        if (!g)
            qFatal("genesis: %s", g.error().message.c_str());
        genesis = *g;
    }

    Transaction batchTx(const crypto::KeyPair &sender, const ReadingBatch &batch) const
    {
        Transaction tx;
        tx.kind = TransactionKind::MeterReading;
        tx.networkId = kNet;
        tx.timestampMs = kT0;
        tx.payload = codec::encode(batch);
        signTransaction(tx, sender);
        return tx;
    }

    Transaction registryTx(const crypto::KeyPair &sender, MeterRegistryAction action, const MeterRecord &record) const
    {
        Transaction tx;
        tx.kind = TransactionKind::MeterRegistry;
        tx.networkId = kNet;
        tx.timestampMs = kT0;
        tx.payload = codec::encode(MeterRegistryChange{action, record});
        signTransaction(tx, sender);
        return tx;
    }

    Transaction gridStateTx(const crypto::KeyPair &sender, const GridStateReport &report) const
    {
        Transaction tx;
        tx.kind = TransactionKind::GridState;
        tx.networkId = kNet;
        tx.timestampMs = kT0;
        tx.payload = codec::encode(report);
        signTransaction(tx, sender);
        return tx;
    }

    state::BlockContext at(std::int64_t interval) const
    {
        state::BlockContext c;
        c.slot = static_cast<std::uint64_t>(interval);
        c.timeMs = kT0 + interval * kIntervalMs + 20'000;
        return c;
    }
};

} // namespace

void TestEnergy::blocksApplyReadingBatches()
{
    StateFixture f;
    QVERIFY(f.genesis.meter(f.prosumer.id).has_value());
    QVERIFY(!f.genesis.meterProgress(f.prosumer.id));

    MeterReading good = f.reading(1, 300, 700, std::nullopt, f.prosumer);
    signReading(good, kNet, f.meterKey);
    MeterReading tooMuch = good;   // the same meter, the next interval, beyond its capacity
    tooMuch.timestampMs += kIntervalMs;
    tooMuch.importWh = 9000;
    tooMuch.importRegisterWh += 9000;
    signReading(tooMuch, kNet, f.meterKey);
    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    batch.readings = {good, tooMuch};
    witnessBatch(batch, kNet, f.mea);

    consensus::CachingVerifier verifier;
    state::BlockExecution e(f.genesis, f.rules, f.at(2), &verifier);
    QVERIFY(e.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(e.readingsAccepted(), std::uint64_t{1});
    QCOMPARE(e.readingsRefused().at("energy.over_capacity"), std::uint64_t{1});
    const state::State after = std::move(e).finish().state;
    const auto progress = after.meterProgress(f.prosumer.id);
    QVERIFY(progress.has_value());
    QCOMPARE(progress->lastIntervalEndMs, kT0 + kIntervalMs);
    QCOMPARE(progress->exportRegisterWh, good.exportRegisterWh);
    // The verified export is the owning energy validator's weight.
    QCOMPARE(after.validator(f.owner.publicKey())->verifiedEnergyWh, std::uint64_t{700});
    // The zone's totals count the accepted reading only.
    const ZoneTotals zone = after.zoneTotals(zones::kMeaMetropolitan, kT0 + kIntervalMs);
    QCOMPARE(zone.readings, std::uint32_t{1});
    QCOMPARE(zone.importWh, std::uint64_t{300});
    QCOMPARE(zone.exportWh, std::uint64_t{700});
    QCOMPARE(after.zoneTotals(zones::kMeaMetropolitan, kT0 + 2 * kIntervalMs).readings, std::uint32_t{0});
    QCOMPARE(after.zoneTotals(zones::kPeaSouth, kT0 + kIntervalMs).readings, std::uint32_t{0});

    // A batch whose readings are all refused changes nothing at all.
    state::BlockExecution again(after, f.rules, f.at(3));
    QVERIFY(again.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(again.readingsAccepted(), std::uint64_t{0});
    QCOMPARE(again.readingsRefused().at("energy.replayed"), std::uint64_t{1});
    QVERIFY(std::move(again).finish().state.root() == after.root());

    // The batch itself is the transaction's: a sender other than its
    // witness, the wrong grid operator, or no grid model refuse it whole.
    state::BlockExecution wrong(f.genesis, f.rules, f.at(2));
    QCOMPARE(codeOf(wrong.apply(f.batchTx(f.pea, batch))), std::string("energy.bad_witness"));
    ReadingBatch byPea = batch;
    witnessBatch(byPea, kNet, f.pea);
    QCOMPARE(codeOf(wrong.apply(f.batchTx(f.pea, byPea))), std::string("energy.bad_witness"));
    state::StateRules noModel = f.rules;
    noModel.gridModel = nullptr;
    state::BlockExecution bare(f.genesis, noModel, f.at(2));
    QCOMPARE(codeOf(bare.apply(f.batchTx(f.mea, batch))), std::string("energy.no_grid_model"));
    // Time is the block's: a reading of an interval after the block's slot is in the future.
    state::BlockExecution early(f.genesis, f.rules, f.at(0));
    QVERIFY(early.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(early.readingsRefused().at("energy.future"), std::uint64_t{2});
    // The state machine checks signatures through the node's verifier: a
    // second execution of the same batch finds them all in its cache.
    const std::size_t hitsBefore = verifier.hits();
    state::BlockExecution twice(f.genesis, f.rules, f.at(2), &verifier);
    QVERIFY(twice.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(verifier.hits() - hitsBefore, std::size_t{3});   // the witness and two readings

    // Two batches of one meter in one block: the second sees the first's progress.
    MeterReading third = tooMuch;
    third.importWh = 100;
    third.importRegisterWh = good.importRegisterWh + 100;
    third.exportWh = 0;
    third.exportRegisterWh = good.exportRegisterWh;
    signReading(third, kNet, f.meterKey);
    ReadingBatch second = batch;
    second.readings = {good, third};
    witnessBatch(second, kNet, f.mea);
    state::BlockExecution both(f.genesis, f.rules, f.at(2));
    ReadingBatch onlyGood = batch;
    onlyGood.readings = {good};
    witnessBatch(onlyGood, kNet, f.mea);
    QVERIFY(both.apply(f.batchTx(f.mea, onlyGood)).ok());
    QVERIFY(both.apply(f.batchTx(f.mea, second)).ok());
    QCOMPARE(both.readingsAccepted(), std::uint64_t{2});
    QCOMPARE(both.readingsRefused().at("energy.replayed"), std::uint64_t{1});
}

void TestEnergy::registryChangesComeFromTheZonesOperator()
{
    StateFixture f;
    // The consumer is in PEA-S: PEA registers it, MEA may not.
    state::BlockExecution e(f.genesis, f.rules, f.at(1));
    QCOMPARE(codeOf(e.apply(f.registryTx(f.mea, MeterRegistryAction::Register, f.consumer))),
             std::string("energy.not_grid_operator"));
    QVERIFY(e.apply(f.registryTx(f.pea, MeterRegistryAction::Register, f.consumer)).ok());
    QCOMPARE(codeOf(e.apply(f.registryTx(f.pea, MeterRegistryAction::Register, f.consumer))),
             std::string("energy.meter_exists"));
    MeterRecord outside = f.consumer;
    outside.id = crypto::hash("test", asBytes(std::string("outside")));
    outside.location = at(18.79, 98.98);
    QCOMPARE(codeOf(e.apply(f.registryTx(f.pea, MeterRegistryAction::Register, outside))),
             std::string("energy.bad_registration"));
    state::State registered = std::move(e).finish().state;
    QVERIFY(registered.meter(f.consumer.id).has_value());

    // MEA suspends its prosumer: its readings are refused, by reason.
    MeterReading r = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(r, kNet, f.meterKey);
    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    batch.readings = {r};
    witnessBatch(batch, kNet, f.mea);
    state::BlockExecution s(registered, f.rules, f.at(2));
    QVERIFY(s.apply(f.registryTx(f.mea, MeterRegistryAction::Suspend, f.prosumer)).ok());
    QVERIFY(s.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(s.readingsRefused().at("energy.meter_suspended"), std::uint64_t{1});
    // Re-keyed, the new key's readings count and the old key's do not.
    QCOMPARE(codeOf(s.apply(f.registryTx(f.mea, MeterRegistryAction::Rekey, f.prosumer))),
             std::string("energy.bad_registration"));   // its current key
    const crypto::KeyPair fresh = keyOf(99);
    MeterRecord rekey = f.prosumer;
    rekey.key = fresh.publicKey();
    QVERIFY(s.apply(f.registryTx(f.mea, MeterRegistryAction::Rekey, rekey)).ok());
    QVERIFY(s.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(s.readingsRefused().at("energy.bad_signature"), std::uint64_t{1});
    signReading(batch.readings[0], kNet, fresh);
    witnessBatch(batch, kNet, f.mea);
    QVERIFY(s.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(s.readingsAccepted(), std::uint64_t{1});
    // Re-keyed again, the meter cannot report interval 1 a second time:
    // a re-key never lets energy be counted twice.
    const crypto::KeyPair third = keyOf(98);
    rekey.key = third.publicKey();
    QVERIFY(s.apply(f.registryTx(f.mea, MeterRegistryAction::Rekey, rekey)).ok());
    signReading(batch.readings[0], kNet, third);
    witnessBatch(batch, kNet, f.mea);
    QVERIFY(s.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(s.readingsRefused().at("energy.out_of_order"), std::uint64_t{1});
    QCOMPARE(s.readingsAccepted(), std::uint64_t{1});
    QVERIFY(s.apply(f.registryTx(f.mea, MeterRegistryAction::Retire, f.prosumer)).ok());
    QCOMPARE(codeOf(s.apply(f.registryTx(f.mea, MeterRegistryAction::Rekey, rekey))),
             std::string("energy.meter_retired"));
    QCOMPARE(codeOf(s.apply(f.registryTx(f.mea, MeterRegistryAction::Suspend, outside))),
             std::string("energy.unknown_meter"));
}

void TestEnergy::readingsAreAcceptedWhileTradingIsHalted()
{
    StateFixture f;
    consensus::HaltState halts;
    halts.applyHalt(crypto::hash("test", asBytes(std::string("halt"))), {zones::kMeaMetropolitan});
    MeterReading r = f.reading(1, 300, 0, std::nullopt, f.prosumer);
    signReading(r, kNet, f.meterKey);
    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    batch.readings = {r};
    witnessBatch(batch, kNet, f.mea);
    const Transaction readings = f.batchTx(f.mea, batch);
    QVERIFY(!consensus::haltedZoneOf(readings, halts));

    EnergyTrade trade;
    trade.sellerZone = zones::kPeaCentral;
    trade.buyerZone = zones::kMeaMetropolitan;
    trade.energyWh = 1000;
    trade.priceMicroGtPerKWh = 3'000'000;
    Transaction t;
    t.kind = TransactionKind::EnergyTrade;
    t.networkId = kNet;
    t.payload = codec::encode(trade);
    signTransaction(t, f.owner);
    // Halted when either side's zone is: here the buyer's.
    QVERIFY(consensus::haltedZoneOf(t, halts) == zones::kMeaMetropolitan);
    std::swap(trade.sellerZone, trade.buyerZone);
    t.payload = codec::encode(trade);
    QVERIFY(consensus::haltedZoneOf(t, halts) == zones::kMeaMetropolitan);
    trade.sellerZone = trade.buyerZone = zones::kPeaCentral;
    t.payload = codec::encode(trade);
    QVERIFY(!consensus::haltedZoneOf(t, halts));

    // The consensus check: a batch comes from the authority that witnessed it.
    const std::vector<consensus::AuthorityMember> authorities{
        consensus::authorityMember(AuthorityType::MEA, f.mea.publicKey(), {}),
        consensus::authorityMember(AuthorityType::PEA, f.pea.publicKey(), {})};
    consensus::DirectVerifier verifier;
    consensus::TxContext c;
    c.networkId = kNet;
    c.authorities = &authorities;
    c.halts = &halts;
    c.verifier = &verifier;
    QVERIFY(consensus::checkTransaction(readings, c).ok());
    QCOMPARE(codeOf(consensus::checkTransaction(f.batchTx(f.pea, batch), c)), std::string("tx.not_authority"));
    QCOMPARE(codeOf(consensus::checkTransaction(f.batchTx(f.owner, batch), c)), std::string("tx.not_authority"));
    trade.buyerZone = zones::kMeaMetropolitan;
    t.payload = codec::encode(trade);
    signTransaction(t, f.owner);
    QCOMPARE(codeOf(consensus::checkTransaction(t, c)), std::string("tx.zone_halted"));
}

void TestEnergy::gridStateReportsLoadingAndN1()
{
    StateFixture f;
    GridStateReport report;
    report.intervalEndMs = kT0 + kIntervalMs;
    report.frequencyMilliHz = 49'900;
    report.reserveMarginBps = 350;
    report.flows = {{"W-S 500 kV 1", 1100}, {"W-S 500 kV 2", 900}, {"W-S 230 kV", -450}, {"N-C 500 kV 1", 3000}};
    auto tx = [&](const crypto::KeyPair &sender, const GridStateReport &r) { return f.gridStateTx(sender, r); };
    state::BlockExecution e(f.genesis, f.rules, f.at(1));
    QCOMPARE(codeOf(e.apply(tx(f.pea, report))), std::string("grid.not_operator"));
    QVERIFY(e.apply(tx(f.egat, report)).ok());
    GridStateReport twice = report;
    twice.flows.push_back({"W-S 230 kV", 1});
    QCOMPARE(codeOf(e.apply(tx(f.egat, twice))), std::string("grid.duplicate_line"));
    GridStateReport unknown = report;
    unknown.flows = {{"S-MY 300 kV", 100}};
    QCOMPARE(codeOf(e.apply(tx(f.egat, unknown))), std::string("grid.unknown_line"));
    GridStateReport later = report;
    later.intervalEndMs += kIntervalMs;   // has not ended at the block's time
    QCOMPARE(codeOf(e.apply(tx(f.egat, later))), std::string("grid.bad_interval"));
    GridStateReport implausible = report;
    implausible.flows[0].flowMw = 12'001;   // over ten times 1,200 MW
    QCOMPARE(codeOf(e.apply(tx(f.egat, implausible))), std::string("grid.implausible"));
    implausible.flows[0].flowMw = INT32_MIN;
    QCOMPARE(codeOf(e.apply(tx(f.egat, implausible))), std::string("grid.implausible"));
    GridStateReport offBoundary = report;
    offBoundary.intervalEndMs -= 1;
    QCOMPARE(codeOf(e.apply(tx(f.egat, offBoundary))), std::string("grid.bad_interval"));
    const state::State after = std::move(e).finish().state;
    const auto stored = after.gridState(kT0 + kIntervalMs);
    QVERIFY(stored.has_value());
    QVERIFY(*stored == report);

    // N-C 500 kV 1 carries 3,000 MW on 2,800: congested at 107.14 %.
    const auto lines = lineLoadings(f.model, *stored);
    QCOMPARE(lines.size(), std::size_t{4});
    for (const auto &l : lines) {
        if (l.line->id == "N-C 500 kV 1") {
            QCOMPARE(l.loadingBps, std::uint32_t{10714});
            QVERIFY(l.congested);
        } else {
            QVERIFY2(!l.congested, l.line->id.c_str());
        }
    }
    // The southern corridor: 1,100 + 900 - 450 = 1,550 MW south, within its
    // 1,700 MW N-1 capacity (the 230 kV flow runs north, against the rest).
    bool seen = false;
    for (const auto &c : corridorLoadings(f.model, *stored)) {
        if (c.corridor != "W-S")
            continue;
        seen = true;
        QCOMPARE(c.flowMw, std::int64_t{1550});
        QCOMPARE(c.capacityMw, std::uint64_t{2900});
        QCOMPARE(c.n1CapacityMw, std::uint64_t{1700});
        QVERIFY(!c.n1Violated);
    }
    QVERIFY(seen);
    GridStateReport heavy = report;
    heavy.flows[2].flowMw = 450;   // all three south: 2,450 MW
    bool violated = false;
    for (const auto &c : corridorLoadings(f.model, heavy))
        violated = violated || (c.corridor == "W-S" && c.n1Violated && c.flowMw == 2450);
    QVERIFY(violated);
    auto round = codec::decode<GridStateReport>(codec::encode(report), "grid state");
    QVERIFY(round.ok() && *round == report);
}


namespace {

// A market of two accounts: the seller keyOf(3) owns the MEA prosumer, the
// buyer keyOf(4) owns an MEA consumer and the PEA-S consumer. Interval 1
// is metered: the seller exported 700 Wh, the buyer imported 2,000 Wh in
// MEA and 100 Wh in PEA-S.
struct MarketFixture : StateFixture
{
    crypto::KeyPair buyer = keyOf(4);
    MeterRecord meaConsumer;
    crypto::KeyPair meaConsumerKey = keyOf(5);
    state::State metered;
    consensus::CachingVerifier verifier;

    MarketFixture()
    {
        meaConsumer = prosumer;
        meaConsumer.id = crypto::hash("test", asBytes(std::string("mea-consumer")));
        meaConsumer.key = meaConsumerKey.publicKey();
        meaConsumer.owner = buyer.publicKey();
        meaConsumer.registration = MeterRegistration::Consumer;
        MeterRecord southConsumer = consumer;
        southConsumer.owner = buyer.publicKey();
        state::GenesisAllocation a;
        a.balances.push_back({buyer.publicKey(), gtToMicro(100)});
        a.meters = {prosumer, meaConsumer, southConsumer};
        genesis = *state::State::genesis(a, rules);

        MeterReading sold = reading(1, 300, 700, std::nullopt, prosumer);
        signReading(sold, kNet, meterKey);
        MeterReading used = reading(1, 2000, 0, std::nullopt, meaConsumer);
        signReading(used, kNet, meaConsumerKey);
        ReadingBatch mea;
        mea.zone = zones::kMeaMetropolitan;
        mea.readings = {sold, used};
        witnessBatch(mea, kNet, this->mea);
        MeterReading south = reading(1, 100, 0, std::nullopt, southConsumer);
        signReading(south, kNet, consumerKey);
        ReadingBatch pea;
        pea.zone = zones::kPeaSouth;
        pea.readings = {south};
        witnessBatch(pea, kNet, this->pea);
        state::BlockExecution e(genesis, rules, at(1), &verifier);
        if (!e.apply(batchTx(this->mea, mea)).ok() || !e.apply(batchTx(this->pea, pea)).ok()
            || e.readingsAccepted() != 3)
            qFatal("market: the readings were not accepted");
        metered = std::move(e).finish().state;
    }

    std::int64_t interval(std::int64_t t) const { return kT0 + t * kIntervalMs; }

    EnergyTrade offer(std::uint64_t wh, GridZone buyerZone = zones::kMeaMetropolitan, std::uint64_t nonce = 1) const
    {
        EnergyTrade t;
        t.seller = owner.publicKey();
        t.buyer = buyer.publicKey();
        t.sellerZone = zones::kMeaMetropolitan;
        t.buyerZone = buyerZone;
        t.intervalEndMs = interval(1);
        t.energyWh = wh;
        t.priceMicroGtPerKWh = 4'000'000;   // 4 GT per kWh
        t.offerNonce = nonce;
        signTradeOffer(t, kNet, owner);
        return t;
    }

    Transaction tradeTx(const EnergyTrade &t, const crypto::KeyPair &sender, std::uint64_t nonce = 0) const
    {
        Transaction tx;
        tx.kind = TransactionKind::EnergyTrade;
        tx.networkId = kNet;
        tx.nonce = nonce;
        tx.timestampMs = kT0;
        tx.payload = codec::encode(t);
        signTransaction(tx, sender);
        return tx;
    }
};

std::uint64_t sumOfBalances(const state::State &s, std::initializer_list<PublicKey> keys)
{
    std::uint64_t sum = 0;
    for (const auto &k : keys)
        sum += s.account(k).balance;
    return sum;
}

} // namespace

void TestEnergy::tradesSettleAgainstVerifiedEnergy()
{
    MarketFixture f;
    const PublicKey seller = f.owner.publicKey();
    const PublicKey buyer = f.buyer.publicKey();
    QCOMPARE(f.metered.energyPosition(seller, zones::kMeaMetropolitan, f.interval(1)).exportWh, std::uint64_t{700});
    QCOMPARE(f.metered.energyPosition(buyer, zones::kMeaMetropolitan, f.interval(1)).importWh, std::uint64_t{2000});
    QCOMPARE(f.metered.energyPosition(buyer, zones::kPeaSouth, f.interval(1)).importWh, std::uint64_t{100});

    state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
    // Inter-zone: the buyer metered only 100 Wh in PEA-S.
    QCOMPARE(codeOf(e.apply(f.tradeTx(f.offer(150, zones::kPeaSouth), f.buyer))), std::string("trade.buyer_energy"));
    QVERIFY(e.apply(f.tradeTx(f.offer(100, zones::kPeaSouth), f.buyer)).ok());
    // In MEA: 600 Wh of the seller's export are left.
    const EnergyTrade first = f.offer(500, zones::kMeaMetropolitan, 2);
    QVERIFY(e.apply(f.tradeTx(first, f.buyer)).ok());
    // The same offer again, in another transaction: it settled once.
    QCOMPARE(codeOf(e.apply(f.tradeTx(first, f.buyer, 7))), std::string("trade.settled"));
    // Nothing is sold twice, and nothing that was not produced.
    QCOMPARE(codeOf(e.apply(f.tradeTx(f.offer(101, zones::kMeaMetropolitan, 3), f.buyer))),
             std::string("trade.seller_energy"));
    QVERIFY(e.apply(f.tradeTx(f.offer(100, zones::kMeaMetropolitan, 4), f.buyer)).ok());
    QCOMPARE(codeOf(e.apply(f.tradeTx(f.offer(1, zones::kMeaMetropolitan, 5), f.buyer))),
             std::string("trade.seller_energy"));
    const state::State after = std::move(e).finish().state;

    const auto sold = after.energyPosition(seller, zones::kMeaMetropolitan, f.interval(1));
    QCOMPARE(sold.soldWh, std::uint64_t{700});
    QCOMPARE(after.energyPosition(buyer, zones::kMeaMetropolitan, f.interval(1)).boughtWh, std::uint64_t{600});
    QCOMPARE(after.energyPosition(buyer, zones::kPeaSouth, f.interval(1)).boughtWh, std::uint64_t{100});
    QVERIFY(after.offerSettled(tradeOfferId(first), f.interval(1)));
    // 700 Wh at 4 GT/kWh: 2.8 GT to the seller; the buyer paid that and three fees.
    QCOMPARE(after.account(seller).balance, std::uint64_t{2'800'000});
    QCOMPARE(after.account(buyer).balance, gtToMicro(100) - 2'800'000 - 3 * f.rules.staking.transactionFee);
    QCOMPARE(after.supply().burned, 3 * f.rules.staking.transactionFee);
    QCOMPARE(sumOfBalances(after, {seller, buyer}) + after.supply().burned, after.supply().total);
    // The MEA -> PEA-S trade is scheduled on every corridor of its route.
    const auto route = tradeRoute(f.model, zones::kMeaMetropolitan, zones::kPeaSouth);
    QVERIFY(route.ok() && !route->empty());
    for (const auto &step : *route)
        QCOMPARE(after.tradedFlowWh(step.corridor, f.interval(1)), step.forward ? std::int64_t{100} : std::int64_t{-100});
}

void TestEnergy::tradeTermsRefusedEachWithItsReason()
{
    MarketFixture f;
    auto verdict = [&](const EnergyTrade &t, const crypto::KeyPair &sender, std::int64_t at = 2) {
        state::BlockExecution e(f.metered, f.rules, f.at(at), &f.verifier);
        return codeOf(e.apply(f.tradeTx(t, sender)));
    };
    auto resigned = [&](EnergyTrade t) {
        signTradeOffer(t, kNet, f.owner);
        return t;
    };
    QCOMPARE(verdict(f.offer(100), f.buyer), std::string("accepted"));
    QCOMPARE(verdict(f.offer(100), f.owner), std::string("trade.not_buyer"));   // the seller cannot accept for the buyer
    EnergyTrade t = f.offer(100);
    t.buyer = t.seller;
    QCOMPARE(verdict(resigned(t), f.owner), std::string("trade.self_trade"));
    t = f.offer(100);
    t.buyerZone = GridZone{99};
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("trade.unknown_zone"));
    QCOMPARE(verdict(f.offer(0), f.buyer), std::string("trade.zero_energy"));
    t = f.offer(100);
    t.priceMicroGtPerKWh = 9;   // 100 Wh at 9 micro-GT per kWh: less than one micro-GT
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("trade.zero_payment"));
    t = f.offer(100);
    t.priceMicroGtPerKWh = UINT64_MAX;
    t.energyWh = UINT64_MAX;
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("trade.overflow"));
    t = f.offer(100);
    t.intervalEndMs += 60'000;
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("trade.bad_interval"));
    t = f.offer(100);
    t.intervalEndMs = f.interval(3);   // ends after the block's time
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("trade.interval_open"));
    QCOMPARE(verdict(f.offer(100), f.buyer, 1 + 7 * 96 + 1), std::string("trade.too_old"));
    t = f.offer(100);
    t.energyWh = 200;   // the buyer raises the amount after the seller signed
    QCOMPARE(verdict(t, f.buyer), std::string("trade.bad_seller_signature"));
    t = f.offer(100);
    signTradeOffer(t, kNet + 1, f.owner);   // an offer made for another network
    QCOMPARE(verdict(t, f.buyer), std::string("trade.bad_seller_signature"));
    // A buyer that cannot pay: 600 Wh at 1,000 GT per kWh is 600 GT.
    t = f.offer(600);
    t.priceMicroGtPerKWh = gtToMicro(1'000);
    QCOMPARE(verdict(resigned(t), f.buyer), std::string("state.insufficient_balance"));
    // A refused trade changes nothing.
    state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
    QVERIFY(!e.apply(f.tradeTx(resigned(t), f.buyer)).ok());
    QVERIFY(std::move(e).finish().changes.empty());
}

void TestEnergy::interZoneTradesRespectLineCapacity()
{
    MarketFixture f;
    const auto route = tradeRoute(f.model, zones::kMeaMetropolitan, zones::kPeaSouth);
    QVERIFY(route.ok());
    QVERIFY(route->front().from == zones::kMeaMetropolitan);
    QVERIFY(route->back().to == zones::kPeaSouth);
    for (std::size_t i = 1; i < route->size(); ++i)
        QVERIFY((*route)[i].from == (*route)[i - 1].to);
    // Corridors of two circuits keep N-1: their firm capacity is one circuit's.
    for (const auto &step : *route) {
        std::uint64_t total = 0;
        int circuits = 0;
        for (const auto &l : f.model.lines)
            if ((l.corridor.empty() ? l.id : l.corridor) == step.corridor) {
                total += l.capacityMw;
                ++circuits;
            }
        QVERIFY(step.firmCapacityMw < total || circuits == 1);
        QVERIFY(step.firmCapacityMw > 0);
    }
    QVERIFY(tradeRoute(f.model, zones::kPeaSouth, zones::kPeaSouth)->empty());

    // EGAT measured the route's last corridor full (every circuit at its
    // capacity, in the trade's direction): a trade that adds to it is refused.
    const RouteStep &last = route->back();
    GridStateReport report;
    report.intervalEndMs = f.interval(1);
    report.reserveMarginBps = 1500;
    for (const auto &l : f.model.lines)
        if ((l.corridor.empty() ? l.id : l.corridor) == last.corridor) {
            const bool along = l.from == last.from;
            report.flows.push_back({l.id, along ? static_cast<std::int32_t>(l.capacityMw)
                                                : -static_cast<std::int32_t>(l.capacityMw)});
        }
    const Transaction reportTx = f.gridStateTx(f.egat, report);

    state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
    QVERIFY(e.apply(f.tradeTx(f.offer(50, zones::kPeaSouth, 1), f.buyer)).ok());   // before the report: it fits
    QVERIFY(e.apply(reportTx).ok());
    QCOMPARE(codeOf(e.apply(f.tradeTx(f.offer(50, zones::kPeaSouth, 2), f.buyer))), std::string("trade.line_capacity"));
    // Within the zone no tie line is crossed.
    QVERIFY(e.apply(f.tradeTx(f.offer(50, zones::kMeaMetropolitan, 3), f.buyer)).ok());
}

void TestEnergy::circuitsOutOfServiceCountAgainstN1AndTrades()
{
    MarketFixture f;
    // The southern corridor: 1,200 + 1,200 + 500 MW, firm 1,700 MW with a 500 kV circuit out.
    const CorridorCapacity all = corridorCapacity(f.model, "W-S", nullptr);
    QCOMPARE(all.capacityMw, std::uint64_t{2900});
    QCOMPARE(all.firmCapacityMw, std::uint64_t{1700});
    QCOMPARE(all.circuits, std::size_t{3});
    QCOMPARE(all.circuitsInService, std::size_t{3});
    // A one-circuit corridor has no N-1: its firm capacity is its rating.
    QCOMPARE(corridorCapacity(f.model, "E-MEA 500 kV", nullptr).firmCapacityMw, std::uint64_t{3500});

    // May 2013: one 500 kV circuit out for maintenance. 1,200 MW south is
    // inside the corridor's usual N-1 capacity, but not with that circuit
    // out: losing the other 500 kV circuit would leave 500 MW.
    GridStateReport report;
    report.intervalEndMs = f.interval(1);
    report.flows = {{"W-S 500 kV 1", 900, false}, {"W-S 500 kV 2", 0, true}, {"W-S 230 kV", 300, false}};
    QVERIFY(checkGridState(f.model, report, f.at(2).timeMs, 7ll * 86'400'000).ok());
    const CorridorCapacity maintenance = corridorCapacity(f.model, "W-S", &report);
    QCOMPARE(maintenance.capacityMw, std::uint64_t{1700});
    QCOMPARE(maintenance.firmCapacityMw, std::uint64_t{500});
    QCOMPARE(maintenance.circuitsInService, std::size_t{2});
    bool seen = false;
    for (const auto &c : corridorLoadings(f.model, report))
        if (c.corridor == "W-S") {
            seen = true;
            QCOMPARE(c.flowMw, std::int64_t{1200});
            QCOMPARE(c.n1CapacityMw, std::uint64_t{500});
            QVERIFY(c.n1Violated);
        }
    QVERIFY(seen);
    GridStateReport inService = report;
    inService.flows[1].outOfService = false;
    for (const auto &c : corridorLoadings(f.model, inService))
        if (c.corridor == "W-S")
            QVERIFY(!c.n1Violated);   // 1,200 of 1,700 MW
    // A circuit that tripped during the interval: its average flow, and out
    // of service at the end. Its flow counts; its capacity does not.
    GridStateReport tripped = report;
    tripped.flows[1].flowMw = 200;
    QVERIFY(checkGridState(f.model, tripped, f.at(2).timeMs, 7ll * 86'400'000).ok());
    for (const auto &c : corridorLoadings(f.model, tripped))
        if (c.corridor == "W-S")
            QVERIFY(c.flowMw == 1400 && c.n1CapacityMw == 500 && c.n1Violated);
    // Every circuit out: no capacity at all, and N-1 fails even with no flow.
    GridStateReport dark;
    dark.intervalEndMs = f.interval(1);
    dark.flows = {{"W-S 500 kV 1", 0, true}, {"W-S 500 kV 2", 0, true}, {"W-S 230 kV", 0, true}};
    QCOMPARE(corridorCapacity(f.model, "W-S", &dark).firmCapacityMw, std::uint64_t{0});
    for (const auto &c : corridorLoadings(f.model, dark))
        if (c.corridor == "W-S")
            QVERIFY(c.n1Violated);
    // One circuit left in service is treated as a radial line: its rating.
    GridStateReport radial = dark;
    radial.flows[2].outOfService = false;
    QCOMPARE(corridorCapacity(f.model, "W-S", &radial).firmCapacityMw, std::uint64_t{500});
    auto round = codec::decode<GridStateReport>(codec::encode(report), "grid state");
    QVERIFY(round.ok() && *round == report && round->flows[1].outOfService);
    // The Grid page's rows carry it.
    state::State empty = f.metered;
    {
        state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
        QVERIFY(e.apply(f.gridStateTx(f.egat, report)).ok());
        empty = std::move(e).finish().state;
    }
    const interfaces::GridSnapshot g = node::gridSnapshot(f.model, empty, {}, f.at(2).timeMs);
    int out = 0;
    for (const auto &l : g.lines) {
        out += l.outOfService;
        if (l.key == "W-S 500 kV 2")
            QVERIFY(l.outOfService && l.n1Violated && l.reported);
    }
    QCOMPARE(out, 1);

    // Trades: EGAT measured the 230 kV line at its 500 MW rating. With every
    // circuit in service the corridor's firm capacity (1,700 MW) takes a
    // trade south; with both 500 kV circuits out only the 230 kV line is
    // left, full, and the same trade is refused.
    GridStateReport busy;
    busy.intervalEndMs = f.interval(1);
    busy.flows = {{"W-S 500 kV 1", 0, false}, {"W-S 500 kV 2", 0, false}, {"W-S 230 kV", 500, false}};
    {
        state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
        QVERIFY(e.apply(f.gridStateTx(f.egat, busy)).ok());
        QVERIFY(e.apply(f.tradeTx(f.offer(50, zones::kPeaSouth, 1), f.buyer)).ok());
    }
    GridStateReport outage = busy;
    outage.flows[0].outOfService = true;
    outage.flows[1].outOfService = true;
    {
        state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
        QVERIFY(e.apply(f.gridStateTx(f.egat, outage)).ok());
        QCOMPARE(codeOf(e.apply(f.tradeTx(f.offer(50, zones::kPeaSouth, 1), f.buyer))),
                 std::string("trade.line_capacity"));
    }
}

void TestEnergy::conservationBandIsExact()
{
    const GridModel &model = defaultGridModel();   // losses from 0 to 800 bps of the inflow
    QCOMPARE(model.lossMinBps, std::uint32_t{0});
    QCOMPARE(model.lossMaxBps, std::uint32_t{800});
    auto judge = [&](std::uint64_t gen, std::uint64_t cons, std::uint64_t imports, std::uint64_t exports) {
        return judgeConservation(model, ZoneTotals{1, cons, gen}, ZoneExchange{imports, exports});
    };
    // 1.5 % losses: the figures and the verdict.
    const auto ok = judge(600'000, 900'000, 400'000, 85'000);
    QCOMPARE(ok.lossesWh, std::int64_t{15'000});
    QCOMPARE(ok.lossBps, std::int32_t{150});
    QCOMPARE(ok.generationWh, std::uint64_t{600'000});
    QCOMPARE(ok.consumptionWh, std::uint64_t{900'000});
    QCOMPARE(ok.importsWh, std::uint64_t{400'000});
    QCOMPARE(ok.exportsWh, std::uint64_t{85'000});
    QVERIFY(ok.verdict == ConservationVerdict::Balanced);
    // The band's ends belong to it, decided on the exact figures: 8 % of
    // 1,000,000 Wh is in, one Wh more is out; no losses is in, a Wh of
    // energy from nowhere is out.
    QVERIFY(judge(1'000'000, 920'000, 0, 0).verdict == ConservationVerdict::Balanced);
    QVERIFY(judge(1'000'000, 919'999, 0, 0).verdict == ConservationVerdict::LossesHigh);
    QVERIFY(judge(1'000'000, 1'000'000, 0, 0).verdict == ConservationVerdict::Balanced);
    const auto low = judge(1'000'000, 1'000'001, 0, 0);
    QVERIFY(low.verdict == ConservationVerdict::LossesLow);
    QCOMPARE(low.lossesWh, std::int64_t{-1});
    QCOMPARE(low.lossBps, std::int32_t{0});   // rounds to zero; the verdict does not
    // Nothing came in: balanced only when nothing went out either.
    QVERIFY(judge(0, 0, 0, 0).verdict == ConservationVerdict::Balanced);
    const auto nowhere = judge(0, 100, 0, 0);
    QVERIFY(nowhere.verdict == ConservationVerdict::LossesLow);
    QCOMPARE(nowhere.lossBps, kMinLossBps);
    // Extreme figures neither overflow nor wrap.
    const auto huge = judge(UINT64_MAX, 0, UINT64_MAX, 0);
    QCOMPARE(huge.lossesWh, INT64_MAX);
    QCOMPARE(huge.lossBps, std::int32_t{10'000});
    QVERIFY(huge.verdict == ConservationVerdict::LossesHigh);
    const auto sink = judge(1, UINT64_MAX, 0, UINT64_MAX);
    QCOMPARE(sink.lossesWh, INT64_MIN);
    QCOMPARE(sink.lossBps, kMinLossBps);

    // Tie-line flows: positive from a line's `from` zone to its `to` zone,
    // 1 MW for the interval being 250 kWh.
    GridStateReport report;
    report.flows = {{"C-MEA 500 kV 1", 10}, {"C-MEA 500 kV 2", -4}, {"E-MEA 500 kV", 2}};
    const auto mea = zoneExchange(model, report, zones::kMeaMetropolitan);
    QCOMPARE(mea.importsWh, std::uint64_t{12 * 250'000});
    QCOMPARE(mea.exportsWh, std::uint64_t{4 * 250'000});
    const auto central = zoneExchange(model, report, zones::kPeaCentral);
    QCOMPARE(central.importsWh, std::uint64_t{4 * 250'000});
    QCOMPARE(central.exportsWh, std::uint64_t{10 * 250'000});

    auto round = codec::decode<ConservationFigures>(codec::encode(low), "conservation");
    QVERIFY(round.ok() && *round == low);
    Bytes bad = codec::encode(low);
    bad.back() = 3;   // no such verdict
    QVERIFY(!codec::decode<ConservationFigures>(bad, "conservation").ok());
}

void TestEnergy::conservationIsJudgedPerZoneWithItsFigures()
{
    MarketFixture f;
    auto reportTx = [&](const GridStateReport &r) { return f.gridStateTx(f.egat, r); };
    // Interval 1 is metered (MEA: 700 Wh produced, 2,300 Wh consumed; PEA-S:
    // 100 Wh consumed), but nothing is judged before EGAT reports its flows.
    QVERIFY(!f.metered.conservation(zones::kMeaMetropolitan, f.interval(1)));
    GridStateReport one;
    one.intervalEndMs = f.interval(1);
    one.flows = {{"W-S 500 kV 1", 0}};
    state::BlockExecution e(f.metered, f.rules, f.at(2), &f.verifier);
    QVERIFY(e.apply(reportTx(one)).ok());
    const state::State judged = std::move(e).finish().state;
    const auto mea = judged.conservation(zones::kMeaMetropolitan, f.interval(1));
    QVERIFY(mea.has_value());
    QCOMPARE(mea->readings, std::uint32_t{2});
    QCOMPARE(mea->generationWh, std::uint64_t{700});
    QCOMPARE(mea->consumptionWh, std::uint64_t{2300});
    QCOMPARE(mea->lossesWh, std::int64_t{-1600});
    QCOMPARE(mea->lossBps, std::int32_t{-22857});
    QVERIFY(mea->verdict == ConservationVerdict::LossesLow);
    const auto south = judged.conservation(zones::kPeaSouth, f.interval(1));
    QVERIFY(south.has_value() && south->verdict == ConservationVerdict::LossesLow);
    QCOMPARE(south->lossBps, kMinLossBps);
    // A zone with no accepted reading gets no verdict.
    QVERIFY(!judged.conservation(zones::kPeaNorth, f.interval(1)));

    // Interval 2: EGAT reports first, then the readings arrive; each batch
    // judges the zone again on its new totals.
    GridStateReport two;
    two.intervalEndMs = f.interval(2);
    state::BlockExecution e2(judged, f.rules, f.at(3), &f.verifier);
    QVERIFY(e2.apply(reportTx(two)).ok());
    MeterReading produced = f.reading(2, 0, 1000, judged.meterProgress(f.prosumer.id), f.prosumer);
    signReading(produced, kNet, f.meterKey);
    MeterReading used = f.reading(2, 950, 0, judged.meterProgress(f.meaConsumer.id), f.meaConsumer);
    signReading(used, kNet, f.meaConsumerKey);
    ReadingBatch batch;
    batch.zone = zones::kMeaMetropolitan;
    batch.readings = {produced};
    witnessBatch(batch, kNet, f.mea);
    QVERIFY(e2.apply(f.batchTx(f.mea, batch)).ok());
    batch.readings = {used};
    witnessBatch(batch, kNet, f.mea);
    QVERIFY(e2.apply(f.batchTx(f.mea, batch)).ok());
    QCOMPARE(e2.readingsAccepted(), std::uint64_t{2});
    const state::State balanced = std::move(e2).finish().state;
    const auto now = balanced.conservation(zones::kMeaMetropolitan, f.interval(2));
    QVERIFY(now.has_value());
    QCOMPARE(now->readings, std::uint32_t{2});
    QCOMPARE(now->lossesWh, std::int64_t{50});
    QCOMPARE(now->lossBps, std::int32_t{500});
    QVERIFY(now->verdict == ConservationVerdict::Balanced);

    // EGAT corrects the interval: 1 MW came in from the central region and
    // vanished. The correction judges the zone again.
    two.flows = {{"C-MEA 500 kV 1", 1}};
    state::BlockExecution e3(balanced, f.rules, f.at(4), &f.verifier);
    QVERIFY(e3.apply(reportTx(two)).ok());
    const state::State corrected = std::move(e3).finish().state;
    const auto high = corrected.conservation(zones::kMeaMetropolitan, f.interval(2));
    QVERIFY(high.has_value());
    QCOMPARE(high->importsWh, std::uint64_t{250'000});
    QCOMPARE(high->lossesWh, std::int64_t{250'050});
    QVERIFY(high->verdict == ConservationVerdict::LossesHigh);
    // The central region exported that MW and has no readings: no verdict.
    QVERIFY(!corrected.conservation(zones::kPeaCentral, f.interval(2)));

    // The console's Grid page reads the same figures from the state. Two
    // hours later (block time), interval 2 is still the newest with data.
    const std::int64_t later = f.at(10).timeMs;
    const interfaces::GridSnapshot g =
        node::gridSnapshot(f.model, corrected, {zones::kPeaSouth.id}, later);
    QVERIFY(g.joined);
    QCOMPARE(g.intervalEndMs, f.interval(2));
    QVERIFY(g.reported);
    QVERIFY(!g.nationwideHalt);
    QCOMPARE(g.lossMaxBps, f.model.lossMaxBps);
    QCOMPARE(g.chainTimeMs, later);
    QCOMPARE(g.zones.size(), f.model.zones.size());
    QCOMPARE(g.lines.size(), f.model.lines.size());
    QCOMPARE(g.trends.size(), f.model.zones.size());
    const auto zoneRow = [&](GridZone z) {
        for (const auto &r : g.zones)
            if (r.key == gridZoneCode(z))
                return r;
        qFatal("no row for the zone");
    };
    const interfaces::ZoneRow meaRow = zoneRow(zones::kMeaMetropolitan);
    QCOMPARE(meaRow.operatorName, std::string("MEA"));
    QCOMPARE(meaRow.readings, std::uint32_t{2});
    QCOMPARE(meaRow.generationWh, now->generationWh);
    QCOMPARE(meaRow.consumptionWh, now->consumptionWh);
    QCOMPARE(meaRow.importsWh, std::uint64_t{250'000});
    QCOMPARE(meaRow.lossesWh, std::int64_t{250'050});
    QVERIFY(meaRow.conservation == interfaces::Conservation::LossesHigh);
    QVERIFY(!meaRow.halted);
    const interfaces::ZoneRow southRow = zoneRow(zones::kPeaSouth);
    QVERIFY(southRow.halted);
    QVERIFY(southRow.conservation == interfaces::Conservation::Unjudged);   // nothing metered in interval 2
    QCOMPARE(zoneRow(zones::kPeaCentral).exportsWh, std::uint64_t{250'000});
    for (const auto &l : g.lines) {
        QCOMPARE(l.reported, l.key == "C-MEA 500 kV 1");
        if (l.reported)
            QCOMPARE(l.flowMw, std::int32_t{1});
    }
    // The trend ends on the interval shown, 96 intervals, oldest first.
    for (const auto &t : g.trends) {
        QCOMPARE(t.points.size(), std::size_t(node::kGridTrendIntervals));
        QCOMPARE(t.points.back().intervalEndMs, f.interval(2));
        QCOMPARE(t.points.front().intervalEndMs, f.interval(2) - (node::kGridTrendIntervals - 1) * kIntervalMs);
    }
    for (const auto &t : g.trends) {
        if (t.zone != gridZoneCode(zones::kMeaMetropolitan))
            continue;
        const auto &p1 = t.points[t.points.size() - 2];   // interval 1
        QCOMPARE(p1.generationWh, std::uint64_t{700});
        QCOMPARE(p1.consumptionWh, std::uint64_t{2300});
    }
    // A nationwide halt marks every zone; with no data in the last 24 hours
    // the interval shown is the last one ended.
    const interfaces::GridSnapshot quiet =
        node::gridSnapshot(f.model, corrected, {kNationwideZoneId}, later + 2 * 86'400'000);
    QVERIFY(quiet.nationwideHalt);
    for (const auto &r : quiet.zones)
        QVERIFY(r.halted && r.readings == 0);
    QCOMPARE(quiet.intervalEndMs, (later + 2 * 86'400'000) / kIntervalMs * kIntervalMs);
    QVERIFY(!quiet.reported);
}

void TestEnergy::gridFeedReadsAsBalancedAndResumes()
{
    StateFixture f;
    consensus::CachingVerifier verifier;
    const auto interval = [](std::int64_t t) { return kT0 + t * kIntervalMs; };
    const auto keys = [] {
        std::map<AuthorityType, crypto::KeyPair> k;
        k.emplace(AuthorityType::MEA, keyOf(10));
        k.emplace(AuthorityType::PEA, keyOf(11));
        k.emplace(AuthorityType::EGAT, keyOf(12));
        return k;
    };
    sim::GridFeedOptions o;
    o.seed = 7;
    o.networkId = kNet;
    o.firstIntervalEndMs = kT0 + 40 * kIntervalMs;   // from 10:00 in Bangkok, through the afternoon peak
    auto feed = sim::GridFeed::make(o, keys());
    QVERIFY2(feed.ok(), feed.ok() ? "" : feed.error().message.c_str());
    const std::size_t meters = feed->meters().size();
    QVERIFY(meters > 30);
    state::BlockExecution reg(f.genesis, f.rules, f.at(40), &verifier);
    for (const Transaction &tx : feed->registrations(kT0))
        QVERIFY(reg.apply(tx).ok());
    state::State s = std::move(reg).finish().state;
    std::set<std::uint16_t> fedZones;
    for (const auto &m : feed->meters())
        fedZones.insert(m.zone.id);
    QCOMPARE(fedZones.size(), std::size_t{7});   // every zone a tie line reaches; not EGAT-TX

    for (std::int64_t t = 40; t < 56; ++t) {
        const state::BlockContext block = f.at(t);
        state::BlockExecution e(s, f.rules, block, &verifier);
        for (const Transaction &tx : feed->next(block.timeMs))
            QVERIFY(e.apply(tx).ok());
        QCOMPARE(e.readingsAccepted(), std::uint64_t(meters));
        s = std::move(e).finish().state;
        // Honest figures close zone by zone, and no line is over its rating.
        for (const std::uint16_t z : fedZones) {
            const auto c = s.conservation(GridZone{z}, interval(t));
            QVERIFY(c.has_value());
            QVERIFY2(c->verdict == ConservationVerdict::Balanced,
                     (gridZoneCode(GridZone{z}) + " " + std::to_string(c->lossBps)).c_str());
            QVERIFY(c->generationWh + c->consumptionWh > 0);
        }
        const auto report = s.gridState(interval(t));
        QVERIFY(report.has_value());
        for (const auto &l : lineLoadings(f.model, *report))
            QVERIFY2(!l.congested, l.line->id.c_str());
    }
    // The afternoon peak is above the morning.
    const auto morning = s.conservation(zones::kMeaMetropolitan, interval(40));
    const auto peak = s.conservation(zones::kMeaMetropolitan, interval(55));
    QVERIFY(morning && peak && peak->consumptionWh > morning->consumptionWh);

    // A feed restarted later continues the registers exactly...
    auto again = sim::GridFeed::make(o, keys());
    QVERIFY(again.ok());
    QVERIFY(again->advanceTo(interval(55)).ok());
    QCOMPARE(again->nextIntervalEndMs(), interval(56));
    {
        state::BlockExecution e(s, f.rules, f.at(56), &verifier);
        for (const Transaction &tx : again->next(f.at(56).timeMs))
            QVERIFY(e.apply(tx).ok());
        QCOMPARE(e.readingsAccepted(), std::uint64_t(meters));
    }
    // ...also one that started elsewhere but counts its registers from the
    // same interval (a restart with another backfill)...
    sim::GridFeedOptions later = o;
    later.firstIntervalEndMs = interval(50);
    later.registersFromIntervalEndMs = interval(40);
    auto elsewhere = sim::GridFeed::make(later, keys());
    QVERIFY(elsewhere.ok());
    QVERIFY(elsewhere->advanceTo(interval(55)).ok());
    {
        state::BlockExecution e(s, f.rules, f.at(56), &verifier);
        for (const Transaction &tx : elsewhere->next(f.at(56).timeMs))
            QVERIFY(e.apply(tx).ok());
        QCOMPARE(e.readingsAccepted(), std::uint64_t(meters));
    }
    // ...while one that counts them from later is refused, every reading:
    // its registers are behind the chain's.
    later.registersFromIntervalEndMs = interval(50);
    auto shifted = sim::GridFeed::make(later, keys());
    QVERIFY(shifted.ok());
    QVERIFY(shifted->advanceTo(interval(55)).ok());
    {
        state::BlockExecution e(s, f.rules, f.at(56), &verifier);
        for (const Transaction &tx : shifted->next(f.at(56).timeMs))
            QVERIFY(e.apply(tx).ok());
        QCOMPARE(e.readingsAccepted(), std::uint64_t{0});
        QCOMPARE(e.readingsRefused().at("energy.register_backwards"), std::uint64_t(meters));
    }
    // And one that does not catch up sends an interval the chain has passed.
    auto stale = sim::GridFeed::make(o, keys());
    QVERIFY(stale.ok());
    QVERIFY(stale->advanceTo(interval(50)).ok());
    {
        state::BlockExecution e(s, f.rules, f.at(56), &verifier);
        for (const Transaction &tx : stale->next(f.at(56).timeMs))
            QVERIFY(e.apply(tx).ok());
        QCOMPARE(e.readingsAccepted(), std::uint64_t{0});
        QCOMPARE(e.readingsRefused().at("energy.out_of_order"), std::uint64_t(meters));
    }
}

QTEST_GUILESS_MAIN(TestEnergy)
