#include "core/sim/meter_sim.h"

#include "core/sim/load_shape.h"

#include "core/common/json.h"
#include "core/energy/ingest.h"

#include <algorithm>
#include <array>
#include <optional>
#include <random>

namespace gtx::sim {

using namespace gtx::energy;

namespace {

constexpr std::uint32_t kNetworkId = 0x4D5452;               // "MTR": the check's own network
constexpr std::int64_t kStartMs = 1777395600000;             // 2026-04-28 17:00 UTC, midnight in Thailand
constexpr std::size_t kDetailLimit = 20;
constexpr std::size_t kSuspendedIntervals = 3;
// A frozen-register episode: five hours, past the rules' default limit of four.
constexpr std::size_t kFrozenEpisodeIntervals = 20;

// A household's load through the day, in W at each local hour: night base,
// a morning rise, air conditioning in the afternoon, the evening peak.
constexpr std::array<std::uint32_t, 24> kLoadW{400, 350, 330, 320, 320, 380, 600, 700, 600, 550, 600, 700,
                                                800, 900, 1000, 1000, 950, 1100, 1500, 1800, 1900, 1700, 1200, 700};
// Rooftop solar output in per mille of its peak, at each local hour.
constexpr std::array<std::uint32_t, 24> kSolarPermille{0, 0, 0, 0, 0, 0, 20, 120, 300, 500, 680, 800,
                                                        850, 820, 700, 520, 320, 130, 20, 0, 0, 0, 0, 0};

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_engine() % n; }
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return hi <= lo ? lo : lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(std::uint32_t ppm) { return below(1'000'000) < ppm; }

private:
    std::mt19937_64 m_engine;
};

crypto::KeyPair keyFor(std::uint64_t seed, std::string_view what, std::uint64_t index)
{
    codec::Writer w;
    w.u64(seed);
    w.string(what);
    w.u64(index);
    const Hash256 h = crypto::hash("gtx/sim-meter-key/v1", w.data());
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(h.bytes.data(), 32));
}


enum class Fault {
    None,
    Tampered,
    DriftedClock,
    Future,
    DuplicateInterval,
    OverCapacity,
    ConsumerExport,
    OffZone,
    FarFromNode,
    RegisterBackwards,
    HiddenGap,
    Spike,
    FrozenRegister,
    BadSignature,
    UnknownMeter,
    WrongZone,
};

struct FaultInfo
{
    Fault fault;
    const char *name;
    const char *reason;
};

constexpr std::array<FaultInfo, 15> kReadingFaults{{
    {Fault::Tampered, "tampered", "energy.tampered"},
    {Fault::DriftedClock, "drifted-clock", "energy.off_boundary"},
    {Fault::Future, "future", "energy.future"},
    {Fault::DuplicateInterval, "duplicate-interval", "energy.duplicate_interval"},
    {Fault::OverCapacity, "over-capacity", "energy.over_capacity"},
    {Fault::ConsumerExport, "consumer-export", "energy.export_not_registered"},
    {Fault::OffZone, "off-zone", "energy.off_zone"},
    {Fault::FarFromNode, "far-from-node", "energy.far_from_grid_node"},
    {Fault::RegisterBackwards, "register-backwards", "energy.register_backwards"},
    {Fault::HiddenGap, "hidden-gap", "energy.register_mismatch"},
    {Fault::Spike, "spike", "energy.spike"},
    {Fault::FrozenRegister, "frozen-register", "energy.frozen_register"},
    {Fault::BadSignature, "bad-signature", "energy.bad_signature"},
    {Fault::UnknownMeter, "unknown-meter", "energy.unknown_meter"},
    {Fault::WrongZone, "wrong-zone", "energy.wrong_zone"},
}};

const FaultInfo &infoOf(Fault f)
{
    for (const auto &i : kReadingFaults)
        if (i.fault == f)
            return i;
    return kReadingFaults[0];
}

struct SimMeter
{
    MeterRecord record;
    std::uint64_t keyIndex = 0;        // its key is keyFor(seed, "meter", keyIndex): a fleet of a
                                       // million holds no million secure allocations
    std::uint64_t generation = 0;      // re-keys so far
    std::uint32_t loadPermille = 1000; // this household against the typical one
    std::uint32_t solarPeakW = 0;      // 0: no solar
    std::uint64_t importRegister = 0;  // the truth
    std::uint64_t exportRegister = 0;
    std::size_t suspendedLeft = 0;     // intervals until re-keyed
    std::size_t frozenLeft = 0;        // intervals of a frozen episode still to come
    std::size_t episode = 0;           // the frozen episode's index in the report, +1
};

// What was sent, and what the rules must say about it.
struct Sent
{
    MeterReading reading;
    std::size_t meter = 0;
    const char *fault = nullptr;    // nullptr: a valid reading
    const char *reason = nullptr;   // the expected refusal
    std::size_t episode = 0;        // frozen episode, +1
    std::size_t startsEpisode = 0;  // the good reading just before a frozen episode, +1
};

class MeterCheck
{
public:
    MeterCheck(const MeterCheckOptions &o, const GridModel &model)
        : m_o(o), m_model(model), m_rng(o.seed ^ 0x6d65746572ull)
    {
    }

    Result<MeterCheckReport> run();

private:
    Status makeFleet();
    GeoPoint placeNear(const GridNodeModel &node);
    std::optional<GeoPoint> farPoint(const SimMeter &m);
    GeoPoint offZonePoint(const SimMeter &m);
    MeterReading truthReading(SimMeter &m, std::int64_t endMs);
    Fault pickFault(const SimMeter &m);
    void applyFault(Fault f, SimMeter &m, MeterReading &r, std::vector<Sent> &out, std::int64_t endMs);
    crypto::KeyPair meterKey(const SimMeter &m) const { return keyFor(m_o.seed, "meter", m.keyIndex); }
    void injected(const char *fault) { ++m_report.injected; ++m_report.injectedByFault[fault]; }
    void judge(const std::vector<Sent> &sent, const BatchOutcome &outcome, const char *batchFault,
               const char *batchReason);
    // A batch sent again: each reading it had accepted must now be refused as
    // replayed (or out of order, once its meter has moved on); the ones it
    // had refused are not judged (a reading refused as early may count now).
    void judgeReplay(const std::vector<bool> &acceptedBefore, const BatchOutcome &outcome);
    void detail(std::vector<std::string> &list, const std::string &line)
    {
        if (list.size() < kDetailLimit)
            list.push_back(line);
    }

    MeterCheckOptions m_o;
    const GridModel &m_model;
    Rng m_rng;
    std::map<AuthorityType, crypto::KeyPair> m_operatorKeys;
    crypto::KeyPair m_otherAuthority;   // signs the wrong-witness batches (NEPO)
    std::vector<SimMeter> m_meters;
    std::optional<ReadingIngest> m_ingest;
    MeterCheckReport m_report;
    std::int64_t m_now = 0;   // the current interval's end
    // Frozen episodes: caught when one of their readings is refused as frozen.
    std::vector<bool> m_episodeCaught;
    std::vector<bool> m_episodeWrong;
    std::vector<std::size_t> m_episodeAccepted;   // its readings that passed as a quiet meter
    std::vector<std::size_t> m_episodeLost;       // its readings in batches refused whole
};

Status MeterCheck::makeFleet()
{
    GridOperatorKeys operators;
    for (AuthorityType t : {AuthorityType::EGAT, AuthorityType::MEA, AuthorityType::PEA}) {
        m_operatorKeys[t] = keyFor(m_o.seed, "operator", static_cast<std::uint64_t>(t));
        operators[t] = m_operatorKeys[t].publicKey();
    }
    m_otherAuthority = keyFor(m_o.seed, "operator", static_cast<std::uint64_t>(AuthorityType::NEPO));
    m_ingest.emplace(kNetworkId, m_model, m_o.rules, operators);

    // Customers per zone, roughly as the utilities' (the transmission zone
    // holds a few generators' meters).
    std::vector<std::pair<const ZoneModel *, std::uint32_t>> weights;
    for (const auto &z : m_model.zones) {
        std::uint32_t w = 10;
        if (z.zone == zones::kEgatTransmission)
            w = 1;
        else if (z.zone == zones::kMeaMetropolitan || z.zone == zones::kPeaNortheast)
            w = 18;
        weights.push_back({&z, w});
    }
    std::uint64_t total = 0;
    for (const auto &[z, w] : weights)
        total += w;
    for (std::size_t i = 0; i < m_o.meters; ++i) {
        std::uint64_t pick = m_rng.below(total);
        const ZoneModel *zone = weights.back().first;
        for (const auto &[z, w] : weights) {
            if (pick < w) {
                zone = z;
                break;
            }
            pick -= w;
        }
        std::vector<const GridNodeModel *> nodes;
        for (const auto &n : m_model.nodes)
            if (n.zone == zone->zone)
                nodes.push_back(&n);
        if (nodes.empty())
            return makeError("meters.bad_model", "The zone " + zone->code + " has no grid node to connect meters to.");
        const GridNodeModel &node = *nodes[m_rng.below(nodes.size())];

        SimMeter m;
        m.keyIndex = i * 1000;
        m.record.id = crypto::hash("gtx/sim-meter-id/v1", asBytes("meter-" + std::to_string(m_o.seed) + "-"
                                                                 + std::to_string(i)));
        m.record.key = meterKey(m).publicKey();
        m.record.owner = keyFor(m_o.seed, "owner", i).publicKey();
        m.record.zone = zone->zone;
        m.record.gridNode = node.id;
        m.record.location = placeNear(node);
        if (zone->zone == zones::kEgatTransmission) {
            // A generator: 50 MW, producing 30 to 45 MW around the clock.
            m.record.ratedCapacityW = 50'000'000;
            m.record.registration = MeterRegistration::Prosumer;
            m.loadPermille = static_cast<std::uint32_t>(m_rng.range(600, 900));
        } else {
            m.record.ratedCapacityW = 15'000;
            m.loadPermille = static_cast<std::uint32_t>(m_rng.range(500, 1500));
            if (m_rng.chance(400'000)) {
                m.record.registration = MeterRegistration::Prosumer;
                m.solarPeakW = static_cast<std::uint32_t>(m_rng.range(3000, 8000));
            }
        }
        m.importRegister = static_cast<std::uint64_t>(m_rng.range(1'000'000, 20'000'000));
        m.exportRegister = m.solarPeakW || zone->zone == zones::kEgatTransmission
            ? static_cast<std::uint64_t>(m_rng.range(1'000'000, 5'000'000))
            : 0;
        GTX_TRY(m_ingest->registerMeter(m.record));
        m_meters.push_back(std::move(m));
    }
    return Status::success();
}

GeoPoint MeterCheck::placeNear(const GridNodeModel &node)
{
    // Within half the service radius: 1 micro-degree is about 0.111 m.
    const std::int64_t spread = node.serviceRadiusMetres / 2 * 1000 / 111 / 2;
    for (int attempt = 0; attempt < 20; ++attempt) {
        GeoPoint p{static_cast<std::int32_t>(node.location.latMicroDeg + m_rng.range(-spread, spread)),
                   static_cast<std::int32_t>(node.location.lonMicroDeg + m_rng.range(-spread, spread))};
        if (m_model.inZone(node.zone, p) && distanceMetres(p, node.location) <= node.serviceRadiusMetres / 2)
            return p;
    }
    return node.location;
}

std::optional<GeoPoint> MeterCheck::farPoint(const SimMeter &m)
{
    const GridNodeModel *own = m_model.node(m.record.gridNode);
    for (const auto &n : m_model.nodes)
        if (n.zone == m.record.zone && distanceMetres(n.location, own->location) > own->serviceRadiusMetres + 1000)
            return n.location;
    return std::nullopt;
}

GeoPoint MeterCheck::offZonePoint(const SimMeter &m)
{
    std::vector<const GridNodeModel *> others;
    for (const auto &n : m_model.nodes)
        if (n.zone != m.record.zone && !m_model.inZone(m.record.zone, n.location))
            others.push_back(&n);
    if (others.empty())
        return GeoPoint{1'290'000, 103'850'000};   // Singapore: outside every zone of the default model
    return others[m_rng.below(others.size())]->location;
}

MeterReading MeterCheck::truthReading(SimMeter &m, std::int64_t endMs)
{
    std::uint64_t loadW = 0;
    std::uint64_t productionW = 0;
    if (m.record.zone == zones::kEgatTransmission) {
        productionW = static_cast<std::uint64_t>(m.record.ratedCapacityW) * m.loadPermille / 1000;
        productionW = productionW * static_cast<std::uint64_t>(m_rng.range(970, 1030)) / 1000;
        loadW = static_cast<std::uint64_t>(m_rng.range(100'000, 300'000));   // station service
    } else {
        loadW = shapeAt(kLoadW, endMs) * m.loadPermille / 1000;
        loadW = loadW * static_cast<std::uint64_t>(m_rng.range(900, 1100)) / 1000;
        if (m.solarPeakW)
            productionW = static_cast<std::uint64_t>(m.solarPeakW) * shapeAt(kSolarPermille, endMs) / 1000
                * static_cast<std::uint64_t>(m_rng.range(800, 1000)) / 1000;
    }
    MeterReading r;
    r.meterId = m.record.id;
    r.timestampMs = endMs + m_rng.range(-20'000, 20'000);   // a meter clock within 20 s
    r.importWh = loadW > productionW ? (loadW - productionW) / 4 : 0;
    r.exportWh = productionW > loadW ? (productionW - loadW) / 4 : 0;
    m.importRegister += r.importWh;
    m.exportRegister += r.exportWh;
    r.importRegisterWh = m.importRegister;
    r.exportRegisterWh = m.exportRegister;
    r.location = m.record.location;
    return r;
}

Fault MeterCheck::pickFault(const SimMeter &m)
{
    // Register faults need registers the rules know (not a meter's first
    // reading, nor the first after it is re-keyed).
    const MeterProgress *known = m_ingest->progress(m.record.id);
    const MeterProgress *p = known && known->registersKnown ? known : nullptr;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const Fault f = kReadingFaults[m_rng.below(kReadingFaults.size())].fault;
        switch (f) {
        case Fault::ConsumerExport:
            if (m.record.registration != MeterRegistration::Consumer)
                continue;
            break;
        case Fault::FarFromNode:
            break;   // farPoint() may not exist: applyFault falls back
        case Fault::RegisterBackwards:
        case Fault::FrozenRegister:
        case Fault::DuplicateInterval:
            if (!p)
                continue;
            break;
        case Fault::HiddenGap:
            // A jump is only a hidden gap when the last accepted interval is
            // the one before (after a real gap the registers may move more).
            if (!p || p->lastIntervalEndMs != m_now - kIntervalMs)
                continue;
            break;
        case Fault::Spike:
            // A spike is judged against a quiet history only.
            if (!p || p->readings < m_o.rules.spikeHistory
                || p->lastIntervalEndMs < m_now - kIntervalMs * m_o.rules.spikeRecentIntervals
                || m.record.maxIntervalWh() <= p->importPeakWh * m_o.rules.spikeFactor)
                continue;
            break;
        default:
            break;
        }
        return f;
    }
    return Fault::None;
}

void MeterCheck::applyFault(Fault f, SimMeter &m, MeterReading &r, std::vector<Sent> &out, std::int64_t endMs)
{
    const FaultInfo &info = infoOf(f);
    const std::size_t index = static_cast<std::size_t>(&m - m_meters.data());
    Sent s{r, index, info.name, info.reason, 0};
    const std::uint64_t maxWh = m.record.maxIntervalWh();
    // A faulty reading does not change the truth: undo what truthReading added.
    auto restoreTruth = [&] {
        m.importRegister -= r.importWh;
        m.exportRegister -= r.exportWh;
    };
    switch (f) {
    case Fault::Tampered:
        s.reading.tampered = true;
        restoreTruth();
        break;
    case Fault::DriftedClock: {
        const std::int64_t drift = m_rng.range(120'000, 420'000);
        s.reading.timestampMs = endMs + (m_rng.chance(500'000) ? drift : -drift);
        restoreTruth();
        break;
    }
    case Fault::Future:
        s.reading.timestampMs = endMs + kIntervalMs * m_rng.range(4, 8);
        restoreTruth();
        break;
    case Fault::DuplicateInterval: {
        // The valid reading goes first; then a different one for the interval.
        signReading(r, kNetworkId, meterKey(m));
        out.push_back(Sent{r, index, nullptr, nullptr, 0});
        s.reading.importWh += 1;
        s.reading.importRegisterWh += 1;
        break;
    }
    case Fault::OverCapacity:
        restoreTruth();
        s.reading.importWh = maxWh + 1 + m_rng.below(maxWh);
        s.reading.importRegisterWh = m.importRegister + s.reading.importWh;
        break;
    case Fault::ConsumerExport:
        restoreTruth();
        s.reading.exportWh = 1 + m_rng.below(500);
        s.reading.exportRegisterWh = m.exportRegister + s.reading.exportWh;
        break;
    case Fault::OffZone:
        restoreTruth();
        s.reading.location = offZonePoint(m);
        break;
    case Fault::FarFromNode:
        restoreTruth();
        if (auto far = farPoint(m)) {
            s.reading.location = *far;
        } else {
            s.fault = infoOf(Fault::OffZone).name;
            s.reason = infoOf(Fault::OffZone).reason;
            s.reading.location = offZonePoint(m);
        }
        break;
    case Fault::RegisterBackwards: {
        restoreTruth();
        const MeterProgress *p = m_ingest->progress(m.record.id);
        s.reading.importRegisterWh = p->importRegisterWh - 1 - m_rng.below(100);
        break;
    }
    case Fault::HiddenGap: {
        // The registers moved by more than the interval's energy, as if an
        // interval had been skipped, yet it claims to be the next one.
        restoreTruth();
        const MeterProgress *p = m_ingest->progress(m.record.id);
        s.reading.importRegisterWh = p->importRegisterWh + s.reading.importWh + 1 + m_rng.below(maxWh);
        break;
    }
    case Fault::Spike: {
        restoreTruth();
        s.reading.importWh = maxWh;
        s.reading.importRegisterWh = m.importRegister + maxWh;
        s.reading.exportRegisterWh = m.exportRegister;
        s.reading.exportWh = 0;
        break;
    }
    case Fault::FrozenRegister:
        // This interval's reading is still good; the registers stick from
        // the next one.
        m.frozenLeft = kFrozenEpisodeIntervals;
        m_episodeCaught.push_back(false);
        m_episodeWrong.push_back(false);
        m_episodeAccepted.push_back(0);
        m_episodeLost.push_back(0);
        m.episode = m_episodeCaught.size();
        signReading(r, kNetworkId, meterKey(m));
        out.push_back(Sent{r, index, nullptr, nullptr, 0, m.episode});
        injected(info.name);
        return;   // the episode starts with the next interval
    case Fault::BadSignature:
        signReading(s.reading, kNetworkId, meterKey(m));
        s.reading.signature.bytes[7] ^= 0x40;
        restoreTruth();
        out.push_back(s);
        injected(info.name);
        return;
    case Fault::UnknownMeter: {
        restoreTruth();
        s.reading.meterId = crypto::hash("gtx/sim-meter-id/v1", asBytes("unregistered-" + std::to_string(index)));
        break;
    }
    case Fault::WrongZone:
    case Fault::None:
        break;
    }
    signReading(s.reading, kNetworkId, meterKey(m));
    out.push_back(s);
    injected(s.fault);
}

void MeterCheck::judge(const std::vector<Sent> &sent, const BatchOutcome &outcome, const char *batchFault,
                       const char *batchReason)
{
    if (batchFault) {
        for (const auto &s : sent)
            if (s.episode || s.startsEpisode)
                ++m_episodeLost[(s.episode ? s.episode : s.startsEpisode) - 1];
        bool caught = outcome.accepted == 0;
        for (const auto &v : outcome.readings)
            if (v.ok() || v.error().code != batchReason)
                caught = false;
        if (caught) {
            ++m_report.caught;
            ++m_report.caughtByReason[batchReason];
        } else {
            ++m_report.missed;
            detail(m_report.missedDetails, std::string(batchFault) + ": some readings of the batch were accepted");
        }
        return;
    }
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const Sent &s = sent[i];
        const Status &v = outcome.readings[i];
        if (s.episode) {
            // A reading of a frozen episode: refused only as frozen, and at
            // least one of the episode's readings must be.
            if (v.ok()) {
                ++m_episodeAccepted[s.episode - 1];
                // Once refused as frozen, a still frozen meter stays refused.
                if (m_episodeCaught[s.episode - 1])
                    m_episodeWrong[s.episode - 1] = true;
            }
            if (!v.ok()) {
                if (v.error().code == "energy.frozen_register")
                    m_episodeCaught[s.episode - 1] = true;
                else
                    m_episodeWrong[s.episode - 1] = true;
            }
            continue;
        }
        if (!s.reason) {
            if (!v.ok()) {
                ++m_report.falseRejects;
                const SimMeter &m = m_meters[s.meter];
                const MeterProgress *p = m_ingest->progress(m.record.id);
                detail(m_report.falseRejectDetails,
                       "meter " + std::to_string(s.meter) + " (" + gridZoneCode(m.record.zone) + ", "
                           + std::to_string(m.record.ratedCapacityW) + " W) at "
                           + std::to_string((s.reading.timestampMs - kStartMs) / kIntervalMs) + ": " + v.error().code
                           + ": " + v.error().message + " [import " + std::to_string(s.reading.importWh)
                           + " Wh, export " + std::to_string(s.reading.exportWh) + " Wh"
                           + (p ? ", peaks " + std::to_string(p->importPeakWh) + "/"
                                      + std::to_string(p->exportPeakWh) + " Wh, last accepted "
                                      + std::to_string((p->lastIntervalEndMs - kStartMs) / kIntervalMs)
                                : std::string()) + "]");
            }
            continue;
        }
        if (!v.ok() && v.error().code == s.reason) {
            ++m_report.caught;
            ++m_report.caughtByReason[s.reason];
        } else {
            ++m_report.missed;
            detail(m_report.missedDetails, std::string(s.fault) + " at meter " + std::to_string(s.meter) + ": "
                                               + (v.ok() ? std::string("accepted") : v.error().code));
        }
    }
}

void MeterCheck::judgeReplay(const std::vector<bool> &acceptedBefore, const BatchOutcome &outcome)
{
    std::size_t judged = 0;
    bool caught = true;
    for (std::size_t i = 0; i < acceptedBefore.size() && i < outcome.readings.size(); ++i) {
        if (!acceptedBefore[i])
            continue;
        ++judged;
        const Status &v = outcome.readings[i];
        if (v.ok() || (v.error().code != "energy.replayed" && v.error().code != "energy.out_of_order"))
            caught = false;
    }
    if (judged == 0)
        return;   // nothing of it had counted: sending it again is no replay
    injected("replayed-batch");
    if (caught) {
        ++m_report.caught;
        ++m_report.caughtByReason["energy.replayed"];
    } else {
        ++m_report.missed;
        detail(m_report.missedDetails, "replayed-batch: a reading it had counted was not refused as replayed");
    }
}

Result<MeterCheckReport> MeterCheck::run()
{
    GTX_TRY(makeFleet());
    // The last batch of each zone, with which of its readings were accepted, for replays.
    std::map<GridZone, std::pair<ReadingBatch, std::vector<bool>>> previous;
    for (std::size_t t = 1; t <= m_o.intervals; ++t) {
        const std::int64_t endMs = kStartMs + static_cast<std::int64_t>(t) * kIntervalMs;
        const std::int64_t nowMs = endMs + 5'000;
        m_now = endMs;
        std::map<GridZone, std::vector<Sent>> byZone;
        for (auto &m : m_meters) {
            const std::size_t index = static_cast<std::size_t>(&m - m_meters.data());
            if (m.suspendedLeft > 0) {
                if (--m.suspendedLeft == 0) {
                    // The grid operator fits a new meter key.
                    m.keyIndex = index * 1000 + ++m.generation;
                    m.record.key = meterKey(m).publicKey();
                    if (auto ok = m_ingest->rekeyMeter(m.record.id, m.record.key); !ok)
                        return ok.error();
                }
            }
            MeterReading r = truthReading(m, endMs);
            std::vector<Sent> &out = byZone[m.record.zone];
            if (m.frozenLeft > 0) {
                --m.frozenLeft;
                m.importRegister -= r.importWh;
                m.exportRegister -= r.exportWh;
                r.importWh = 0;
                r.exportWh = 0;
                r.importRegisterWh = m.importRegister;
                r.exportRegisterWh = m.exportRegister;
                signReading(r, kNetworkId, meterKey(m));
                out.push_back(Sent{r, index, "frozen-register", "energy.frozen_register", m.episode});
                continue;
            }
            const MeterRecord *record = m_ingest->meter(m.record.id);
            if (record->status == MeterStatus::Suspended) {
                m.importRegister -= r.importWh;
                m.exportRegister -= r.exportWh;
                signReading(r, kNetworkId, meterKey(m));
                out.push_back(Sent{r, index, "tampered", "energy.meter_suspended", 0});
                injected("tampered");
                continue;
            }
            Fault f = m_rng.chance(m_o.faultPpm) ? pickFault(m) : Fault::None;
            if (f == Fault::WrongZone) {
                // Into the batch of another zone that has meters.
                std::vector<GridZone> others;
                for (const auto &z : m_model.zones)
                    if (z.zone != m.record.zone)
                        others.push_back(z.zone);
                m.importRegister -= r.importWh;
                m.exportRegister -= r.exportWh;
                signReading(r, kNetworkId, meterKey(m));
                byZone[others[m_rng.below(others.size())]].push_back(
                    Sent{r, index, "wrong-zone", "energy.wrong_zone", 0});
                injected("wrong-zone");
                continue;
            }
            if (f == Fault::None) {
                signReading(r, kNetworkId, meterKey(m));
                out.push_back(Sent{r, index, nullptr, nullptr, 0});
                continue;
            }
            applyFault(f, m, r, out, endMs);
        }

        for (auto &[zone, sent] : byZone) {
            if (sent.empty())
                continue;
            const ZoneModel *zm = m_model.zone(zone);
            for (std::size_t from = 0; from < sent.size(); from += kMaxReadingsPerBatch) {
                const std::size_t to = std::min(sent.size(), from + kMaxReadingsPerBatch);
                std::vector<Sent> part(sent.begin() + static_cast<std::ptrdiff_t>(from),
                                       sent.begin() + static_cast<std::ptrdiff_t>(to));
                ReadingBatch batch;
                batch.zone = zone;
                for (const auto &s : part)
                    batch.readings.push_back(s.reading);
                const char *batchFault = nullptr;
                const char *batchReason = nullptr;
                const bool faulty = m_rng.chance(m_o.batchFaultPpm);
                if (faulty && m_rng.chance(500'000)) {
                    batchFault = "wrong-witness";
                    batchReason = "energy.bad_witness";
                    witnessBatch(batch, kNetworkId, m_otherAuthority);
                } else {
                    witnessBatch(batch, kNetworkId, m_operatorKeys[zm->gridOperator]);
                    if (faulty) {
                        batchFault = "bad-witness-signature";
                        batchReason = "energy.bad_witness_signature";
                        batch.witnessSignature.bytes[3] ^= 0x01;
                    }
                }
                m_report.readings += batch.readings.size();
                ++m_report.batches;
                if (batchFault) {
                    injected(batchFault);
                    // The batch is refused whole: its readings' own faults
                    // are not judged (a frozen episode just goes on).
                    for (const auto &s : part)
                        if (s.reason && !s.episode) {
                            --m_report.injected;
                            --m_report.injectedByFault[s.fault];
                        }
                }
                const BatchOutcome outcome = m_ingest->ingest(batch, nowMs, m_o.threads);
                for (const auto &e : outcome.evidence) {
                    const MeterRecord *rec = m_ingest->meter(e.first.meterId);
                    if (rec && verifyDuplicateReadingEvidence(kNetworkId, e, rec->key))
                        ++m_report.evidence;
                }
                m_report.accepted += outcome.accepted;
                if (batchFault) {
                    judge(part, outcome, batchFault, batchReason);
                } else {
                    judge(part, outcome, nullptr, nullptr);
                    // A tampered meter is suspended by its grid operator.
                    for (std::size_t i = 0; i < part.size(); ++i)
                        if (!outcome.readings[i].ok() && outcome.readings[i].error().code == "energy.tampered") {
                            SimMeter &m = m_meters[part[i].meter];
                            if (m_ingest->suspendMeter(m.record.id))
                                m.suspendedLeft = kSuspendedIntervals + 1;
                        }
                    if (!previous.count(zone) || from == 0) {
                        std::vector<bool> accepted(outcome.readings.size());
                        for (std::size_t i = 0; i < accepted.size(); ++i)
                            accepted[i] = outcome.readings[i].ok();
                        previous[zone] = {batch, std::move(accepted)};
                    }
                }
            }
        }

        // Now and then a zone's previous batch is sent again.
        if (t > 1 && !previous.empty() && m_rng.chance(m_o.batchFaultPpm * 2)) {
            auto it = previous.begin();
            std::advance(it, static_cast<std::ptrdiff_t>(m_rng.below(previous.size())));
            ++m_report.batches;
            const BatchOutcome outcome = m_ingest->ingest(it->second.first, nowMs, m_o.threads);
            judgeReplay(it->second.second, outcome);
        }
    }
    for (std::size_t e = 0; e < m_episodeCaught.size(); ++e) {
        // An episode still running at the end of the run may not have reached
        // the limit yet, and one with readings lost in refused batches may
        // look shorter to the rules than it was (a lost reading before it
        // hides that the registers had stopped): only whole, finished
        // episodes must be caught.
        bool running = false;
        for (const auto &m : m_meters)
            if (m.episode == e + 1 && m.frozenLeft > 0)
                running = true;
        if ((running || m_episodeLost[e] > 0) && !m_episodeCaught[e] && !m_episodeWrong[e]) {
            --m_report.injected;
            --m_report.injectedByFault["frozen-register"];
            continue;
        }
        if (m_episodeCaught[e] && !m_episodeWrong[e]) {
            ++m_report.caught;
            ++m_report.caughtByReason["energy.frozen_register"];
        } else {
            ++m_report.missed;
            detail(m_report.missedDetails, "frozen-register episode " + std::to_string(e)
                                               + (m_episodeWrong[e] ? ": refused for another reason" : ": never refused")
                                               + " (" + std::to_string(m_episodeAccepted[e]) + " accepted, "
                                               + std::to_string(m_episodeLost[e]) + " in refused batches)");
        }
    }
    return m_report;
}

} // namespace

Result<MeterCheckReport> runMeterCheck(const MeterCheckOptions &options)
{
    const GridModel &model = options.model ? *options.model : defaultGridModel();
    if (model.zones.empty())
        return makeError("meters.bad_model", "The grid model holds no zones.");
    MeterCheck check(options, model);
    return check.run();
}

std::string meterCheckLine(const MeterCheckReport &r)
{
    return "meters: readings=" + std::to_string(r.readings) + " injected=" + std::to_string(r.injected)
        + " caught=" + std::to_string(r.caught) + " missed=" + std::to_string(r.missed)
        + " false_rejects=" + std::to_string(r.falseRejects);
}

std::string meterCheckJson(const MeterCheckReport &r)
{
    Json caught;
    for (const auto &[reason, n] : r.caughtByReason)
        caught.num(reason, n);
    Json injectedBy;
    for (const auto &[fault, n] : r.injectedByFault)
        injectedBy.num(fault, n);
    auto list = [](const std::vector<std::string> &items) {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? "," : "") + jsonString(items[i]);
        return out + "]";
    };
    return Json()
        .num("readings", r.readings)
        .num("batches", r.batches)
        .num("accepted", r.accepted)
        .num("injected", r.injected)
        .num("caught", r.caught)
        .num("missed", r.missed)
        .num("false_rejects", r.falseRejects)
        .num("evidence", r.evidence)
        .raw("injected_by_fault", injectedBy.done())
        .raw("caught_by_reason", caught.done())
        .raw("missed_examples", list(r.missedDetails))
        .raw("false_reject_examples", list(r.falseRejectDetails))
        .done();
}

} // namespace gtx::sim
