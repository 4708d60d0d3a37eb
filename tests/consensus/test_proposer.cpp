#include "test_proposer.h"

#include "consensus_fixture.h"

#include <QtTest>

#include <map>

using namespace gtx;
using namespace gtx::testing;

namespace {

struct Builder
{
    TestNetwork net;
    BlockTree tree;
    CachingVerifier verifier;

    explicit Builder(TestNetwork n) : net(std::move(n)), tree(net.params, *net.genesis) {}

    BlockNode *add(BlockNode *parent, std::uint64_t slot, std::vector<Transaction> txs = {})
    {
        auto added = tree.add(makeBlock(net, tree, parent, slot, {}, {}, std::move(txs)), verifier);
        if (!added)
            qFatal("block rejected: %s", added.error().message.c_str());
        return *added;
    }

    BlockNode *extend(BlockNode *from, std::uint64_t firstSlot, std::uint64_t lastSlot, std::uint64_t skip = 0)
    {
        for (std::uint64_t s = firstSlot; s <= lastSlot; ++s)
            if (s != skip)
                from = add(from, s);
        return from;
    }
};

} // namespace

void TestProposer::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestProposer::drawIsDeterministic()
{
    TestNetwork n = makeTestNetwork({20'000, 30'000});
    BlockTree tree(n.params, *n.genesis);
    BlockNode *g = tree.genesisNode();
    for (std::uint64_t slot = 1; slot < 40; ++slot)
        QCOMPARE(tree.expectedProposer(g, slot), tree.expectedProposer(g, slot));
    const auto ctx = tree.contextFor(g, 1);
    const Hash256 otherSeed = crypto::hash("gtx/test/v1", asBytes("other"));
    int differ = 0;
    for (std::uint64_t slot = 1; slot < 40; ++slot)
        differ += drawProposer(ctx->proposers, ctx->seed, slot) != drawProposer(ctx->proposers, otherSeed, slot);
    QVERIFY(differ > 10);   // the seed matters
}

void TestProposer::drawFollowsWeights()
{
    ProposerTable table;
    const std::vector<std::uint64_t> weights{1, 2, 3, 4};
    for (std::size_t i = 0; i < weights.size(); ++i) {
        table.keys.push_back(testKey(static_cast<std::uint32_t>(i)).publicKey());
        table.total += weights[i];
        table.cumulative.push_back(table.total);
    }
    std::map<PublicKey, int> counts;
    const Hash256 seed = crypto::hash("gtx/test/v1", asBytes("weights"));
    const int draws = 20'000;
    for (int s = 0; s < draws; ++s)
        ++counts[drawProposer(table, seed, static_cast<std::uint64_t>(s))];
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double expected = draws * static_cast<double>(weights[i]) / static_cast<double>(table.total);
        const double got = counts[table.keys[i]];
        QVERIFY2(got > expected * 0.93 && got < expected * 1.07, "each key is drawn in proportion to its weight");
    }
    ProposerTable empty;
    QVERIFY(drawProposer(empty, seed, 1).isZero());
}

void TestProposer::revealIsBoundToKeyAndEpoch()
{
    CachingVerifier verifier;
    const crypto::KeyPair key = testKey(1);
    const Signature reveal = randaoReveal(key, 1, 7);
    QCOMPARE(randaoReveal(key, 1, 7), reveal);   // deterministic: nothing to grind
    QVERIFY(verifyRandaoReveal(key.publicKey(), 1, 7, reveal, verifier));
    QVERIFY(!verifyRandaoReveal(key.publicKey(), 1, 8, reveal, verifier));
    QVERIFY(!verifyRandaoReveal(testKey(2).publicKey(), 1, 7, reveal, verifier));
    QVERIFY(!verifyRandaoReveal(key.publicKey(), 2, 7, reveal, verifier));
    QVERIFY(mixReveal(Hash256{}, reveal) != mixReveal(Hash256{}, randaoReveal(key, 1, 8)));
}

void TestProposer::seedHasTwoEpochsOfLookahead()
{
    // Two chains agree up to the end of epoch 1 and differ in epoch 2 (B
    // skips slot 33, so its RANDAO mix differs). The proposers of epoch 3
    // come from the mix at the end of epoch 1: the same on both chains.
    Builder b(makeTestNetwork({20'000, 30'000}));
    const std::uint64_t e = b.net.params.epochSlots;   // 16
    BlockNode *common = b.extend(b.tree.genesisNode(), 1, 2 * e - 1);
    BlockNode *a = b.extend(common, 2 * e, 3 * e - 1);
    BlockNode *c = b.extend(common, 2 * e, 3 * e - 1, 2 * e + 1);
    QVERIFY(a->mix != c->mix);
    const auto ctxA = b.tree.contextFor(a, 3 * e);
    const auto ctxC = b.tree.contextFor(c, 3 * e);
    QCOMPARE(ctxA->seed, ctxC->seed);
    for (std::uint64_t s = 3 * e; s < 4 * e; ++s)
        QCOMPARE(b.tree.expectedProposer(a, s), b.tree.expectedProposer(c, s));
    // Epoch 4 draws from the end of epoch 2, where the chains differ.
    BlockNode *a4 = b.extend(a, 3 * e, 4 * e - 1);
    BlockNode *c4 = b.extend(c, 3 * e, 4 * e - 1);
    QVERIFY(b.tree.contextFor(a4, 4 * e)->seed != b.tree.contextFor(c4, 4 * e)->seed);
}

void TestProposer::onlyTheSlotProposerIsAccepted()
{
    Builder b(makeTestNetwork({20'000}));
    BlockNode *g = b.tree.genesisNode();
    auto good = makeBlock(b.net, b.tree, g, 1);
    const PublicKey expected = b.tree.expectedProposer(g, 1);
    const crypto::KeyPair *other = nullptr;
    for (const auto &k : b.net.authorities)
        if (k.publicKey() != expected)
            other = &k;
    auto forged = std::make_shared<Block>(*good);
    forged->header.proposer = other->publicKey();
    forged->header.randaoReveal = randaoReveal(*other, forged->header.networkId, forged->header.epoch);
    forged->proposerSignature = signHeader(forged->header, *other);
    auto refused = b.tree.add(forged, b.verifier);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, std::string("block.wrong_proposer"));
    auto badReveal = std::make_shared<Block>(*good);
    badReveal->header.randaoReveal = randaoReveal(b.net.authorities[0], badReveal->header.networkId, 99);
    for (const auto &k : b.net.authorities)
        if (k.publicKey() == expected)
            badReveal->proposerSignature = signHeader(badReveal->header, k);
    for (const auto &k : b.net.validators)
        if (k.publicKey() == expected)
            badReveal->proposerSignature = signHeader(badReveal->header, k);
    QCOMPARE(b.tree.add(badReveal, b.verifier).error().code, std::string("block.bad_reveal"));
    QVERIFY(b.tree.add(good, b.verifier).ok());
}

void TestProposer::stakeChangesCountTwoEpochsLater()
{
    Builder b(makeTestNetwork({20'000, 20'000, 20'000}));
    const std::uint64_t e = b.net.params.epochSlots;
    const crypto::KeyPair joiner = testKey(300);
    state::BondPayload bond;
    bond.amount = gtToMicro(15'000);
    bond.zone = GridZone{2};
    Transaction tx;
    tx.kind = TransactionKind::Bond;
    tx.networkId = b.net.params.networkId;
    tx.timestampMs = b.net.params.slotStartMs(e + 1);
    tx.payload = codec::encode(bond);
    signTransaction(tx, joiner);

    BlockNode *tip = b.extend(b.tree.genesisNode(), 1, e);   // into epoch 1
    tip = b.add(tip, e + 1, {tx});                            // bonded in epoch 1
    tip = b.extend(tip, e + 2, 2 * e);                        // epoch 2 starts
    QCOMPARE(tip->epoch->epoch, std::uint64_t{2});
    QVERIFY(!tip->epoch->active.find(joiner.publicKey()));    // not yet
    tip = b.extend(tip, 2 * e + 1, 3 * e);                    // epoch 3
    QCOMPARE(tip->epoch->epoch, std::uint64_t{3});
    QVERIFY(tip->epoch->active.find(joiner.publicKey()));     // two epochs after the bond
}

QTEST_GUILESS_MAIN(TestProposer)
