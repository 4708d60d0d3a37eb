#include "core/consensus/chain.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/verifier.h"

#include <algorithm>
#include <array>

namespace gtx::consensus {

namespace {

Error blockError(const char *code, const std::string &message)
{
    return makeError(code, message);
}

} // namespace

std::string_view toString(FinalityLevel level)
{
    switch (level) {
    case FinalityLevel::None:
        return "none";
    case FinalityLevel::Fast:
        return "fast";
    case FinalityLevel::Full:
        return "full";
    case FinalityLevel::Economic:
        return "economic";
    }
    return "unknown";
}

BlockHeader regularHeader(const ConsensusParams &params, const BlockNode &parent, std::uint64_t slot,
                          const crypto::KeyPair &proposer)
{
    BlockHeader h;
    h.networkId = params.networkId;
    h.kind = BlockKind::Regular;
    h.height = parent.height + 1;
    h.epoch = params.epochOf(slot);
    h.slot = slot;
    h.timestampMs = params.slotStartMs(slot);
    h.parentHash = parent.hash;
    h.proposer = proposer.publicKey();
    h.randaoReveal = randaoReveal(proposer, h.networkId, h.epoch);
    return h;
}

BlockTree::BlockTree(const ConsensusParams &params, const ConsensusGenesis &genesis, std::uint32_t chainRulesVersion)
    : m_params(params), m_genesis(genesis), m_stateRules(consensus::stateRules(params, genesis)),
      m_chainRulesVersion(chainRulesVersion)
{

    auto block = std::make_shared<Block>();
    block->header = genesisHeader(params, genesis);
    auto node = std::make_unique<BlockNode>();
    node->block = block;
    node->hash = blockHash(block->header);
    node->mix = genesis.seed;

    // A genesis that does not execute is refused at startup (validateGenesis);
    // here it leaves an empty state.
    auto executed = genesisState(params, genesis);
    node->state.executed = executed ? std::move(*executed) : state::State();
    auto pool = std::make_shared<std::vector<Candidate>>(candidatePool(node->state.executed));
    node->state.pool = pool;
    node->stateChanges = std::make_shared<std::vector<state::StateChange>>();
    node->state.halts = std::make_shared<HaltState>();
    node->state.emergencyRecords = std::make_shared<std::set<Hash256>>();
    node->state.offences = std::make_shared<std::map<Hash256, std::uint64_t>>();

    auto ctx = std::make_shared<EpochContext>();
    ctx->epoch = 0;
    ctx->active = initialActiveSet(*pool, params.rotation);
    ctx->nextActive = ctx->active;
    ctx->proposers = makeProposerTable(genesis.authorities, ctx->active, params);
    ctx->seed = genesis.seed;
    ctx->previousEndMix = genesis.seed;
    node->epoch = ctx;
    node->justified = true;
    node->level = FinalityLevel::Economic;

    m_genesisNode = node.get();
    m_nodes.emplace(node->hash, std::move(node));
}

BlockNode *BlockTree::find(const Hash256 &hash) const
{
    const auto it = m_nodes.find(hash);
    return it == m_nodes.end() ? nullptr : it->second.get();
}

bool BlockTree::isAncestorOrSelf(const BlockNode *a, const BlockNode *b)
{
    if (!a || !b)
        return false;
    while (b && b->height > a->height)
        b = b->parent;
    return b == a;
}

const BlockNode *BlockTree::ancestorAtHeight(const BlockNode *b, std::uint64_t height)
{
    while (b && b->height > height)
        b = b->parent;
    return b && b->height == height ? b : nullptr;
}

std::shared_ptr<const EpochContext> BlockTree::contextFor(BlockNode *parent, std::uint64_t slot)
{
    const std::uint64_t epoch = m_params.epochOf(slot);
    const EpochContext &pc = *parent->epoch;
    if (epoch <= pc.epoch)
        return parent->epoch;
    if (parent->childEpoch && parent->childEpoch->epoch == epoch)
        return parent->childEpoch;
    auto ctx = std::make_shared<EpochContext>();
    ctx->epoch = epoch;
    ActiveSet current = pc.nextActive;   // the set of epoch pc.epoch + 1
    for (std::uint64_t e = pc.epoch + 2; e <= epoch; ++e) {
        ActiveSet next = rotateActiveSet(current, *parent->state.pool, m_params.rotation);
        if (next == current)
            break;   // a fixed point: later empty epochs change nothing
        current = std::move(next);
    }
    ctx->active = std::move(current);
    ctx->nextActive = rotateActiveSet(ctx->active, *parent->state.pool, m_params.rotation);
    ctx->proposers = makeProposerTable(m_genesis.authorities, ctx->active, m_params);
    ctx->seed = epoch == pc.epoch + 1 ? pc.previousEndMix : parent->mix;
    ctx->previousEndMix = parent->mix;
    parent->childEpoch = ctx;
    return ctx;
}

PublicKey BlockTree::expectedProposer(BlockNode *parent, std::uint64_t slot)
{
    const auto ctx = contextFor(parent, slot);
    return drawProposer(ctx->proposers, ctx->seed, slot);
}

bool BlockTree::chainHasTransaction(const BlockNode *tip, const Hash256 &txId) const
{
    const auto [begin, end] = m_txIndex.equal_range(txId);
    for (auto it = begin; it != end; ++it)
        if (isAncestorOrSelf(it->second, tip))
            return true;
    return false;
}

TxContext BlockTree::txContext(const BlockNode *parent, SignatureVerifier &verifier) const
{
    TxContext c;
    c.networkId = m_params.networkId;
    c.authorities = &m_genesis.authorities;
    c.halts = parent->state.halts.get();
    c.verifier = &verifier;
    return c;
}

Status BlockTree::validate(const Block &block, BlockNode *parent, const EpochContext &ctx,
                           SignatureVerifier &verifier) const
{
    const BlockHeader &h = block.header;
    const auto &authorities = m_genesis.authorities;
    if (h.networkId != m_params.networkId)
        return blockError("block.wrong_network", "The block is for another network.");
    if (h.kind != BlockKind::Regular)
        return blockError("block.bad_kind", "Only regular blocks are proposed in slots.");
    if (h.height != parent->height + 1 || h.slot <= parent->slot)
        return blockError("block.bad_position", "The block's height or slot does not follow its parent.");
    if (h.epoch != m_params.epochOf(h.slot) || h.timestampMs != m_params.slotStartMs(h.slot))
        return blockError("block.bad_time", "The block's epoch or timestamp does not match its slot.");
    if (h.proposer != drawProposer(ctx.proposers, ctx.seed, h.slot))
        return blockError("block.wrong_proposer", "The block was not proposed by the slot's proposer.");
    const Hash256 hash = blockHash(h);
    if (!verifier.verify(h.proposer, kBlockSignatureDomain, hash.view(), block.proposerSignature))
        return blockError("block.bad_signature", "The proposer's signature does not verify.");
    if (!verifyRandaoReveal(h.proposer, h.networkId, h.epoch, h.randaoReveal, verifier))
        return blockError("block.bad_reveal", "The proposer's RANDAO reveal does not verify.");
    if (h.txRoot != transactionsRoot(block.transactions))
        return blockError("block.bad_tx_root", "The transaction root does not match the transactions.");
    if (h.evidenceRoot != recordsRoot(block))
        return blockError("block.bad_records_root", "The records root does not match the block's records.");

    const LaneLimits &lanes = m_params.lanes;
    if (block.transactions.size() > lanes.maxTransactions || block.evidence.size() > lanes.maxEvidence
        || block.linkVotes.size() > lanes.maxLinkVotes || block.attestations.size() > lanes.maxAttestations
        || block.emergencyRecords.size() > lanes.maxEmergencyRecords)
        return blockError("block.too_large", "The block exceeds a lane or record limit.");

    const std::int64_t slotStart = m_params.slotStartMs(h.slot);
    std::array<std::size_t, kLaneCount> perLane{};
    for (const auto &tx : block.transactions)
        if (++perLane[static_cast<std::size_t>(laneOf(tx.kind))] > laneCap(lanes, laneOf(tx.kind)))
            return blockError("block.lane_full", "The block carries more " + std::string(toString(laneOf(tx.kind)))
                                                     + " transactions than that lane's limit.");
    const TxContext txc = txContext(parent, verifier);
    std::set<Hash256> seen;
    for (const auto &tx : block.transactions) {
        const Hash256 id = transactionId(tx);
        if (!seen.insert(id).second || chainHasTransaction(parent, id))
            return blockError("block.duplicate_tx", "The block repeats a transaction already on its chain.");
        if (!m_params.transactionLive(tx.timestampMs, slotStart))
            return blockError("block.stale_tx", "A transaction is outside its validity period.");
        if (auto ok = checkTransaction(tx, txc); !ok)
            return blockError("block.bad_tx", "A transaction is invalid: " + ok.error().message);
    }

    seen.clear();
    for (const auto &e : block.evidence) {
        if (auto ok = verifyConsensusEvidence(e, verifier); !ok)
            return blockError("block.bad_evidence", "Evidence is invalid: " + ok.error().message);
        const Hash256 key = offenceKey(e);
        if (!seen.insert(key).second || parent->state.offences->count(key))
            return blockError("block.duplicate_evidence", "The block repeats evidence already on its chain.");
        if (auto ok = checkEvidenceWindow(e, h.slot, m_params.evidenceWindowSlots, authorities); !ok)
            return blockError(ok.error().code == "evidence.stale" ? "block.stale_evidence" : "block.bad_evidence",
                              "Evidence cannot go in this block: " + ok.error().message);
    }

    std::set<Signature> seenVotes;
    const std::uint64_t window = m_params.voteInclusionSlots;
    for (const auto &v : block.linkVotes) {
        if (authorityIndex(authorities, v.voter) == authorities.size())
            return blockError("block.bad_vote", "A carried vote is not from an authority.");
        const BlockNode *target = find(v.target.hash);
        if (v.source.slot >= v.target.slot || !target || target->slot != v.target.slot
            || !isAncestorOrSelf(target, parent) || v.target.slot + window < h.slot)
            return blockError("block.bad_vote", "A carried vote is not for a recent block of this chain.");
        if (!seenVotes.insert(v.signature).second)
            return blockError("block.bad_vote", "The block carries a vote twice.");
        if (!verifyLinkVote(v, verifier))
            return blockError("block.bad_vote", "A carried vote signature does not verify.");
    }
    for (const auto &a : block.attestations) {
        const BlockNode *target = find(a.blockHash);
        if (a.kind != VoteKind::StakeAttestation || !target || target->slot != a.slot
            || target->height != a.height || a.round != 0 || !isAncestorOrSelf(target, parent)
            || a.slot + window < h.slot)
            return blockError("block.bad_attestation", "A carried attestation is not for a recent block of this chain.");
        if (!target->epoch->active.find(a.voter))
            return blockError("block.bad_attestation", "A carried attestation is not from an active validator.");
        if (!seenVotes.insert(a.signature).second)
            return blockError("block.bad_attestation", "The block carries an attestation twice.");
        if (!verifyVoteWith(a, verifier))
            return blockError("block.bad_attestation", "A carried attestation signature does not verify.");
    }
    seen.clear();
    for (const auto &r : block.emergencyRecords) {
        const Hash256 id = emergencyBlockId(r.block);
        if (!seen.insert(id).second || parent->state.emergencyRecords->count(id))
            return blockError("block.duplicate_emergency", "The block repeats an emergency record.");
        if (auto ok = verifyEmergencyRecord(r, authorities, quorum(), m_params.networkId, verifier); !ok)
            return blockError("block.bad_emergency", "An emergency record is invalid: " + ok.error().message);
    }
    return Status::success();
}

state::BlockContext BlockTree::blockContext(BlockNode *parent, std::uint64_t slot, const PublicKey &proposer,
                                            const std::vector<Vote> &attestations)
{
    state::BlockContext c;
    c.slot = slot;
    c.proposer = proposer;
    c.timeMs = m_params.slotStartMs(slot);
    for (const Vote &a : attestations)
        c.attesters.push_back(a.voter);
    std::sort(c.attesters.begin(), c.attesters.end());
    c.attesters.erase(std::unique(c.attesters.begin(), c.attesters.end()), c.attesters.end());
    // A long gap is the network's failure, not the drawn proposers': the
    // state machine counts none of it, so it is not drawn here either.
    if (slot > parent->slot + 1 && slot - parent->slot - 1 <= m_stateRules.staking.maxMissedSlotsCounted)
        for (std::uint64_t s = parent->slot + 1; s < slot; ++s)
            c.missedProposers.push_back(expectedProposer(parent, s));
    return c;
}

ChainState BlockTree::applyState(const ChainState &parent, const Block &block, state::State executed) const
{
    ChainState s = parent;
    if (&executed.validators() != &parent.executed.validators())
        s.pool = std::make_shared<std::vector<Candidate>>(candidatePool(executed));
    s.executed = std::move(executed);

    if (!block.emergencyRecords.empty()) {
        auto halts = std::make_shared<HaltState>(*parent.halts);
        auto records = std::make_shared<std::set<Hash256>>(*parent.emergencyRecords);
        for (const auto &r : block.emergencyRecords) {
            records->insert(emergencyBlockId(r.block));
            if (auto order = codec::decode<EmergencyOrder>(r.block.order.payload, "emergency order"))
                halts->apply(r.block.order, *order);
        }
        s.halts = halts;
        s.emergencyRecords = records;
    }
    if (!block.evidence.empty()) {
        auto offences = std::make_shared<std::map<Hash256, std::uint64_t>>();
        const std::uint64_t window = m_params.evidenceWindowSlots;
        for (const auto &[key, slot] : *parent.offences)
            if (slot + window >= block.header.slot)
                offences->emplace_hint(offences->end(), key, slot);
        for (const auto &e : block.evidence)
            offences->emplace(offenceKey(e), offenceSlot(e));
        s.offences = offences;
    }
    return s;
}

std::optional<state::ScheduledUpgrade> BlockTree::upgradeStops(const BlockNode *parent, std::uint64_t slot) const
{
    auto upgrade = parent->state.executed.scheduledUpgrade();
    if (upgrade && upgrade->version > m_chainRulesVersion && slot >= upgrade->slot)
        return upgrade;
    return std::nullopt;
}

Error BlockTree::upgradeRequiredError(const state::ScheduledUpgrade &upgrade) const
{
    return makeError("block.upgrade_required",
                     "From slot " + std::to_string(upgrade.slot) + " the chain runs chain rules version "
                         + std::to_string(upgrade.version) + "; this software executes version "
                         + std::to_string(m_chainRulesVersion) + ". Upgrade the node.");
}

Result<BlockNode *> BlockTree::add(std::shared_ptr<const Block> block,
                                   SignatureVerifier &verifier, bool trusted)
{
    const Hash256 hash = blockHash(block->header);
    if (BlockNode *known = find(hash))
        return known;
    BlockNode *parent = find(block->header.parentHash);
    if (!parent)
        return blockError("block.unknown_parent", "The block's parent is not known.");
    if (const auto upgrade = upgradeStops(parent, block->header.slot))
        return upgradeRequiredError(*upgrade);
    auto ctx = contextFor(parent, block->header.slot);
    if (trusted) {
        if (block->header.height != parent->height + 1 || block->header.slot <= parent->slot)
            return blockError("block.bad_position", "A stored block does not follow its parent.");
    } else {
        GTX_TRY(validate(*block, parent, *ctx, verifier));
    }
    // Every block is executed, a stored one too: its state is rebuilt, and a
    // root that differs means the store or the proposer is wrong.
    state::BlockExecution execution(parent->state.executed, m_stateRules,
                                    blockContext(parent, block->header.slot, block->header.proposer,
                                                 block->attestations),
                                    &verifier);
    for (const auto &e : block->evidence)
        execution.applyEvidence(e);
    for (const auto &tx : block->transactions)
        if (auto ok = execution.apply(tx); !ok)
            return blockError("block.bad_tx", "A transaction does not execute: " + ok.error().message);
    auto outcome = std::move(execution).finish();
    if (outcome.state.root() != block->header.stateRoot)
        return blockError("block.bad_state_root", "The block's state root is not the state its transactions produce.");

    auto node = std::make_unique<BlockNode>();
    node->block = block;
    node->hash = hash;
    node->parent = parent;
    node->height = block->header.height;
    node->slot = block->header.slot;
    node->mix = mixReveal(parent->mix, block->header.randaoReveal);
    node->epoch = std::move(ctx);
    node->state = applyState(parent->state, *block, std::move(outcome.state));
    node->stateChanges = std::make_shared<std::vector<state::StateChange>>(std::move(outcome.changes));
    BlockNode *raw = node.get();
    parent->children.push_back(raw);
    for (const auto &tx : block->transactions)
        m_txIndex.emplace(transactionId(tx), raw);
    m_nodes.emplace(hash, std::move(node));
    return raw;
}

} // namespace gtx::consensus
