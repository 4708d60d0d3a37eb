#include "test_signer_state.h"

#include "consensus_fixture.h"

#include "core/consensus/ledger_store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gtx;
using namespace gtx::testing;

namespace {

const ByteView kPassphrase = asBytes("correct horse battery staple");

Result<std::unique_ptr<LedgerConsensusStore>> openStore(const std::unique_ptr<QTemporaryDir> &dir,
                                                        const TestNetwork &n)
{
    return LedgerConsensusStore::open(std::filesystem::path(dir->path().toStdString()) / "node", kPassphrase,
                                      n.params, *n.genesis, crypto::Argon2Params::floor(), n.authorities[0]);
}

// Records what a node sends; optionally checks each outgoing vote against the
// store's record at the moment it leaves.
class CapturingOutbox final : public Outbox
{
public:
    std::function<void(const Message &)> onSend;
    std::vector<Message> sent;

    void broadcast(const Bytes &message) override { sendTo({}, message); }
    void sendTo(const std::vector<PeerId> &, const Bytes &message) override
    {
        auto decoded = decodeMessage(message);
        if (!decoded)
            qFatal("the node sent an undecodable message");
        if (onSend)
            onSend(*decoded);
        sent.push_back(*decoded);
    }
    std::vector<PeerId> peers() const override { return {1, 2, 3, 4}; }

    std::vector<LinkVote> votes() const
    {
        std::vector<LinkVote> out;
        for (const auto &m : sent)
            if (const auto *v = std::get_if<LinkVote>(&m))
                out.push_back(*v);
        return out;
    }
};

class SpyStore final : public ConsensusStore
{
public:
    SignerRecord saved;
    Result<SignerRecord> loadSignerRecord() override { return saved; }
    Status saveSignerRecord(const SignerRecord &record, std::int64_t) override
    {
        saved = record;
        return Status::success();
    }
    Status appendFinalized(const Block &, std::span<const state::StateChange>) override { return Status::success(); }
    Result<RestoredChain> loadFinalized() override { return RestoredChain{}; }
    Status recordAudit(const std::string &, const std::string &, std::int64_t) override { return Status::success(); }
    bool logFails = false;
    std::size_t logged = 0;
    Status logMessages(const std::vector<LogEntry> &entries) override
    {
        if (logFails)
            return makeError("ledger.io", "disk full");
        logged += entries.size();
        return Status::success();
    }
    Status pruneLog(std::uint64_t) override { return Status::success(); }
    Result<std::vector<Bytes>> loadLog() override { return std::vector<Bytes>{}; }
};

// An authority node (index 3 of the test network) over `store`.
// Starts authority 3 and gives it its first tick at `startMs` (when the
// process starts; genesis by default). `behaviour` for mutation checks.
std::unique_ptr<ConsensusNode> startAuthority(const TestNetwork &n, ConsensusStore &store, Outbox &outbox,
                                              SignatureVerifier &verifier, std::int64_t startMs = INT64_MIN,
                                              ByzantineBehaviour behaviour = {})
{
    ConsensusNode::Setup setup;
    setup.params = n.params;
    setup.genesis = n.genesis;
    setup.store = &store;
    setup.outbox = &outbox;
    setup.verifier = &verifier;
    // The hooks live as long as the test process (nodes here are short-lived).
    static std::deque<std::unique_ptr<sim::ByzantineHooks>> hooks;
    hooks.push_back(hooksFor(behaviour, 3));
    setup.hooks = hooks.back().get();
    auto started = ConsensusNode::start(setup, copyKey(n.authorities[3]));
    if (!started)
        qFatal("node did not start: %s", started.error().message.c_str());
    (*started)->onTick(startMs == INT64_MIN ? n.params.genesisTimeMs : startMs);
    return std::move(*started);
}

// Two different valid blocks for slot 1 by its proposer (an equivocation).
struct TwoBlocks
{
    std::shared_ptr<const Block> first;
    std::shared_ptr<const Block> second;
};

TwoBlocks conflictingBlocks(const TestNetwork &n)
{
    BlockTree tree(n.params, *n.genesis);
    Transaction tx;
    tx.kind = TransactionKind::RegulatoryEnforcement;   // executes as a record: valid on any state
    tx.networkId = n.params.networkId;
    tx.timestampMs = n.params.slotStartMs(1);
    tx.payload = toBytes("an order");
    signTransaction(tx, n.authorities[1]);
    return {makeBlock(n, tree, tree.genesisNode(), 1),
            makeBlock(n, tree, tree.genesisNode(), 1, {}, {}, {tx})};
}

bool votedFor(const CapturingOutbox &outbox, const Hash256 &target)
{
    for (const auto &v : outbox.votes())
        if (v.target.hash == target)
            return true;
    return false;
}

} // namespace

void TestSignerState::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestSignerState::recordRoundTripsThroughTheCodec()
{
    SignerRecord r;
    r.proposedSlot = 9;
    r.linkTargetSlot = 12;
    r.linkSourceSlot = 11;
    r.attestedSlot = 3;
    r.emergencyProposedSeq = 2;
    r.emergencyVotedSeq = {1, 0, 4, 0, 0};
    auto back = codec::decode<SignerRecord>(codec::encode(r), "signer record");
    QVERIFY(back.ok());
    QCOMPARE(*back, r);
    Bytes tooMany = codec::encode(r);
    tooMany[40] = 0xFF;   // the authority count
    QVERIFY(!codec::decode<SignerRecord>(tooMany, "signer record").ok());
}

void TestSignerState::ledgerStoreKeepsTheNewestRecord()
{
    const auto dir = makeTempDir("signer");
    QVERIFY(dir->isValid());
    const TestNetwork n = makeTestNetwork();
    {
        auto store = openStore(dir, n);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        QCOMPARE(*(*store)->loadSignerRecord(), SignerRecord{});
        const std::uint64_t auditBefore = (*store)->ledger().auditCount();
        SignerRecord r;
        for (std::uint64_t slot = 1; slot <= 300; ++slot) {
            r.linkTargetSlot = slot;
            r.linkSourceSlot = slot - 1;
            QVERIFY((*store)->saveSignerRecord(r, 1000 + static_cast<std::int64_t>(slot)).ok());
            if (slot % 7 == 0)
                QVERIFY((*store)->recordAudit("emergency.certified", "x", 5).ok());
        }
        // Only the people's actions reached the audit trail.
        QCOMPARE((*store)->ledger().auditCount(), auditBefore + 300 / 7);
    }
    auto reopened = openStore(dir, n);
    QVERIFY(reopened.ok());
    auto loaded = (*reopened)->loadSignerRecord();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->linkTargetSlot, std::uint64_t{300});
    QCOMPARE(loaded->linkSourceSlot, std::uint64_t{299});
    QVERIFY((*reopened)->ledger().verify().ok);
}

void TestSignerState::signerRecordStaysOutOfTheAuditTrail()
{
    const auto dir = makeTempDir("signer");
    QVERIFY(dir->isValid());
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    BlockTree tree(n.params, *n.genesis);
    std::vector<BlockNode *> chain{tree.genesisNode()};
    std::size_t signedVotes = 0;
    std::uint64_t lastTarget = 0;
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        const std::uint64_t auditBefore = (*store)->ledger().auditCount();
        const Hash256 rootBefore = (*store)->ledger().stateRoot();
        CapturingOutbox outbox;
        auto node = startAuthority(n, **store, outbox, verifier);
        for (std::uint64_t slot = 1; signedVotes < 50 && slot <= 200; ++slot) {
            chain.push_back(*tree.add(makeBlock(n, tree, chain.back(), slot), verifier));
            const std::int64_t now = n.params.slotStartMs(slot) + 200;
            node->onTick(now);
            node->onMessage(0, encodeMessage(*chain.back()->block), now);
            signedVotes = outbox.votes().size();
        }
        QVERIFY(signedVotes >= 50);
        lastTarget = outbox.votes().back().target.slot;
        QCOMPARE(node->signerRecord().linkTargetSlot, lastTarget);
        // Signing wrote the signer record each time, but neither the audit
        // trail nor the state.
        QCOMPARE((*store)->ledger().auditCount(), auditBefore);
        QCOMPARE((*store)->ledger().stateRoot(), rootBefore);
        QVERIFY((*store)->ledger().getLocal(kSignerRecordKey).value().has_value());
    }
    auto reopened = openStore(dir, n);
    QVERIFY(reopened.ok());
    auto loaded = (*reopened)->loadSignerRecord();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->linkTargetSlot, lastTarget);
    QVERIFY((*reopened)->ledger().verify().ok);
}

void TestSignerState::olderLedgerSignerRecordIsStillRead()
{
    // A ledger written before local records kept the signer record in the
    // audit trail; it must still bind the node after an upgrade.
    const auto dir = makeTempDir("signer");
    const TestNetwork n = makeTestNetwork();
    SignerRecord old;
    old.linkTargetSlot = 40;
    old.linkSourceSlot = 39;
    old.emergencyVotedSeq.assign(5, 0);
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        ledger::AuditEntry entry{7, "test-node", std::string(kSignerRecordAction), "",
                                 toHex(codec::encode(old))};
        QVERIFY((*store)->ledger().appendAudit(entry, n.authorities[0]).ok());
        QVERIFY((*store)->recordAudit("emergency.certified", "x", 8).ok());
    }
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        auto loaded = (*store)->loadSignerRecord();
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, old);
        SignerRecord next = old;
        next.linkTargetSlot = 41;
        QVERIFY((*store)->saveSignerRecord(next, 9).ok());
    }
    auto store = openStore(dir, n);
    QVERIFY(store.ok());
    auto loaded = (*store)->loadSignerRecord();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->linkTargetSlot, std::uint64_t{41});   // the local record wins
}

void TestSignerState::ledgerStoreCommitsFinalizedBlocks()
{
    const auto dir = makeTempDir("signer");
    const TestNetwork n = makeTestNetwork();
    BlockTree tree(n.params, *n.genesis);
    CachingVerifier verifier;
    auto b1 = makeBlock(n, tree, tree.genesisNode(), 1);
    BlockNode *node1 = *tree.add(b1, verifier);
    Transaction transfer;
    transfer.kind = TransactionKind::Transfer;
    transfer.networkId = n.params.networkId;
    transfer.timestampMs = n.params.slotStartMs(3);
    transfer.payload = codec::encode(state::TransferPayload{testKey(301).publicKey(), gtToMicro(5)});
    signTransaction(transfer, testKey(300));
    auto b2 = makeBlock(n, tree, node1, 3,
                        {linkVote(n.authorities[0], tree.genesisNode(), node1),
                         linkVote(n.authorities[1], tree.genesisNode(), node1)},
                        {}, {transfer});
    QCOMPARE(b2->linkVotes.size(), std::size_t{2});
    BlockNode *node2 = *tree.add(b2, verifier);
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        QVERIFY((*store)->appendFinalized(*b1, *node1->stateChanges).ok());
        QVERIFY((*store)->appendFinalized(*b1, *node1->stateChanges).ok());   // already there: nothing to do
        QVERIFY((*store)->appendFinalized(*b2, *node2->stateChanges).ok());
        // The ledger's own recomputation of the root from what it stored agrees.
        QVERIFY((*store)->ledger().flushState().ok());
        QCOMPARE((*store)->ledger().stateRoot(), b2->header.stateRoot);
        QCOMPARE((*store)->ledger().height(), std::uint64_t{2});
    }
    auto reopened = openStore(dir, n);
    auto restored = (*reopened)->loadFinalized();
    QVERIFY(restored.ok());
    QCOMPARE(restored->anchor.height, std::uint64_t{2});
    QCOMPARE(restored->anchor.slot, std::uint64_t{3});
    QCOMPARE(restored->anchor.hash, blockHash(b2->header));
    // The ledger keeps the whole block, consensus records included.
    QCOMPARE((*reopened)->ledger().blockAt(1).value(), *b1);
    QCOMPARE((*reopened)->ledger().blockAt(2).value(), *b2);
}

void TestSignerState::ledgerStoreRefusesAnotherNetwork()
{
    const auto dir = makeTempDir("signer");
    const TestNetwork n = makeTestNetwork();
    QVERIFY(openStore(dir, n).ok());
    TestNetwork other = makeTestNetwork({20'000});
    auto refused = openStore(dir, other);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, std::string("store.wrong_network"));
}

void TestSignerState::recordIsDurableBeforeTheVoteLeaves()
{
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    SpyStore store;
    CapturingOutbox outbox;
    int checked = 0;
    outbox.onSend = [&](const Message &m) {
        if (const auto *v = std::get_if<LinkVote>(&m)) {
            QVERIFY(store.saved.linkTargetSlot >= v->target.slot);
            QVERIFY(store.saved.linkSourceSlot <= v->source.slot);
            ++checked;
        }
    };
    auto node = startAuthority(n, store, outbox, verifier);
    const TwoBlocks blocks = conflictingBlocks(n);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    node->onTick(now);
    node->onMessage(0, encodeMessage(*blocks.first), now);
    QCOMPARE(checked, 1);
    QCOMPARE(store.saved.linkTargetSlot, std::uint64_t{1});
}

void TestSignerState::noConflictingVoteAfterRestartFromTheLedger()
{
    const auto dir = makeTempDir("signer");
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    const TwoBlocks blocks = conflictingBlocks(n);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        CapturingOutbox outbox;
        auto node = startAuthority(n, **store, outbox, verifier);
        node->onTick(now);
        node->onMessage(0, encodeMessage(*blocks.first), now);
        QVERIFY(votedFor(outbox, blockHash(blocks.first->header)));
    }   // crash: the node and its open ledger are gone
    auto store = openStore(dir, n);
    QVERIFY(store.ok());
    CapturingOutbox outbox;
    auto node = startAuthority(n, **store, outbox, verifier, now + 500);
    QCOMPARE(node->signerRecord().linkTargetSlot, std::uint64_t{1});
    node->onTick(now + 500);
    node->onMessage(0, encodeMessage(*blocks.second), now + 500);
    QVERIFY(node->tree().find(blockHash(blocks.second->header)) != nullptr);   // accepted...
    QVERIFY(!votedFor(outbox, blockHash(blocks.second->header)));             // ...but not voted for
    QVERIFY(outbox.votes().empty());
}

void TestSignerState::withoutTheRecordARestartedNodeWouldDoubleVote()
{
    // A store that forgets (a ledger rolled back: its -wal file deleted, an
    // old backup restored). The restart guard still keeps the restarted
    // node from signing for the slot it starts in; with every protection
    // off (the mutation check) it signs a second vote for slot 1, and the
    // two votes are double-vote evidence.
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    const TwoBlocks blocks = conflictingBlocks(n);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    for (bool protectionsOff : {false, true}) {
        ByzantineBehaviour mutation;
        mutation.volatileSignerRecord = protectionsOff;
        CapturingOutbox first;
        {
            MemoryConsensusStore store;
            auto node = startAuthority(n, store, first, verifier, INT64_MIN, mutation);
            node->onTick(now);
            node->onMessage(0, encodeMessage(*blocks.first), now);
        }
        MemoryConsensusStore amnesia;
        CapturingOutbox second;
        auto node = startAuthority(n, amnesia, second, verifier, now + 500, mutation);
        node->onTick(now + 500);
        node->onMessage(0, encodeMessage(*blocks.second), now + 500);
        node->onTick(now + 4000);
        QCOMPARE(first.votes().size(), std::size_t{1});
        if (!protectionsOff) {
            QVERIFY(second.votes().empty());
            continue;
        }
        QCOMPARE(second.votes().size(), std::size_t{1});
        OffenceKind kind{};
        QVERIFY(linkVotesConflict(first.votes()[0], second.votes()[0], &kind));
        QVERIFY(verifyConsensusEvidence(makeLinkEvidence(kind, first.votes()[0], second.votes()[0]), verifier).ok());
    }
}

void TestSignerState::rolledBackLedgerDoesNotMakeItDoubleVote()
{
    // The attack without the key: kill the node, delete ledger.db-wal, and
    // the signer record written there is gone. The restarted authority
    // must still not vote again for the slot it voted in.
    const auto dir = makeTempDir("signer");
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    const TwoBlocks blocks = conflictingBlocks(n);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    const std::filesystem::path nodeDir = std::filesystem::path(dir->path().toStdString()) / "node";
    QVERIFY(openStore(dir, n).ok());   // created and closed: its tables are in ledger.db
    {
        auto store = openStore(dir, n);
        QVERIFY(store.ok());
        CapturingOutbox outbox;
        auto node = startAuthority(n, **store, outbox, verifier);
        node->onTick(now);
        node->onMessage(0, encodeMessage(*blocks.first), now);
        QVERIFY(votedFor(outbox, blockHash(blocks.first->header)));
        // Copy the database as it is while the writer runs (its record is
        // still in the -wal file), as a backup taken then would be.
        std::filesystem::copy_file(nodeDir / "ledger.db", nodeDir / "ledger.db.old");
    }
    std::filesystem::remove(nodeDir / "ledger.db");
    std::filesystem::rename(nodeDir / "ledger.db.old", nodeDir / "ledger.db");
    std::filesystem::remove(nodeDir / "ledger.db-wal");
    std::filesystem::remove(nodeDir / "ledger.db-shm");
    auto store = openStore(dir, n);
    QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
    if ((*store)->loadSignerRecord().value().linkTargetSlot != 0)
        QSKIP("the record reached the main database file before the copy: nothing was rolled back");
    CapturingOutbox outbox;
    auto node = startAuthority(n, **store, outbox, verifier, now + 500);
    node->onTick(now + 500);
    node->onMessage(0, encodeMessage(*blocks.second), now + 500);
    node->onTick(now + 4000);
    QVERIFY(outbox.votes().empty());
}

void TestSignerState::refusesToSignWhenTheStoreFails()
{
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    MemoryConsensusStore store;
    CapturingOutbox outbox;
    auto node = startAuthority(n, store, outbox, verifier);
    store.failWrites(true);
    const TwoBlocks blocks = conflictingBlocks(n);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    node->onTick(now);
    node->onMessage(0, encodeMessage(*blocks.first), now);
    QVERIFY(outbox.votes().empty());
    QVERIFY(node->counters().signRefused >= 1);
    store.failWrites(false);
}

// A transaction given directly is in the consensus log before the node
// says it took it; when the log cannot be written the node says so.
void TestSignerState::clientTransactionIsRecordedBeforeItIsAccepted()
{
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    SpyStore store;
    CapturingOutbox outbox;
    auto node = startAuthority(n, store, outbox, verifier);
    const std::int64_t now = n.params.slotStartMs(1) + 200;
    node->onTick(now);
    auto order = [&](const char *text) {
        Transaction tx;
        tx.kind = TransactionKind::RegulatoryEnforcement;
        tx.networkId = n.params.networkId;
        tx.timestampMs = now;
        tx.payload = toBytes(text);
        signTransaction(tx, n.authorities[1]);
        return tx;
    };
    const std::size_t before = store.logged;
    const std::vector<Transaction> batch{order("one"), order("two"), order("one")};
    const auto verdicts = node->submitTransactions(batch, now);
    QCOMPARE(verdicts.size(), std::size_t{3});
    QVERIFY(verdicts[0].ok() && verdicts[1].ok());
    QCOMPARE(verdicts[2].error().code, std::string("mempool.duplicate"));
    QCOMPARE(store.logged, before + 2);
    store.logFails = true;
    const Status refused = node->submitTransaction(order("three"), now);
    QCOMPARE(refused.error().code, std::string("store.log_failed"));
    store.logFails = false;
    QVERIFY(node->submitTransaction(order("four"), now).ok());
}

void TestSignerState::restartedNodeWaitsForItsLastSource()
{
    // Before the crash the node voted from a source at slot 5. Restarted
    // without that knowledge, it must not vote from genesis (a surround).
    const TestNetwork n = makeTestNetwork();
    CachingVerifier verifier;
    SpyStore store;
    store.saved.linkSourceSlot = 5;
    store.saved.linkTargetSlot = 6;
    store.saved.emergencyVotedSeq.assign(5, 0);
    CapturingOutbox outbox;
    std::int64_t now = n.params.slotStartMs(7) + 100;
    auto node = startAuthority(n, store, outbox, verifier, now);

    BlockTree tree(n.params, *n.genesis);
    std::vector<BlockNode *> chain{tree.genesisNode()};
    for (std::uint64_t slot = 1; slot <= 8; ++slot)
        chain.push_back(*tree.add(makeBlock(n, tree, chain.back(), slot), verifier));
    node->onTick(now);
    for (std::uint64_t slot = 1; slot <= 7; ++slot)
        node->onMessage(0, encodeMessage(*chain[slot]->block), now);
    QVERIFY(outbox.votes().empty());   // its best source (genesis) is older than slot 5

    // Others' votes show block 5 justified; from then on it votes from source 5.
    for (std::size_t a : {0u, 1u, 2u, 4u})
        node->onMessage(0, encodeMessage(linkVote(n.authorities[a], chain[0], chain[5])), now);
    now = n.params.slotStartMs(8) + 100;
    node->onTick(now);
    node->onMessage(0, encodeMessage(*chain[8]->block), now);
    node->onTick(n.params.slotStartMs(8) + 6000);
    const auto votes = outbox.votes();
    QVERIFY(!votes.empty());
    for (const auto &v : votes) {
        QCOMPARE(v.source.slot, std::uint64_t{5});
        QVERIFY(v.target.slot > 6);
    }
}

QTEST_GUILESS_MAIN(TestSignerState)
