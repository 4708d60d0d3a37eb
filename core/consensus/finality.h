#pragma once

// Finality levels per block (docs/protocol.md, "Finality levels"):
//
//  - justified: authorities meeting the quorum voted for B, each vote's
//    source being a justified ancestor of B (sources may differ between
//    voters). Genesis is justified. Also justified: a block that more
//    authorities than can be faulty (n - quorum + 1) name as the source of
//    their votes for its descendants: one of them is honest, and an honest
//    authority votes only from a justified source. This is how nodes that
//    lost the proof of a justification (in memory only, gone after a
//    restart of the whole network) agree on it again.
//  - Fast: B is justified and a quorum link B -> C exists where C is B's
//    child at slot B.slot + 1 (the 2-chain). Ancestors of a Fast block are Fast.
//  - Full: B is Fast and validators holding at least stake_threshold of the
//    active stake of B's epoch attested B or a descendant; or a descendant is Full.
//  - Economic: B is Full and the Full chain is checkpointBlocks past B.
//
// The tracker only ever moves each level's tip forward along one chain; a
// finalization that would leave that chain is reported as a conflict and
// ignored.

#include "core/consensus/chain.h"

#include <map>
#include <unordered_map>
#include <vector>

namespace gtx::consensus {

// What the tracker made of a link vote. The host keeps (and relays) only
// votes that were not dropped, and lets a dropped vote be offered again later
// (when its target or source may be known).
enum class VoteUse : std::uint8_t {
    Dropped,   // malformed, below finality, or over the voter's bounds
    Pending,   // kept; counts once its source is a justified ancestor of a known target
    Counted,   // counts its voter for the target now
};

struct FinalityEvent
{
    enum class Type : std::uint8_t { Justified, Finalized, Conflict };
    Type type = Type::Finalized;
    FinalityLevel level = FinalityLevel::None;
    const BlockNode *node = nullptr;
    const BlockNode *other = nullptr;   // Conflict: the current tip
};

class FinalityTracker
{
public:
    explicit FinalityTracker(BlockTree &tree);

    // A link vote whose signature was checked and whose voter is the
    // authority with this index (below 64).
    VoteUse addLinkVote(const LinkVote &vote, std::size_t authorityIndex);
    // A stake attestation whose signature was checked.
    void addAttestation(const Vote &attestation);
    // Evaluates votes and attestations that waited for this block.
    void onBlockAdded(BlockNode *node);
    // Blocks restored from the node's own store up to `tip` are Fast-final.
    void markRestoredFinal(BlockNode *tip);

    BlockNode *highestJustified() const { return m_highestJustified; }
    BlockNode *tip(FinalityLevel level) const;
    static FinalityLevel levelOf(const BlockNode *node) { return node->level; }

    // Signers of the exact link source -> target, checkpoints (slot and
    // hash) included (0 when unknown).
    std::size_t linkSigners(const Checkpoint &source, const Checkpoint &target) const;
    // Target checkpoints with votes kept (for tests of the bounds).
    std::size_t trackedTargets() const { return m_targets.size(); }

    // Bounds on what one voter can make the tracker keep (docs/protocol.md,
    // "Vote tables"). Per voter and target: one vote that counts (its
    // source a justified ancestor), the exact link from the target's parent,
    // the kMaxWaitingPerVoterTarget highest sources that are ancestors of
    // the target not justified yet (the highest, so the set kept does not
    // depend on arrival order), and at most kMaxPendingPerVoterTarget votes
    // whose source or target is not a block of the tree yet (made-up sources
    // never displace a real one). Per voter and slot: at most kMaxUnknownTargetsPerVoterSlot
    // targets that are not (yet) blocks of the tree. An honest authority signs
    // one vote per target slot, so these bounds never drop an honest vote, and
    // a vote for a known block from a justified source is always taken,
    // whatever else its voter sent: arrival order cannot make two honest
    // nodes disagree for good about a justification.
    static constexpr std::size_t kMaxPendingPerVoterTarget = 2;
    static constexpr std::size_t kMaxWaitingPerVoterTarget = 4;
    static constexpr std::size_t kMaxUnknownTargetsPerVoterSlot = 2;

    std::vector<FinalityEvent> takeEvents();

private:
    // The votes for one target checkpoint (slot and hash: a vote that names
    // a block with the wrong slot is a vote for another checkpoint and can
    // never count for the block).
    struct VoterVotes
    {
        std::size_t voter = 0;                 // authority index
        std::vector<Checkpoint> waiting;       // real ancestors not justified yet: the highest few
        std::vector<Checkpoint> pending;       // sources not (yet) blocks of the tree; the first few
        bool fromParent = false;               // signed the exact link from the target's parent
    };
    struct TargetVotes
    {
        std::vector<VoterVotes> voters;        // at most one entry per authority
        std::uint64_t countedVoters = 0;       // voters with a source that is a justified ancestor
        VoterVotes &of(std::size_t voter);
    };
    // The voters of one exact link source -> target (for the 2-chain rule),
    // by checkpoint, slots included.
    using LinkKey = std::pair<Checkpoint, Checkpoint>;

    void evaluate(const Checkpoint &target);
    // Drops every vote whose target slot is at or below the Fast-final slot:
    // such a target is final already or can never be (it is off the chain).
    void pruneBelowFinality();
    void justify(BlockNode *node);
    void finalizeFast(BlockNode *node);
    void updateFull();
    void updateEconomic();
    void markLevel(BlockNode *from, const BlockNode *downTo, FinalityLevel level);
    void applyAttestation(BlockNode *node, const Vote &attestation);
    bool stakeMet(const BlockNode *node) const;
    std::size_t validatorIndex(const PublicKey &key);
    void drainWork();

    BlockTree &m_tree;
    std::size_t m_quorum;
    std::map<Checkpoint, TargetVotes> m_targets;            // ordered by slot, for pruning
    // Sources not justified here that real votes (for their descendants)
    // name: the authorities naming each, as a bitmask. Only blocks of the
    // tree above the Fast-final slot, so its size is bounded by the tree's.
    std::map<Checkpoint, std::uint64_t> m_sourceClaims;
    std::size_t m_claimQuorum;                               // n - quorum + 1
    std::map<LinkKey, std::uint64_t> m_links;               // bitmask of authority indices
    std::multimap<Hash256, Checkpoint> m_bySource;          // source hash -> targets voted from it
    std::map<std::pair<std::uint64_t, std::size_t>, std::uint8_t> m_targetsPerVoterSlot;   // (slot, voter)
    std::map<Hash256, std::vector<Vote>> m_pendingAttestations;
    std::map<PublicKey, std::size_t> m_validatorIndex;
    std::vector<BlockNode *> m_work;   // newly justified blocks whose outgoing links need a look
    bool m_prunePending = false;       // Fast moved: prune once the work is drained
    BlockNode *m_highestJustified;
    BlockNode *m_fast;
    BlockNode *m_full;
    BlockNode *m_economic;
    std::vector<FinalityEvent> m_events;
};

} // namespace gtx::consensus
