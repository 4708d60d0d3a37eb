// ConsensusNode: emergency orders, their votes and certificates.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

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
    // Given twice (a client retrying after a timeout), it would take a second
    // sequence number and a second emergency block.
    const Hash256 orderId = transactionId(order);
    for (const auto &[id, known] : m_emergencyBlocks)
        if (transactionId(known.order) == orderId)
            return makeError("emergency.duplicate", "This order has already been given.");
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
    logMessage(m_currentSlot, Message{block});
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
        logMessage(m_currentSlot, Message{vote});
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
    // (Taken back from the consensus log, it was recorded before the restart.)
    if (!m_replaying)
        storeAlarm(m_store.recordAudit("emergency.certified",
                                       "block=" + id.hex() + " kind=" + std::string(toString(record.block.order.kind)),
                                       m_nowMs),
                   "the certified emergency block " + id.shortHex());
    logMessage(m_currentSlot, Message{record});
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

} // namespace gtx::consensus
