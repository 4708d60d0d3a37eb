// ConsensusNode: transactions into the mempool, and building and proposing blocks.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

void ConsensusNode::handleTransaction(const Transaction &tx)
{
    const Hash256 id = transactionId(tx);
    if (m_mempool.contains(id) || !m_mempool.roomFor(tx) || m_tree->chainHasTransaction(m_head, id))
        return;
    if (!m_params.transactionLive(tx.timestampMs, m_nowMs))
        return;
    TxContext context = m_tree->txContext(m_head, m_verifier);
    if (!checkTransaction(tx, context) || haltedZoneOf(tx, m_localHalts) || !executesOnHead(tx))
        return;
    (void)m_mempool.add(tx);
}

Status ConsensusNode::executesOnHead(const Transaction &tx)
{
    // The mempool takes what would execute on the head's state now (an
    // unfunded sender is refused at the door); a block still executes each
    // transaction on its own parent, and the builder drops what no longer fits.
    // The Governance lane's kinds are tried too (some senders pay no fee), so what could never be in a
    // block does not take the Governance lane's room.
    if (!state::State::paysFee(tx.kind) && !state::State::isGovernance(tx.kind))
        return Status::success();
    const std::uint64_t slot = m_head->slot + 1;
    state::BlockExecution trial(m_head->state.executed, m_tree->stateRules(),
                                state::BlockContext{slot, {}, {}, m_params.slotStartMs(slot)}, &m_verifier);
    return trial.apply(tx);
}

Status ConsensusNode::submitTransaction(const Transaction &tx, std::int64_t nowMs)
{
    return submitTransactions(std::span<const Transaction>(&tx, 1), nowMs).front();
}

std::vector<Status> ConsensusNode::submitTransactions(std::span<const Transaction> txs, std::int64_t nowMs)
{
    m_nowMs = std::max(m_nowMs, nowMs);
    const std::uint64_t failuresBefore = m_logWriteFailures;
    std::vector<Status> verdicts;
    verdicts.reserve(txs.size());
    for (const Transaction &tx : txs)
        verdicts.push_back(admitTransaction(tx));
    // One write for the batch, before any verdict is given: a transaction
    // the log could not keep is not called accepted.
    flushLog();
    if (m_logWriteFailures != failuresBefore)
        for (Status &v : verdicts)
            if (v.ok())
                v = makeError("store.log_failed",
                              "The node took the transaction but could not record it in its consensus log; "
                              "it may be lost if the whole network restarts. Check the node's storage.");
    return verdicts;
}

Status ConsensusNode::admitTransaction(const Transaction &tx)
{
    const Hash256 id = transactionId(tx);
    if (m_mempool.contains(id))
        return makeError("mempool.duplicate", "The transaction is already pending.");
    if (m_tree->chainHasTransaction(m_head, id))
        return makeError("mempool.duplicate", "The transaction is already on the chain.");
    // A full lane, or a full share of the consensus log, refuses at once:
    // under overload the node spends no signature check on what it cannot keep.
    GTX_TRY(m_mempool.roomFor(tx));
    if (m_loggedClientTxCount >= limits::kMaxLoggedClientTransactions)
        return makeError("mempool.busy", "The node holds as many directly given transactions as it can keep "
                                         "safe across a restart; try again in a few minutes.");
    if (!m_params.transactionLive(tx.timestampMs, m_nowMs))
        return makeError("tx.stale", "The transaction's time is outside its validity period.");
    GTX_TRY(checkTransaction(tx, m_tree->txContext(m_head, m_verifier)));
    if (auto zone = haltedZoneOf(tx, m_localHalts))
        return zoneHaltedError(*zone);
    GTX_TRY(executesOnHead(tx));
    GTX_TRY(m_mempool.add(tx));
    send(tx);
    // Given here (an operator's order, a client's payment), it must not be
    // lost if the whole network restarts before a block carries it: the log
    // keeps it until it can no longer be included (the caller flushes it).
    const std::uint64_t leaves = m_params.slotAt(tx.timestampMs + m_params.transactionLifetimeMs());
    if (logMessage(leaves, Message{tx})) {
        ++m_loggedClientTxs[leaves];
        ++m_loggedClientTxCount;
    }
    return Status::success();
}

const std::vector<Signature> &ConsensusNode::carriedIds(const BlockNode *node)
{
    auto [it, inserted] = m_carriedCache.try_emplace(node->hash);
    if (inserted) {
        for (const auto &v : node->block->linkVotes)
            it->second.push_back(v.signature);
        for (const auto &a : node->block->attestations)
            it->second.push_back(a.signature);
    }
    return it->second;
}

Block ConsensusNode::buildBlock(BlockNode *parent, std::uint64_t slot)
{
    Block b;
    b.header = regularHeader(m_params, *parent, slot, m_key);
    BlockHeader &h = b.header;

    const LaneLimits &lanes = m_params.lanes;
    const std::uint64_t window = m_params.voteInclusionSlots;
    std::set<Signature> carried;
    for (BlockNode *a = parent; a && a->slot + window >= slot; a = a->parent) {
        const auto &ids = carriedIds(a);
        carried.insert(ids.begin(), ids.end());
    }
    for (BlockNode *a = parent; a && a->slot + window >= slot && a != m_tree->genesisNode(); a = a->parent) {
        if (const auto it = m_linkPool.find(a->hash); it != m_linkPool.end())
            for (const auto &v : it->second)
                if (v.target.slot == a->slot && b.linkVotes.size() < lanes.maxLinkVotes
                    && carried.insert(v.signature).second)
                    b.linkVotes.push_back(v);
        if (const auto it = m_attestationPool.find(a->hash); it != m_attestationPool.end())
            for (const auto &v : it->second)
                if (v.slot == a->slot && v.height == a->height && a->epoch->active.find(v.voter)
                    && b.attestations.size() < lanes.maxAttestations && carried.insert(v.signature).second)
                    b.attestations.push_back(v);
    }
    for (const auto &[key, e] : m_pendingEvidence) {
        if (b.evidence.size() >= lanes.maxEvidence)
            break;
        if (!parent->state.offences->count(key)
            && checkEvidenceWindow(e, slot, m_params.evidenceWindowSlots, m_genesis->authorities))
            b.evidence.push_back(e);
    }
    for (const auto &[id, record] : m_certified) {
        if (b.emergencyRecords.size() >= lanes.maxEmergencyRecords)
            break;
        if (!parent->state.emergencyRecords->count(id))
            b.emergencyRecords.push_back(record);
    }

    const std::int64_t slotStart = m_params.slotStartMs(slot);
    const HaltState &chainHalts = *parent->state.halts;
    const state::BlockContext context = m_tree->blockContext(parent, slot, h.proposer, b.attestations);
    std::optional<state::BlockExecution> execution;   // one per block: it holds the parent's state by reference
    execution.emplace(parent->state.executed, m_tree->stateRules(), context, &m_verifier);
    for (const auto &e : b.evidence)
        execution->applyEvidence(e);
    b.transactions = m_mempool.assemble([&](const Transaction &tx, const Hash256 &id) {
        if (!m_params.transactionLive(tx.timestampMs, slotStart))
            return false;
        if (m_tree->chainHasTransaction(parent, id))
            return false;
        if (haltedZoneOf(tx, chainHalts) || haltedZoneOf(tx, m_localHalts))
            return false;
        return execution->apply(tx).ok();
    });
    h.stateRoot = std::move(*execution).finish().state.root();
    finishBlock(b);
    return b;
}

void ConsensusNode::finishBlock(Block &b)
{
    b.header.txRoot = transactionsRoot(b.transactions);
    b.header.evidenceRoot = recordsRoot(b);
    b.proposerSignature = signHeader(b.header, m_key);
}

void ConsensusNode::propose(std::uint64_t slot)
{
    if (slot <= m_signer.proposedSlot || slot <= signFloor() || m_anchor)
        return;
    BlockNode *parent = m_head;
    if (parent->slot >= slot || m_tree->expectedProposer(parent, slot) != m_key.publicKey())
        return;
    if (m_tree->upgradeStops(parent, slot))
        return;   // the chain has moved to rules this software does not have: nothing it built would be valid

    if (m_hooks && m_hooks->replaceProposal(*this, parent, slot))
        return;

    SignerRecord next = m_signer;
    next.proposedSlot = slot;
    if (!persist(next))
        return;
    Block block = buildBlock(parent, slot);
    ++m_counters.blocksProposed;
    auto shared = std::make_shared<const Block>(block);
    if (!(m_hooks && m_hooks->sendProposal(*this, block, parent)))
        send(block);
    acceptBlocks(shared, 0);
}

} // namespace gtx::consensus
