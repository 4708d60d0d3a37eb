#pragma once

// The tree of valid blocks a node knows, with the deterministic state each
// chain carries: the candidate registry, halts, the RANDAO mix, and the
// epoch context (active set, proposer table, seed). Everything here is a
// function of the chain alone, so every node computes the same answers.

#include "core/crypto/signature_verifier.h"
#include "core/consensus/emergency.h"
#include "core/consensus/messages.h"
#include "core/consensus/params.h"
#include "core/consensus/tx_rules.h"
#include "core/consensus/validators.h"

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace gtx::consensus {

using SignatureVerifier = crypto::SignatureVerifier;

enum class FinalityLevel : std::uint8_t {
    None = 0,
    Fast = 1,       // authority 2-chain
    Full = 2,       // Fast + stake attestations
    Economic = 3,   // Full and checkpointBlocks deep in the Full chain
};
std::string_view toString(FinalityLevel level);

struct EpochContext
{
    std::uint64_t epoch = 0;
    ActiveSet active;          // this epoch's stake and energy validators
    ActiveSet nextActive;      // the next epoch's, fixed one epoch ahead
    ProposerTable proposers;
    Hash256 seed;              // mix at the end of epoch - 2
    Hash256 previousEndMix;    // mix at the end of epoch - 1
};

// The chain's state after a block: the executed state (accounts, bonds,
// validator records; committed by the header's stateRoot) and the
// consensus records that change rarely, shared between blocks until they
// change.
struct ChainState
{
    state::State executed;
    // The rotation's view of executed.validators() (candidatePool()),
    // rebuilt only when a block changes a validator record.
    std::shared_ptr<const std::vector<Candidate>> pool;
    std::shared_ptr<const HaltState> halts;
    std::shared_ptr<const std::set<Hash256>> emergencyRecords;   // emergency block ids carried
    // Offence keys carried (-> offence slot), those within the evidence
    // window at least: older ones are dropped when the map is next copied,
    // since evidence older than the window can never be carried again.
    std::shared_ptr<const std::map<Hash256, std::uint64_t>> offences;
};

struct BlockNode
{
    std::shared_ptr<const Block> block;
    Hash256 hash;
    BlockNode *parent = nullptr;
    std::vector<BlockNode *> children;
    std::uint64_t height = 0;
    std::uint64_t slot = 0;
    Hash256 mix;                                   // RANDAO mix after this block
    std::shared_ptr<const EpochContext> epoch;     // this block's epoch
    ChainState state;                              // after this block
    // The state changes this block made (what the ledger commits with it).
    std::shared_ptr<const std::vector<state::StateChange>> stateChanges;

    // Finality bookkeeping (FinalityTracker).
    bool justified = false;
    FinalityLevel level = FinalityLevel::None;
    std::vector<std::uint64_t> attesters;          // bit per validator (tracker's index)
    std::uint64_t attestedStake = 0;               // of this block's epoch's active stake
    bool loadedFinal = false;                      // restored from the node's own store

    // The epoch context the last asked-for child epoch uses (a cache).
    std::shared_ptr<const EpochContext> childEpoch;

    const BlockHeader &header() const { return block->header; }
    Checkpoint checkpoint() const { return {slot, hash}; }
};

// A regular block's header for `slot` on `parent` by `proposer`, as block
// validity expects it (network, kind, height, epoch, slot, time, parent,
// proposer, RANDAO reveal); the roots follow from the block's contents and
// are the caller's to fill.
BlockHeader regularHeader(const ConsensusParams &params, const BlockNode &parent, std::uint64_t slot,
                          const crypto::KeyPair &proposer);

class BlockTree
{
public:
    // `chainRulesVersion`: the rules this software executes (a test may
    // give a later one, as upgraded software would have).
    BlockTree(const ConsensusParams &params, const ConsensusGenesis &genesis,
              std::uint32_t chainRulesVersion = kChainRulesVersion);
    BlockTree(const BlockTree &) = delete;
    BlockTree &operator=(const BlockTree &) = delete;

    const ConsensusParams &params() const { return m_params; }
    const ConsensusGenesis &genesis() const { return m_genesis; }
    BlockNode *genesisNode() { return m_genesisNode; }
    BlockNode *find(const Hash256 &hash) const;
    std::size_t size() const { return m_nodes.size(); }

    // Validates a block against its parent (which must be in the tree) and
    // adds it. `trusted` skips signature and content checks (blocks restored
    // from the node's own store). Errors: "block.*".
    Result<BlockNode *> add(std::shared_ptr<const Block> block, SignatureVerifier &verifier,
                            bool trusted = false);

    // The epoch context a child of `parent` at `slot` uses.
    std::shared_ptr<const EpochContext> contextFor(BlockNode *parent, std::uint64_t slot);
    // The proposer the chain through `parent` expects at `slot`.
    PublicKey expectedProposer(BlockNode *parent, std::uint64_t slot);

    // a == b or a is an ancestor of b.
    static bool isAncestorOrSelf(const BlockNode *a, const BlockNode *b);
    static const BlockNode *ancestorAtHeight(const BlockNode *b, std::uint64_t height);

    // True when a block on the chain through `tip` carries a transaction with this id.
    bool chainHasTransaction(const BlockNode *tip, const Hash256 &txId) const;
    // The state a block would see for its transactions (the parent's).
    TxContext txContext(const BlockNode *parent, SignatureVerifier &verifier) const;
    // What the state machine needs to execute a block at `slot` on `parent`
    // by `proposer`: the drawn proposers of the slots it skips.
    // `attestations`: those the block carries (their voters are rewarded).
    state::BlockContext blockContext(BlockNode *parent, std::uint64_t slot, const PublicKey &proposer,
                                     const std::vector<Vote> &attestations = {});
    const state::StateRules &stateRules() const { return m_stateRules; }
    // The upgrade that stops this software from taking a child of `parent`
    // at `slot`: one the chain scheduled, for a version above this
    // software's, from a slot at or before `slot` (block validity:
    // "block.upgrade_required").
    std::optional<state::ScheduledUpgrade> upgradeStops(const BlockNode *parent, std::uint64_t slot) const;
    // The error upgradeStops() makes a block: "block.upgrade_required".
    Error upgradeRequiredError(const state::ScheduledUpgrade &upgrade) const;
    std::uint32_t chainRulesVersion() const { return m_chainRulesVersion; }

    std::size_t quorum() const { return m_params.authorityQuorum(m_genesis.authorities.size()); }

private:
    Status validate(const Block &block, BlockNode *parent, const EpochContext &ctx,
                    SignatureVerifier &verifier) const;
    // The consensus records after `block`; `executed` is the state machine's
    // result for it.
    ChainState applyState(const ChainState &parent, const Block &block, state::State executed) const;

    ConsensusParams m_params;
    ConsensusGenesis m_genesis;
    state::StateRules m_stateRules;
    std::uint32_t m_chainRulesVersion = kChainRulesVersion;
    struct HashKey
    {
        std::size_t operator()(const Hash256 &h) const
        {
            std::size_t v = 0;
            for (std::size_t i = 0; i < sizeof(v); ++i)
                v = (v << 8) | h.bytes[i];
            return v;
        }
    };
    std::unordered_map<Hash256, std::unique_ptr<BlockNode>, HashKey> m_nodes;
    std::unordered_multimap<Hash256, BlockNode *, HashKey> m_txIndex;   // tx id -> blocks
    BlockNode *m_genesisNode = nullptr;
};

} // namespace gtx::consensus
