// ConsensusNode: starting and restoring, time (ticks and slots), pruning,
// and the dispatch of incoming messages. The other concerns are in
// node_intake.cpp (blocks and sync), node_votes.cpp (vote pools and
// signing), node_evidence.cpp, node_emergency.cpp, node_build.cpp
// (transactions and block building) and node_finality.cpp (fork choice).

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

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
        replayLog();
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
    flushLog();
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
    // chain, and emergency blocks (with this node's vote) until certified;
    // each is logged again with the slot, so the consensus log keeps it
    // until it is settled, however far finality moves meanwhile.
    if (slot % 2 == 0) {
        std::size_t regossiped = 0;
        for (const auto &[id, record] : m_certified)
            if (!m_head->state.emergencyRecords->count(id) && regossiped++ < 8) {
                send(record);
                logMessage(slot, Message{record});
            }
        for (const auto &[id, block] : m_emergencyBlocks) {
            if (m_certified.count(id) || regossiped++ >= 16)
                continue;
            send(block);
            logMessage(slot, Message{block});
            if (const auto vote = m_ownEmergencyVotes.find(id); vote != m_ownEmergencyVotes.end()) {
                send(vote->second);
                logMessage(slot, Message{vote->second});
            }
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

void ConsensusNode::send(const Message &message)
{
    m_outbox.broadcast(encodeMessage(message));
}

void ConsensusNode::sendTo(const std::vector<PeerId> &peers, const Message &message)
{
    m_outbox.sendTo(peers, encodeMessage(message));
}

void ConsensusNode::acceptOwn(const Block &block)
{
    acceptBlocks(std::make_shared<const Block>(block), 0);
}

void ConsensusNode::acceptOwn(const LinkVote &vote)
{
    handleLinkVote(vote, true);
}

std::vector<PeerId> ConsensusNode::peers()
{
    return m_outbox.peers();
}

const BlockNode *ConsensusNode::genesisBlock() const
{
    return m_tree->genesisNode();
}

} // namespace gtx::consensus
