// Appeals against slashing cases (docs/protocol.md, "Appeals"): a party
// files within the filing time; the technical review re-verifies the
// evidence at once; validators vote by stake until the community deadline;
// the authority quorum decides until the appeal window ends; a court
// proceeding is recorded, and a court order refunds an executed slash.

#include "core/state/state.h"

#include "core/common/arith.h"
#include "core/state/entry.h"
#include "core/types/units.h"

#include <algorithm>

namespace gtx::state {

namespace {

Error appealError(const char *code, const std::string &message)
{
    return makeError(code, message);
}

bool hasActed(const Appeal &a, AppealAction action, const PublicKey &key)
{
    return std::any_of(a.trail.begin(), a.trail.end(),
                       [&](const AppealRecord &r) { return r.action == action && r.by == key; });
}

std::size_t decisions(const Appeal &a, AppealAction action, bool uphold)
{
    return static_cast<std::size_t>(std::count_if(a.trail.begin(), a.trail.end(), [&](const AppealRecord &r) {
        return r.action == action && !r.by.isZero() && r.uphold == uphold;
    }));
}

} // namespace

Status BlockExecution::appeal(const Transaction &tx)
{
    auto decoded = codec::decode<AppealPayload>(tx.payload, "appeal");
    if (!decoded)
        return makeError("state.bad_payload", decoded.error().message);
    const AppealPayload &p = *decoded;
    auto found = slashCase(p.caseId);
    if (!found)
        return appealError("appeal.unknown_case", "There is no slashing case with this id.");
    SlashCase c = *found;
    Appeal &a = c.appeal;
    const std::uint64_t now = m_block.slot;
    const bool authority = std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), tx.sender);
    if ((p.action == AppealAction::File || p.action == AppealAction::CourtCase) && p.uphold)
        return makeError("state.bad_payload", "Filing an appeal or a court case takes no vote.");

    switch (p.action) {
    case AppealAction::File: {
        // The offender's appeal (a delegator's stake follows its validator's
        // case; it cannot take the one appeal away from the offender).
        if (tx.sender != c.offender)
            return appealError("appeal.not_party", "Only the offender may appeal its case.");
        if (c.status != CaseStatus::Pending || a.stage != AppealStage::None)
            return appealError("appeal.closed", "This case has been appealed already, or is decided.");
        if (now >= saturatingAdd(c.recordedSlot, m_rules.staking.appealFilingSlots))
            return appealError("appeal.too_late", "The time to file an appeal against this case has passed.");
        if (p.text.empty())
            return appealError("appeal.no_text", "An appeal states its grounds.");
        a.appellant = tx.sender;
        a.filedSlot = now;
        a.bondedAtFiling = m_supply.bonded;
        a.trail.push_back({AppealStage::Technical, AppealAction::File, now, tx.sender, false, 0, p.text});
        // 1. Technical review: the evidence re-verified, at once (for
        // downtime: the duties the chain recorded against the rule).
        Status verified = Status::success();
        if (c.kind == CaseKind::EnergyData) {
            verified = energy::verifyDuplicateReadingEvidence(m_rules.networkId, c.readings, c.meterKey);
        } else if (c.kind == CaseKind::Downtime) {
            if (c.dutiesCounted < m_rules.staking.downtimeMinDuties
                || static_cast<std::uint64_t>(c.dutiesMissed) * kBasisPointsFull
                       < static_cast<std::uint64_t>(m_rules.staking.downtimeThresholdBps) * c.dutiesCounted)
                verified = makeError("appeal.not_downtime", "The recorded duties do not reach the downtime rule.");
        } else if (m_rules.verifyEvidence) {
            verified = m_rules.verifyEvidence(c.evidence);
        } else {
            verified = makeError("appeal.unverifiable", "This node has no evidence verifier.");
        }
        if (!verified) {
            a.trail.push_back({AppealStage::Technical, AppealAction::File, now, {}, false, 0,
                               "The evidence does not verify: " + verified.error().message});
            a.stage = AppealStage::Closed;
            cancelCase(c);
            break;
        }
        a.trail.push_back({AppealStage::Technical, AppealAction::File, now, {}, true, 0,
                           c.kind == CaseKind::EnergyData
                               ? std::string("Both readings verify under the meter's key and differ for one interval.")
                           : c.kind == CaseKind::Downtime
                               ? "The chain records " + std::to_string(c.dutiesMissed) + " of "
                                     + std::to_string(c.dutiesCounted) + " proposer duties missed."
                               : std::string("The two signed messages verify under the offender's key and conflict.")});
        // 2. Community review until the deadline; an authority's case is
        // for the other authorities alone.
        if (c.authority) {
            a.stage = AppealStage::Authority;
            break;
        }
        a.stage = AppealStage::Community;
        a.communityDeadline = saturatingAdd(now, m_rules.staking.communityReviewSlots);
        scheduleCase(a.communityDeadline, c.id);
        break;
    }
    case AppealAction::CommunityVote: {
        if (c.status != CaseStatus::Pending || a.stage != AppealStage::Community || now >= a.communityDeadline)
            return appealError("appeal.not_community_stage", "The case is not in community review.");
        const ValidatorRecord *v = validator(tx.sender);
        if (!v || v->suspended() || tx.sender == c.offender)
            return appealError("appeal.not_voter",
                               "Only a bonded validator that is not suspended, other than the offender, votes.");
        if (read(appealVoterKey(c.id, tx.sender)))
            return appealError("appeal.already_voted", "This validator has voted on this appeal.");
        // Its stake as it was when the appeal was filed: stake moved from
        // voter to voter since counts once, where it was.
        // Capped like every weight (docs/protocol.md, section 18): one
        // validator does not decide the community's review alone.
        const std::uint64_t weight = std::min(stakeOfAt(tx.sender, a.filedSlot), m_rules.maxValidatorWeight);
        if (weight == 0)
            return appealError("appeal.not_voter", "This validator had no stake when the appeal was filed.");
        std::uint64_t &tally = p.uphold ? a.upholdStake : a.overturnStake;
        tally = saturatingAdd(tally, weight);
        put(appealVoterKey(c.id, tx.sender), Bytes{1});
        put(appealVoteKey(c.id, a.voteCount),
            codec::encode(AppealRecord{AppealStage::Community, AppealAction::CommunityVote, now, tx.sender, p.uphold,
                                       weight, p.text}));
        ++a.voteCount;
        break;
    }
    case AppealAction::AuthorityDecision: {
        if (c.status != CaseStatus::Pending || a.stage != AppealStage::Authority)
            return appealError("appeal.not_authority_stage", "The case is not in authority review.");
        if (!authority)
            return appealError("appeal.not_authority", "Only an authority decides in authority review.");
        if (tx.sender == c.offender)
            return appealError("appeal.own_case", "An authority does not decide its own case.");
        if (hasActed(a, AppealAction::AuthorityDecision, tx.sender))
            return appealError("appeal.already_decided", "This authority has decided on this appeal.");
        if (p.text.empty())
            return appealError("appeal.no_text", "An authority's decision states its reasoning.");
        a.trail.push_back({AppealStage::Authority, AppealAction::AuthorityDecision, now, tx.sender, p.uphold, 0,
                           p.text});
        // 3. The quorum's decision is final.
        if (decisions(a, AppealAction::AuthorityDecision, false) >= m_rules.authorityQuorum) {
            a.stage = AppealStage::Closed;
            cancelCase(c);
        } else if (decisions(a, AppealAction::AuthorityDecision, true) >= m_rules.authorityQuorum) {
            a.stage = AppealStage::Closed;   // upheld: executes when the appeal window ends
        }
        break;
    }
    case AppealAction::CourtCase: {
        // 4. Legal recourse, once the chain's own review is over.
        if (tx.sender != c.offender)
            return appealError("appeal.not_party", "Only the offender records its court case.");
        const bool reviewed = c.status == CaseStatus::Executed
            || (c.status == CaseStatus::Pending && a.stage == AppealStage::Closed);
        if (!reviewed)
            return appealError("appeal.not_decided", "A court case is recorded once the chain's review has ended.");
        if (!a.courtCase.empty())
            return appealError("appeal.court_case_recorded", "This case's court proceeding is recorded already.");
        if (p.text.empty())
            return appealError("appeal.no_text", "A court case is recorded with its reference.");
        a.courtCase = p.text;
        a.trail.push_back({AppealStage::Closed, AppealAction::CourtCase, now, tx.sender, false, 0, p.text});
        break;
    }
    case AppealAction::CourtRefund: {
        if (!authority)
            return appealError("appeal.not_authority", "Only an authority carries out a court order.");
        if (tx.sender == c.offender)
            return appealError("appeal.own_case", "An authority does not carry out a court order in its own case.");
        if (c.status != CaseStatus::Executed || a.courtCase.empty())
            return appealError("appeal.not_refundable",
                               "Only an executed slash with a recorded court case can be refunded on a court order.");
        if (hasActed(a, AppealAction::CourtRefund, tx.sender))
            return appealError("appeal.already_decided", "This authority has signed this court order already.");
        if (p.text.empty() || !p.uphold)
            return appealError("appeal.no_text", "A refund names the court order it carries out.");
        a.trail.push_back({AppealStage::Closed, AppealAction::CourtRefund, now, tx.sender, true, 0, p.text});
        if (decisions(a, AppealAction::CourtRefund, true) >= m_rules.authorityQuorum)
            refundCase(c);
        break;
    }
    }
    put(slashCaseKey(c.id), codec::encode(c));
    return Status::success();
}

void BlockExecution::closeCommunityReview(SlashCase &c)
{
    Appeal &a = c.appeal;
    const Uint128 voted = static_cast<Uint128>(a.upholdStake) + a.overturnStake;
    // A third of the bonded stake must take part; then the majority decides.
    const bool quorum = voted * 3 >= static_cast<Uint128>(a.bondedAtFiling) && voted > 0;
    const std::string tally = formatGt(a.overturnStake) + " GT to overturn, " + formatGt(a.upholdStake)
        + " GT to uphold, of " + formatGt(a.bondedAtFiling) + " GT bonded at filing";
    if (quorum && a.overturnStake > a.upholdStake) {
        a.trail.push_back({AppealStage::Community, AppealAction::CommunityVote, m_block.slot, {}, false, 0,
                           "Overturned by the community: " + tally + "."});
        a.stage = AppealStage::Closed;
        cancelCase(c);
        return;
    }
    a.trail.push_back({AppealStage::Community, AppealAction::CommunityVote, m_block.slot, {}, true, 0,
                       std::string(quorum ? "Upheld by the community: " : "No community quorum: ") + tally
                           + "; the case goes to the authorities."});
    a.stage = AppealStage::Authority;
}

void BlockExecution::cancelCase(SlashCase &c)
{
    // Every part goes back where it was taken from when that still exists:
    // the bond (self-bond or delegation), or the unbonding entry while it is
    // still to be released; a bond whose validator is gone starts unbonding
    // now; an unbonding already released goes to the party's balance.
    for (const SlashPart &part : slashParts(c)) {
        const ValidatorRecord *record = validator(part.validator);
        if (part.source == StakeSource::Bond && record) {
            ValidatorRecord v = *record;
            if (part.party == part.validator) {
                v.selfBond += part.amount;
            } else {
                v.delegated += part.amount;
                putDelegation(part.party, part.validator, delegation(part.party, part.validator) + part.amount);
            }
            putValidator(v);
            // A restoration is never refused by the journal.
            putJournal(part.validator, part.party,
                       *journalWith(part.validator, part.party, {m_block.slot, StakeChangeKind::Restored, part.amount, {}}));
            m_supply.bonded += part.amount;
        } else if (part.source == StakeSource::Unbonding && part.releaseSlot > m_block.slot) {
            addUnbonding({part.releaseSlot, part.party, part.validator}, part.amount);
        } else if (part.source == StakeSource::Bond) {
            addUnbonding({saturatingAdd(m_block.slot, m_rules.staking.unbondingSlots), part.party, part.validator},
                         part.amount);
        } else {
            Account a = account(part.party);
            a.balance += part.amount;
            putAccount(part.party, a);
        }
    }
    m_supply.pendingSlashes -= c.amount;
    c.status = CaseStatus::Cancelled;
    c.governmentReview = false;
    unscheduleCase(c.executeSlot, c.id);
    unscheduleCase(c.appeal.communityDeadline, c.id);
    // The offender's suspension is what its other cases impose.
    put(slashCaseKey(c.id), codec::encode(c));
    if (const ValidatorRecord *record = validator(c.offender)) {
        ValidatorRecord v = *record;
        v.suspendedUntilSlot = suspensionOf(offenderHistory(c.offender));
        putValidator(v);
    }
}

void BlockExecution::refundCase(SlashCase &c)
{
    // The burned stake goes back to the parties' balances: the validator
    // may be long gone, and the court orders money, not a bond.
    for (const SlashPart &part : slashParts(c)) {
        Account a = account(part.party);
        a.balance += part.amount;
        putAccount(part.party, a);
    }
    m_supply.burned -= c.amount;
    c.status = CaseStatus::Refunded;
}

} // namespace gtx::state
