#include "core/state/slashing.h"

#include "core/common/arith.h"

namespace gtx::state {

std::string_view toString(CaseStatus status)
{
    switch (status) {
    case CaseStatus::Pending:
        return "pending";
    case CaseStatus::Executed:
        return "executed";
    case CaseStatus::Cancelled:
        return "cancelled";
    case CaseStatus::Refunded:
        return "refunded";
    }
    return "unknown";
}

std::string_view toString(AppealAction action)
{
    switch (action) {
    case AppealAction::File:
        return "file";
    case AppealAction::CommunityVote:
        return "vote";
    case AppealAction::AuthorityDecision:
        return "decide";
    case AppealAction::CourtCase:
        return "court-case";
    case AppealAction::CourtRefund:
        return "court-refund";
    }
    return "unknown";
}

std::string_view toString(AppealStage stage)
{
    switch (stage) {
    case AppealStage::None:
        return "none";
    case AppealStage::Technical:
        return "technical-review";
    case AppealStage::Community:
        return "community-review";
    case AppealStage::Authority:
        return "authority-review";
    case AppealStage::Closed:
        return "closed";
    }
    return "unknown";
}

OffenceJudgement judgeOffence(OffenceKind kind)
{
    switch (kind) {
    case OffenceKind::DoubleProposal:
        return {SlashingReason::DoubleProduction, Severity::Medium};
    case OffenceKind::DoubleAttestation:
        return {SlashingReason::DoubleProduction, Severity::Low};
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
    case OffenceKind::DoubleEmergencyVote:
        return {SlashingReason::MaliciousBehavior, Severity::Medium};
    }
    return {SlashingReason::MaliciousBehavior, Severity::High};
}

Severity downtimeSeverity(std::uint32_t missed, std::uint32_t counted)
{
    if (counted == 0 || missed >= counted)
        return Severity::High;
    return static_cast<std::uint64_t>(missed) * 4 < static_cast<std::uint64_t>(counted) * 3 ? Severity::Low
                                                                                           : Severity::Medium;
}

Hash256 downtimeCaseId(const PublicKey &validator, std::uint64_t slot)
{
    codec::Writer w;
    w.fixed(validator);
    w.u64(slot);
    return crypto::hash("gtx/downtime-case/v1", w.data());
}

Hash256 energyCaseId(const Hash256 &meterId, std::int64_t intervalEndMs)
{
    codec::Writer w;
    w.fixed(meterId);
    w.i64(intervalEndMs);
    return crypto::hash("gtx/energy-case/v1", w.data());
}

std::uint64_t stakeAt(std::uint64_t now, const StakeJournal &journal, std::uint64_t slot)
{
    // Undo, newest first, what changed at or after `slot`. In 128 bits the
    // sums cannot overflow; a result below zero cannot come from a true
    // journal and counts as none.
    Int128 stake = now;
    for (const auto &c : journal.changes) {
        if (c.slot < slot)
            continue;
        switch (c.kind) {
        case StakeChangeKind::Bonded:
        case StakeChangeKind::RedelegatedIn:
        case StakeChangeKind::Restored:
            stake -= c.amount;
            break;
        case StakeChangeKind::Unbonded:
        case StakeChangeKind::RedelegatedOut:
        case StakeChangeKind::Slashed:
            stake += c.amount;
            break;
        }
    }
    if (stake < 0)
        return 0;
    if (stake > static_cast<Int128>(UINT64_MAX))
        return UINT64_MAX;
    return static_cast<std::uint64_t>(stake);
}

void encodeTo(codec::Writer &w, const SlashPart &v)
{
    w.fixed(v.party);
    w.fixed(v.validator);
    w.enumeration(v.source);
    w.u64(v.releaseSlot);
    w.u64(v.amount);
}

void decodeFrom(codec::Reader &r, SlashPart &v)
{
    r.fixed(v.party);
    r.fixed(v.validator);
    r.value(v.source);
    v.releaseSlot = r.u64();
    v.amount = r.u64();
}

void encodeTo(codec::Writer &w, const SlashCase &v)
{
    w.fixed(v.id);
    w.enumeration(v.kind);
    w.fixed(v.evidenceId);
    w.enumeration(v.offence);
    w.u32(v.dutiesMissed);
    w.u32(v.dutiesCounted);
    w.value(v.readings);
    w.fixed(v.meterKey);
    w.fixed(v.offender);
    w.boolean(v.authority);
    w.boolean(v.governmentReview);
    w.enumeration(v.reason);
    w.enumeration(v.severity);
    w.u32(v.priorCases);
    w.enumeration(v.tier);
    w.u32(v.fractionBps);
    w.enumeration(v.suspension);
    w.u64(v.infractionSlot);
    w.u64(v.recordedSlot);
    w.u64(v.executeSlot);
    w.u64(v.suspendedUntilSlot);
    w.u64(v.stakeAtInfraction);
    w.u64(v.amount);
    w.u64(v.uncollected);
    w.u32(v.partCount);
    w.enumeration(v.status);
    w.value(v.evidence);
    w.value(v.appeal);
}

void decodeFrom(codec::Reader &r, SlashCase &v)
{
    r.fixed(v.id);
    r.value(v.kind);
    r.fixed(v.evidenceId);
    r.value(v.offence);
    v.dutiesMissed = r.u32();
    v.dutiesCounted = r.u32();
    r.value(v.readings);
    r.fixed(v.meterKey);
    r.fixed(v.offender);
    v.authority = r.boolean();
    v.governmentReview = r.boolean();
    r.value(v.reason);
    r.value(v.severity);
    v.priorCases = r.u32();
    r.value(v.tier);
    v.fractionBps = r.u32AtMost(10'000, "slash fraction");
    r.value(v.suspension);
    v.infractionSlot = r.u64();
    v.recordedSlot = r.u64();
    v.executeSlot = r.u64();
    v.suspendedUntilSlot = r.u64();
    v.stakeAtInfraction = r.u64();
    v.amount = r.u64();
    v.uncollected = r.u64();
    v.partCount = r.u32();
    r.value(v.status);
    r.value(v.evidence);
    r.value(v.appeal);
}

void encodeTo(codec::Writer &w, const AppealPayload &v)
{
    w.enumeration(v.action);
    w.fixed(v.caseId);
    w.boolean(v.uphold);
    w.string(v.text);
}

void decodeFrom(codec::Reader &r, AppealPayload &v)
{
    r.value(v.action);
    r.fixed(v.caseId);
    v.uphold = r.boolean();
    v.text = r.string(kMaxAppealText, "appeal text");
}

void encodeTo(codec::Writer &w, const AppealRecord &v)
{
    w.enumeration(v.stage);
    w.enumeration(v.action);
    w.u64(v.slot);
    w.fixed(v.by);
    w.boolean(v.uphold);
    w.u64(v.weight);
    w.string(v.text);
}

void decodeFrom(codec::Reader &r, AppealRecord &v)
{
    r.value(v.stage);
    r.value(v.action);
    v.slot = r.u64();
    r.fixed(v.by);
    v.uphold = r.boolean();
    v.weight = r.u64();
    v.text = r.string(kMaxAppealText, "appeal text");
}

void encodeTo(codec::Writer &w, const Appeal &v)
{
    w.enumeration(v.stage);
    w.fixed(v.appellant);
    w.u64(v.filedSlot);
    w.u64(v.bondedAtFiling);
    w.u64(v.communityDeadline);
    w.u32(v.voteCount);
    w.u64(v.upholdStake);
    w.u64(v.overturnStake);
    w.string(v.courtCase);
    w.list(v.trail);
}

void decodeFrom(codec::Reader &r, Appeal &v)
{
    r.value(v.stage);
    r.fixed(v.appellant);
    v.filedSlot = r.u64();
    v.bondedAtFiling = r.u64();
    v.communityDeadline = r.u64();
    v.voteCount = r.u32();
    v.upholdStake = r.u64();
    v.overturnStake = r.u64();
    v.courtCase = r.string(kMaxAppealText, "court case");
    // Filing, its review, the community's result, the authorities' decisions,
    // a court case and the court order's signatures: a few dozen at most.
    r.list(v.trail, 64, "appeal trail", 1 + 1 + 8 + 32 + 1 + 8 + 4);
}

void encodeTo(codec::Writer &w, const StakeChange &v)
{
    w.u64(v.slot);
    w.enumeration(v.kind);
    w.u64(v.amount);
    w.fixed(v.other);
}

void decodeFrom(codec::Reader &r, StakeChange &v)
{
    v.slot = r.u64();
    r.value(v.kind);
    v.amount = r.u64();
    r.fixed(v.other);
}

void encodeTo(codec::Writer &w, const StakeJournal &v)
{
    w.list(v.changes);
}

void decodeFrom(codec::Reader &r, StakeJournal &v)
{
    r.list(v.changes, kMaxStakeChanges, "stake changes", 8 + 1 + 8 + 32);
}

void encodeTo(codec::Writer &w, const OffenderHistory &v)
{
    w.u32(static_cast<std::uint32_t>(v.cases.size()));
    for (const auto &c : v.cases)
        w.fixed(c);
}

void decodeFrom(codec::Reader &r, OffenderHistory &v)
{
    const std::uint32_t n = r.u32();
    if (n > kMaxOffenderCases || n > r.remaining() / 32) {
        r.fail("offender history is too long");
        return;
    }
    v.cases.resize(n);
    for (auto &c : v.cases)
        r.fixed(c);
}

} // namespace gtx::state
