#include "test_emergency.h"

#include "consensus_fixture.h"

#include <QtTest>

using namespace gtx;
using namespace gtx::testing;

namespace {

Transaction order(const TestNetwork &n, TransactionKind kind, std::size_t authority, std::vector<GridZone> zones,
                  std::vector<const crypto::KeyPair *> approvers, std::int64_t timeMs, std::vector<Hash256> lifts = {})
{
    EmergencyOrder o;
    o.zones = std::move(zones);
    o.lifts = std::move(lifts);
    o.reason = "grid emergency";
    return makeEmergencyOrder(kind, n.params.networkId, static_cast<std::uint64_t>(timeMs), timeMs, o, n.authorities[authority],
                              approvers);
}

// The interval the trades of these tests settle: the last one before genesis.
std::int64_t tradedInterval(const TestNetwork &n)
{
    return lastIntervalEnd(n.params.genesisTimeMs);
}

// A network whose meters have metered energy to trade in every zone.
void metered(LocalNet &net)
{
    for (const Transaction &tx : tradeReadings(net.net, tradedInterval(net.net), 4'000, net.now))
        QVERIFY(net.node(0).submitTransaction(tx, net.now).ok());
}

// A trade of 500 Wh in `zone` that settles against those readings.
Transaction trade(const LocalNet &net, GridZone zone, std::uint64_t nonce, std::int64_t timeMs)
{
    return tradeTx(net.net, zone, nonce, tradedInterval(net.net), timeMs);
}

} // namespace

void TestEmergency::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestEmergency::haltNeedsTwoOwnOperators()
{
    const TestNetwork n = makeTestNetwork();
    CachingVerifier v;
    const auto &ops = n.operators;
    auto ok = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                         {&ops[1][0], &ops[1][1]}, 1000),
                                   n.genesis->authorities, v);
    QVERIFY(ok.ok());
    auto one = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                          {&ops[1][0]}, 1000),
                                    n.genesis->authorities, v);
    QCOMPARE(one.error().code, std::string("emergency.approvals"));
    auto twice = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                            {&ops[1][0], &ops[1][0]}, 1000),
                                      n.genesis->authorities, v);
    QCOMPARE(twice.error().code, std::string("emergency.approvals"));
    auto foreign = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                              {&ops[1][0], &ops[2][0]}, 1000),
                                        n.genesis->authorities, v);
    QCOMPARE(foreign.error().code, std::string("emergency.approvals"));
    // An operator approval cannot be moved to another order.
    Transaction tampered = order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                 {&ops[1][0], &ops[1][1]}, 1000);
    auto decoded = codec::decode<EmergencyOrder>(tampered.payload, "order").value();
    decoded.reason = "something else";
    tampered.payload = codec::encode(decoded);
    signTransaction(tampered, n.authorities[1]);
    QCOMPARE(verifyEmergencyOrder(tampered, n.genesis->authorities, v).error().code,
             std::string("emergency.bad_signature"));
    // Not an authority at all.
    Transaction stranger = order(n, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                 {&ops[1][0], &ops[1][1]}, 1000);
    signTransaction(stranger, testKey(999));
    QCOMPARE(verifyEmergencyOrder(stranger, n.genesis->authorities, v).error().code,
             std::string("emergency.not_authority"));
}

void TestEmergency::authorityHaltsOnlyTheZonesItServes()
{
    const TestNetwork n = makeTestNetwork();
    CachingVerifier v;
    const auto &ops = n.operators;
    auto meaInPea = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 1, {zones::kPeaSouth},
                                               {&ops[1][0], &ops[1][1]}, 1000),
                                         n.genesis->authorities, v);
    QCOMPARE(meaInPea.error().code, std::string("emergency.zone_not_served"));
    auto peaNationwide = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 2, {GridZone{kNationwideZoneId}},
                                                    {&ops[2][0], &ops[2][1]}, 1000),
                                              n.genesis->authorities, v);
    QCOMPARE(peaNationwide.error().code, std::string("emergency.zone_not_served"));
    auto egat = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 0, {GridZone{kNationwideZoneId}},
                                           {&ops[0][0], &ops[0][1]}, 1000),
                                     n.genesis->authorities, v);
    QVERIFY(egat.ok());   // EGAT halts nationwide on its own
    auto nepo = verifyEmergencyOrder(order(n, TransactionKind::EmergencyHalt, 3, {zones::kPeaNorth},
                                           {&ops[3][0], &ops[3][1]}, 1000),
                                     n.genesis->authorities, v);
    QCOMPARE(nepo.error().code, std::string("emergency.zone_not_served"));
}

void TestEmergency::haltAppliesAtOnceEverywhere()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(3);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 2, {zones::kPeaSouth},
                                   {&net.net.operators[2][0], &net.net.operators[2][1]}, net.now);
    QVERIFY(net.node(2).submitEmergencyOrder(halt, net.now).ok());
    // Given again (a client retrying after a timeout), the same order takes
    // no second sequence number.
    const auto sequence = net.node(2).signerRecord().emergencyProposedSeq;
    QCOMPARE(net.node(2).submitEmergencyOrder(halt, net.now).error().code, std::string("emergency.duplicate"));
    QCOMPARE(net.node(2).signerRecord().emergencyProposedSeq, sequence);
    // A halt takes effect when the quorum has certified it (Instant), on
    // every node alike; not before, not even on the proposer.
    QVERIFY(!net.node(2).localHalts().isHalted(zones::kPeaSouth));
    net.deliver();   // one round of messages, no time passes
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        QVERIFY(net.node(p).localHalts().isHalted(zones::kPeaSouth));
        QVERIFY(!net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
    }
    auto refused = net.node(0).submitTransaction(trade(net, zones::kPeaSouth, 1, net.now), net.now);
    QCOMPARE(refused.error().code, std::string("tx.zone_halted"));
    QVERIFY(net.node(0).submitTransaction(trade(net, zones::kMeaMetropolitan, 2, net.now), net.now).ok());
    // Only one authority with its own operators was needed; the quorum then
    // certified the block (Instant) and the chain carries it.
    net.runUntilSlot(8);
    for (PeerId p = 0; p < net.peers.size(); ++p)
        QVERIFY(net.node(p).finalizedTip(FinalityLevel::Fast)->state.halts->isHalted(zones::kPeaSouth));
}

void TestEmergency::resumeNeedsTheQuorum()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(3);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                   {&net.net.operators[1][0], &net.net.operators[1][1]}, net.now);
    QVERIFY(net.node(1).submitEmergencyOrder(halt, net.now).ok());
    net.runUntilSlot(5);
    // Two authorities are down: three cannot certify a resume.
    net.crash(3);
    net.crash(4);
    const Transaction resume = order(net.net, TransactionKind::EmergencyResume, 0, {zones::kMeaMetropolitan},
                                     {&net.net.operators[0][0], &net.net.operators[0][1]}, net.now,
                                     {transactionId(halt)});
    QVERIFY(net.node(0).submitEmergencyOrder(resume, net.now).ok());
    net.runUntilSlot(7);
    for (PeerId p : {0u, 1u, 2u})
        QVERIFY(net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
    // A fourth authority returns: the resume is certified and trading resumes.
    net.start(3);
    net.runUntilSlot(10);
    for (PeerId p : {0u, 1u, 2u, 3u}) {
        QVERIFY(!net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
        QVERIFY(net.node(p).submitTransaction(trade(net, zones::kMeaMetropolitan, 10 + p, net.now), net.now).ok());
    }
}

void TestEmergency::haltsCommuteAndLiftedHaltsStayLifted()
{
    const Hash256 h1 = crypto::hash("gtx/test/v1", asBytes("halt-1"));
    const Hash256 h2 = crypto::hash("gtx/test/v1", asBytes("halt-2"));
    HaltState a;
    a.applyHalt(h1, {zones::kPeaNorth});
    a.applyHalt(h2, {GridZone{kNationwideZoneId}});
    a.applyResume({h2});
    HaltState b;   // the same orders in another order
    b.applyResume({h2});
    b.applyHalt(h2, {GridZone{kNationwideZoneId}});
    b.applyHalt(h1, {zones::kPeaNorth});
    QVERIFY(a == b);
    QVERIFY(a.isHalted(zones::kPeaNorth));
    QVERIFY(!a.isHalted(zones::kPeaSouth));   // the nationwide halt was lifted
    a.applyResume({h1});
    QVERIFY(!a.anyHalted());
}

void TestEmergency::chainRefusesTradesInAHaltedZone()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 0, {zones::kPeaCentral},
                                   {&net.net.operators[0][0], &net.net.operators[0][1]}, net.now);
    QVERIFY(net.node(0).submitEmergencyOrder(halt, net.now).ok());
    net.runUntilSlot(6);
    BlockNode *tip = const_cast<BlockNode *>(net.node(0).head());
    QVERIFY(tip->state.halts->isHalted(zones::kPeaCentral));
    // A block on that chain that trades in the halted zone is invalid.
    BlockTree &tree = const_cast<BlockTree &>(net.node(0).tree());
    const std::uint64_t slot = tip->slot + 1;
    auto bad = makeBlock(net.net, tree, tip, slot, {}, {},
                         {trade(net, zones::kPeaCentral, 77, net.net.params.slotStartMs(slot))});
    auto refused = tree.add(bad, net.verifier);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, std::string("block.bad_tx"));
    auto good = makeBlock(net.net, tree, tip, slot, {}, {},
                          {trade(net, zones::kPeaNorth, 78, net.net.params.slotStartMs(slot))});
    QVERIFY(tree.add(good, net.verifier).ok());
}

void TestEmergency::emergencyActionsAreAudited()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                   {&net.net.operators[1][0], &net.net.operators[1][1]}, net.now);
    QVERIFY(net.node(1).submitEmergencyOrder(halt, net.now).ok());
    net.deliver();
    auto actions = [&](PeerId p) {
        std::vector<std::string> out;
        for (const auto &[action, details] : static_cast<MemoryConsensusStore &>(*net.peers[p].store).audit())
            out.push_back(action);
        return out;
    };
    const auto proposer = actions(1);
    QVERIFY(std::count(proposer.begin(), proposer.end(), "emergency.halt_proposed") == 1);
    QVERIFY(std::count(proposer.begin(), proposer.end(), "emergency.certified") == 1);
    const auto other = actions(3);
    QVERIFY(std::count(other.begin(), other.end(), "emergency.certified") == 1);
    // Only an authority's own node proposes its orders.
    QCOMPARE(net.node(2).submitEmergencyOrder(halt, net.now).error().code, std::string("emergency.not_authority"));
}

void TestEmergency::uncertifiedHaltIsNotApplied()
{
    // A Byzantine EGAT sends one authority an emergency block that skips
    // sequence numbers: no honest authority votes for it (they vote in
    // order), so it is never certified, and it must not halt anything.
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 0, {zones::kPeaNorth},
                                   {&net.net.operators[0][0], &net.net.operators[0][1]}, net.now);
    const EmergencyBlock skipped = makeEmergencyBlock(halt, 3, net.node(0).currentSlot(), net.net.params.networkId,
                                                      net.now, net.net.authorities[0]);
    net.node(1).onMessage(0, encodeMessage(skipped), net.now);
    net.deliver();
    QVERIFY(!net.node(1).isInstantFinal(emergencyBlockId(skipped)));
    QVERIFY(!net.node(1).localHalts().isHalted(zones::kPeaNorth));
    // MEA keeps taking and voting for trades in the zone: they finalize.
    const Transaction t = trade(net, zones::kPeaNorth, 1, net.now);
    QVERIFY(net.node(1).submitTransaction(t, net.now).ok());
    net.runUntilSlot(8);
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        QVERIFY(!net.node(p).localHalts().isHalted(zones::kPeaNorth));
        QVERIFY(net.node(p).tree().chainHasTransaction(net.node(p).finalizedTip(FinalityLevel::Fast),
                                                       transactionId(t)));
    }
}

void TestEmergency::poisonedFirstVoteDoesNotBlockTheCertificate()
{
    // Authority 4 signs a vote for MEA's emergency block with the wrong slot
    // and gets it to every node before any honest vote. The certificate must
    // still form from the honest votes.
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                   {&net.net.operators[1][0], &net.net.operators[1][1]}, net.now);
    QVERIFY(net.node(1).submitEmergencyOrder(halt, net.now).ok());
    std::optional<EmergencyBlock> block;
    for (const auto &m : net.queue)
        if (auto decoded = decodeMessage(m.bytes); decoded && std::holds_alternative<EmergencyBlock>(*decoded))
            block = std::get<EmergencyBlock>(*decoded);
    QVERIFY(block.has_value());
    Vote poison = emergencyVoteFor(*block, 1);
    poison.slot += 1;
    signVote(poison, net.net.authorities[4]);
    for (PeerId p = 0; p < net.peers.size(); ++p)
        if (p != 4)
            net.queue.push_front({4, p, encodeMessage(poison)});
    net.deliver();
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        QVERIFY(net.node(p).isInstantFinal(emergencyBlockId(*block)));
        QVERIFY(net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
    }
}

void TestEmergency::failedAuditRefusesTheOrder()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                   {&net.net.operators[1][0], &net.net.operators[1][1]}, net.now);
    net.memoryStore(1).failAuditWrites(true);
    auto refused = net.node(1).submitEmergencyOrder(halt, net.now);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, std::string("store.audit_failed"));
    net.runUntilSlot(4);
    for (PeerId p = 0; p < net.peers.size(); ++p)
        QVERIFY(!net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
    // Nothing was used up: once the trail can be written, the order goes
    // through with the next sequence number and is certified.
    QCOMPARE(net.node(1).signerRecord().emergencyProposedSeq, std::uint64_t{0});
    net.memoryStore(1).failAuditWrites(false);
    QVERIFY(net.node(1).submitEmergencyOrder(halt, net.now).ok());
    net.deliver();
    for (PeerId p = 0; p < net.peers.size(); ++p)
        QVERIFY(net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
}

void TestEmergency::failedAuditOfACertifiedHaltRaisesAnAlarm()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.runUntilSlot(2);
    const Transaction halt = order(net.net, TransactionKind::EmergencyHalt, 1, {zones::kMeaMetropolitan},
                                   {&net.net.operators[1][0], &net.net.operators[1][1]}, net.now);
    net.memoryStore(3).failAuditWrites(true);
    QVERIFY(net.node(1).submitEmergencyOrder(halt, net.now).ok());
    net.deliver();
    // The quorum certified it: it applies everywhere (refusing would split
    // the authorities), and the node that could not record it says so.
    QVERIFY(net.node(3).localHalts().isHalted(zones::kMeaMetropolitan));
    QVERIFY(net.alarmed(3, "audit"));
    QVERIFY(!net.alarmed(2, "audit"));
}

void TestEmergency::failedFinalizedWriteRaisesAnAlarmAndIsRetried()
{
    LocalNet net(withTradeMeters(makeTestNetwork({20'000, 20'000})));
    net.addEveryone();
    metered(net);
    net.memoryStore(2).failFinalizedWrites(true);
    net.runUntilSlot(6);
    QVERIFY(net.node(2).finalizedTip(FinalityLevel::Fast)->height > 0);
    QVERIFY(net.alarmed(2, "finalized block"));
    QVERIFY(net.memoryStore(2).loadFinalized()->blocks.empty());
    net.memoryStore(2).failFinalizedWrites(false);
    net.runUntilSlot(10);
    // Every Fast-final block is in the store, in order, none lost.
    const auto stored = net.memoryStore(2).loadFinalized()->blocks;
    const BlockNode *tip = net.node(2).finalizedTip(FinalityLevel::Fast);
    QCOMPARE(stored.size(), static_cast<std::size_t>(tip->height));
    for (std::size_t i = 0; i < stored.size(); ++i)
        QCOMPARE(stored[i].header.height, static_cast<std::uint64_t>(i + 1));
    QCOMPARE(blockHash(stored.back().header), tip->hash);
}

QTEST_GUILESS_MAIN(TestEmergency)
