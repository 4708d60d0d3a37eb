// ConsensusNode: the link-vote and attestation pools, and signing votes
// under the signer record.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

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

void ConsensusNode::handleLinkVote(const LinkVote &vote, bool trusted, std::optional<PeerId> from, bool carried)
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
    if (vote.target.slot > std::max(m_currentSlot, m_params.slotAt(m_nowMs)) + kMaxVoteLeadSlots)
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
        // Votes a block carries come back with the block; the others only
        // from the log (this node's own ones included).
        if (!carried)
            logMessage(vote.target.slot, Message{vote});
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

bool ConsensusNode::persist(const SignerRecord &next)
{
    if (m_hooks && m_hooks->forgetsSignerRecord()) {
        m_signer = next;   // test-only mutation: never reaches the store
        return true;
    }
    flushLog();   // what justified the source this signature may use, on disk first
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

} // namespace gtx::consensus
