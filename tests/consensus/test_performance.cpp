#include "test_performance.h"

#include "consensus_fixture.h"

#include <QtTest>

using namespace gtx;
using namespace gtx::testing;

void TestPerformance::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestPerformance::producedAndMissedComeFromTheChain()
{
    const TestNetwork n = makeTestNetwork({20'000});
    BlockTree tree(n.params, *n.genesis);
    CachingVerifier verifier;
    BlockNode *tip = tree.genesisNode();
    std::map<PublicKey, std::uint64_t> produced;
    std::map<PublicKey, std::uint64_t> missed;
    for (std::uint64_t slot = 1; slot <= 41; ++slot) {
        const PublicKey expected = tree.expectedProposer(tip, slot);
        if (slot % 4 == 0) {   // every fourth slot stays empty
            ++missed[expected];
            continue;
        }
        tip = *tree.add(makeBlock(n, tree, tip, slot), verifier);
        ++produced[expected];
    }
    const auto perf = chainPerformance(tree, tip, 0);
    std::uint64_t totalProduced = 0;
    std::uint64_t totalMissed = 0;
    for (const auto &[key, p] : perf) {
        QCOMPARE(p.blocksProduced, produced[key]);
        QCOMPARE(p.blocksMissed, missed[key]);
        totalProduced += p.blocksProduced;
        totalMissed += p.blocksMissed;
    }
    QCOMPARE(totalProduced, std::uint64_t{31});
    QCOMPARE(totalMissed, std::uint64_t{10});
    // A window: only slots 21..41 (five of them empty).
    std::uint64_t windowProduced = 0;
    for (const auto &[key, p] : chainPerformance(tree, tip, 20))
        windowProduced += p.blocksProduced;
    QCOMPARE(windowProduced, std::uint64_t{16});
}

void TestPerformance::chainDerivedFiguresAgreeAcrossNodes()
{
    LocalNet net(makeTestNetwork({20'000, 30'000}));
    net.addEveryone();
    net.runUntilSlot(6);
    net.crash(2);   // PEA misses its slots for a while
    net.runUntilSlot(26);
    net.start(2);
    net.runUntilSlot(34, 5000);
    const auto reference = net.node(0).performance(0);
    const PublicKey pea = net.net.authorities[2].publicKey();
    QVERIFY(reference.at(pea).performance.blocksMissed >= 1);
    for (PeerId p = 1; p < net.peers.size(); ++p) {
        const auto other = net.node(p).performance(0);
        for (const auto &[key, record] : reference) {
            QCOMPARE(other.at(key).performance.blocksProduced, record.performance.blocksProduced);
            QCOMPARE(other.at(key).performance.blocksMissed, record.performance.blocksMissed);
            QCOMPARE(other.at(key).performance.slashingIncidents, record.performance.slashingIncidents);
        }
    }
}

void TestPerformance::slashingIncidentsComeFromEvidence()
{
    LocalNet net(makeTestNetwork({20'000, 20'000}));
    for (std::size_t a = 0; a < net.net.authorities.size(); ++a) {
        ByzantineBehaviour b;
        b.doubleVote = a == 4;
        net.add(net.net.authorities[a], nullptr, b);
    }
    for (const auto &k : net.net.validators)
        net.add(k);
    net.runUntilSlot(12, 5000);
    const auto perf = net.node(0).performance(0);
    QVERIFY(perf.at(net.net.authorities[4].publicKey()).performance.slashingIncidents >= 5);
    for (std::size_t a = 0; a < 4; ++a)
        QCOMPARE(perf.at(net.net.authorities[a].publicKey()).performance.slashingIncidents, std::uint32_t{0});
}

void TestPerformance::localFiguresAreMeasured()
{
    LocalNet net(makeTestNetwork({20'000, 20'000}));
    net.addEveryone();
    net.runUntilSlot(10, 5000);
    const auto perf = net.node(0).performance(0);
    std::uint64_t contribution = 0;
    for (const auto &[key, record] : perf) {
        QVERIFY(record.measuredLocally);
        contribution += record.performance.networkContributionPpm;
        QCOMPARE(record.performance.energyAccuracyPpm, kPpmFull);   // nothing false seen
    }
    QVERIFY(contribution > 900'000 && contribution <= kPpmFull);   // shares of what node 0 received
    const auto &validator = perf.at(net.net.validators[0].publicKey()).performance;
    QVERIFY(validator.networkContributionPpm > 0);
    // Local delivery is instant in this network: every response is within a tick.
    QVERIFY(validator.responseTimeAvgMs <= 250);
}

QTEST_GUILESS_MAIN(TestPerformance)
