#include "test_finality.h"

#include "consensus_fixture.h"

#include <QtTest>

#include <algorithm>

using namespace gtx;
using namespace gtx::testing;

namespace {

struct Chain
{
    TestNetwork net;
    BlockTree tree;
    FinalityTracker finality;
    CachingVerifier verifier;

    explicit Chain(TestNetwork n) : net(std::move(n)), tree(net.params, *net.genesis), finality(tree) {}

    BlockNode *add(BlockNode *parent, std::uint64_t slot, std::vector<Transaction> transactions = {})
    {
        auto added = tree.add(makeBlock(net, tree, parent, slot, {}, {}, std::move(transactions)), verifier);
        if (!added)
            qFatal("block rejected: %s", added.error().message.c_str());
        finality.onBlockAdded(*added);
        return *added;
    }

    // Link votes source -> target by the authorities with these indices.
    void vote(BlockNode *source, BlockNode *target, std::initializer_list<std::size_t> who)
    {
        for (std::size_t a : who)
            finality.addLinkVote(linkVote(net.authorities[a], source, target), a);
    }

    void attest(BlockNode *target, std::initializer_list<std::size_t> who)
    {
        for (std::size_t v : who)
            finality.addAttestation(attestation(net.validators[v], target));
    }

    bool reported(FinalityLevel level, const BlockNode *node)
    {
        const auto events = finality.takeEvents();
        return std::any_of(events.begin(), events.end(), [&](const FinalityEvent &e) {
            return e.type == FinalityEvent::Type::Finalized && e.level == level && e.node == node;
        });
    }
};

const std::vector<std::uint64_t> kThreeEqualStakes{20'000, 20'000, 20'000};

int level(FinalityLevel l)
{
    return static_cast<int>(l);
}

} // namespace

void TestFinality::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestFinality::quorumJustifies()
{
    Chain c(makeTestNetwork());
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    QCOMPARE(c.tree.quorum(), std::size_t{4});
    c.vote(g, b1, {0, 1, 2, 3});
    QVERIFY(b1->justified);
    QCOMPARE(c.finality.highestJustified(), b1);
    QCOMPARE(level(b1->level), level(FinalityLevel::None));   // justified is not final
}

void TestFinality::threeOfFiveDoesNotJustify()
{
    Chain c(makeTestNetwork());
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    c.vote(g, b1, {0, 2, 4});
    QVERIFY(!b1->justified);
    // A repeated vote by the same authority does not count twice.
    c.vote(g, b1, {0, 2, 4});
    QVERIFY(!b1->justified);
    QCOMPARE(c.finality.highestJustified(), g);
}

void TestFinality::fastNeedsTheTwoChain()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    QCOMPARE(level(b1->level), level(FinalityLevel::None));
    c.vote(b1, b2, {1, 2, 3, 4});
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
    QVERIFY(b2->justified);
    QCOMPARE(level(b2->level), level(FinalityLevel::None));
    QCOMPARE(c.finality.tip(FinalityLevel::Fast), b1);
    QVERIFY(c.reported(FinalityLevel::Fast, b1));
}

void TestFinality::fastNeedsAQuorumLink()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    c.vote(b1, b2, {0, 1, 2});
    QCOMPARE(c.finality.linkSigners(b1->checkpoint(), b2->checkpoint()), std::size_t{3});
    QCOMPARE(level(b1->level), level(FinalityLevel::None));
    QCOMPARE(c.finality.tip(FinalityLevel::Fast), g);
}

void TestFinality::missedSlotFinalizesLaterThroughDescendant()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b3 = c.add(b1, 3);   // slot 2 was missed
    c.vote(g, b1, {0, 1, 2, 3});
    c.vote(b1, b3, {0, 1, 2, 3});
    QVERIFY(b3->justified);
    QCOMPARE(level(b1->level), level(FinalityLevel::None));   // b3 is not at b1's next slot
    BlockNode *b4 = c.add(b3, 4);
    c.vote(b3, b4, {0, 1, 2, 4});
    QCOMPARE(level(b3->level), level(FinalityLevel::Fast));
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));   // ancestors of a Fast block are Fast
    QVERIFY(c.reported(FinalityLevel::Fast, b1));
}

void TestFinality::mixedSourcesJustifyButDoNotFinalize()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    // Two authorities had not yet seen b1 justified and voted from genesis.
    c.vote(g, b2, {0, 1});
    c.vote(b1, b2, {2, 3});
    QVERIFY(b2->justified);
    QCOMPARE(level(b1->level), level(FinalityLevel::None));   // the 2-chain needs a quorum on b1 -> b2 itself
    // A vote whose source is not justified does not count (one authority
    // naming b3 could be the faulty one; two would justify b3, see
    // sourceClaimedByMoreThanTheFaultyIsJustified).
    BlockNode *b3 = c.add(b2, 3);
    BlockNode *b4 = c.add(b3, 4);
    c.vote(b3, b4, {0});   // b3 is not justified
    c.vote(b2, b4, {1, 2, 3});
    QVERIFY(!b3->justified);
    QVERIFY(!b4->justified);
}

void TestFinality::fullNeedsStakeThreshold()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    c.vote(b1, b2, {0, 1, 2, 3});
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
    c.attest(b2, {0});   // a third of the stake, through a descendant
    QCOMPARE(b1->attestedStake, gtToMicro(20'000));
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
    c.attest(b1, {0});   // the same validator again: no double counting
    QCOMPARE(b1->attestedStake, gtToMicro(20'000));
    c.attest(b1, {1});   // two thirds >= 51%
    QCOMPARE(level(b1->level), level(FinalityLevel::Full));
    QCOMPARE(c.finality.tip(FinalityLevel::Full), b1);
    QCOMPARE(level(b2->level), level(FinalityLevel::None));   // stake alone does not finalize
}

void TestFinality::economicIsCheckpointDeep()
{
    TestNetwork n = makeTestNetwork();
    n.params.checkpointBlocks = 4;
    Chain c(std::move(n));
    std::vector<BlockNode *> chain{c.tree.genesisNode()};
    for (std::uint64_t slot = 1; slot <= 8; ++slot)
        chain.push_back(c.add(chain.back(), slot));
    c.vote(chain[0], chain[1], {0, 1, 2, 3});
    for (std::size_t i = 1; i + 1 < chain.size(); ++i)
        c.vote(chain[i], chain[i + 1], {0, 1, 2, 3});
    QCOMPARE(c.finality.tip(FinalityLevel::Full), chain[7]);
    QCOMPARE(c.finality.tip(FinalityLevel::Economic), chain[3]);   // 7 - 4
    QCOMPARE(level(chain[3]->level), level(FinalityLevel::Economic));
    QCOMPARE(level(chain[4]->level), level(FinalityLevel::Full));
}

void TestFinality::conflictingFinalizationIsReportedNotApplied()
{
    TestNetwork n = makeTestNetwork();
    n.params.testOnlyAllowUnsafeQuorum = true;   // a quorum of 2 of 5: unsafe by design
    n.params.testOnlyQuorumOverride = 2;
    Chain c(std::move(n));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *a1 = c.add(g, 1);
    BlockNode *a2 = c.add(a1, 2);
    BlockNode *b3 = c.add(g, 3);
    BlockNode *b4 = c.add(b3, 4);
    c.vote(g, a1, {0, 1});
    c.vote(a1, a2, {0, 1});
    QCOMPARE(c.finality.tip(FinalityLevel::Fast), a1);
    (void)c.finality.takeEvents();
    c.vote(g, b3, {2, 3});
    c.vote(b3, b4, {2, 3});
    const auto events = c.finality.takeEvents();
    const bool conflict = std::any_of(events.begin(), events.end(), [&](const FinalityEvent &e) {
        return e.type == FinalityEvent::Type::Conflict && e.node == b3 && e.other == a1;
    });
    QVERIFY(conflict);
    QCOMPARE(c.finality.tip(FinalityLevel::Fast), a1);   // never reverted
    QCOMPARE(level(b3->level), level(FinalityLevel::None));
}

void TestFinality::supermajorityAtOrBelowTwoThirdsIsRejected()
{
    const ConsensusParams current = ConsensusParams::simulation();
    ConsensusParams proposed = current;
    proposed.rules.authoritySupermajorityBps = 6666;
    auto refused = checkParameterChange(current, proposed);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, std::string("consensus.invalid_rules"));
    proposed.rules.authoritySupermajorityBps = 6667;
    QVERIFY(checkParameterChange(current, proposed).ok());
    proposed.rules.authoritySupermajorityBps = 6700;
    QVERIFY(checkParameterChange(current, proposed).ok());
    QCOMPARE(proposed.authorityQuorum(5), std::size_t{4});
    proposed.testOnlyAllowUnsafeQuorum = true;
    proposed.testOnlyQuorumOverride = 2;
    QVERIFY(!checkParameterChange(current, proposed).ok());
    ConsensusParams shorter = current;
    shorter.slotMs = 5000;
    QCOMPARE(checkParameterChange(current, shorter).error().code, std::string("consensus.immutable_param"));
    ConsensusParams override = current;
    override.testOnlyQuorumOverride = 2;   // without the test-only permission
    QVERIFY(!override.validate().ok());
}

void TestFinality::instantNeedsTheAuthorityQuorum()
{
    TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    EmergencyOrder order;
    order.zones = {zones::kPeaSouth};
    order.reason = "500 kV line trip";
    const Transaction tx = makeEmergencyOrder(TransactionKind::EmergencyHalt, n.params.networkId, 0, n.params.genesisTimeMs, order,
                                              n.authorities[0], {&n.operators[0][0], &n.operators[0][1]});
    const EmergencyBlock block = makeEmergencyBlock(tx, 1, 3, n.params.networkId, n.params.genesisTimeMs, n.authorities[0]);
    EmergencyRecord record;
    record.block = block;
    const Vote expected = emergencyVoteFor(block, 0);
    record.certificate.kind = expected.kind;
    record.certificate.height = expected.height;
    record.certificate.round = expected.round;
    record.certificate.slot = expected.slot;
    record.certificate.blockHash = expected.blockHash;
    for (std::size_t a = 1; a <= 3; ++a) {
        Vote v = expected;
        signVote(v, n.authorities[a]);
        QVERIFY(addVote(record.certificate, v).ok());
    }
    auto three = verifyEmergencyRecord(record, n.genesis->authorities, 4, n.params.networkId, verifier);
    QCOMPARE(three.error().code, std::string("emergency.no_quorum"));
    EmergencyRecord forged = record;
    Vote outsider = expected;
    signVote(outsider, testKey(999));
    QVERIFY(addVote(forged.certificate, outsider).ok());
    QCOMPARE(verifyEmergencyRecord(forged, n.genesis->authorities, 4, n.params.networkId, verifier).error().code,
             std::string("emergency.bad_certificate"));
    Vote fourth = expected;
    signVote(fourth, n.authorities[4]);
    QVERIFY(addVote(record.certificate, fourth).ok());
    QVERIFY(verifyEmergencyRecord(record, n.genesis->authorities, 4, n.params.networkId, verifier).ok());
}

void TestFinality::networkReachesEveryLevel()
{
    LocalNet net(makeTestNetwork(kThreeEqualStakes));
    for (const auto &k : net.net.authorities)
        net.add(k);
    for (const auto &k : net.net.validators)
        net.add(k);
    net.runUntilSlot(30, 5000);
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        const ConsensusNode &node = net.node(p);
        QVERIFY2(node.finalizedTip(FinalityLevel::Fast)->slot >= 28, "Fast finality keeps up");
        QVERIFY(node.finalizedTip(FinalityLevel::Full)->slot >= 28);
        QVERIFY(node.finalizedTip(FinalityLevel::Economic)->height >= 10);
        QCOMPARE(node.finalizedTip(FinalityLevel::Fast)->hash, net.node(0).finalizedTip(FinalityLevel::Fast)->hash);
    }

    // Instant: an emergency halt, certified out of slot by the quorum.
    EmergencyOrder order;
    order.zones = {zones::kMeaMetropolitan};
    order.reason = "substation fire";
    const Transaction tx = makeEmergencyOrder(TransactionKind::EmergencyHalt, net.net.params.networkId, 0, net.now, order,
                                              net.net.authorities[1], {&net.net.operators[1][0], &net.net.operators[1][1]});
    QVERIFY(net.node(1).submitEmergencyOrder(tx, net.now).ok());
    net.deliver();
    const EmergencyBlock block = makeEmergencyBlock(tx, 1, net.node(1).currentSlot(), net.net.params.networkId,
                                                    net.now, net.net.authorities[1]);
    for (PeerId p = 0; p < net.peers.size(); ++p) {
        QVERIFY(net.node(p).isInstantFinal(emergencyBlockId(block)));
        QVERIFY(net.node(p).localHalts().isHalted(zones::kMeaMetropolitan));
    }
    // The halt reaches every chain in the next blocks and is Fast-final there.
    net.runUntilSlot(net.node(0).currentSlot() + 4);
    for (PeerId p = 0; p < net.peers.size(); ++p)
        QVERIFY(net.node(p).finalizedTip(FinalityLevel::Fast)->state.emergencyRecords->count(emergencyBlockId(block)));
}

QTEST_GUILESS_MAIN(TestFinality)

namespace {

// A link vote by `key` for an arbitrary source and target checkpoint.
LinkVote forgedLinkVote(const crypto::KeyPair &key, Checkpoint source, Checkpoint target)
{
    LinkVote v{source, target, {}, {}};
    signLinkVote(v, key);
    return v;
}

Hash256 fakeHash(std::uint64_t i)
{
    codec::Writer w;
    w.u64(i);
    return crypto::hash("gtx/test-fake/v1", w.data());
}

} // namespace

void TestFinality::voteFloodDoesNotBlindHonestVotes()
{
    // A Byzantine authority signs hundreds of votes for a new block, each
    // from a different made-up source, before the honest votes arrive. The
    // honest votes must still justify the block.
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    QVERIFY(b1->justified);
    for (std::uint64_t i = 0; i < 600; ++i)
        c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], {1, fakeHash(i)}, b2->checkpoint()), 4);
    c.vote(b1, b2, {0, 1, 2, 3});
    QVERIFY(b2->justified);
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
}

void TestFinality::wrongSlotVoteDoesNotPoisonTarget()
{
    // The first vote seen for a block names it with the wrong slot. It must
    // not fix that slot for the honest votes that follow.
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], b1->checkpoint(), {7, b2->hash}), 4);
    c.vote(b1, b2, {0, 1, 2, 3});
    QVERIFY(b2->justified);
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
}

void TestFinality::exactLinkCountsTheSourceSlot()
{
    // Votes that name the right source hash with a wrong source slot are not
    // votes for the exact link parent -> child: they must not make the
    // parent Fast (the accountable-safety argument counts links by
    // checkpoint, slot included).
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    c.vote(b1, b2, {0, 1});
    // Source b1 named at slot 0: a different checkpoint than (1, b1).
    for (std::size_t a : {2, 3})
        c.finality.addLinkVote(forgedLinkVote(c.net.authorities[a], {0, b1->hash}, b2->checkpoint()), a);
    QCOMPARE(c.finality.linkSigners(b1->checkpoint(), b2->checkpoint()), std::size_t{2});
    QCOMPARE(level(b1->level), level(FinalityLevel::None));
    c.vote(b1, b2, {2, 3});
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
}

void TestFinality::realVoteCountsWhateverItsVoterSentBefore()
{
    // Authority 4 first fills every bound it has for slot 2 with junk:
    // made-up blocks, made-up sources, the block under a wrong slot. Its
    // real vote for the block must still count when it comes (a node that
    // dropped it would disagree for good with one that took it first).
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *b1 = c.add(g, 1);
    BlockNode *b2 = c.add(b1, 2);
    c.vote(g, b1, {0, 1, 2, 3});
    for (std::uint64_t i = 0; i < 8; ++i) {
        c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], b1->checkpoint(), {2, fakeHash(100 + i)}), 4);
        c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], {1, fakeHash(i)}, b2->checkpoint()), 4);
    }
    QVERIFY(c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], b1->checkpoint(), {3, b2->hash}), 4)
            == VoteUse::Dropped);
    // Three honest votes do not reach the quorum of four; the fourth vote
    // is the Byzantine authority's real one.
    c.vote(b1, b2, {0, 1, 2});
    QVERIFY(!b2->justified);
    QVERIFY(c.finality.addLinkVote(linkVote(c.net.authorities[4], b1, b2), 4) == VoteUse::Counted);
    QVERIFY(b2->justified);
    QCOMPARE(level(b1->level), level(FinalityLevel::Fast));
}

void TestFinality::withoutTheExactLinkConflictingBlocksFinalize()
{
    // The mutation check of the exact-link rule. Every vote below is one an
    // honest but slow authority may sign (no double vote, no surround):
    // some vote A -> C not knowing that B was justified, then follow the
    // higher fork A -> J. With the rule, B is not Fast (no quorum link
    // B -> C) and J finalizes alone; without it, B and J both finalize.
    for (bool mutated : {false, true}) {
        TestNetwork n = makeTestNetwork(kThreeEqualStakes);
        n.params.testOnlyAllowUnsafeQuorum = mutated;
        n.params.testOnlyNoExactLink = mutated;
        Chain c(std::move(n));
        BlockNode *g = c.tree.genesisNode();
        BlockNode *a = c.add(g, 1);
        BlockNode *b = c.add(a, 2);
        BlockNode *cc = c.add(b, 3);
        BlockNode *j = c.add(a, 4);
        BlockNode *j2 = c.add(j, 5);
        c.vote(g, a, {0, 1, 2, 3, 4});
        c.vote(a, b, {0, 1, 2, 3});
        c.vote(a, cc, {0, 1, 2, 4});
        QVERIFY(cc->justified);
        QCOMPARE(level(b->level), level(mutated ? FinalityLevel::Fast : FinalityLevel::None));
        (void)c.finality.takeEvents();
        c.vote(a, j, {0, 1, 3, 4});
        c.vote(j, j2, {0, 1, 3, 4});
        const auto events = c.finality.takeEvents();
        const bool conflict = std::any_of(events.begin(), events.end(),
                                          [](const FinalityEvent &e) { return e.type == FinalityEvent::Type::Conflict; });
        QVERIFY2(conflict == mutated, mutated ? "no conflict without the exact-link rule" : "conflict with the rule");
        if (!mutated)
            QCOMPARE(c.finality.tip(FinalityLevel::Fast), j);
    }
}

void TestFinality::sourceClaimedByMoreThanTheFaultyIsJustified()
{
    // After every node restarts, the nodes' Fast-final tips may differ by
    // a block: some stored B as final, others stopped at its parent A and
    // never saw B's justification (the votes that proved it were in memory
    // only). Three authorities then vote from source B and two from A. A
    // node that does not know B is justified counts only the two; without
    // more, Fast finality would never move again (found by test_devnet's
    // restart of a whole devnet). More authorities than can be faulty (2 of
    // 5) naming B as their source include an honest one, and an honest
    // authority votes only from a justified source: so B is justified.
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *g = c.tree.genesisNode();
    BlockNode *a = c.add(g, 1);
    BlockNode *b = c.add(a, 2);
    BlockNode *d = c.add(b, 5);
    c.vote(g, a, {0, 1, 2, 3, 4});
    QVERIFY(a->justified);
    QVERIFY(!b->justified);
    c.vote(a, d, {0, 1});
    QVERIFY(!d->justified);
    c.vote(b, d, {2});
    // One claim may be the faulty authority's: not enough.
    QVERIFY(!b->justified);
    QVERIFY(!d->justified);
    c.vote(b, d, {3, 4});
    QVERIFY(b->justified);
    QVERIFY(d->justified);
    QCOMPARE(c.finality.highestJustified(), d);
}

void TestFinality::voteTablesArePrunedBelowFinality()
{
    Chain c(makeTestNetwork(kThreeEqualStakes));
    BlockNode *prev = c.tree.genesisNode();
    for (std::uint64_t slot = 1; slot <= 40; ++slot) {
        BlockNode *next = c.add(prev, slot);
        c.vote(prev, next, {0, 1, 2, 3, 4});
        // Junk for blocks that will never exist, at old and current slots.
        c.finality.addLinkVote(forgedLinkVote(c.net.authorities[4], prev->checkpoint(), {slot, fakeHash(slot)}), 4);
        prev = next;
    }
    QCOMPARE(c.finality.tip(FinalityLevel::Fast)->slot, std::uint64_t{39});
    // Only targets above the Fast-final slot are kept.
    QVERIFY2(c.finality.trackedTargets() <= 2, std::to_string(c.finality.trackedTargets()).c_str());
}
