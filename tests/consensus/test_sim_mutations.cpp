#include "test_sim_mutations.h"

#include "core/crypto/sodium.h"
#include "core/sim/simulator.h"

#include <QtTest>

using namespace gtx;

namespace {

// The first seed in [1, maxSeed] whose run reports a violation containing `what`, or 0.
std::uint64_t firstSeedFinding(const sim::Scenario &s, std::uint64_t maxSeed, const std::string &what)
{
    for (std::uint64_t seed = 1; seed <= maxSeed; ++seed) {
        const sim::RunResult r = sim::runSimulation(s, seed);
        for (const auto &v : r.violations)
            if (v.find(what) != std::string::npos) {
                qInfo("seed %llu: %s", static_cast<unsigned long long>(seed), v.c_str());
                return seed;
            }
    }
    return 0;
}

} // namespace

void TestSimMutations::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestSimMutations::weakenedQuorumIsCaught()
{
    // With a quorum of 2 of 5 two partitions can each finalize: the
    // simulator must see conflicting finalized blocks.
    sim::Scenario s;
    s.weakenedQuorum = true;
    QVERIFY2(firstSeedFinding(s, 40, "conflicting fast-final blocks") != 0,
             "the weakened quorum produced no safety violation in 40 seeds");
}

void TestSimMutations::missingDoubleSignProtectionIsCaught()
{
    // Honest nodes that forget what they signed when they restart end up
    // signing conflicting messages: the simulator must see an honest node accused.
    sim::Scenario s;
    s.volatileSignerRecord = true;
    s.faults.crashes = 3;
    QVERIFY2(firstSeedFinding(s, 100, "honest node") != 0,
             "forgetting the signer record produced no accusation in 100 seeds");
}

QTEST_GUILESS_MAIN(TestSimMutations)
