#pragma once

// Finality levels per block (docs/protocol.md, "Finality levels"):
//
//  - justified: authorities meeting the quorum voted for B, each vote's
//    source being a justified ancestor of B (sources may differ between
//    voters). Genesis is justified.
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
    void addLinkVote(const LinkVote &vote, std::size_t authorityIndex);
    // A stake attestation whose signature was checked.
    void addAttestation(const Vote &attestation);
    // Evaluates votes and attestations that waited for this block.
    void onBlockAdded(BlockNode *node);
    // Blocks restored from the node's own store up to `tip` are Fast-final.
    void markRestoredFinal(BlockNode *tip);

    BlockNode *highestJustified() const { return m_highestJustified; }
    BlockNode *tip(FinalityLevel level) const;
    static FinalityLevel levelOf(const BlockNode *node) { return node->level; }

    // Signers of the link source -> target (0 when unknown).
    std::size_t linkSigners(const Hash256 &source, const Hash256 &target) const;

    std::vector<FinalityEvent> takeEvents();

private:
    // The votes for one target block.
    struct TargetVotes
    {
        Checkpoint target;
        std::vector<std::pair<std::size_t, Checkpoint>> votes;   // authority index, source
        std::uint64_t countedVoters = 0;   // votes whose source is a justified ancestor
    };
    // The voters of one exact link (for the 2-chain rule).
    using LinkKey = std::pair<Hash256, Hash256>;

    void evaluate(const Hash256 &target);
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
    std::map<Hash256, TargetVotes> m_targets;
    std::map<LinkKey, std::uint64_t> m_links;
    std::multimap<Hash256, Hash256> m_bySource;   // source -> targets voted from it
    std::map<Hash256, std::vector<Vote>> m_pendingAttestations;
    std::map<PublicKey, std::size_t> m_validatorIndex;
    std::vector<BlockNode *> m_work;   // newly justified blocks whose outgoing links need a look
    BlockNode *m_highestJustified;
    BlockNode *m_fast;
    BlockNode *m_full;
    BlockNode *m_economic;
    std::vector<FinalityEvent> m_events;
};

} // namespace gtx::consensus
