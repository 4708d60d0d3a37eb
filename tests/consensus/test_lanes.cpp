#include "test_lanes.h"

#include "consensus_fixture.h"

#include <QtTest>

#include <algorithm>

using namespace gtx;
using namespace gtx::testing;

namespace {

Transaction energyTrade(const crypto::KeyPair &key, std::uint64_t nonce, std::int64_t timeMs)
{
    energy::EnergyTrade trade;
    trade.sellerZone = trade.buyerZone = GridZone{static_cast<std::uint16_t>(1 + nonce % 6)};
    trade.energyWh = 100 + nonce;
    trade.priceMicroGtPerKWh = 3'000'000;
    Transaction tx;
    tx.kind = TransactionKind::EnergyTrade;
    tx.networkId = ConsensusParams::simulation().networkId;
    tx.nonce = nonce;
    tx.timestampMs = timeMs;
    tx.payload = codec::encode(trade);
    signTransaction(tx, key);
    return tx;
}

Transaction simpleTx(TransactionKind kind, const crypto::KeyPair &key, std::uint64_t nonce, std::int64_t timeMs)
{
    Transaction tx;
    tx.kind = kind;
    tx.networkId = ConsensusParams::simulation().networkId;
    tx.nonce = nonce;
    tx.timestampMs = timeMs;
    tx.payload = toBytes("order");
    signTransaction(tx, key);
    return tx;
}

std::size_t countKind(const std::vector<Transaction> &txs, TransactionKind kind)
{
    return static_cast<std::size_t>(std::count_if(txs.begin(), txs.end(),
                                                  [&](const Transaction &t) { return t.kind == kind; }));
}

const auto kAll = [](const Transaction &, const Hash256 &) { return true; };

} // namespace

void TestLanes::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestLanes::authorityReserveSurvivesAnEnergyFlood()
{
    LaneLimits limits;
    limits.maxTransactions = 64;
    limits.authorityReserve = 8;
    limits.governanceReserve = 4;
    Mempool pool(limits);
    const crypto::KeyPair client = testKey(50);
    for (std::uint64_t i = 0; i < 1000; ++i)
        QVERIFY(pool.add(energyTrade(client, i, 1000)).ok());
    const Transaction order = simpleTx(TransactionKind::RegulatoryEnforcement, testKey(1), 0, 1000);
    QVERIFY(pool.add(order).ok());   // arrives last, behind 1000 trades
    const auto block = pool.assemble(kAll);
    QCOMPARE(block.size(), std::size_t{64});
    QCOMPARE(countKind(block, TransactionKind::RegulatoryEnforcement), std::size_t{1});
    QCOMPARE(block.front(), order);   // lanes in priority order
    QCOMPARE(countKind(block, TransactionKind::EnergyTrade), std::size_t{63});
}

void TestLanes::energyFloodCannotEvictAuthorityTraffic()
{
    LaneLimits limits;
    limits.mempoolPerLane = 100;
    Mempool pool(limits);
    const crypto::KeyPair client = testKey(50);
    for (std::uint64_t i = 0; i < 100; ++i)
        QVERIFY(pool.add(energyTrade(client, i, 1000)).ok());
    auto full = pool.add(energyTrade(client, 100, 1000));
    QCOMPARE(full.error().code, std::string("mempool.lane_full"));
    QVERIFY(pool.add(simpleTx(TransactionKind::AuthorityRegistration, testKey(60), 0, 1000)).ok());
    QVERIFY(pool.add(simpleTx(TransactionKind::GovernanceVote, testKey(61), 0, 1000)).ok());
    QCOMPARE(pool.size(Lane::Energy), std::size_t{100});
    QCOMPARE(pool.size(Lane::Authority), std::size_t{1});
    QCOMPARE(pool.add(energyTrade(client, 5, 1000)).error().code, std::string("mempool.duplicate"));
    pool.remove(transactionId(energyTrade(client, 5, 1000)));
    QCOMPARE(pool.size(Lane::Energy), std::size_t{99});
    QVERIFY(pool.add(energyTrade(client, 100, 1000)).ok());   // room again
}

void TestLanes::unusedReserveGoesToOtherLanes()
{
    LaneLimits limits;
    limits.maxTransactions = 20;
    limits.authorityReserve = 5;
    limits.governanceReserve = 5;
    limits.stakingReserve = 0;
    Mempool pool(limits);
    const crypto::KeyPair client = testKey(50);
    for (std::uint64_t i = 0; i < 40; ++i)
        QVERIFY(pool.add(energyTrade(client, i, 1000)).ok());
    QCOMPARE(pool.assemble(kAll).size(), std::size_t{20});   // no authority or governance traffic
    for (std::uint64_t i = 0; i < 3; ++i)
        QVERIFY(pool.add(simpleTx(TransactionKind::GovernanceProposal, testKey(70), i, 1000)).ok());
    for (std::uint64_t i = 0; i < 12; ++i)
        QVERIFY(pool.add(simpleTx(TransactionKind::AuthorityRegistration, testKey(1), i, 1000)).ok());
    const auto block = pool.assemble(kAll);
    QCOMPARE(block.size(), std::size_t{20});
    QCOMPARE(countKind(block, TransactionKind::GovernanceProposal), std::size_t{3});
    // Authority gets its 5, then the 2 governance slots left unused, before energy's share.
    QCOMPARE(countKind(block, TransactionKind::AuthorityRegistration), std::size_t{7});
    QCOMPARE(countKind(block, TransactionKind::EnergyTrade), std::size_t{10});
    // A filter (already on chain, halted zone) skips transactions without losing the slot.
    const auto filtered = pool.assemble([](const Transaction &t, const Hash256 &) {
        return t.kind != TransactionKind::AuthorityRegistration;
    });
    QCOMPARE(countKind(filtered, TransactionKind::EnergyTrade), std::size_t{17});
}

void TestLanes::emergencyOrdersBypassTheMempool()
{
    Mempool pool(LaneLimits{});
    auto refused = pool.add(simpleTx(TransactionKind::EmergencyHalt, testKey(1), 0, 1000));
    QCOMPARE(refused.error().code, std::string("mempool.emergency_lane"));
}

void TestLanes::authorityTransactionLandsWithinSixSlotsUnderFullMempool()
{
    TestNetwork n = withTradeMeters(makeTestNetwork({20'000, 20'000, 20'000}));
    n.params.lanes.mempoolPerLane = 1500;   // 64-transaction blocks, so the flood lasts > 20 slots
    LocalNet net(std::move(n));
    for (const auto &k : net.net.authorities)
        net.add(k);
    for (const auto &k : net.net.validators)
        net.add(k);
    // Energy metered in every zone, so each trade of the flood is one that settles.
    const std::int64_t interval = lastIntervalEnd(net.net.params.genesisTimeMs);
    for (const Transaction &tx : tradeReadings(net.net, interval, 4'000, net.now))
        QVERIFY(net.node(0).submitTransaction(tx, net.now).ok());
    net.runUntilSlot(3);
    auto flood = [&](std::uint64_t i) {
        return tradeTx(net.net, GridZone{static_cast<std::uint16_t>(2 + i % 7)}, i, interval, net.now, 1);
    };
    for (std::uint64_t i = 0; i < 1500; ++i)
        QVERIFY(net.node(0).submitTransaction(flood(i), net.now).ok());
    net.deliver();
    QCOMPARE(net.node(3).mempool().size(Lane::Energy), std::size_t{1500});
    QCOMPARE(net.node(0).submitTransaction(flood(9999), net.now).error().code,
             std::string("mempool.lane_full"));

    const Transaction order = simpleTx(TransactionKind::RegulatoryEnforcement, net.net.authorities[4], 0, net.now);
    QVERIFY(net.node(5).submitTransaction(order, net.now).ok());
    net.deliver();
    const std::uint64_t submittedSlot = net.node(0).currentSlot();
    const Hash256 id = transactionId(order);
    std::uint64_t landedSlot = 0;
    for (std::uint64_t slot = submittedSlot + 1; slot <= submittedSlot + 6 && landedSlot == 0; ++slot) {
        net.runUntilSlot(slot, 2000);
        for (const BlockNode *b = net.node(0).head(); b && b->slot > submittedSlot; b = b->parent)
            for (const auto &tx : b->block->transactions)
                if (transactionId(tx) == id)
                    landedSlot = b->slot;
    }
    QVERIFY2(landedSlot != 0, "the authority transaction is on chain within 6 slots");
    QVERIFY(landedSlot <= submittedSlot + 6);
    QVERIFY2(net.node(0).mempool().size(Lane::Energy) > 1000, "the energy lane is still full");
}

void TestLanes::evidenceHasItsOwnRoom()
{
    // Evidence is not a transaction: a block full of transactions still has
    // its evidence budget.
    const ConsensusParams p = ConsensusParams::simulation();
    QVERIFY(p.lanes.maxEvidence > 0);
    QVERIFY(p.lanes.maxEmergencyRecords > 0);
    ConsensusParams bad = p;
    bad.lanes.authorityReserve = 0;
    QCOMPARE(bad.validate().error().code, std::string("consensus.invalid_params"));
    bad = p;
    bad.lanes.authorityReserve = 60;
    bad.lanes.governanceReserve = 10;   // 70 > 64
    QVERIFY(!bad.validate().ok());
}

void TestLanes::stakingSpamCannotFillTheAuthorityLane()
{
    // Anyone may send bonds and unbonds; they must not take the room kept
    // for authorities. A flood of them from made-up keys, then one
    // regulator's order: the order is in the next block.
    Mempool pool(ConsensusParams::simulation().lanes);
    for (std::uint64_t i = 0; i < 500; ++i)
        QVERIFY(pool.add(simpleTx(i % 2 ? TransactionKind::Bond : TransactionKind::Unbond, testKey(100 + i), 0, 1000))
                    .ok());
    QCOMPARE(pool.size(Lane::Authority), std::size_t{0});
    QCOMPARE(pool.size(Lane::Staking), std::size_t{500});
    QVERIFY(pool.add(simpleTx(TransactionKind::RegulatoryEnforcement, testKey(1), 0, 1000)).ok());
    const auto block = pool.assemble(kAll);
    QCOMPARE(countKind(block, TransactionKind::RegulatoryEnforcement), std::size_t{1});
    // Staking traffic gets its lane's cap, no more.
    const LaneLimits limits = ConsensusParams::simulation().lanes;
    QVERIFY(countKind(block, TransactionKind::Bond) + countKind(block, TransactionKind::Unbond) <= limits.stakingMax);
}

void TestLanes::blockOverALaneCapIsRejected()
{
    // Block validity checks every lane, not only the total.
    TestNetwork n = makeTestNetwork({20'000});
    BlockTree tree(n.params, *n.genesis);
    CachingVerifier verifier;
    std::vector<Transaction> spam;
    for (std::uint32_t i = 0; i <= n.params.lanes.stakingMax; ++i) {
        Transaction tx;
        tx.kind = TransactionKind::RandaoReveal;   // a staking-lane kind that a funded key may send
        tx.networkId = n.params.networkId;
        tx.nonce = i;
        tx.timestampMs = n.params.slotStartMs(1);
        signTransaction(tx, testKey(300 + i % 10));
        spam.push_back(tx);
    }
    auto over = tree.add(makeBlock(n, tree, tree.genesisNode(), 1, {}, {}, spam), verifier);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().code, std::string("block.lane_full"));
    spam.pop_back();
    QVERIFY(tree.add(makeBlock(n, tree, tree.genesisNode(), 1, {}, {}, spam), verifier).ok());
}

QTEST_GUILESS_MAIN(TestLanes)
