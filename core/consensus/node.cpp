#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

namespace {

constexpr std::size_t kMaxOrphans = 512;
constexpr std::size_t kMaxFutureBlocks = 64;
constexpr std::size_t kMaxRejected = 4096;
constexpr std::size_t kMaxPendingEvidence = 1024;
constexpr std::size_t kMaxEvidenceGossipPerSlot = 16;
// How far ahead of this node's slot a link vote's target may be (clock skew
// between honest nodes is bounded by maxClockDisparityMs, well below a slot).
constexpr std::uint64_t kMaxVoteLeadSlots = 2;
constexpr std::size_t kMaxUnknownEmergencyVotesPerVoter = 8;
constexpr std::uint32_t kMaxRangesPerPeerSlot = 4;

} // namespace

Result<std::unique_ptr<ConsensusNode>> ConsensusNode::start(Setup setup, crypto::KeyPair key)
{
    GTX_TRY(setup.params.validate());
    if (!setup.genesis || !setup.store || !setup.outbox || !setup.verifier || !key.valid())
        return makeError("consensus.invalid_params",
                         "A node needs a genesis, a store, an outbox, a verifier and a key.");
    if (setup.genesis->authorities.empty() || setup.genesis->authorities.size() > 64)
        return makeError("consensus.invalid_params", "A network needs between 1 and 64 authorities.");
    std::unique_ptr<ConsensusNode> node(new ConsensusNode(std::move(setup), std::move(key)));
    GTX_TRY(node->restore());
    return node;
}

ConsensusNode::ConsensusNode(Setup setup, crypto::KeyPair key)
    : m_params(setup.params), m_genesis(setup.genesis), m_key(std::move(key)),
      m_authorityIndex(authorityIndex(setup.genesis->authorities, m_key.publicKey())),
      m_store(*setup.store), m_outbox(*setup.outbox), m_verifier(*setup.verifier),
      m_observer(setup.observer), m_hooks(setup.hooks),
      m_tree(std::make_unique<BlockTree>(setup.params, *setup.genesis)),
      m_finality(std::make_unique<FinalityTracker>(*m_tree)), m_mempool(setup.params.lanes)
{
    m_head = m_tree->genesisNode();
}

Status ConsensusNode::restore()
{
    auto record = m_store.loadSignerRecord();
    if (!record)
        return record.error();
    m_signer = *record;
    m_signer.emergencyVotedSeq.resize(m_genesis->authorities.size(), 0);

    auto restored = m_store.loadFinalized();
    if (!restored)
        return restored.error();
    BlockNode *tip = m_tree->genesisNode();
    for (auto &b : restored->blocks) {
        auto added = m_tree->add(std::make_shared<const Block>(std::move(b)), m_verifier, true);
        if (!added)
            return makeError("consensus.store_corrupt",
                             "The stored finalized chain does not link up: " + added.error().message);
        tip = *added;
        // Its certified emergency orders hold again: a restarted node that
        // forgot a resume would take a replayed old halt for a new one.
        for (const auto &r : tip->block->emergencyRecords) {
            const Hash256 id = emergencyBlockId(r.block);
            rememberEmergencyBlock(id, r.block);
            if (m_certified.emplace(id, r).second)
                if (auto order = codec::decode<EmergencyOrder>(r.block.order.payload, "emergency order"))
                    m_localHalts.apply(r.block.order, *order);
        }
    }
    m_finality->markRestoredFinal(tip);
    (void)m_finality->takeEvents();
    if (restored->anchor.height > tip->height)
        m_anchor = restored->anchor;
    updateHead();
    return Status::success();
}

std::map<PublicKey, PerformanceRecord> ConsensusNode::performance(std::uint64_t fromSlot)
{
    std::map<PublicKey, PerformanceRecord> out;
    BlockNode *tip = m_finality->tip(FinalityLevel::Fast);
    for (const auto &a : m_genesis->authorities)
        out[a.key];
    for (const auto &v : tip->epoch->active.members)
        out[v.key];
    for (auto &[key, p] : chainPerformance(*m_tree, tip, fromSlot))
        out[key].performance = p;
    for (auto &[key, record] : out) {
        m_performance.fill(key, record.performance);
        record.measuredLocally = true;
    }
    return out;
}

FinalityLevel ConsensusNode::finalityOf(const Hash256 &block) const
{
    const BlockNode *node = m_tree->find(block);
    return node ? node->level : FinalityLevel::None;
}

std::int64_t ConsensusNode::nextWakeMs() const
{
    std::int64_t next = m_params.slotStartMs(m_currentSlot + 1);
    if (m_deferredVote)
        next = std::min(next, m_deferredDeadlineMs);
    for (const auto &f : m_future)
        next = std::min(next, m_params.slotStartMs(f.block->header.slot) - m_params.maxClockDisparityMs);
    return std::max(next, m_nowMs + 1);
}

// --- time --------------------------------------------------------------------

void ConsensusNode::onTick(std::int64_t nowMs)
{
    m_nowMs = std::max(m_nowMs, nowMs);
    if (!m_signFloor) {
        // The restart guard: whatever the signer record says (a ledger can be
        // rolled back: a deleted -wal file, an old backup), this process has
        // signed nothing yet, and before it started it can only have signed
        // for slots its clock had reached. So it signs nothing for the slot it
        // starts in or any earlier one.
        m_signFloor = m_params.slotAt(m_nowMs);
        if ((m_hooks && m_hooks->forgetsSignerRecord()) || m_nowMs <= m_params.genesisTimeMs)
            m_signFloor = 0;   // the mutation check turns every protection off; at genesis nothing was signed
    }
    const std::uint64_t slot = m_params.slotAt(m_nowMs);
    if (slot > m_currentSlot)
        newSlot(slot);
    if (m_deferredVote && m_nowMs >= m_deferredDeadlineMs) {
        BlockNode *target = m_tree->find(*m_deferredVote);
        m_deferredVote.reset();
        if (target && target == m_head)
            tryVote(target, false);
    }
    // Blocks that were early for this node's clock.
    if (!m_future.empty()) {
        std::vector<Orphan> due;
        std::vector<Orphan> later;
        for (auto &f : m_future) {
            if (m_params.slotStartMs(f.block->header.slot) <= m_nowMs + m_params.maxClockDisparityMs)
                due.push_back(std::move(f));
            else
                later.push_back(std::move(f));
        }
        m_future.swap(later);
        for (auto &f : due)
            acceptBlocks(f.block, f.from);
    }
}

void ConsensusNode::newSlot(std::uint64_t slot)
{
    m_currentSlot = slot;
    prune();
    if (!m_unsavedFinal.empty())
        saveFinalized();
    if (m_sync.target > m_head->height && m_sync.requestedSlot + 1 < slot) {
        // The last range brought nothing that connected: ask again, from the
        // Fast-final block this time.
        m_sync.fromFinal = true;
        requestRange();
    }
    propose(slot);
    // A block that arrived just before this node's clock reached its slot.
    tryVote(m_head);
    tryAttest(m_head);

    // Gossip evidence again until it is on this node's chain.
    std::size_t sent = 0;
    for (const auto &[key, e] : m_pendingEvidence) {
        if (m_head->state.offences->count(key))
            continue;
        if (sent++ >= kMaxEvidenceGossipPerSlot)
            break;
        send(e);
    }
    // Ask again for parents that never came.
    std::set<Hash256> asked;
    for (const auto &[parent, orphan] : m_orphans) {
        Hash256 root = parent;
        while (m_orphanParent.count(root))
            root = m_orphanParent.at(root);
        if (m_tree->find(root) || asked.count(root))
            continue;
        asked.insert(root);
        auto &last = m_requested[root];
        if (last + 1 < slot || last == 0) {
            last = slot;
            m_outbox.sendTo({orphan.from}, encodeMessage(BlockRequest{root}));
        }
    }
    // Certified emergency records are gossiped again while not on this
    // chain, and emergency blocks (with this node's vote) until certified.
    if (slot % 2 == 0) {
        std::size_t regossiped = 0;
        for (const auto &[id, record] : m_certified)
            if (!m_head->state.emergencyRecords->count(id) && regossiped++ < 8)
                send(record);
        for (const auto &[id, block] : m_emergencyBlocks) {
            if (m_certified.count(id) || regossiped++ >= 16)
                continue;
            send(block);
            if (const auto vote = m_ownEmergencyVotes.find(id); vote != m_ownEmergencyVotes.end())
                send(vote->second);
        }
    }
}

void ConsensusNode::prune()
{
    const std::uint64_t slot = m_currentSlot;
    const std::uint64_t keep = m_params.voteInclusionSlots + 2;
    auto old = [&](std::uint64_t s) { return s + keep < slot; };
    while (!m_seenVotesBySlot.empty() && old(m_seenVotesBySlot.begin()->first)) {
        for (const auto &id : m_seenVotesBySlot.begin()->second)
            m_seenVotes.erase(id);
        m_seenVotesBySlot.erase(m_seenVotesBySlot.begin());
    }
    for (auto it = m_linkPool.begin(); it != m_linkPool.end();)
        it = (it->second.empty() || old(it->second.front().target.slot)) ? m_linkPool.erase(it) : std::next(it);
    for (auto it = m_attestationPool.begin(); it != m_attestationPool.end();)
        it = (it->second.empty() || old(it->second.front().slot)) ? m_attestationPool.erase(it) : std::next(it);
    for (auto it = m_carriedCache.begin(); it != m_carriedCache.end();) {
        const BlockNode *n = m_tree->find(it->first);
        it = (!n || old(n->slot)) ? m_carriedCache.erase(it) : std::next(it);
    }
    const std::uint64_t window = m_params.evidenceWindowSlots;
    auto expired = [&](std::uint64_t s) { return s + window < slot; };
    while (!m_proposalsSeen.empty() && expired(m_proposalsSeen.begin()->first.first))
        m_proposalsSeen.erase(m_proposalsSeen.begin());
    for (auto &[voter, bySlot] : m_linkVotesSeen)
        while (!bySlot.empty() && expired(bySlot.begin()->first))
            bySlot.erase(bySlot.begin());
    while (!m_attestationsSeen.empty() && expired(m_attestationsSeen.begin()->first.first))
        m_attestationsSeen.erase(m_attestationsSeen.begin());
    for (auto it = m_pendingEvidence.begin(); it != m_pendingEvidence.end();)
        it = expired(offenceSlot(it->second)) ? m_pendingEvidence.erase(it) : std::next(it);
    // Emergency blocks that were never certified stop being gossiped after the window.
    for (auto it = m_emergencyBlocks.begin(); it != m_emergencyBlocks.end();) {
        if (!m_certified.count(it->first) && expired(it->second.header.slot)) {
            m_emergencyVotes.erase(it->first);
            m_ownEmergencyVotes.erase(it->first);
            it = m_emergencyBlocks.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_requested.begin(); it != m_requested.end();)
        it = old(it->second) ? m_requested.erase(it) : std::next(it);
    // Votes for emergency blocks never seen, once their slots are past the window.
    for (auto it = m_emergencyVotes.begin(); it != m_emergencyVotes.end();) {
        const bool known = m_emergencyBlocks.count(it->first) > 0;
        const bool stale = std::all_of(it->second.begin(), it->second.end(),
                                       [&](const Vote &v) { return expired(v.slot); });
        if (!known && stale) {
            for (const Vote &v : it->second)
                if (auto u = m_unknownEmergencyVotes.find(v.voter); u != m_unknownEmergencyVotes.end() && u->second > 0)
                    --u->second;
            it = m_emergencyVotes.erase(it);
        } else {
            ++it;
        }
    }
    if (m_rejected.size() > kMaxRejected)
        m_rejected.clear();
    if (slot % 16 == 0) {
        m_mempool.expire(m_nowMs - m_params.transactionLifetimeMs());
        m_performance.prune(m_nowMs - static_cast<std::int64_t>(keep * m_params.slotMs));
    }
}

bool ConsensusNode::markSeen(const Signature &id, std::uint64_t slot)
{
    if (!m_seenVotes.insert(id).second)
        return false;
    m_seenVotesBySlot[slot].push_back(id);
    return true;
}

// --- messages ----------------------------------------------------------------

void ConsensusNode::onMessage(PeerId from, ByteView bytes, std::int64_t nowMs)
{
    m_nowMs = std::max(m_nowMs, nowMs);
    ++m_counters.messagesIn;
    auto decoded = decodeMessage(bytes);
    if (!decoded) {
        ++m_counters.malformed;
        return;
    }
    Message &message = *decoded;
    switch (static_cast<MessageType>(message.index())) {
    case MessageType::Proposal:
        handleProposal(from, std::make_shared<const Block>(std::move(std::get<Block>(message))));
        break;
    case MessageType::LinkVote:
        handleLinkVote(std::get<LinkVote>(message), false, from);
        break;
    case MessageType::Vote: {
        const Vote &v = std::get<Vote>(message);
        if (v.kind == VoteKind::StakeAttestation)
            handleAttestation(v, false);
        else if (v.kind == VoteKind::Emergency)
            handleEmergencyVote(v);
        break;
    }
    case MessageType::EmergencyProposal:
        handleEmergencyProposal(std::get<EmergencyBlock>(message));
        break;
    case MessageType::EmergencyCertified:
        handleEmergencyRecord(std::get<EmergencyRecord>(message));
        break;
    case MessageType::Evidence:
        handleEvidence(std::get<Evidence>(message));
        break;
    case MessageType::Transaction:
        handleTransaction(std::get<Transaction>(message));
        break;
    case MessageType::BlockRequest:
        handleBlockRequest(from, std::get<BlockRequest>(message).hash);
        break;
    case MessageType::VotesRequest:
        if (const auto it = m_linkPool.find(std::get<VotesRequest>(message).target); it != m_linkPool.end())
            for (const auto &v : it->second)
                m_outbox.sendTo({from}, encodeMessage(v));
        break;
    case MessageType::BlockRangeRequest:
        handleBlockRange(from, std::get<BlockRangeRequest>(message));
        break;
    }
}

// --- block sync --------------------------------------------------------------

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

void ConsensusNode::send(const Message &message)
{
    m_outbox.broadcast(encodeMessage(message));
}

void ConsensusNode::sendTo(const std::vector<PeerId> &peers, const Message &message)
{
    m_outbox.sendTo(peers, encodeMessage(message));
}

std::vector<PeerId> ConsensusNode::peers()
{
    return m_outbox.peers();
}

const BlockNode *ConsensusNode::genesisBlock() const
{
    return m_tree->genesisNode();
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
        handleLinkVote(v, true);
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

void ConsensusNode::sendJustification(PeerId peer, const BlockNode *justified)
{
    // A peer voted from an older source than the highest justified block this
    // node knows: it has not seen that block's votes. Send it the block and
    // the votes for it, once.
    if (justified == m_tree->genesisNode() || !m_hinted.insert({peer, justified->hash}).second)
        return;
    if (m_hinted.size() > 4096)
        m_hinted.clear();
    m_outbox.sendTo({peer}, encodeMessage(*justified->block));
    if (const auto it = m_linkPool.find(justified->hash); it != m_linkPool.end())
        for (const auto &v : it->second)
            m_outbox.sendTo({peer}, encodeMessage(v));
}

void ConsensusNode::handleLinkVote(const LinkVote &vote, bool trusted, std::optional<PeerId> from)
{
    if (from) {
        const BlockNode *justified = m_finality->highestJustified();
        if (vote.source.slot < justified->slot && vote.target.slot > justified->slot)
            sendJustification(*from, justified);
    }
    const Signature &id = vote.signature;   // votes are told apart by their signatures
    if (m_seenVotes.count(id))
        return;
    const std::size_t index = authorityIndex(m_genesis->authorities, vote.voter);
    if (index >= m_genesis->authorities.size() || vote.source.slot >= vote.target.slot)
        return;
    // No honest authority votes for a slot its clock has not reached: votes
    // far ahead are dropped before any work is spent on them.
    if (vote.target.slot > m_currentSlot + kMaxVoteLeadSlots)
        return;
    if (!trusted && !verifyLinkVote(vote, m_verifier))
        return;
    if (from) {
        m_performance.voteReceived(vote.voter, vote.target.hash, m_nowMs);
        m_performance.signedMessage(vote.voter);
    }
    detectLinkVote(vote);
    const BlockNode *justifiedBefore = m_finality->highestJustified();
    const VoteUse use = m_finality->addLinkVote(vote, index);
    if (use != VoteUse::Dropped) {
        // Kept votes are remembered and relayed (in blocks, to peers that lag);
        // a dropped one may be offered again once its target is known.
        markSeen(id, vote.target.slot);
        if (vote.target.slot + m_params.voteInclusionSlots >= m_currentSlot)
            m_linkPool[vote.target.hash].push_back(vote);
    }
    drainFinality();
    if (m_finality->highestJustified() != justifiedBefore) {
        updateHead();
        if (m_deferredVote)
            if (BlockNode *target = m_tree->find(*m_deferredVote); target && target->parent->justified)
                tryVote(target, false);
    }
}

void ConsensusNode::handleAttestation(const Vote &vote, bool trusted)
{
    const Signature &id = vote.signature;
    if (m_seenVotes.count(id) || vote.round != 0)
        return;
    if (const BlockNode *target = m_tree->find(vote.blockHash)) {
        if (target->slot != vote.slot || target->height != vote.height
            || !target->epoch->active.find(vote.voter))
            return;
    } else if (!m_head->epoch->active.find(vote.voter) && !m_head->epoch->nextActive.find(vote.voter)) {
        return;
    }
    if (!trusted && !verifyVoteWith(vote, m_verifier))
        return;
    if (!trusted) {
        m_performance.voteReceived(vote.voter, vote.blockHash, m_nowMs);
        m_performance.signedMessage(vote.voter);
    }
    markSeen(id, vote.slot);
    detectVote(vote);
    if (vote.slot + m_params.voteInclusionSlots >= m_currentSlot)
        m_attestationPool[vote.blockHash].push_back(vote);
    m_finality->addAttestation(vote);
    drainFinality();
}

void ConsensusNode::handleEvidence(const Evidence &evidence)
{
    const Hash256 key = offenceKey(evidence);
    if (m_pendingEvidence.count(key) || m_knownOffences.count(key))
        return;
    // Kept if a block of this or a coming slot may carry it.
    if (!checkEvidenceWindow(evidence, std::max(m_currentSlot, offenceSlot(evidence)), m_params.evidenceWindowSlots,
                             m_genesis->authorities))
        return;
    if (!verifyConsensusEvidence(evidence, m_verifier))
        return;
    m_knownOffences.insert(key);
    if (m_pendingEvidence.size() < kMaxPendingEvidence)
        m_pendingEvidence.emplace(key, evidence);
    if (m_observer)
        m_observer->onEvidenceDetected(evidence);
}

void ConsensusNode::handleTransaction(const Transaction &tx)
{
    const Hash256 id = transactionId(tx);
    if (m_mempool.contains(id) || m_tree->chainHasTransaction(m_head, id))
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
    if (!state::State::paysFee(tx.kind))
        return Status::success();
    state::BlockExecution trial(m_head->state.executed, m_tree->stateRules(),
                                state::BlockContext{m_head->slot + 1, {}, {}});
    return trial.apply(tx);
}

Status ConsensusNode::submitTransaction(const Transaction &tx, std::int64_t nowMs)
{
    m_nowMs = std::max(m_nowMs, nowMs);
    const Hash256 id = transactionId(tx);
    if (m_tree->chainHasTransaction(m_head, id))
        return makeError("mempool.duplicate", "The transaction is already on the chain.");
    if (!m_params.transactionLive(tx.timestampMs, m_nowMs))
        return makeError("tx.stale", "The transaction's time is outside its validity period.");
    GTX_TRY(checkTransaction(tx, m_tree->txContext(m_head, m_verifier)));
    if (auto zone = haltedZoneOf(tx, m_localHalts))
        return zoneHaltedError(*zone);
    GTX_TRY(executesOnHead(tx));
    GTX_TRY(m_mempool.add(tx));
    send(tx);
    return Status::success();
}

// --- emergency ---------------------------------------------------------------

Status ConsensusNode::submitEmergencyOrder(const Transaction &order, std::int64_t nowMs)
{
    m_nowMs = std::max(m_nowMs, nowMs);
    if (!isAuthority())
        return makeError("emergency.not_authority", "Only an authority node proposes emergency blocks.");
    if (order.sender != m_key.publicKey())
        return makeError("emergency.not_authority", "The order must be signed by this authority's node key.");
    if (order.networkId != m_params.networkId)
        return makeError("emergency.wrong_network", "The emergency order is for another network.");
    auto decoded = verifyEmergencyOrder(order, m_genesis->authorities, m_verifier);
    if (!decoded)
        return decoded.error();
    // The audit record comes first: an order that cannot be recorded is not
    // given (and uses up no sequence number, so the next one leaves no gap).
    const std::string action = order.kind == TransactionKind::EmergencyHalt ? "emergency.halt_proposed"
                                                                            : "emergency.resume_proposed";
    if (auto audited = m_store.recordAudit(action, "order=" + transactionId(order).hex() + " reason=" + decoded->reason,
                                           m_nowMs);
        !audited)
        return makeError("store.audit_failed",
                         "The order could not be written to the audit trail, so it was not given: "
                             + audited.error().message);
    SignerRecord next = m_signer;
    next.emergencyProposedSeq += 1;
    if (!persist(next)) {
        storeAlarm(m_store.recordAudit("emergency.proposal_refused", "order=" + transactionId(order).hex(), m_nowMs),
                   "the refusal of an emergency order");
        return makeError("store.write_failed", "The signer record could not be saved; the order was not proposed.");
    }
    const EmergencyBlock block = makeEmergencyBlock(order, m_signer.emergencyProposedSeq, m_currentSlot,
                                                    m_params.networkId, m_nowMs, m_key);
    send(block);
    handleEmergencyProposal(block);
    return Status::success();
}

void ConsensusNode::handleEmergencyProposal(const EmergencyBlock &block)
{
    const Hash256 id = emergencyBlockId(block);
    if (m_emergencyBlocks.count(id))
        return;
    if (!verifyEmergencyBlock(block, m_genesis->authorities, m_params.networkId, m_verifier))
        return;
    // Nothing applies yet: an order takes effect when the quorum certifies
    // it (onCertified), on every honest node alike. One authority's word
    // alone (an uncertified block, say one that skips sequence numbers)
    // would let a Byzantine authority halt some nodes and not others.
    rememberEmergencyBlock(id, block);
    const auto proposerIndex = authorityIndex(m_genesis->authorities, block.header.proposer);
    m_emergencyBySequence.try_emplace({proposerIndex, block.header.height}, id);
    voteEmergencyInOrder(proposerIndex);
    checkCertified(id);
}

void ConsensusNode::rememberEmergencyBlock(const Hash256 &id, const EmergencyBlock &block)
{
    if (!m_emergencyBlocks.emplace(id, block).second)
        return;
    if (const auto votes = m_emergencyVotes.find(id); votes != m_emergencyVotes.end())
        for (const Vote &v : votes->second)   // no longer votes for an unseen block
            if (auto u = m_unknownEmergencyVotes.find(v.voter); u != m_unknownEmergencyVotes.end() && u->second > 0)
                --u->second;
}

void ConsensusNode::voteEmergencyInOrder(std::size_t proposerIndex)
{
    // One vote per (proposer, sequence), in sequence order: an authority
    // numbers its emergency blocks 1, 2, 3, ... so a gap means a block is
    // still on its way (it is gossiped again until certified).
    if (!isAuthority() || (m_hooks && m_hooks->withholdsVotes()))
        return;
    for (;;) {
        const std::uint64_t next = m_signer.emergencyVotedSeq[proposerIndex] + 1;
        const auto it = m_emergencyBySequence.find({proposerIndex, next});
        if (it == m_emergencyBySequence.end())
            return;
        const auto block = m_emergencyBlocks.find(it->second);
        if (block == m_emergencyBlocks.end()) {
            m_emergencyBySequence.erase(it);   // pruned; a copy gossiped again starts over
            return;
        }
        SignerRecord record = m_signer;
        record.emergencyVotedSeq[proposerIndex] = next;
        if (!persist(record))
            return;
        Vote vote = emergencyVoteFor(block->second, static_cast<std::uint32_t>(proposerIndex));
        signVote(vote, m_key);
        m_ownEmergencyVotes[block->first] = vote;
        send(vote);
        handleEmergencyVote(vote);
    }
}

void ConsensusNode::handleEmergencyVote(const Vote &vote)
{
    const Signature &id = vote.signature;
    if (m_seenVotes.count(id))
        return;
    if (authorityIndex(m_genesis->authorities, vote.voter) == m_genesis->authorities.size()
        || vote.round >= m_genesis->authorities.size() || !verifyVoteWith(vote, m_verifier))
        return;
    markSeen(id, std::max(vote.slot, m_currentSlot));
    detectVote(vote);
    // Votes are kept as they came, a few per voter and block; which of them
    // certify is decided against the block itself (checkCertified), so a
    // vote with the right block id and wrong fields cannot fix the
    // certificate's fields for everyone after it.
    auto &votes = m_emergencyVotes[vote.blockHash];
    const auto mine = std::count_if(votes.begin(), votes.end(), [&](const Vote &v) { return v.voter == vote.voter; });
    if (mine >= 2)
        return;
    if (!m_emergencyBlocks.count(vote.blockHash)) {
        // For a block not seen yet: a bounded number per voter.
        auto &unknown = m_unknownEmergencyVotes[vote.voter];
        if (unknown >= kMaxUnknownEmergencyVotesPerVoter)
            return;
        ++unknown;
    }
    votes.push_back(vote);
    checkCertified(vote.blockHash);
}

void ConsensusNode::checkCertified(const Hash256 &id)
{
    if (m_certified.count(id))
        return;
    const auto block = m_emergencyBlocks.find(id);
    const auto votes = m_emergencyVotes.find(id);
    if (block == m_emergencyBlocks.end() || votes == m_emergencyVotes.end() || votes->second.size() < m_tree->quorum())
        return;
    const auto proposerIndex = authorityIndex(m_genesis->authorities, block->second.header.proposer);
    Certificate c = certificateFor(emergencyVoteFor(block->second, static_cast<std::uint32_t>(proposerIndex)));
    for (const Vote &v : votes->second)
        if (voteMatches(c, v))
            (void)addVote(c, v);   // a second vote of one signer is simply not added
    if (c.signatures.size() < m_tree->quorum())
        return;
    EmergencyRecord record{block->second, c};
    if (!verifyEmergencyRecord(record, m_genesis->authorities, m_tree->quorum(), m_params.networkId, m_verifier))
        return;
    onCertified(record, true);
}

void ConsensusNode::handleEmergencyRecord(const EmergencyRecord &record)
{
    const Hash256 id = emergencyBlockId(record.block);
    if (m_certified.count(id))
        return;
    if (!verifyEmergencyRecord(record, m_genesis->authorities, m_tree->quorum(), m_params.networkId, m_verifier))
        return;
    rememberEmergencyBlock(id, record.block);
    for (const auto &entry : record.certificate.signatures)
        detectVote(certificateVote(record.certificate, entry));
    onCertified(record, true);
}

void ConsensusNode::onCertified(const EmergencyRecord &record, bool gossip)
{
    const Hash256 id = emergencyBlockId(record.block);
    m_certified.emplace(id, record);
    if (auto order = codec::decode<EmergencyOrder>(record.block.order.payload, "emergency order"))
        m_localHalts.apply(record.block.order, *order);
    // Certified by the quorum, it applies even when this node cannot record
    // it (refusing would split the authorities); the failure is an alarm.
    storeAlarm(m_store.recordAudit("emergency.certified",
                                   "block=" + id.hex() + " kind=" + std::string(toString(record.block.order.kind)),
                                   m_nowMs),
               "the certified emergency block " + id.shortHex());
    if (m_observer)
        m_observer->onInstantFinal(record);
    if (gossip)
        send(record);
    // A certified sequence number is settled: an authority that missed it
    // (it was down) moves past it, so that it can vote for the proposer's
    // next blocks, which it votes for in order.
    const std::size_t proposer = authorityIndex(m_genesis->authorities, record.block.header.proposer);
    if (isAuthority() && proposer < m_signer.emergencyVotedSeq.size()
        && m_signer.emergencyVotedSeq[proposer] < record.block.header.height) {
        SignerRecord next = m_signer;
        next.emergencyVotedSeq[proposer] = record.block.header.height;
        if (persist(next))
            voteEmergencyInOrder(proposer);
    }
}

// --- proposing ---------------------------------------------------------------

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
    BlockHeader &h = b.header;
    h.networkId = m_params.networkId;
    h.kind = BlockKind::Regular;
    h.height = parent->height + 1;
    h.epoch = m_params.epochOf(slot);
    h.slot = slot;
    h.timestampMs = m_params.slotStartMs(slot);
    h.parentHash = parent->hash;
    h.proposer = m_key.publicKey();
    h.randaoReveal = randaoReveal(m_key, h.networkId, h.epoch);

    const LaneLimits &lanes = m_params.lanes;
    const std::uint64_t window = m_params.voteInclusionSlots;
    std::set<Signature> carried;
    for (BlockNode *a = parent; a && a->slot + window >= slot; a = a->parent) {
        const auto &ids = carriedIds(a);
        carried.insert(ids.begin(), ids.end());
    }
    {
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
    const state::BlockContext context = m_tree->blockContext(parent, slot, h.proposer);
    std::optional<state::BlockExecution> execution;   // one per block: it holds the parent's state by reference
    execution.emplace(parent->state.executed, m_tree->stateRules(), context);
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

// --- voting ------------------------------------------------------------------

bool ConsensusNode::persist(const SignerRecord &next)
{
    if (m_hooks && m_hooks->forgetsSignerRecord()) {
        m_signer = next;   // test-only mutation: never reaches the store
        return true;
    }
    if (!m_store.saveSignerRecord(next, m_nowMs)) {
        ++m_counters.signRefused;
        return false;
    }
    m_signer = next;
    return true;
}

bool ConsensusNode::tradesInHaltedZone(const Block &block) const
{
    return std::any_of(block.transactions.begin(), block.transactions.end(),
                       [&](const Transaction &tx) { return haltedZoneOf(tx, m_localHalts).has_value(); });
}

void ConsensusNode::tryVote(BlockNode *target, bool mayDefer)
{
    if (!isAuthority() || (m_hooks && m_hooks->withholdsVotes()) || m_anchor || target == m_tree->genesisNode())
        return;
    if (target->slot + 1 < m_currentSlot || target->slot > m_currentSlot)
        return;
    if (target->slot <= m_signer.linkTargetSlot || target->slot <= signFloor())
        return;
    BlockNode *source = m_finality->highestJustified();
    if (source == target || !BlockTree::isAncestorOrSelf(source, target))
        return;
    if (source->slot < m_signer.linkSourceSlot)
        return;
    if (tradesInHaltedZone(*target->block))
        return;
    const std::int64_t deadline = m_params.slotStartMs(target->slot) + static_cast<std::int64_t>(m_params.slotMs / 2);
    if (mayDefer && !target->parent->justified && m_nowMs < deadline) {
        // Wait for the parent's justification, and ask the peers for the
        // parent's votes: one may have reached only some of them.
        if (m_deferredVote != target->hash)
            send(VotesRequest{target->parent->hash});
        m_deferredVote = target->hash;
        m_deferredDeadlineMs = deadline;
        return;
    }
    if (m_deferredVote == target->hash)
        m_deferredVote.reset();
    SignerRecord next = m_signer;
    next.linkTargetSlot = target->slot;
    next.linkSourceSlot = source->slot;
    if (!persist(next))
        return;
    LinkVote vote{source->checkpoint(), target->checkpoint(), {}, {}};
    signLinkVote(vote, m_key);
    ++m_counters.votesSigned;

    if (!(m_hooks && m_hooks->sendLinkVote(*this, vote, source, target)))
        send(vote);
    handleLinkVote(vote, true);
}

void ConsensusNode::tryAttest(BlockNode *target)
{
    if (isAuthority() || (m_hooks && m_hooks->withholdsVotes()) || m_anchor || target == m_tree->genesisNode())
        return;
    if (!target->epoch->active.find(m_key.publicKey()))
        return;
    if (target->slot + 1 < m_currentSlot || target->slot > m_currentSlot)
        return;
    if (target->slot <= m_signer.attestedSlot || target->slot <= signFloor())
        return;
    SignerRecord next = m_signer;
    next.attestedSlot = target->slot;
    if (!persist(next))
        return;
    Vote vote;
    vote.kind = VoteKind::StakeAttestation;
    vote.height = target->height;
    vote.slot = target->slot;
    vote.blockHash = target->hash;
    signVote(vote, m_key);
    ++m_counters.attestationsSigned;
    if (!(m_hooks && m_hooks->sendAttestation(*this, vote, target)))
        send(vote);
    handleAttestation(vote, true);
}

// --- fork choice and finality -------------------------------------------------

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

// --- evidence ----------------------------------------------------------------

void ConsensusNode::recordEvidence(const Evidence &evidence)
{
    const Hash256 key = offenceKey(evidence);
    if (!m_knownOffences.insert(key).second)
        return;
    if (m_pendingEvidence.size() < kMaxPendingEvidence)
        m_pendingEvidence.emplace(key, evidence);
    if (m_observer)
        m_observer->onEvidenceDetected(evidence);
    send(evidence);
}

void ConsensusNode::detectProposal(const SignedHeader &header)
{
    if (m_observer)
        m_observer->onSignedMessageChecked(header.signature);
    const auto key = std::make_pair(header.header.slot, header.header.proposer);
    const auto [it, inserted] = m_proposalsSeen.try_emplace(key, header);
    if (!inserted && blockHash(it->second.header) != blockHash(header.header))
        recordEvidence(makeDoubleProposal(it->second, header));
}

void ConsensusNode::detectLinkVote(const LinkVote &vote)
{
    // One offence per new vote: a double vote if there is one, else the
    // first surround found (one proof is enough to name the offender).
    if (m_observer)
        m_observer->onSignedMessageChecked(vote.signature);
    auto &bySlot = m_linkVotesSeen[vote.voter];
    const LinkVote *partner = nullptr;
    OffenceKind partnerKind{};
    for (const auto &[slot, votes] : bySlot) {
        for (const auto &other : votes) {
            OffenceKind kind{};
            if (!linkVotesConflict(vote, other, &kind))
                continue;
            if (!partner || (kind == OffenceKind::DoubleLinkVote && partnerKind != kind)) {
                partner = &other;
                partnerKind = kind;
            }
        }
    }
    if (partner)
        recordEvidence(makeLinkEvidence(partnerKind, vote, *partner));
    auto &atSlot = bySlot[vote.target.slot];
    if (atSlot.size() < 4)
        atSlot.push_back(vote);
}

void ConsensusNode::detectVote(const Vote &vote)
{
    if (m_observer)
        m_observer->onSignedMessageChecked(vote.signature);
    if (vote.kind == VoteKind::StakeAttestation) {
        const auto [it, inserted] = m_attestationsSeen.try_emplace({vote.slot, vote.voter}, vote);
        if (!inserted && voteSigningBytes(it->second) != voteSigningBytes(vote))
            recordEvidence(makeVoteEvidence(OffenceKind::DoubleAttestation, it->second, vote));
    } else if (vote.kind == VoteKind::Emergency) {
        const auto [it, inserted] = m_emergencyVotesSeen.try_emplace({vote.voter, vote.height, vote.round}, vote);
        if (!inserted && voteSigningBytes(it->second) != voteSigningBytes(vote))
            recordEvidence(makeVoteEvidence(OffenceKind::DoubleEmergencyVote, it->second, vote));
    }
}

} // namespace gtx::consensus
