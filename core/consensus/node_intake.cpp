// ConsensusNode: block intake (proposals, orphans, early blocks) and block sync.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

void ConsensusNode::handleBlockRange(PeerId from, const BlockRangeRequest &request)
{
    // A few ranges per peer and slot: serving one costs up to kMaxBlockRange blocks.
    auto &served = m_rangesServed[from];
    if (served.first != m_currentSlot)
        served = {m_currentSlot, 0};
    if (++served.second > kMaxRangesPerPeerSlot)
        return;
    // From this node's best chain: the Fast-final blocks and the head's chain past them.
    if (request.fromHeight == 0 || request.fromHeight > m_head->height)
        return;
    const std::uint64_t last = std::min<std::uint64_t>(m_head->height, request.fromHeight + request.count - 1);
    std::vector<const BlockNode *> range;
    for (const BlockNode *b = BlockTree::ancestorAtHeight(m_head, last); b && b->height >= request.fromHeight;
         b = b->parent)
        range.push_back(b);
    for (auto it = range.rbegin(); it != range.rend(); ++it)
        m_outbox.sendTo({from}, encodeMessage(*(*it)->block));
}

void ConsensusNode::noteBehind(PeerId peer, std::uint64_t height)
{
    if (height <= m_sync.target && m_sync.target > m_head->height)
        return;   // already syncing towards at least this height
    m_sync.target = std::max(m_sync.target, height);
    m_sync.peer = peer;
    m_sync.fromFinal = false;
    requestRange();
}

void ConsensusNode::requestRange()
{
    // From the head's next height; if that does not connect (the head is on
    // a fork the peer does not have), from the Fast-final block, which every
    // honest chain shares.
    const std::uint64_t from = (m_sync.fromFinal ? m_finality->tip(FinalityLevel::Fast)->height : m_head->height) + 1;
    m_sync.requestedTo = from + kMaxBlockRange - 1;
    m_sync.requestedSlot = m_currentSlot;
    m_outbox.sendTo({m_sync.peer}, encodeMessage(BlockRangeRequest{from, kMaxBlockRange}));
}

void ConsensusNode::continueSync()
{
    if (m_sync.target == 0)
        return;
    if (m_head->height >= m_sync.target) {
        m_sync = {};
        return;
    }
    if (m_head->height >= m_sync.requestedTo) {
        m_sync.fromFinal = false;
        requestRange();   // the last range arrived: the next one
    }
}

void ConsensusNode::handleBlockRequest(PeerId from, const Hash256 &hash)
{
    if (const BlockNode *node = m_tree->find(hash); node && node != m_tree->genesisNode())
        m_outbox.sendTo({from}, encodeMessage(*node->block));
}

void ConsensusNode::handleProposal(PeerId from, std::shared_ptr<const Block> block)
{
    const Hash256 hash = blockHash(block->header);
    if (m_tree->find(hash) || m_rejected.count(hash) || m_orphanParent.count(hash))
        return;
    if (block->header.kind == BlockKind::Regular
        && m_verifier.verify(block->header.proposer, kBlockSignatureDomain, hash.view(),
                             block->proposerSignature)) {
        detectProposal({block->header, block->proposerSignature});
        m_performance.signedMessage(block->header.proposer);
    }
    if (m_params.slotStartMs(block->header.slot) > m_nowMs + m_params.maxClockDisparityMs) {
        if (m_future.size() < kMaxFutureBlocks)
            m_future.push_back({block, from});
        return;
    }
    acceptBlocks(block, from);
}

void ConsensusNode::acceptBlocks(std::shared_ptr<const Block> first, PeerId from)
{
    std::vector<Orphan> queue{{std::move(first), from}};
    bool accepted = false;
    while (!queue.empty()) {
        Orphan item = std::move(queue.back());
        queue.pop_back();
        const Hash256 hash = blockHash(item.block->header);
        if (m_tree->find(hash) || m_rejected.count(hash))
            continue;
        const Hash256 parentHash = item.block->header.parentHash;
        if (!m_tree->find(parentHash)) {
            if (m_rejected.count(parentHash)) {
                m_rejected.insert(hash);
                continue;
            }
            if (m_orphanParent.size() >= kMaxOrphans) {
                m_orphans.clear();
                m_orphanParent.clear();
            }
            if (!m_orphanParent.count(hash)) {
                m_orphans.emplace(parentHash, item);
                m_orphanParent[hash] = parentHash;
            }
            if (item.block->header.height > m_head->height + 1)
                noteBehind(item.from, item.block->header.height);   // far behind: sync ranges
            Hash256 root = parentHash;
            while (m_orphanParent.count(root))
                root = m_orphanParent.at(root);
            auto &last = m_requested[root];
            if (last != m_currentSlot || last == 0) {
                last = std::max<std::uint64_t>(m_currentSlot, 1);
                m_outbox.sendTo({item.from}, encodeMessage(BlockRequest{root}));
            }
            continue;
        }
        auto added = m_tree->add(item.block, m_verifier);
        if (!added) {
            if (added.error().code == "block.bad_tx")
                m_performance.energyChecked(item.block->header.proposer, 0, 1);
            ++m_counters.blocksRejected;
            m_rejected.insert(hash);
            continue;
        }
        accepted = true;
        logMessage((*added)->slot, Message{*item.block});
        afterAccepted(*added);
        const auto [begin, end] = m_orphans.equal_range(hash);
        for (auto it = begin; it != end; ++it) {
            m_orphanParent.erase(blockHash(it->second.block->header));
            queue.push_back(it->second);
        }
        m_orphans.erase(hash);
    }
    if (!accepted)
        return;
    updateHead();
    continueSync();
    tryVote(m_head);
    tryAttest(m_head);
}

void ConsensusNode::afterAccepted(BlockNode *node)
{
    if (m_observer)
        m_observer->onBlockAccepted(*node);
    m_performance.blockAccepted(node->hash, m_nowMs);
    const auto readings = std::count_if(node->block->transactions.begin(), node->block->transactions.end(),
                                        [](const Transaction &tx) { return tx.kind == TransactionKind::MeterReading; });
    if (readings > 0)
        m_performance.energyChecked(node->header().proposer, static_cast<std::uint64_t>(readings), 0);
    if (m_anchor && node->hash == m_anchor->hash) {
        // The chain up to this node's own finalized anchor is back.
        m_finality->markRestoredFinal(node);
        m_anchor.reset();
    }
    m_finality->onBlockAdded(node);
    const Block &b = *node->block;
    for (const auto &v : b.linkVotes)
        handleLinkVote(v, true, std::nullopt, true);
    for (const auto &a : b.attestations)
        handleAttestation(a, true);
    for (const auto &r : b.emergencyRecords)
        handleEmergencyRecord(r);
    for (const auto &e : b.evidence) {
        const Hash256 key = offenceKey(e);
        if (m_knownOffences.insert(key).second && m_observer)
            m_observer->onEvidenceDetected(e);
    }
    drainFinality();
}

} // namespace gtx::consensus
