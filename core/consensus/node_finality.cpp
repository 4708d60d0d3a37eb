// ConsensusNode: fork choice, finality events and writing finalized blocks.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

void ConsensusNode::updateHead()
{
    BlockNode *root = m_finality->highestJustified();
    BlockNode *fast = m_finality->tip(FinalityLevel::Fast);
    if (!BlockTree::isAncestorOrSelf(fast, root)) {
        if (m_observer)
            m_observer->onSafetyAlarm("fork choice: the highest justified block " + root->hash.shortHex()
                                      + " at slot " + std::to_string(root->slot)
                                      + " does not descend from the Fast-final block " + fast->hash.shortHex()
                                      + "; keeping the finalized chain");
        root = fast;
    }
    BlockNode *best = root;
    std::vector<BlockNode *> stack{root};
    while (!stack.empty()) {
        BlockNode *n = stack.back();
        stack.pop_back();
        if (n->slot > best->slot || (n->slot == best->slot && n->hash < best->hash))
            best = n;
        for (BlockNode *c : n->children)
            stack.push_back(c);
    }
    m_head = best;
}

void ConsensusNode::drainFinality()
{
    std::optional<std::uint64_t> finalSlot;
    for (const auto &ev : m_finality->takeEvents()) {
        if (ev.type == FinalityEvent::Type::Conflict) {
            if (m_observer)
                m_observer->onSafetyAlarm("conflicting finality: block " + ev.node->hash.shortHex() + " at slot "
                                          + std::to_string(ev.node->slot) + " does not extend Fast-final block "
                                          + ev.other->hash.shortHex());
            continue;
        }
        if (ev.type != FinalityEvent::Type::Finalized)
            continue;
        if (ev.level == FinalityLevel::Fast) {
            if (!ev.node->loadedFinal)
                m_unsavedFinal.push_back({ev.node->block, ev.node->stateChanges});
            saveFinalized();
            for (const auto &tx : ev.node->block->transactions)
                m_mempool.remove(transactionId(tx));
            for (const auto &e : ev.node->block->evidence)
                m_pendingEvidence.erase(offenceKey(e));
            finalSlot = ev.node->slot;
        }
        if (m_observer)
            m_observer->onFinalized(ev.level, *ev.node);
    }
    // What Fast finality now covers needs no log: the store has the blocks.
    if (finalSlot && !m_unsavedFinal.empty())
        finalSlot = m_unsavedFinal.front().first->header.slot - 1;
    if (finalSlot && *finalSlot > 0) {
        flushLog();   // in order: what the prune may drop is written first
        // A failed prune keeps more than needed, which the next one drops.
        if (m_store.pruneLog(*finalSlot).ok()) {
            const auto end = m_loggedClientTxs.upper_bound(*finalSlot);
            for (auto it = m_loggedClientTxs.begin(); it != end; ++it)
                m_loggedClientTxCount -= it->second;
            m_loggedClientTxs.erase(m_loggedClientTxs.begin(), end);
        }
    }
}

bool ConsensusNode::logMessage(std::uint64_t slot, const Message &message)
{
    if (m_replaying || slot <= m_finality->tip(FinalityLevel::Fast)->slot)
        return false;
    m_logBuffer.push_back({slot, encodeMessage(message)});
    if (m_logBuffer.size() >= 256)
        flushLog();
    return true;
}

void ConsensusNode::flushLog()
{
    if (m_logBuffer.empty())
        return;
    const Status written = m_store.logMessages(m_logBuffer);
    m_logBuffer.clear();   // a failed batch is not retried: the next ones carry what is new
    if (!written && !m_logWriteFailing && m_observer)
        m_observer->onSafetyAlarm("store: the consensus log could not be written (" + written.error().message
                                  + "); a restart of the whole network could then stall finality");
    m_logWriteFailing = !written.ok();
    m_logWriteFailures += written.ok() ? 0 : 1;
}

// After a restart: the blocks above the restored Fast-final chain and the
// link votes this node had counted, in the order it took them, each checked
// again as if it came from a peer (the log is a file like any other).
void ConsensusNode::replayLog()
{
    if (m_hooks && m_hooks->forgetsConsensusLog())
        return;
    auto log = m_store.loadLog();
    if (!log) {
        if (m_observer)
            m_observer->onSafetyAlarm("store: the consensus log could not be read (" + log.error().message + ")");
        return;
    }
    m_replaying = true;
    std::vector<Transaction> transactions;
    for (const Bytes &bytes : *log) {
        auto message = decodeMessage(bytes);
        if (!message)
            continue;
        if (const auto *block = std::get_if<Block>(&*message)) {
            auto shared = std::make_shared<const Block>(*block);
            if (m_tree->find(blockHash(shared->header)) || !m_tree->find(shared->header.parentHash))
                continue;
            auto added = m_tree->add(shared, m_verifier);
            if (!added)
                continue;
            afterAccepted(*added);
            ++m_counters.logReplayed;
        } else if (const auto *vote = std::get_if<LinkVote>(&*message)) {
            handleLinkVote(*vote, false);
            ++m_counters.logReplayed;
        } else if (const auto *proposal = std::get_if<EmergencyBlock>(&*message)) {
            handleEmergencyProposal(*proposal);
            ++m_counters.logReplayed;
        } else if (const auto *record = std::get_if<EmergencyRecord>(&*message)) {
            handleEmergencyRecord(*record);
            ++m_counters.logReplayed;
        } else if (const auto *tx = std::get_if<Transaction>(&*message)) {
            transactions.push_back(*tx);   // once the chain is back
        } else if (const auto *ev = std::get_if<Vote>(&*message); ev && ev->kind == VoteKind::Emergency) {
            // This node's own vote: gossiped again with its block until certified.
            if (ev->voter == m_key.publicKey())
                m_ownEmergencyVotes[ev->blockHash] = *ev;
            handleEmergencyVote(*ev);
            ++m_counters.logReplayed;
        }
    }
    updateHead();
    // Checked as when they were given; one already on the chain, or too old
    // by now, is refused and dropped.
    for (const Transaction &tx : transactions)
        if (submitTransaction(tx, m_nowMs).ok())
            ++m_counters.logReplayed;
    m_replaying = false;
}

void ConsensusNode::saveFinalized()
{
    // In height order; a failed write stays queued and is tried again each
    // slot (a restart before then rebuilds the missing blocks from peers).
    while (!m_unsavedFinal.empty()) {
        const auto &[block, changes] = m_unsavedFinal.front();
        auto saved = m_store.appendFinalized(*block, *changes);
        if (!saved) {
            if (!m_finalWriteFailing && m_observer)
                m_observer->onSafetyAlarm("store: the finalized block at height "
                                          + std::to_string(block->header.height)
                                          + " could not be written (" + saved.error().message
                                          + "); retrying every slot");
            m_finalWriteFailing = true;
            return;
        }
        m_unsavedFinal.pop_front();
    }
    m_finalWriteFailing = false;
}

void ConsensusNode::storeAlarm(const Status &written, const std::string &what)
{
    if (!written && m_observer)
        m_observer->onSafetyAlarm("store: the audit record of " + what + " could not be written: "
                                  + written.error().message);
}

} // namespace gtx::consensus
