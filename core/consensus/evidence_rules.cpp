#include "core/consensus/evidence_rules.h"

#include "core/consensus/emergency.h"

namespace gtx::consensus {

Status checkEvidenceWindow(const Evidence &e, std::uint64_t slot, std::uint64_t windowSlots,
                           const std::vector<AuthorityMember> &authorities)
{
    const std::uint64_t at = offenceSlot(e);
    if (at > slot || at + windowSlots < slot)
        return makeError("evidence.stale", "The evidence is outside the evidence window.");
    const bool authorityOffence = e.kind == OffenceKind::DoubleLinkVote || e.kind == OffenceKind::SurroundLinkVote
        || e.kind == OffenceKind::DoubleEmergencyVote;
    if (authorityOffence && authorityIndex(authorities, offenderOf(e)) == authorities.size())
        return makeError("evidence.not_authority", "Vote evidence names a key that is not an authority.");
    return Status::success();
}

} // namespace gtx::consensus
