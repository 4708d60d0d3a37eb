#include "core/state/governance.h"

#include "core/common/arith.h"
#include "core/state/state.h"
#include "core/types/units.h"

#include <algorithm>

namespace gtx::state {

std::string_view toString(ProposalTrack track)
{
    switch (track) {
    case ProposalTrack::Emergency:
        return "emergency";
    case ProposalTrack::Standard:
        return "standard";
    case ProposalTrack::Constitutional:
        return "constitutional";
    }
    return "unknown";
}

std::string_view toString(VoteChoice choice)
{
    switch (choice) {
    case VoteChoice::Yes:
        return "yes";
    case VoteChoice::No:
        return "no";
    case VoteChoice::Abstain:
        return "abstain";
    }
    return "unknown";
}

std::string_view toString(VoterClass c)
{
    switch (c) {
    case VoterClass::Authority:
        return "authorities";
    case VoterClass::StakeValidator:
        return "stake-validators";
    case VoterClass::EnergyValidator:
        return "energy-validators";
    case VoterClass::Community:
        return "community";
    }
    return "unknown";
}

std::string_view toString(ProposalStatus status)
{
    switch (status) {
    case ProposalStatus::Voting:
        return "voting";
    case ProposalStatus::Passed:
        return "passed";
    case ProposalStatus::Rejected:
        return "rejected";
    case ProposalStatus::Enacted:
        return "enacted";
    case ProposalStatus::Failed:
        return "failed";
    }
    return "unknown";
}

std::string_view toString(DepositFate fate)
{
    switch (fate) {
    case DepositFate::Held:
        return "held";
    case DepositFate::Returned:
        return "returned";
    case DepositFate::Burned:
        return "burned";
    case DepositFate::None:
        return "none";
    }
    return "unknown";
}

const std::array<GovernedParamInfo, static_cast<std::size_t>(kLastGovernedParam) + 1> &governedParams()
{
    using P = GovernedParam;
    static const std::array<GovernedParamInfo, static_cast<std::size_t>(kLastGovernedParam) + 1> kTable = {{
        {P::TransactionFee, "transaction_fee", false, false},
        {P::AppealWindowSlots, "appeal_window_slots", false, false},
        {P::AppealFilingSlots, "appeal_filing_slots", false, false},
        {P::CommunityReviewSlots, "community_review_slots", false, false},
        {P::TemporarySuspensionSlots, "temporary_suspension_slots", false, false},
        {P::ExtendedSuspensionSlots, "extended_suspension_slots", false, false},
        {P::DowntimeMinDuties, "downtime_min_duties", false, false},
        {P::DowntimeThresholdBps, "downtime_threshold_bps", false, false},
        {P::ProposalDeposit, "proposal_deposit", false, false},
        {P::TradeSettlementWindowMs, "trade_settlement_window_ms", false, true},
        {P::AuthorityWeightBps, "authority_weight_bps", true, false},
        {P::StakeValidatorWeightBps, "stake_validator_weight_bps", true, false},
        {P::EnergyValidatorWeightBps, "energy_validator_weight_bps", true, false},
        {P::CommunityWeightBps, "community_weight_bps", true, false},
        {P::StandardQuorumBps, "standard_quorum_bps", true, false},
        {P::StandardPassBps, "standard_pass_bps", true, false},
        {P::ConstitutionalQuorumBps, "constitutional_quorum_bps", true, false},
        {P::ConstitutionalPassBps, "constitutional_pass_bps", true, false},
        {P::StandardVotingSlots, "standard_voting_slots", true, false},
        {P::StandardWaitSlots, "standard_wait_slots", true, false},
        {P::ConstitutionalVotingSlots, "constitutional_voting_slots", true, false},
        {P::ConstitutionalWaitSlots, "constitutional_wait_slots", true, false},
        {P::EmergencyVotingSlots, "emergency_voting_slots", true, false},
    }};
    return kTable;
}

std::optional<GovernedParam> governedParamNamed(std::string_view name)
{
    for (const auto &info : governedParams())
        if (info.name == name)
            return info.param;
    return std::nullopt;
}

namespace {

const GovernedParamInfo &infoOf(GovernedParam p)
{
    return governedParams()[static_cast<std::size_t>(p)];
}

// Fields of 32 bits take values that fit; a larger one is refused by
// checkStakingParams() after setParam() stored UINT32_MAX.
std::uint32_t narrow(std::uint64_t v)
{
    return v > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(v);
}

} // namespace

ProposalTrack trackOf(ProposalType type, const std::vector<ParameterSetting> &settings)
{
    if (type == ProposalType::EmergencyProtocol)
        return ProposalTrack::Emergency;
    if (type == ProposalType::AuthorityUpdate)
        return ProposalTrack::Constitutional;
    for (const auto &s : settings)
        if (infoOf(s.param).constitutional)
            return ProposalTrack::Constitutional;
    return ProposalTrack::Standard;
}

std::uint64_t paramValue(const StakingParams &p, std::int64_t tradeSettlementWindowMs, GovernedParam param)
{
    using P = GovernedParam;
    switch (param) {
    case P::TransactionFee: return p.transactionFee;
    case P::AppealWindowSlots: return p.appealWindowSlots;
    case P::AppealFilingSlots: return p.appealFilingSlots;
    case P::CommunityReviewSlots: return p.communityReviewSlots;
    case P::TemporarySuspensionSlots: return p.temporarySuspensionSlots;
    case P::ExtendedSuspensionSlots: return p.extendedSuspensionSlots;
    case P::DowntimeMinDuties: return p.downtimeMinDuties;
    case P::DowntimeThresholdBps: return p.downtimeThresholdBps;
    case P::ProposalDeposit: return p.proposalDeposit;
    case P::TradeSettlementWindowMs: return static_cast<std::uint64_t>(std::max<std::int64_t>(0, tradeSettlementWindowMs));
    case P::AuthorityWeightBps: return p.classWeightsBps[0];
    case P::StakeValidatorWeightBps: return p.classWeightsBps[1];
    case P::EnergyValidatorWeightBps: return p.classWeightsBps[2];
    case P::CommunityWeightBps: return p.classWeightsBps[3];
    case P::StandardQuorumBps: return p.standardQuorumBps;
    case P::StandardPassBps: return p.standardPassBps;
    case P::ConstitutionalQuorumBps: return p.constitutionalQuorumBps;
    case P::ConstitutionalPassBps: return p.constitutionalPassBps;
    case P::StandardVotingSlots: return p.standardVotingSlots;
    case P::StandardWaitSlots: return p.standardWaitSlots;
    case P::ConstitutionalVotingSlots: return p.constitutionalVotingSlots;
    case P::ConstitutionalWaitSlots: return p.constitutionalWaitSlots;
    case P::EmergencyVotingSlots: return p.emergencyVotingSlots;
    }
    return 0;
}

void setParam(StakingParams &p, std::int64_t &tradeSettlementWindowMs, GovernedParam param, std::uint64_t v)
{
    using P = GovernedParam;
    switch (param) {
    case P::TransactionFee: p.transactionFee = v; break;
    case P::AppealWindowSlots: p.appealWindowSlots = v; break;
    case P::AppealFilingSlots: p.appealFilingSlots = v; break;
    case P::CommunityReviewSlots: p.communityReviewSlots = v; break;
    case P::TemporarySuspensionSlots: p.temporarySuspensionSlots = v; break;
    case P::ExtendedSuspensionSlots: p.extendedSuspensionSlots = v; break;
    case P::DowntimeMinDuties: p.downtimeMinDuties = narrow(v); break;
    case P::DowntimeThresholdBps: p.downtimeThresholdBps = narrow(v); break;
    case P::ProposalDeposit: p.proposalDeposit = v; break;
    case P::TradeSettlementWindowMs:
        tradeSettlementWindowMs = v > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(v);
        break;
    case P::AuthorityWeightBps: p.classWeightsBps[0] = narrow(v); break;
    case P::StakeValidatorWeightBps: p.classWeightsBps[1] = narrow(v); break;
    case P::EnergyValidatorWeightBps: p.classWeightsBps[2] = narrow(v); break;
    case P::CommunityWeightBps: p.classWeightsBps[3] = narrow(v); break;
    case P::StandardQuorumBps: p.standardQuorumBps = narrow(v); break;
    case P::StandardPassBps: p.standardPassBps = narrow(v); break;
    case P::ConstitutionalQuorumBps: p.constitutionalQuorumBps = narrow(v); break;
    case P::ConstitutionalPassBps: p.constitutionalPassBps = narrow(v); break;
    case P::StandardVotingSlots: p.standardVotingSlots = v; break;
    case P::StandardWaitSlots: p.standardWaitSlots = v; break;
    case P::ConstitutionalVotingSlots: p.constitutionalVotingSlots = v; break;
    case P::ConstitutionalWaitSlots: p.constitutionalWaitSlots = v; break;
    case P::EmergencyVotingSlots: p.emergencyVotingSlots = v; break;
    }
}

Status checkStakingParams(const StakingParams &s, std::uint64_t evidenceWindowSlots, std::uint64_t slotMs)
{
    auto bad = [](const char *why) { return makeError("consensus.invalid_params", why); };
    if (slotMs == 0)
        return bad("The slot length must be positive.");
    constexpr std::uint64_t kDayMs = 24ULL * 3600 * 1000;
    const auto within = [&](std::uint64_t slots, std::uint64_t days) {
        return static_cast<Uint128>(slots) * slotMs <= static_cast<Uint128>(days) * kDayMs;
    };
    if (!within(s.standardVotingSlots, 90) || !within(s.standardWaitSlots, 90) || !within(s.constitutionalVotingSlots, 90)
        || !within(s.constitutionalWaitSlots, 90) || !within(s.emergencyVotingSlots, 7))
        return bad("A vote lasts at most 90 days and waits at most 90 days; an emergency vote lasts at most 7 days.");
    if (!within(s.extendedSuspensionSlots, 365) || s.temporarySuspensionSlots == 0
        || s.temporarySuspensionSlots > s.extendedSuspensionSlots)
        return bad("A temporary suspension is positive and at most an extended one, which is at most a year.");
    if (s.transactionFee > 100ULL * kMicroGtPerGt || s.proposalDeposit > 1'000'000ULL * kMicroGtPerGt)
        return bad("The transaction fee is at most 100 GT and the proposal deposit at most 1,000,000 GT.");
    if (s.appealFilingSlots == 0 || s.communityReviewSlots == 0
        || s.appealFilingSlots + static_cast<Uint128>(s.communityReviewSlots) >= s.appealWindowSlots)
        return bad("An appeal's filing time and community review must be positive and end before the appeal "
                   "window does, leaving time for the authority review.");
    if (static_cast<Uint128>(evidenceWindowSlots) + s.appealWindowSlots >= s.unbondingSlots)
        return bad("The evidence window plus the appeal window must be shorter than the unbonding period, so "
                   "stake is still bonded when evidence of an offence arrives and still there to give back "
                   "when an appeal succeeds.");
    if (s.transactionFee == 0 || s.proposalDeposit == 0)
        return bad("The transaction fee and the proposal deposit must be positive: they are the price of "
                   "block space and of a vote's attention.");
    if (s.downtimeMinDuties == 0 || s.downtimeMinDuties > 32 || s.downtimeThresholdBps == 0
        || s.downtimeThresholdBps > kBasisPointsFull)
        return bad("Downtime is judged from 1 to 32 duties, with a threshold above 0 and at most 100 %.");
    std::uint64_t weights = 0;
    for (const std::uint32_t w : s.classWeightsBps)
        weights += w;
    if (weights != kBasisPointsFull || s.classWeightsBps[0] == 0)
        return bad("The voter classes' weights must add up to 100 %, with a weight for the authorities.");
    if (s.standardQuorumBps == 0 || s.standardQuorumBps > kBasisPointsFull || s.constitutionalQuorumBps > kBasisPointsFull
        || s.constitutionalQuorumBps < s.standardQuorumBps || s.standardPassBps < kBasisPointsFull / 2
        || s.standardPassBps >= kBasisPointsFull || s.constitutionalPassBps > kBasisPointsFull
        || s.constitutionalPassBps < s.standardPassBps)
        return bad("A quorum is above 0 and at most 100 %; support is at least half and below 100 % for standard "
                   "proposals; the constitutional quorum and support are at least the standard ones.");
    if (s.emergencyVotingSlots == 0 || s.standardVotingSlots == 0 || s.constitutionalVotingSlots < s.standardVotingSlots
        || s.constitutionalWaitSlots < s.standardWaitSlots)
        return bad("Every vote lasts at least a slot; a constitutional proposal votes and waits at least as long "
                   "as a standard one.");
    return Status::success();
}

TallyResult tally(const std::array<ClassTally, kVoterClasses> &classes, const TallyRule &rule)
{
    // Each class: turnout = votes / eligible, support = yes / (yes + no),
    // in parts of 10^12 so small classes and large ones round alike; then
    // the weighted means over the classes that take part.
    constexpr Uint128 kScale = 1'000'000'000'000ULL;
    Uint128 turnout = 0, turnoutWeight = 0, support = 0, supportWeight = 0;
    for (std::size_t c = 0; c < kVoterClasses; ++c) {
        const ClassTally &t = classes[c];
        const Uint128 w = rule.weightsBps[c];
        if (t.eligible > 0 && w > 0) {
            const Uint128 cast = static_cast<Uint128>(t.yes) + t.no + t.abstain;
            const Uint128 share = std::min<Uint128>(cast, t.eligible) * kScale / t.eligible;
            turnout += w * share;
            turnoutWeight += w;
        }
        const Uint128 decided = static_cast<Uint128>(t.yes) + t.no;
        if (decided > 0 && w > 0) {
            support += w * (static_cast<Uint128>(t.yes) * kScale / decided);
            supportWeight += w;
        }
    }
    TallyResult r;
    // Compared exactly, reported in basis points rounded down.
    const Uint128 turnoutScaled = turnoutWeight ? turnout / turnoutWeight : 0;   // in kScale
    const Uint128 supportScaled = supportWeight ? support / supportWeight : 0;
    r.turnoutBps = static_cast<std::uint32_t>(turnoutScaled * kBasisPointsFull / kScale);
    r.supportBps = static_cast<std::uint32_t>(supportScaled * kBasisPointsFull / kScale);
    r.quorumMet = turnoutWeight > 0 && turnoutScaled * kBasisPointsFull >= static_cast<Uint128>(rule.quorumBps) * kScale;
    const Uint128 supportNeed = static_cast<Uint128>(rule.passBps) * kScale;
    const Uint128 supportHave = supportScaled * kBasisPointsFull;
    r.passed = r.quorumMet && supportWeight > 0
               && (rule.strictlyAbove ? supportHave > supportNeed : supportHave >= supportNeed);
    return r;
}

void encodeTo(codec::Writer &w, const ParameterSetting &v)
{
    w.enumeration(v.param);
    w.u64(v.value);
}

void decodeFrom(codec::Reader &r, ParameterSetting &v)
{
    r.value(v.param);
    v.value = r.u64();
}

void encodeTo(codec::Writer &w, const ProposalPayload &v)
{
    w.enumeration(v.type);
    w.string(v.title);
    w.string(v.text);
    w.list(v.settings);
    w.u32(v.upgradeVersion);
    w.u64(v.upgradeSlot);
    w.u64(v.deposit);
}

void decodeFrom(codec::Reader &r, ProposalPayload &v)
{
    r.value(v.type);
    v.title = r.string(kMaxProposalTitle, "proposal title");
    v.text = r.string(kMaxProposalText, "proposal text");
    r.list(v.settings, kMaxProposalSettings, "proposal settings", 9);
    v.upgradeVersion = r.u32();
    v.upgradeSlot = r.u64();
    v.deposit = r.u64();
}

void encodeTo(codec::Writer &w, const GovernanceVotePayload &v)
{
    w.fixed(v.proposal);
    w.enumeration(v.choice);
    w.u64(v.communityAmount);
}

void decodeFrom(codec::Reader &r, GovernanceVotePayload &v)
{
    r.fixed(v.proposal);
    r.value(v.choice);
    v.communityAmount = r.u64();
}

void encodeTo(codec::Writer &w, const ClassTally &v)
{
    w.u64(v.yes);
    w.u64(v.no);
    w.u64(v.abstain);
    w.u64(v.eligible);
}

void decodeFrom(codec::Reader &r, ClassTally &v)
{
    v.yes = r.u64();
    v.no = r.u64();
    v.abstain = r.u64();
    v.eligible = r.u64();
}

void encodeTo(codec::Writer &w, const Proposal &v)
{
    w.fixed(v.id);
    w.enumeration(v.type);
    w.enumeration(v.track);
    w.fixed(v.proposer);
    w.string(v.title);
    w.string(v.text);
    w.list(v.settings);
    w.u32(v.upgradeVersion);
    w.u64(v.upgradeSlot);
    w.u64(v.deposit);
    w.enumeration(v.depositFate);
    w.u64(v.submittedSlot);
    w.u64(v.votingEndSlot);
    w.u64(v.enactSlot);
    w.u64(v.closedSlot);
    w.u64(v.enactedSlot);
    w.enumeration(v.status);
    for (const auto &c : v.classes)
        encodeTo(w, c);
    for (const std::uint32_t weight : v.rule.weightsBps)
        w.u32(weight);
    w.u32(v.rule.quorumBps);
    w.u32(v.rule.passBps);
    w.boolean(v.rule.strictlyAbove);
    w.u32(v.result.turnoutBps);
    w.u32(v.result.supportBps);
    w.boolean(v.result.quorumMet);
    w.boolean(v.result.passed);
    w.u32(v.voteCount);
    w.u32(v.validatorVotes);
    w.string(v.outcome);
}

void decodeFrom(codec::Reader &r, Proposal &v)
{
    r.fixed(v.id);
    r.value(v.type);
    r.value(v.track);
    r.fixed(v.proposer);
    v.title = r.string(kMaxProposalTitle, "proposal title");
    v.text = r.string(kMaxProposalText, "proposal text");
    r.list(v.settings, kMaxProposalSettings, "proposal settings", 9);
    v.upgradeVersion = r.u32();
    v.upgradeSlot = r.u64();
    v.deposit = r.u64();
    r.value(v.depositFate);
    v.submittedSlot = r.u64();
    v.votingEndSlot = r.u64();
    v.enactSlot = r.u64();
    v.closedSlot = r.u64();
    v.enactedSlot = r.u64();
    r.value(v.status);
    for (auto &c : v.classes)
        decodeFrom(r, c);
    for (std::uint32_t &weight : v.rule.weightsBps)
        weight = r.u32AtMost(kBasisPointsFull, "class weight");
    v.rule.quorumBps = r.u32AtMost(kBasisPointsFull, "quorum");
    v.rule.passBps = r.u32AtMost(kBasisPointsFull, "support threshold");
    v.rule.strictlyAbove = r.boolean();
    v.result.turnoutBps = r.u32AtMost(kBasisPointsFull, "turnout");
    v.result.supportBps = r.u32AtMost(kBasisPointsFull, "support");
    v.result.quorumMet = r.boolean();
    v.result.passed = r.boolean();
    v.voteCount = r.u32();
    v.validatorVotes = r.u32();
    v.outcome = r.string(kMaxProposalText, "proposal outcome");
}

void encodeTo(codec::Writer &w, const GovernanceVoteRecord &v)
{
    w.fixed(v.voter);
    w.enumeration(v.choice);
    w.u64(v.slot);
    w.u8(v.classMask);
    w.u64(v.communityWeight);
    w.u64(v.validatorWeight);
}

void decodeFrom(codec::Reader &r, GovernanceVoteRecord &v)
{
    r.fixed(v.voter);
    r.value(v.choice);
    v.slot = r.u64();
    v.classMask = r.u8();
    v.communityWeight = r.u64();
    v.validatorWeight = r.u64();
}

std::uint64_t BalanceLock::lockedAt(std::uint64_t slot) const
{
    std::uint64_t locked = 0;
    for (const BalanceHold &h : holds)
        if (h.untilSlot > slot)
            locked = std::max(locked, h.amount);
    return locked;
}

std::uint64_t BalanceLock::freeFrom(std::uint64_t slot) const
{
    std::uint64_t until = 0;
    for (const BalanceHold &h : holds)
        if (h.untilSlot > slot)
            until = std::max(until, h.untilSlot);
    return until;
}

void BalanceLock::hold(std::uint64_t amount, std::uint64_t untilSlot, std::uint64_t slot)
{
    std::erase_if(holds, [slot](const BalanceHold &h) { return h.untilSlot <= slot; });
    const auto it = std::lower_bound(holds.begin(), holds.end(), untilSlot,
                                     [](const BalanceHold &h, std::uint64_t u) { return h.untilSlot < u; });
    if (it != holds.end() && it->untilSlot == untilSlot)
        it->amount = std::max(it->amount, amount);
    else
        holds.insert(it, {amount, untilSlot});
    // A hold that ends no later than another at least as large adds nothing
    // (holds are sorted by untilSlot and unique in it: a later one dominates
    // when it is at least as large).
    std::vector<BalanceHold> kept;
    std::uint64_t largestLater = 0;
    for (auto h = holds.rbegin(); h != holds.rend(); ++h) {
        if (h->amount > largestLater || kept.empty()) {
            kept.push_back(*h);
            largestLater = std::max(largestLater, h->amount);
        }
    }
    holds.assign(kept.rbegin(), kept.rend());
    if (holds.size() > kMaxBalanceHolds)   // never reached: each hold is an open vote
        holds.erase(holds.begin());
}

void encodeTo(codec::Writer &w, const BalanceHold &v)
{
    w.u64(v.amount);
    w.u64(v.untilSlot);
}

void decodeFrom(codec::Reader &r, BalanceHold &v)
{
    v.amount = r.u64();
    v.untilSlot = r.u64();
}

void encodeTo(codec::Writer &w, const BalanceLock &v)
{
    w.list(v.holds);
}

void decodeFrom(codec::Reader &r, BalanceLock &v)
{
    r.list(v.holds, kMaxBalanceHolds, "balance holds", 16);
}

void encodeTo(codec::Writer &w, const ScheduledUpgrade &v)
{
    w.u32(v.version);
    w.u64(v.slot);
    w.fixed(v.proposal);
}

void decodeFrom(codec::Reader &r, ScheduledUpgrade &v)
{
    v.version = r.u32();
    v.slot = r.u64();
    r.fixed(v.proposal);
}

} // namespace gtx::state
