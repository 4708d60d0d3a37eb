// The alarm board (core/node/alarm_board.h) under simulated time: an upset
// (a tie line trips, its zone is halted, an authority's link drops and
// chatters, finality stalls for a minute, unrelated congestion flaps, a
// slashing case arrives) raises at most 10 alarms in its first 10 minutes,
// the cause first with its consequences folded in; and the states an
// operator moves an alarm through.

#include "core/node/alarm_board.h"

#include <QTest>

using namespace gtx;
using node::AlarmBoard;
using node::AlarmKind;
using node::AlarmState;

namespace {

interfaces::TieLineRow line(const char *key, const char *from, const char *to, const char *corridor)
{
    interfaces::TieLineRow l;
    l.key = key;
    l.fromZone = from;
    l.toZone = to;
    l.corridor = corridor;
    l.capacityMw = 2000;
    l.reported = true;
    return l;
}

interfaces::ZoneRow zone(const char *key)
{
    interfaces::ZoneRow z;
    z.key = key;
    z.conservation = interfaces::Conservation::Balanced;
    return z;
}

// The grid and network at `t` seconds into the upset.
void upsetAt(int t, interfaces::ConsensusSnapshot &c, interfaces::GridSnapshot &g, std::vector<std::string> &cases)
{
    c = {};
    c.joined = true;
    c.slotMs = 1000;
    c.currentSlot = 10'000 + std::uint64_t(t);
    // Finality stalls from 100 s to 160 s: the lag grows to 60 s, then catches up.
    const int lag = t >= 100 && t < 160 ? t - 100 + 2 : 2;
    c.fastSlot = c.currentSlot - std::uint64_t(lag);
    for (const char *name : {"EGAT", "MEA", "PEA", "NEPO", "ERC"}) {
        interfaces::PeerRow p;
        p.kind = interfaces::LinkKind::Authority;
        p.authorityName = name;
        p.key = name;
        // PEA's link drops at 70 s and chatters (20 s lost, 10 s up) until 400 s.
        const bool peaDown = std::string(name) == "PEA" && t >= 70 && t < 400 && (t - 70) % 30 < 20;
        p.health = peaDown ? interfaces::LinkHealth::Lost : interfaces::LinkHealth::Up;
        c.links.push_back(p);
    }

    g = {};
    g.joined = true;
    for (const char *z : {"PEA-C", "PEA-S", "PEA-N", "MEA-METRO"})
        g.zones.push_back(zone(z));
    auto cs1 = line("C-S 500 kV 1", "PEA-C", "PEA-S", "C-S");
    auto cs2 = line("C-S 500 kV 2", "PEA-C", "PEA-S", "C-S");
    auto nc1 = line("N-C 500 kV 1", "PEA-N", "PEA-C", "N-C");
    if (t >= 10) {
        // The trip: line 1 out; line 2 takes the flow, congested most of the time; the corridor fails N-1.
        cs1.outOfService = true;
        cs1.n1Violated = cs2.n1Violated = true;
        cs2.congested = (t / 15) % 3 != 2;
        // South's losses swing above the band while the flow reroutes.
        if (t < 300 && (t / 20) % 2 == 0)
            g.zones[1].conservation = interfaces::Conservation::LossesHigh;
    }
    // Unrelated congestion in the north, flapping every 25 s for five minutes.
    nc1.congested = t >= 50 && t < 350 && (t / 25) % 2 == 0;
    g.lines = {cs1, cs2, nc1};
    // The operator halts trading in the south at 40 s.
    if (t >= 40)
        g.zones[1].halted = true;
    cases.clear();
    if (t >= 300)
        cases.push_back("case-1");
}

} // namespace

class TestAlarms : public QObject
{
    Q_OBJECT

private slots:
    void anUpsetRaisesFewAlarmsCauseFirst();
    void operatorStates();
};

void TestAlarms::anUpsetRaisesFewAlarmsCauseFirst()
{
    AlarmBoard board;
    const std::int64_t t0 = 1'780'000'000'000;
    interfaces::ConsensusSnapshot c;
    interfaces::GridSnapshot g;
    std::vector<std::string> cases;
    std::uint64_t maxShown = 0;
    for (int t = 0; t <= 600; t += 5) {
        upsetAt(t, c, g, cases);
        board.update(node::alarmConditions(c, g, cases, {}), t0 + std::int64_t(t) * 1000);
        maxShown = std::max<std::uint64_t>(maxShown, board.rows().size());
        if (t == 5)
            QCOMPARE(board.annunciations(), std::uint64_t(0));   // all normal before the trip
        if (t == 15) {
            // The trip is the first alarm, with what it explains folded in.
            const auto rows = board.rows();
            QVERIFY(!rows.empty());
            QVERIFY(rows.front().kind == AlarmKind::TieLineOut);
            QVERIFY(rows.front().subjects == std::vector<std::string>{"C-S 500 kV 1"});
            const auto &folded = rows.front().consequences;
            QVERIFY(std::find(folded.begin(), folded.end(), "corridor-n1:C-S") != folded.end());
            for (const auto &r : rows)
                QVERIFY(r.kind != AlarmKind::CorridorN1);   // not an alarm of its own
        }
    }
    // EEMUA 191: at most 10 alarms in the first 10 minutes of an upset.
    qInfo("upset: %llu alarms raised in 10 minutes, at most %llu shown at once",
          static_cast<unsigned long long>(board.annunciations()), static_cast<unsigned long long>(maxShown));
    QVERIFY2(board.annunciations() <= 10, qPrintable(QString::number(board.annunciations())));
    QVERIFY(maxShown <= 8);
    // Each kind that happened is there once; the chattering link and the
    // flapping congestion were raised once each.
    const auto rows = board.rows();
    std::map<AlarmKind, std::uint32_t> raised;
    for (const auto &r : rows)
        raised[r.kind] = r.annunciations;
    QCOMPARE(raised[AlarmKind::TieLineOut], 1u);
    QVERIFY(raised.count(AlarmKind::TradingHalted) && raised[AlarmKind::TradingHalted] == 1u);
    QVERIFY(raised.count(AlarmKind::NewSlashingCase));
    QVERIFY(rows.front().kind == AlarmKind::TieLineOut);
    // The link, the stall and the northern congestion have returned to
    // normal unacknowledged: they wait for the operator.
    for (AlarmKind kind : {AlarmKind::AuthorityLinkLost, AlarmKind::FinalityStalled, AlarmKind::LineCongested}) {
        QVERIFY2(raised.count(kind), node::alarmKindName(kind).data());
        QCOMPARE(raised[kind], 1u);
    }
    for (const auto &r : rows)
        if (r.kind == AlarmKind::AuthorityLinkLost)
            QVERIFY(r.state == AlarmState::ReturnedUnacknowledged && !r.active);
}

void TestAlarms::operatorStates()
{
    AlarmBoard board;
    const std::vector<node::AlarmCondition> halted = {{AlarmKind::TradingHalted, "PEA-S", {"PEA-S"}}};
    std::int64_t now = 1000;
    board.update(halted, now);
    QCOMPARE(board.rows().size(), std::size_t(1));
    QVERIFY(board.rows()[0].state == AlarmState::Unacknowledged);
    QVERIFY(board.acknowledge(AlarmKind::TradingHalted, now).ok());
    QVERIFY(board.rows()[0].state == AlarmState::Acknowledged);
    QVERIFY(!board.acknowledge(AlarmKind::SafetyAlarm, now));

    // Shelving: at most eight hours, then it returns as it stands.
    QVERIFY(!board.shelve(AlarmKind::TradingHalted, now + 9 * 3'600'000, now));
    QVERIFY(board.shelve(AlarmKind::TradingHalted, now + 3'600'000, now).ok());
    QVERIFY(board.rows()[0].state == AlarmState::Shelved);
    now += 3'600'000;
    board.update(halted, now);
    QVERIFY(board.rows()[0].state == AlarmState::Acknowledged);

    // Acknowledged and back to normal (after the clear delay): gone.
    now += 1000;
    board.update({}, now);
    QCOMPARE(board.rows().size(), std::size_t(1));   // within the clear delay
    now += 60'000;
    board.update({}, now);
    QVERIFY(board.rows().empty());

    // Raised again, back to normal unacknowledged: it stays until acknowledged.
    board.update(halted, now);
    now += 61'000;
    board.update({}, now);
    QCOMPARE(board.rows().size(), std::size_t(1));
    QVERIFY(board.rows()[0].state == AlarmState::ReturnedUnacknowledged);
    QVERIFY(board.acknowledge(AlarmKind::TradingHalted, now).ok());
    QVERIFY(board.rows().empty());
    QCOMPARE(board.annunciations(), std::uint64_t(2));

    // Raised while shelved: quiet, then unacknowledged when the shelf ends.
    board.update(halted, now);
    QVERIFY(board.shelve(AlarmKind::TradingHalted, now + 60'000, now).ok());
    QVERIFY(board.unshelve(AlarmKind::TradingHalted, now).ok());
    QVERIFY(board.rows()[0].state == AlarmState::Unacknowledged);
    QVERIFY(!board.unshelve(AlarmKind::TradingHalted, now));
}

QTEST_GUILESS_MAIN(TestAlarms)
#include "test_alarms.moc"
