// ConsensusNode: detecting equivocations and keeping evidence until it is on chain.

#include "core/consensus/node.h"

#include "core/consensus/evidence_rules.h"
#include "core/consensus/node_limits.h"
#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

using namespace limits;

void ConsensusNode::handleEvidence(const Evidence &evidence)
{
    (void)admitEvidence(evidence);   // gossip: a peer's bad evidence is dropped
}

Status ConsensusNode::submitEvidence(const Evidence &evidence)
{
    return admitEvidence(evidence);
}

Status ConsensusNode::admitEvidence(const Evidence &evidence)
{
    const Hash256 key = offenceKey(evidence);
    if (m_pendingEvidence.count(key) || m_knownOffences.count(key))
        return makeError("evidence.known", "This node already holds evidence of this offence.");
    // Kept if a block of this or a coming slot may carry it.
    GTX_TRY(checkEvidenceWindow(evidence, std::max(m_currentSlot, offenceSlot(evidence)), m_params.evidenceWindowSlots,
                                m_genesis->authorities));
    GTX_TRY(verifyConsensusEvidence(evidence, m_verifier));
    m_knownOffences.insert(key);
    if (m_pendingEvidence.size() < kMaxPendingEvidence)
        m_pendingEvidence.emplace(key, evidence);
    if (m_observer)
        m_observer->onEvidenceDetected(evidence);
    return Status::success();
}

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
    // Every vote that conflicts with this one targets a slot above its
    // source (the same target slot, or either side of a surround), so the
    // older votes need no look.
    for (auto it = bySlot.upper_bound(vote.source.slot); it != bySlot.end(); ++it) {
        for (const auto &other : it->second) {
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
