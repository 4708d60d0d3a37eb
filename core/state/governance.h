#pragma once

// Governance as the state records it (docs/protocol.md, "Governance"):
// proposals with their deposit, timeline and tally by voter class, the
// parameters they can change, and the one tally rule.
//
// A proposal is voted on until votingEndSlot; its tally is then closed (the
// validators' weights as they stand at that moment, the community's as
// locked when they voted); a proposal that passed waits until enactSlot and
// then executes. An emergency proposal is voted on by the authorities
// alone and executes as soon as the authority quorum has approved it.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/governance.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtx::state {

using crypto::Hash256;
using crypto::PublicKey;

struct StakingParams;

// How long a proposal is voted on and waits, and what it needs to pass.
enum class ProposalTrack : std::uint8_t {
    Emergency = 0,        // the authorities; executes at once with the authority quorum
    Standard = 1,         // 7 days of voting, then 7 days before it executes
    Constitutional = 2,   // 30 days and 30 days: voting weights, thresholds, timelines
};
constexpr ProposalTrack kLastProposalTrack = ProposalTrack::Constitutional;
std::string_view toString(ProposalTrack track);

enum class VoteChoice : std::uint8_t {
    Yes = 0,
    No = 1,
    Abstain = 2,   // counts for the quorum, not for support
};
constexpr VoteChoice kLastVoteChoice = VoteChoice::Abstain;
std::string_view toString(VoteChoice choice);

// The four classes of voters and how each one's weight is measured.
enum class VoterClass : std::uint8_t {
    Authority = 0,         // one each
    StakeValidator = 1,    // its stake at the close, capped at the validator weight cap
    EnergyValidator = 2,   // its verified energy (Wh) at the close
    Community = 3,         // its balance when it voted, locked until the vote closes
};
constexpr std::size_t kVoterClasses = 4;
std::string_view toString(VoterClass c);

enum class ProposalStatus : std::uint8_t {
    Voting = 0,
    Passed = 1,     // waiting for enactSlot
    Rejected = 2,   // no quorum, or not enough support
    Enacted = 3,    // executed
    Failed = 4,     // passed, but its change no longer validated when it was due (outcome says why)
};
constexpr ProposalStatus kLastProposalStatus = ProposalStatus::Failed;
std::string_view toString(ProposalStatus status);

enum class DepositFate : std::uint8_t {
    Held = 0,       // while the vote is open
    Returned = 1,   // the vote reached its quorum (passed or not)
    Burned = 2,     // the vote did not reach its quorum
    None = 3,       // an emergency proposal carries none
};
constexpr DepositFate kLastDepositFate = DepositFate::None;
std::string_view toString(DepositFate fate);

// The parameters governance changes, each with the track it needs and the
// proposal types that may carry it (the one table: governedParams()).
// The unbonding period is not one: unbonding entries made under another
// period would fall outside the slash's reach (it needs a technical upgrade).
enum class GovernedParam : std::uint8_t {
    TransactionFee = 0,    // micro-GT
    AppealWindowSlots = 1,
    AppealFilingSlots = 2,
    CommunityReviewSlots = 3,
    TemporarySuspensionSlots = 4,
    ExtendedSuspensionSlots = 5,
    DowntimeMinDuties = 6,
    DowntimeThresholdBps = 7,
    ProposalDeposit = 8,    // micro-GT
    TradeSettlementWindowMs = 9,    // market rule
    AuthorityWeightBps = 10,    // constitutional from here on
    StakeValidatorWeightBps = 11,
    EnergyValidatorWeightBps = 12,
    CommunityWeightBps = 13,
    StandardQuorumBps = 14,
    StandardPassBps = 15,
    ConstitutionalQuorumBps = 16,
    ConstitutionalPassBps = 17,
    StandardVotingSlots = 18,
    StandardWaitSlots = 19,
    ConstitutionalVotingSlots = 20,
    ConstitutionalWaitSlots = 21,
    EmergencyVotingSlots = 22,
};
constexpr GovernedParam kLastGovernedParam = GovernedParam::EmergencyVotingSlots;

struct GovernedParamInfo
{
    GovernedParam param;
    std::string_view name;   // as scenarios and the command line spell it
    bool constitutional;     // needs the constitutional track
    bool marketRule;         // carried by market-rule proposals (the others by parameter changes)
};
// Every governed parameter, in enum order.
const std::array<GovernedParamInfo, static_cast<std::size_t>(kLastGovernedParam) + 1> &governedParams();
std::optional<GovernedParam> governedParamNamed(std::string_view name);

struct ParameterSetting
{
    GovernedParam param = GovernedParam::TransactionFee;
    std::uint64_t value = 0;
    bool operator==(const ParameterSetting &) const = default;
};

constexpr std::size_t kMaxProposalTitle = 200;    // bytes
constexpr std::size_t kMaxProposalText = 4000;    // bytes: the rationale, or the rule or procedure adopted
constexpr std::size_t kMaxProposalSettings = 16;

// TransactionKind::GovernanceProposal. `settings` for parameter changes,
// market rules and emergency protocols (which may carry only parameters of
// the standard track); `upgradeVersion` and `upgradeSlot` for a technical
// upgrade (nodes whose chain-rules version is below it stop at that slot).
// The deposit is taken from the sender's balance with the fee; an
// emergency proposal is an authority's and carries none.
struct ProposalPayload
{
    ProposalType type = ProposalType::ParameterChange;
    std::string title;
    std::string text;
    std::vector<ParameterSetting> settings;
    std::uint32_t upgradeVersion = 0;
    std::uint64_t upgradeSlot = 0;
    std::uint64_t deposit = 0;
    bool operator==(const ProposalPayload &) const = default;
};

// TransactionKind::GovernanceVote: one vote per key and proposal, final.
// `communityAmount`: how much of the voter's balance votes in the community
// class and is locked until the vote closes (at most the balance left after
// the fee; kWholeBalance: all of it; 0: none, for a validator that keeps its
// balance free).
constexpr std::uint64_t kWholeBalance = UINT64_MAX;
struct GovernanceVotePayload
{
    Hash256 proposal;
    VoteChoice choice = VoteChoice::Yes;
    std::uint64_t communityAmount = kWholeBalance;
    bool operator==(const GovernanceVotePayload &) const = default;
};

// One class's votes. Units: authorities (count), micro-GT, Wh, micro-GT.
// Invariant once closed: yes + no + abstain <= eligible.
struct ClassTally
{
    std::uint64_t yes = 0;
    std::uint64_t no = 0;
    std::uint64_t abstain = 0;
    std::uint64_t eligible = 0;   // the whole class's weight at the close
    bool operator==(const ClassTally &) const = default;
};

// The tally rule's inputs besides the classes' votes.
struct TallyRule
{
    std::array<std::uint32_t, kVoterClasses> weightsBps{};   // sum to 10,000
    std::uint32_t quorumBps = 0;   // weighted turnout at least this
    std::uint32_t passBps = 0;     // weighted support above this (standard) or at least it (constitutional)
    bool strictlyAbove = true;
};

struct TallyResult
{
    std::uint32_t turnoutBps = 0;   // sum(w_c * turnout_c) / sum(w_c) over classes with eligible weight
    std::uint32_t supportBps = 0;   // sum(w_c * yes_c / (yes_c + no_c)) / sum(w_c) over classes with yes or no
    bool quorumMet = false;
    bool passed = false;
    bool operator==(const TallyResult &) const = default;
};

// The one tally rule: each class normalised within itself, then weighted
// (docs/protocol.md, "Governance"). Rounds down, in 128-bit arithmetic.
TallyResult tally(const std::array<ClassTally, kVoterClasses> &classes, const TallyRule &rule);

// The tally of an open vote as it would close now (State::projectedTally()).
struct ProjectedTally
{
    std::array<ClassTally, kVoterClasses> classes{};
    TallyResult result;
};

// A proposal and its whole history. Invariants: votingEndSlot > submittedSlot;
// enactSlot is set when it passed (votingEndSlot + the track's wait, or the
// slot the emergency quorum was reached); deposit is held in
// supply.governanceDeposits exactly while depositFate is Held.
struct Proposal
{
    Hash256 id;   // the proposing transaction's id
    ProposalType type = ProposalType::ParameterChange;
    ProposalTrack track = ProposalTrack::Standard;
    PublicKey proposer;
    std::string title;
    std::string text;
    std::vector<ParameterSetting> settings;
    std::uint32_t upgradeVersion = 0;
    std::uint64_t upgradeSlot = 0;
    std::uint64_t deposit = 0;
    DepositFate depositFate = DepositFate::Held;
    std::uint64_t submittedSlot = 0;
    std::uint64_t votingEndSlot = 0;   // votes until this slot (exclusive)
    std::uint64_t enactSlot = 0;       // executes at this slot (once passed)
    std::uint64_t closedSlot = 0;      // the tally was closed (0: still voting)
    std::uint64_t enactedSlot = 0;     // executed, or failed (0: not yet)
    ProposalStatus status = ProposalStatus::Voting;
    std::array<ClassTally, kVoterClasses> classes{};
    TallyRule rule;          // as it stood when the proposal was made
    TallyResult result;      // at the close
    std::uint32_t voteCount = 0;        // every vote: entries of their own
    std::uint32_t validatorVotes = 0;   // of them, by validators (weighed at the close)
    std::string outcome;     // why it failed, or what it changed
    bool operator==(const Proposal &) const = default;
};

// One key's vote. classMask: bit c set for each VoterClass it counted in
// when cast (a validator's class weight is only known at the close).
struct GovernanceVoteRecord
{
    PublicKey voter;
    VoteChoice choice = VoteChoice::Yes;
    std::uint64_t slot = 0;
    std::uint8_t classMask = 0;
    std::uint64_t communityWeight = 0;   // micro-GT locked
    std::uint64_t validatorWeight = 0;   // micro-GT or Wh, set at the close
    bool operator==(const GovernanceVoteRecord &) const = default;
};

// Balance a community vote holds until its vote closes: one hold per open
// vote (the same slot's merged), so a small vote on a long proposal does not
// keep a large one's lock. At any slot the locked amount is the largest hold
// still open (the same tokens may vote on several proposals). Expired holds
// are dropped whenever the lock is written. Invariant: at most one hold per
// untilSlot, holds sorted by untilSlot.
struct BalanceHold
{
    std::uint64_t amount = 0;
    std::uint64_t untilSlot = 0;   // spendable again from this slot
    bool operator==(const BalanceHold &) const = default;
};
constexpr std::size_t kMaxBalanceHolds = 512;   // beyond the open proposals a key can vote on
struct BalanceLock
{
    std::vector<BalanceHold> holds;
    // The amount locked at `slot`, and the slot from which all of it is free.
    std::uint64_t lockedAt(std::uint64_t slot) const;
    std::uint64_t freeFrom(std::uint64_t slot) const;
    // Adds a hold, dropping those expired by `slot`.
    void hold(std::uint64_t amount, std::uint64_t untilSlot, std::uint64_t slot);
    bool operator==(const BalanceLock &) const = default;
};

// The chain rules version a chain starts with.
constexpr std::uint32_t kGenesisChainRulesVersion = 1;

// A technical upgrade governance scheduled: from `slot` on, a node whose
// chain-rules version is below `version` stops. Versions only rise: an
// upgrade names a version above the one scheduled last (or the genesis one).
struct ScheduledUpgrade
{
    std::uint32_t version = 0;
    std::uint64_t slot = 0;
    Hash256 proposal;
    bool operator==(const ScheduledUpgrade &) const = default;
};

// The track a proposal of this type with these settings needs.
ProposalTrack trackOf(ProposalType type, const std::vector<ParameterSetting> &settings);
// A governed parameter's value, and setting one (the trade settlement
// window is a market rule's, kept beside the staking parameters).
std::uint64_t paramValue(const StakingParams &params, std::int64_t tradeSettlementWindowMs, GovernedParam param);
void setParam(StakingParams &params, std::int64_t &tradeSettlementWindowMs, GovernedParam param, std::uint64_t value);

constexpr codec::EnumRange<ProposalTrack> codecEnumRange(ProposalTrack) { return {kLastProposalTrack, "proposal track"}; }
constexpr codec::EnumRange<VoteChoice> codecEnumRange(VoteChoice) { return {kLastVoteChoice, "vote choice"}; }
constexpr codec::EnumRange<ProposalStatus> codecEnumRange(ProposalStatus) { return {kLastProposalStatus, "proposal status"}; }
constexpr codec::EnumRange<DepositFate> codecEnumRange(DepositFate) { return {kLastDepositFate, "deposit fate"}; }
constexpr codec::EnumRange<GovernedParam> codecEnumRange(GovernedParam) { return {kLastGovernedParam, "governed parameter"}; }

void encodeTo(codec::Writer &w, const ParameterSetting &v);
void decodeFrom(codec::Reader &r, ParameterSetting &v);
void encodeTo(codec::Writer &w, const ProposalPayload &v);
void decodeFrom(codec::Reader &r, ProposalPayload &v);
void encodeTo(codec::Writer &w, const GovernanceVotePayload &v);
void decodeFrom(codec::Reader &r, GovernanceVotePayload &v);
void encodeTo(codec::Writer &w, const ClassTally &v);
void decodeFrom(codec::Reader &r, ClassTally &v);
void encodeTo(codec::Writer &w, const Proposal &v);
void decodeFrom(codec::Reader &r, Proposal &v);
void encodeTo(codec::Writer &w, const GovernanceVoteRecord &v);
void decodeFrom(codec::Reader &r, GovernanceVoteRecord &v);
void encodeTo(codec::Writer &w, const BalanceHold &v);
void decodeFrom(codec::Reader &r, BalanceHold &v);
void encodeTo(codec::Writer &w, const BalanceLock &v);
void decodeFrom(codec::Reader &r, BalanceLock &v);
void encodeTo(codec::Writer &w, const ScheduledUpgrade &v);
void decodeFrom(codec::Reader &r, ScheduledUpgrade &v);

} // namespace gtx::state
