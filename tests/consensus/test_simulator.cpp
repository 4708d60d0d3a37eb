#include "test_simulator.h"

#include "core/crypto/sodium.h"
#include "core/sim/simulator.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

using namespace gtx;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// GTX_SIM_RUNS overrides the number of runs (the nightly long mode uses tens of thousands).
std::uint64_t runCount(std::uint64_t fallback)
{
    if (const char *env = std::getenv("GTX_SIM_RUNS")) {
        const auto n = std::strtoull(env, nullptr, 10);
        if (n > 0)
            return n;
    }
    return fallback;
}

std::string firstViolation(const sim::RunResult &r)
{
    std::string out = "seed " + std::to_string(r.seed) + ": " + r.violations.front() + "\n";
    for (const auto &line : r.trace)
        out += "  " + line + "\n";
    return out;
}

// Runs seeds 1..runs of the scenario on both cores; results in seed order.
std::vector<sim::RunResult> runAll(const sim::Scenario &s, std::uint64_t runs)
{
    std::vector<sim::RunResult> results(runs);
    std::atomic<std::uint64_t> next{0};
    auto work = [&] {
        for (std::uint64_t i = next++; i < runs; i = next++)
            results[i] = sim::runSimulation(s, i + 1);
    };
    std::thread other(work);
    work();
    other.join();
    return results;
}

// A faulty run did real work: the network finalized most of its slots,
// a node crashed and came back, and an emergency order was certified.
std::string realWorkMissing(const sim::Scenario &s, const sim::RunResult &r)
{
    if (r.fastHeight < s.slotCount / 3)
        return "seed " + std::to_string(r.seed) + ": only " + std::to_string(r.fastHeight) + " Fast-final blocks";
    if (s.faults.crashes > 0 && r.restarts == 0)
        return "seed " + std::to_string(r.seed) + ": no node was restarted";
    if (s.faults.emergencies && r.instantFinal == 0)
        return "seed " + std::to_string(r.seed) + ": no emergency block was certified";
    return {};
}

} // namespace

void TestSimulator::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestSimulator::perfectNetworkFinalizesEverySlot()
{
    sim::Scenario s;
    s.faults = sim::FaultMix::none();
    s.byzantineAuthorities = 0;
    s.byzantineValidators = 0;
    const sim::RunResult r = sim::runSimulation(s, 11);
    QVERIFY2(r.ok(), r.ok() ? "" : firstViolation(r).c_str());
    QVERIFY(r.fastHeight >= s.slotCount - 3);   // every slot has a block, each final a slot later
    QVERIFY(r.economicHeight + s.params.checkpointBlocks + 3 >= r.fastHeight);
    QVERIFY(percentile(r.fastLatencySlots, 0.99) < 1.2);
    QCOMPARE(r.equivocations, std::uint64_t{0});
    // The clients' market-rule proposals are voted on and closed on every node alike.
    QVERIFY(r.proposalsDecided >= 1);
}

void TestSimulator::sameSeedReplaysTheSameRun()
{
    const sim::Scenario s;
    const sim::RunResult a = sim::runSimulation(s, 42);
    const sim::RunResult b = sim::runSimulation(s, 42);
    QCOMPARE(a.trace, b.trace);
    QCOMPARE(a.violations, b.violations);
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.messages, b.messages);
    QCOMPARE(a.fastLatencySlots, b.fastLatencySlots);
    QCOMPARE(a.equivocations, b.equivocations);
    const sim::RunResult c = sim::runSimulation(s, 43);
    QVERIFY(c.trace != a.trace);
}

void TestSimulator::ledgerBackedCrashAndRestart()
{
    const QString base = qEnvironmentVariable("GTX_TEST_TMP");
    if (!base.isEmpty())
        QDir().mkpath(base);
    QTemporaryDir dir(base.isEmpty() ? QDir::tempPath() + "/sim-XXXXXX" : base + "/sim-XXXXXX");
    QVERIFY(dir.isValid());
    sim::Scenario s;
    s.ledgerDirectory = dir.path().toStdString();
    s.faults.crashes = 3;
    std::uint64_t restarts = 0;
    for (std::uint64_t seed = 100; seed < 104; ++seed) {
        const sim::RunResult r = sim::runSimulation(s, seed);
        QVERIFY2(r.ok(), r.ok() ? "" : firstViolation(r).c_str());
        restarts += r.restarts;
        const bool ledgerRestart = std::any_of(r.trace.begin(), r.trace.end(), [](const std::string &l) {
            return l.find("(ledger-backed)") != std::string::npos;
        });
        QVERIFY(ledgerRestart);
    }
    QVERIFY(restarts >= 8);
}

void TestSimulator::seededFaultyRunsHaveNoViolations()
{
    // Every fault class and one Byzantine authority of five, plus one
    // Byzantine validator. The figures printed are measurements, not checks.
    const sim::Scenario s;
    const std::uint64_t runs = runCount(500);
    std::vector<double> fast;
    std::vector<double> full;
    std::uint64_t slotTotal = 0;
    std::uint64_t observed = 0;
    std::uint64_t instant = 0;
    const auto started = std::chrono::steady_clock::now();
    for (const sim::RunResult &r : runAll(s, runs)) {
        QVERIFY2(r.ok(), r.ok() ? "" : firstViolation(r).c_str());
        QVERIFY(r.livenessRequired);
        const std::string missing = realWorkMissing(s, r);
        QVERIFY2(missing.empty(), missing.c_str());
        slotTotal += r.slotsRun;
        observed += r.equivocationsObserved;
        instant += r.instantFinal;
        fast.insert(fast.end(), r.fastLatencySlots.begin(), r.fastLatencySlots.end());
        full.insert(full.end(), r.fullLatencySlots.begin(), r.fullLatencySlots.end());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    QVERIFY(observed > runs);      // Byzantine nodes did equivocate, and were seen
    QVERIFY(instant >= runs);      // emergency blocks were certified
    qInfo("simulated %llu runs, %llu slots in %.1f s: %.0f slots/s; slots to Fast p50 %.2f p99 %.2f, "
          "to Full p50 %.2f p99 %.2f",
          static_cast<unsigned long long>(runs), static_cast<unsigned long long>(slotTotal), seconds,
          static_cast<double>(slotTotal) / seconds, percentile(fast, 0.5), percentile(fast, 0.99),
          percentile(full, 0.5), percentile(full, 0.99));
}

void TestSimulator::adversaryRunsHaveNoViolations()
{
    // The adversaries on top of every fault class: the Byzantine ones in
    // many short runs, the long outage (a run of over 700 slots) in a few.
    sim::Scenario s;
    s.adversaries = sim::Adversaries::all();
    s.adversaries.longOutage = false;
    sim::Scenario outage;
    outage.adversaries.longOutage = true;
    for (const auto &[scenario, runs] : {std::pair{s, runCount(40)}, std::pair{outage, std::uint64_t{4}}}) {
        std::uint64_t attacks = 0;
        std::uint64_t sybilEpochs = 0;
        std::uint64_t ordersChecked = 0;
        for (const sim::RunResult &r : runAll(scenario, runs)) {
            sybilEpochs += r.sybilEpochs;
            ordersChecked += r.authorityTxsChecked;
            QVERIFY2(r.ok(), r.ok() ? "" : firstViolation(r).c_str());
            const std::string missing = realWorkMissing(scenario, r);
            QVERIFY2(missing.empty(), missing.c_str());
            QVERIFY(r.adversaryActions > 0);
            QVERIFY(r.slotsRun >= (scenario.adversaries.longOutage ? sim::Adversaries::kLongOutageRunSlots : 0));
            attacks += r.adversaryActions;
        }
        if (scenario.adversaries.sybilBond) {
            // The sybils did become validators and were drawn (with their
            // bonded weight only), and regulators' orders were checked final
            // under the spam: the invariants had something to check.
            QVERIFY(sybilEpochs >= runs);
            QVERIFY(ordersChecked >= runs);
        }
        qInfo("%llu runs: %llu attacks, %llu epochs with sybil validators, %llu authority orders final under spam",
              static_cast<unsigned long long>(runs), static_cast<unsigned long long>(attacks),
              static_cast<unsigned long long>(sybilEpochs), static_cast<unsigned long long>(ordersChecked));
    }
}

void TestSimulator::invariantCheckerFindsAKnownViolation()
{
    // A positive control: with a quorum of 2 of 5 partitions finalize on
    // both sides, and the checker must say so (a checker that reports
    // nothing would leave every other test here green).
    sim::Scenario s;
    s.weakenedQuorum = true;
    s.weakenedQuorumSize = 2;
    bool found = false;
    for (std::uint64_t seed = 1; seed <= 40 && !found; ++seed)
        found = sim::runSimulation(s, seed).kinds.count(sim::ViolationKind::ConflictingFinality) > 0;
    QVERIFY2(found, "no conflicting finality found with a quorum of 2 in 40 seeds");
}

QTEST_GUILESS_MAIN(TestSimulator)
