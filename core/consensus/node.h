#pragma once

// One consensus node as a pure state machine (docs/protocol.md). Time comes
// in through onTick(nowMs), messages through onMessage(), and everything the
// node says goes out through an Outbox; what it must remember across a crash
// goes to a ConsensusStore before any signature leaves it. No clock, no
// global randomness, no threads: the same node code runs in the real network
// and, many times over, in the deterministic simulator.

#include "core/crypto/signature_verifier.h"
#include "core/consensus/chain.h"
#include "core/consensus/finality.h"
#include "core/consensus/lanes.h"
#include "core/consensus/messages.h"
#include "core/consensus/performance.h"
#include "core/consensus/store.h"

#include <cstdint>
#include <deque>
#include <map>
#include <span>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

namespace gtx::consensus {

using SignatureVerifier = crypto::SignatureVerifier;

using PeerId = std::uint32_t;

class Outbox
{
public:
    virtual ~Outbox() = default;
    virtual void broadcast(const Bytes &message) = 0;
    virtual void sendTo(const std::vector<PeerId> &peers, const Bytes &message) = 0;
    virtual std::vector<PeerId> peers() const = 0;
};

// What a node reports as it runs (the simulator checks its invariants here;
// a real node logs and shows them).
class NodeObserver
{
public:
    virtual ~NodeObserver() = default;
    virtual void onBlockAccepted(const BlockNode &) {}
    virtual void onFinalized(FinalityLevel, const BlockNode &) {}
    virtual void onInstantFinal(const EmergencyRecord &) {}
    virtual void onEvidenceDetected(const Evidence &) {}
    virtual void onSafetyAlarm(const std::string &) {}
    // A signed proposal or vote reached the evidence checks (by its signature).
    virtual void onSignedMessageChecked(const Signature &) {}
};

// What a hook may do through the node it is attached to (NodeHooks).
class NodeHookAccess
{
public:
    // A block for `slot` on `parent` as the node would build it, finished and signed.
    virtual Block buildBlock(BlockNode *parent, std::uint64_t slot) = 0;
    // Recomputes a block's roots and signs it again after a change.
    virtual void finishBlock(Block &block) = 0;
    virtual void send(const Message &message) = 0;
    virtual void sendTo(const std::vector<PeerId> &peers, const Message &message) = 0;
    // Takes a block or link vote the hook made as the node's own.
    virtual void acceptOwn(const Block &block) = 0;
    virtual void acceptOwn(const LinkVote &vote) = 0;
    virtual std::vector<PeerId> peers() = 0;
    virtual const crypto::KeyPair &signingKey() const = 0;
    virtual const ConsensusParams &consensusParams() const = 0;
    virtual const ConsensusGenesis &consensusGenesis() const = 0;
    virtual const BlockNode *genesisBlock() const = 0;
    virtual BlockNode *findBlock(const Hash256 &hash) = 0;   // null when unknown

protected:
    ~NodeHookAccess() = default;
};

// Where the simulator's Byzantine nodes change what a node signs and sends,
// as CometBFT's Byzantine tests override decideProposal. Byzantine
// behaviour lives in core/sim (ByzantineHooks); a production node has no
// hooks, and every step then does what the protocol says.
class NodeHooks
{
public:
    virtual ~NodeHooks() = default;
    // The node's turn to propose at `slot` on `parent`, before it records
    // anything: true when the hook used the turn itself.
    virtual bool replaceProposal(NodeHookAccess &, BlockNode * /*parent*/, std::uint64_t /*slot*/) { return false; }
    // The node's signed block for its slot: true when the hook sent it
    // (and whatever else) itself; the node still takes its own block.
    virtual bool sendProposal(NodeHookAccess &, const Block &, BlockNode * /*parent*/) { return false; }
    // The node's signed link vote or attestation: true when the hook sent it itself.
    virtual bool sendLinkVote(NodeHookAccess &, const LinkVote &, const BlockNode * /*source*/,
                              const BlockNode * /*target*/)
    {
        return false;
    }
    virtual bool sendAttestation(NodeHookAccess &, const Vote &, const BlockNode * /*target*/) { return false; }
    // The node neither votes nor attests.
    virtual bool withholdsVotes() const { return false; }
    // Test-only mutation: the signer record is kept in memory only, so a
    // restart forgets what was signed (no double-sign protection).
    virtual bool forgetsSignerRecord() const { return false; }
    // Mutation check: the node does not take its consensus log back when it restarts.
    virtual bool forgetsConsensusLog() const { return false; }
};

struct NodeCounters
{
    std::uint64_t messagesIn = 0;
    std::uint64_t malformed = 0;
    std::uint64_t blocksRejected = 0;
    std::uint64_t blocksProposed = 0;
    std::uint64_t votesSigned = 0;
    std::uint64_t attestationsSigned = 0;
    std::uint64_t signRefused = 0;     // the signer record could not be saved
    std::uint64_t logReplayed = 0;     // consensus log messages taken back at the restart
};

class ConsensusNode : private NodeHookAccess
{
public:
    struct Setup
    {
        ConsensusParams params;
        std::shared_ptr<const ConsensusGenesis> genesis;
        ConsensusStore *store = nullptr;
        Outbox *outbox = nullptr;
        SignatureVerifier *verifier = nullptr;
        NodeObserver *observer = nullptr;   // optional
        NodeHooks *hooks = nullptr;         // the simulator's Byzantine nodes only
    };

    // Restores the signer record and finalized chain from the store.
    // Errors: "consensus.invalid_params", "consensus.invalid_rules", the
    // store's errors, "consensus.store_corrupt".
    static Result<std::unique_ptr<ConsensusNode>> start(Setup setup, crypto::KeyPair key);

    ConsensusNode(const ConsensusNode &) = delete;
    ConsensusNode &operator=(const ConsensusNode &) = delete;

    void onTick(std::int64_t nowMs);
    void onMessage(PeerId from, ByteView bytes, std::int64_t nowMs);
    // A client transaction: checked, pooled and gossiped.
    Status submitTransaction(const Transaction &tx, std::int64_t nowMs);
    // The same for many at once, with one write of the consensus log; a
    // verdict per transaction, in order.
    std::vector<Status> submitTransactions(std::span<const Transaction> txs, std::int64_t nowMs);
    // An operator's emergency order (signed by this authority's key and
    // approved by two of its operators): applied locally at once if it is a
    // halt, and proposed as an emergency block for the quorum to certify.
    Status submitEmergencyOrder(const Transaction &order, std::int64_t nowMs);
    // Evidence a monitor or an operator hands in (as if gossiped): kept and
    // gossiped when it verifies. Errors: "evidence.known", checkEvidenceWindow()'s,
    // verifyConsensusEvidence()'s.
    Status submitEvidence(const Evidence &evidence);
    // The network's rules and genesis (also what the hooks see).
    const ConsensusParams &consensusParams() const override { return m_params; }
    const ConsensusGenesis &consensusGenesis() const override { return *m_genesis; }
    // The next local time this node wants onTick().
    std::int64_t nextWakeMs() const;

    const crypto::PublicKey &key() const { return m_key.publicKey(); }
    bool isAuthority() const { return m_authorityIndex < m_genesis->authorities.size(); }
    const BlockNode *head() const { return m_head; }
    const BlockNode *finalizedTip(FinalityLevel level) const { return m_finality->tip(level); }
    const BlockNode *highestJustified() const { return m_finality->highestJustified(); }
    // None for unknown blocks.
    FinalityLevel finalityOf(const Hash256 &block) const;
    bool isInstantFinal(const Hash256 &emergencyBlockId) const { return m_certified.count(emergencyBlockId) > 0; }
    const BlockTree &tree() const { return *m_tree; }
    const Mempool &mempool() const { return m_mempool; }
    const HaltState &localHalts() const { return m_localHalts; }
    const SignerRecord &signerRecord() const { return m_signer; }
    const NodeCounters &counters() const { return m_counters; }
    std::uint64_t currentSlot() const { return m_currentSlot; }
    std::size_t pendingEvidenceCount() const { return m_pendingEvidence.size(); }
    // Performance of every proposer and voter seen, over slots after
    // `fromSlot` of this node's Fast-final chain (see performance.h for which
    // fields are chain-derived and which are measured locally).
    std::map<PublicKey, PerformanceRecord> performance(std::uint64_t fromSlot);
    // True while the node waits for its peers to send the chain up to the
    // finalized block its store remembers (it neither votes nor proposes).
    bool catchingUp() const { return m_anchor.has_value(); }
    // The technical upgrade that has stopped this node (its software is
    // below the version the chain runs from the current slot): it takes,
    // proposes and votes for no block until it is upgraded.
    std::optional<state::ScheduledUpgrade> upgradeRequired() const
    {
        return m_tree->upgradeStops(m_head, m_currentSlot);
    }
    std::size_t linkSigners(const Checkpoint &source, const Checkpoint &target) const
    {
        return m_finality->linkSigners(source, target);
    }

private:
    ConsensusNode(Setup setup, crypto::KeyPair key);
    Status restore();

    void newSlot(std::uint64_t slot);
    void handleProposal(PeerId from, std::shared_ptr<const Block> block);
    void acceptBlocks(std::shared_ptr<const Block> block, PeerId from);
    void afterAccepted(BlockNode *node);
    // `carried`: the vote came in a block (which the consensus log keeps).
    void handleLinkVote(const LinkVote &vote, bool trusted, std::optional<PeerId> from = std::nullopt,
                        bool carried = false);
    void sendJustification(PeerId peer, const BlockNode *justified);
    void handleAttestation(const Vote &vote, bool trusted);
    void handleEmergencyVote(const Vote &vote);
    void handleEmergencyProposal(const EmergencyBlock &block);
    void handleEmergencyRecord(const EmergencyRecord &record);
    void handleEvidence(const Evidence &evidence);
    // The one door for evidence, gossiped or submitted: known, out of its
    // window or not verifying, it is refused with the reason.
    Status admitEvidence(const Evidence &evidence);
    void handleTransaction(const Transaction &tx);
    void handleBlockRequest(PeerId from, const Hash256 &hash);
    void handleBlockRange(PeerId from, const BlockRangeRequest &request);
    // Block sync: a block far above the head starts it; ranges follow until
    // the head reaches the highest height seen.
    void noteBehind(PeerId peer, std::uint64_t height);
    void requestRange();
    void continueSync();

    void propose(std::uint64_t slot);
    Block buildBlock(BlockNode *parent, std::uint64_t slot) override;
    void finishBlock(Block &block) override;
    // NodeHookAccess, for the hooks.
    void sendTo(const std::vector<PeerId> &peers, const Message &message) override;
    void acceptOwn(const Block &block) override;
    void acceptOwn(const LinkVote &vote) override;
    std::vector<PeerId> peers() override;
    const crypto::KeyPair &signingKey() const override { return m_key; }
    const BlockNode *genesisBlock() const override;
    BlockNode *findBlock(const Hash256 &hash) override { return m_tree->find(hash); }
    void tryVote(BlockNode *node, bool mayDefer = true);
    void tryAttest(BlockNode *node);
    void updateHead();
    void drainFinality();
    void checkCertified(const Hash256 &emergencyId);
    void voteEmergencyInOrder(std::size_t proposerIndex);
    void rememberEmergencyBlock(const Hash256 &id, const EmergencyBlock &block);
    void onCertified(const EmergencyRecord &record, bool gossip);

    void detectProposal(const SignedHeader &header);
    void detectLinkVote(const LinkVote &vote);
    void detectVote(const Vote &vote);
    void recordEvidence(const Evidence &evidence);

    bool persist(const SignerRecord &next);
    // The state machine's check for the mempool: the transaction executes on the head's state.
    Status executesOnHead(const Transaction &tx);
    // The restart guard (see onTick): no signature for a slot at or below it.
    std::uint64_t signFloor() const { return m_signFloor.value_or(UINT64_MAX); }
    void saveFinalized();
    // The consensus log (ConsensusStore::logMessage()): what is above Fast
    // finality, kept for a restart of the whole network; replayed once, at
    // the first tick (when the clock is known).
    // Messages are buffered and written in one batch before the node signs
    // anything (persist()) and at each new slot: what justifies a source is
    // on disk before a vote from that source leaves the node.
    bool logMessage(std::uint64_t slot, const Message &message);   // false: not needed (final, or replaying)
    void flushLog();
    Status admitTransaction(const Transaction &tx);   // submitTransaction() without the flush
    // Directly given transactions in the consensus log, by the slot after
    // which they leave it, and their sum (at most limits::kMaxLoggedClientTransactions).
    std::map<std::uint64_t, std::size_t> m_loggedClientTxs;
    std::size_t m_loggedClientTxCount = 0;
    void replayLog();
    // Raises an alarm when a safety-path audit record could not be written.
    void storeAlarm(const Status &written, const std::string &what);
    void send(const Message &message) override;
    bool tradesInHaltedZone(const Block &block) const;
    const std::vector<Signature> &carriedIds(const BlockNode *node);
    void prune();
    bool markSeen(const Signature &id, std::uint64_t slot);

    ConsensusParams m_params;
    std::shared_ptr<const ConsensusGenesis> m_genesis;
    crypto::KeyPair m_key;
    std::size_t m_authorityIndex;
    ConsensusStore &m_store;
    Outbox &m_outbox;
    SignatureVerifier &m_verifier;
    NodeObserver *m_observer;
    NodeHooks *m_hooks;

    std::unique_ptr<BlockTree> m_tree;
    std::unique_ptr<FinalityTracker> m_finality;
    Mempool m_mempool;
    SignerRecord m_signer;
    NodeCounters m_counters;
    BlockNode *m_head = nullptr;
    std::optional<FinalizedAnchor> m_anchor;   // own finalized block not yet fetched again
    // A vote held back until the target's parent is known to be justified
    // (so all authorities vote from the same source), at most until the deadline.
    std::optional<Hash256> m_deferredVote;
    std::int64_t m_deferredDeadlineMs = 0;
    std::int64_t m_nowMs = 0;
    std::uint64_t m_currentSlot = 0;
    std::optional<std::uint64_t> m_signFloor;   // set at the first tick

    // Blocks waiting for a parent, for their slot, or known to be invalid.
    struct Orphan
    {
        std::shared_ptr<const Block> block;
        PeerId from = 0;
    };
    std::multimap<Hash256, Orphan> m_orphans;        // by parent hash
    std::map<Hash256, Hash256> m_orphanParent;       // orphan hash -> parent hash
    std::map<Hash256, std::uint64_t> m_requested;    // hash -> slot last requested
    std::vector<Orphan> m_future;
    std::set<Hash256> m_rejected;
    std::set<std::pair<PeerId, Hash256>> m_hinted;   // justification proofs already sent
    struct SyncState
    {
        std::uint64_t target = 0;          // highest height seen above the head (0: not syncing)
        PeerId peer = 0;                   // who showed it
        std::uint64_t requestedTo = 0;     // last height of the range asked for
        std::uint64_t requestedSlot = 0;
        bool fromFinal = false;            // ask from the Fast-final block, not the head
    };
    SyncState m_sync;
    std::map<PeerId, std::pair<std::uint64_t, std::uint32_t>> m_rangesServed;   // peer -> (slot, count)

    // Votes by id (dedup) and by target (to carry in blocks).
    struct SignatureHasher
    {
        std::size_t operator()(const Signature &s) const
        {
            std::size_t v = 0;
            for (std::size_t i = 0; i < sizeof(v); ++i)
                v = (v << 8) | s.bytes[i];
            return v;
        }
    };
    std::unordered_set<Signature, SignatureHasher> m_seenVotes;   // votes are told apart by signature
    std::map<std::uint64_t, std::vector<Signature>> m_seenVotesBySlot;
    std::map<Hash256, std::vector<LinkVote>> m_linkPool;
    std::map<Hash256, std::vector<Vote>> m_attestationPool;
    std::map<Hash256, std::vector<Signature>> m_carriedCache;

    // Evidence detection: the first message seen at each position.
    std::map<std::pair<std::uint64_t, PublicKey>, SignedHeader> m_proposalsSeen;   // by slot, proposer
    std::map<PublicKey, std::map<std::uint64_t, std::vector<LinkVote>>> m_linkVotesSeen;
    std::map<std::pair<std::uint64_t, PublicKey>, Vote> m_attestationsSeen;        // by slot, voter
    std::map<std::tuple<PublicKey, std::uint64_t, std::uint32_t>, Vote> m_emergencyVotesSeen;
    std::map<Hash256, Evidence> m_pendingEvidence;   // by offence key
    std::set<Hash256> m_knownOffences;

    // Emergency override.
    std::map<Hash256, EmergencyBlock> m_emergencyBlocks;
    std::map<std::pair<std::size_t, std::uint64_t>, Hash256> m_emergencyBySequence;   // first seen
    std::map<Hash256, Vote> m_ownEmergencyVotes;
    std::map<Hash256, std::vector<Vote>> m_emergencyVotes;    // by emergency block id; a few per voter
    std::map<PublicKey, std::size_t> m_unknownEmergencyVotes;  // votes kept for blocks not seen yet
    std::map<Hash256, EmergencyRecord> m_certified;
    HaltState m_localHalts;   // certified orders this node knows, on the chain or not yet
    // Fast-final blocks and their state changes, not yet in the store.
    std::deque<std::pair<std::shared_ptr<const Block>, std::shared_ptr<const std::vector<state::StateChange>>>>
        m_unsavedFinal;
    bool m_finalWriteFailing = false;
    bool m_logWriteFailing = false;   // alarmed once until a write works again
    std::uint64_t m_logWriteFailures = 0;   // failed writes of the consensus log, ever
    bool m_replaying = false;         // replayLog() runs: nothing is logged again
    std::vector<ConsensusStore::LogEntry> m_logBuffer;   // not written yet (bounded: flushed each slot)
    LocalPerformance m_performance;
};

} // namespace gtx::consensus
