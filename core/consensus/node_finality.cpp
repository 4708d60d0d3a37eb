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
        }
        if (m_observer)
            m_observer->onFinalized(ev.level, *ev.node);
    }
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
