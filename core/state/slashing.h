#pragma once

// Slashing as the state records it (docs/protocol.md, "Slashing"): one case
// per offence, the stake it took and from where, and each validator's
// recent stake changes, from which the stake at an infraction is known.
//
// A case is keyed by the offence's key (offenceKey()), so two pieces of
// evidence of one offence make one case: an offence is never slashed twice.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/energy/reading.h"
#include "core/types/evidence.h"
#include "core/types/slashing.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace gtx::state {

using crypto::Hash256;

// A suspension that never ends.
constexpr std::uint64_t kBannedForever = std::numeric_limits<std::uint64_t>::max();

enum class CaseStatus : std::uint8_t {
    Pending = 0,     // the stake is held in supply.pendingSlashes until executeSlot
    Executed = 1,    // burned
    Cancelled = 2,   // overturned on appeal: every part given back where it was
    Refunded = 3,    // executed, then refunded on a court order (to the parties' balances)
};
constexpr CaseStatus kLastCaseStatus = CaseStatus::Refunded;

// The appeal's stages (docs/protocol.md, "Appeals"), in order.
enum class AppealStage : std::uint8_t {
    None = 0,        // no appeal filed
    Technical = 1,   // the evidence re-verified, at filing
    Community = 2,   // validators vote, by stake, until the community deadline
    Authority = 3,   // the authority quorum decides, until the case's executeSlot
    Closed = 4,      // decided: the case is cancelled, or stands
};
constexpr AppealStage kLastAppealStage = AppealStage::Closed;
std::string_view toString(AppealStage stage);

// What a SlashAppeal transaction does.
enum class AppealAction : std::uint8_t {
    File = 0,                // a party of the case appeals, with its grounds
    CommunityVote = 1,       // a validator votes to uphold or overturn
    AuthorityDecision = 2,   // an authority decides, with its reasoning
    CourtCase = 3,           // a party records the reference of its Thai court proceeding
    CourtRefund = 4,         // an authority, on a court order, refunds an executed slash
};
constexpr AppealAction kLastAppealAction = AppealAction::CourtRefund;
std::string_view toString(AppealAction action);

constexpr std::size_t kMaxAppealText = 2000;   // bytes of grounds, reasoning or a court reference

// TransactionKind::SlashAppeal. `uphold` is the vote or decision (File and
// CourtCase ignore it and must leave it false); `text` is the grounds, the
// reasoning, or the court's case or order reference.
struct AppealPayload
{
    AppealAction action = AppealAction::File;
    Hash256 caseId;
    bool uphold = false;
    std::string text;
    bool operator==(const AppealPayload &) const = default;
};

// One decision on the trail: who (zero for the automatic technical review),
// when, what and why.
struct AppealRecord
{
    AppealStage stage = AppealStage::Technical;
    AppealAction action = AppealAction::File;
    std::uint64_t slot = 0;
    PublicKey by;
    bool uphold = false;
    std::uint64_t weight = 0;   // a community vote's stake
    std::string text;
    bool operator==(const AppealRecord &) const = default;
};

// Invariants: stage is None exactly when trail is empty; upholdStake and
// overturnStake are the sums of the community votes (voteCount entries of
// their own, not on the trail); one vote or decision per key and stage.
struct Appeal
{
    AppealStage stage = AppealStage::None;
    PublicKey appellant;
    std::uint64_t filedSlot = 0;           // votes weigh the voters' stake as it was then
    std::uint64_t bondedAtFiling = 0;      // the community quorum's base
    std::uint64_t communityDeadline = 0;   // votes until this slot (exclusive)
    std::uint32_t voteCount = 0;           // its votes: entries of their own (State::appealVotes)
    std::uint64_t upholdStake = 0;
    std::uint64_t overturnStake = 0;
    std::string courtCase;                 // the Thai court proceeding's reference, once recorded
    std::vector<AppealRecord> trail;
    bool operator==(const Appeal &) const = default;
};
std::string_view toString(CaseStatus status);

// Where a part of a slash was taken from.
enum class StakeSource : std::uint8_t {
    Bond = 0,        // the party's self-bond (party = validator) or its delegation to `validator`
    Unbonding = 1,   // the party's unbonding entry (releaseSlot, party, validator)
};
constexpr StakeSource kLastStakeSource = StakeSource::Unbonding;

// Invariant: amount > 0; releaseSlot is 0 unless source is Unbonding.
struct SlashPart
{
    PublicKey party;       // whose stake it was
    PublicKey validator;   // the validator it was bonded to (the offender, or where it was redelegated)
    StakeSource source = StakeSource::Bond;
    std::uint64_t releaseSlot = 0;
    std::uint64_t amount = 0;
    bool operator==(const SlashPart &) const = default;
};

// What opened a case.
enum class CaseKind : std::uint8_t {
    Evidence = 0,   // two signed messages (evidence, offence)
    Downtime = 1,   // the validator's own proposer duties (dutiesMissed of dutiesCounted)
    EnergyData = 2, // two readings its meter signed for one interval (readings, meterKey)
};
constexpr CaseKind kLastCaseKind = CaseKind::EnergyData;

// Stake redelegated after an offence is followed this many hops.
constexpr int kMaxStakeHops = 3;

// One offence and its consequences. Invariants: amount = sum(parts.amount);
// for an authority, fractionBps applies to no tokens (parts is empty and
// governmentReview is set: its licence is a matter for the regulator, not a
// token slash); executeSlot = recordedSlot + the appeal window;
// suspendedUntilSlot is kBannedForever for a permanent suspension.
struct SlashCase
{
    Hash256 id;                 // offenceKey(evidence), or downtimeCaseId()
    CaseKind kind = CaseKind::Evidence;
    Hash256 evidenceId;         // evidenceIdOf(evidence) of the evidence that opened it (evidence cases)
    OffenceKind offence = OffenceKind::DoubleProposal;   // evidence cases
    std::uint32_t dutiesMissed = 0;    // downtime cases
    std::uint32_t dutiesCounted = 0;
    energy::DuplicateReadingEvidence readings;   // energy cases: both signed by meterKey
    PublicKey meterKey;
    PublicKey offender;
    bool authority = false;
    bool governmentReview = false;   // referred to the government, with a licence-revocation proposal
    SlashingReason reason = SlashingReason::DoubleProduction;
    Severity severity = Severity::Medium;
    std::uint32_t priorCases = 0;    // the offender's earlier cases, not cancelled
    SlashingTier tier = SlashingTier::Minor;
    std::uint32_t fractionBps = 0;
    Suspension suspension = Suspension::Temporary;
    std::uint64_t infractionSlot = 0;   // offenceSlot(evidence)
    std::uint64_t recordedSlot = 0;     // the block that carried the evidence
    std::uint64_t executeSlot = 0;      // the appeal window ends
    std::uint64_t suspendedUntilSlot = 0;
    std::uint64_t stakeAtInfraction = 0;   // summed over every party
    std::uint64_t amount = 0;              // taken
    std::uint64_t uncollected = 0;         // owed but no longer anywhere it could be taken from
    std::uint32_t partCount = 0;   // its parts: entries of their own (State::slashParts)
    CaseStatus status = CaseStatus::Pending;
    Evidence evidence;   // as carried, for the technical review and for auditors
    Appeal appeal;
    bool operator==(const SlashCase &) const = default;
};

// The reason and severity a consensus offence is judged by.
struct OffenceJudgement
{
    SlashingReason reason;
    Severity severity;
};
OffenceJudgement judgeOffence(OffenceKind kind);
// Downtime's severity from the share of duties missed: below 75% low,
// below 100% medium, every one high.
Severity downtimeSeverity(std::uint32_t missed, std::uint32_t counted);
// A downtime case's id: the validator and the slot it was judged in.
Hash256 downtimeCaseId(const PublicKey &validator, std::uint64_t slot);
// An energy case's id: the meter and the interval (one case however many
// readings it signed for it).
Hash256 energyCaseId(const Hash256 &meterId, std::int64_t intervalEndMs);

// One change of a party's stake in one validator, kept while evidence of an
// offence before it can still arrive (the evidence window).
enum class StakeChangeKind : std::uint8_t {
    Bonded = 0,           // self-bond or delegation added
    Unbonded = 1,         // moved into the unbonding queue
    RedelegatedIn = 2,    // moved here from `other`
    RedelegatedOut = 3,   // moved to `other`
    Slashed = 4,          // taken by a slash
    Restored = 5,         // given back by a cancelled slash
};
constexpr StakeChangeKind kLastStakeChangeKind = StakeChangeKind::Restored;

struct StakeChange
{
    std::uint64_t slot = 0;
    StakeChangeKind kind = StakeChangeKind::Bonded;
    std::uint64_t amount = 0;
    PublicKey other;   // the other validator of a redelegation
    bool operator==(const StakeChange &) const = default;
};

// A party's changes in one validator, oldest first.
struct StakeJournal
{
    std::vector<StakeChange> changes;
    bool operator==(const StakeJournal &) const = default;
};

// The party's stake in the validator at the start of `slot`, from its stake
// now and the changes made at or after `slot`.
std::uint64_t stakeAt(std::uint64_t now, const StakeJournal &journal, std::uint64_t slot);

// Per party and validator, at most this many changes are kept in a window
// (a further one merges into the newest change of its kind and slot, or is
// refused as state.busy_stake).
constexpr std::size_t kMaxStakeChanges = 1024;
// The cases of one offender kept in its history (the ladder tops out after
// four earlier cases, so dropping the oldest changes no decision).
constexpr std::size_t kMaxOffenderCases = 1024;   // beyond it the oldest is dropped

struct OffenderHistory
{
    std::vector<Hash256> cases;   // in the order they were opened
    bool operator==(const OffenderHistory &) const = default;
};

constexpr codec::EnumRange<CaseKind> codecEnumRange(CaseKind) { return {kLastCaseKind, "case kind"}; }
constexpr codec::EnumRange<CaseStatus> codecEnumRange(CaseStatus) { return {kLastCaseStatus, "case status"}; }
constexpr codec::EnumRange<AppealStage> codecEnumRange(AppealStage) { return {kLastAppealStage, "appeal stage"}; }
constexpr codec::EnumRange<AppealAction> codecEnumRange(AppealAction) { return {kLastAppealAction, "appeal action"}; }
constexpr codec::EnumRange<StakeSource> codecEnumRange(StakeSource) { return {kLastStakeSource, "stake source"}; }
constexpr codec::EnumRange<StakeChangeKind> codecEnumRange(StakeChangeKind)
{
    return {kLastStakeChangeKind, "stake change"};
}

void encodeTo(codec::Writer &w, const SlashPart &v);
void decodeFrom(codec::Reader &r, SlashPart &v);
void encodeTo(codec::Writer &w, const AppealPayload &v);
void decodeFrom(codec::Reader &r, AppealPayload &v);
void encodeTo(codec::Writer &w, const AppealRecord &v);
void decodeFrom(codec::Reader &r, AppealRecord &v);
void encodeTo(codec::Writer &w, const Appeal &v);
void decodeFrom(codec::Reader &r, Appeal &v);
void encodeTo(codec::Writer &w, const SlashCase &v);
void decodeFrom(codec::Reader &r, SlashCase &v);
void encodeTo(codec::Writer &w, const StakeChange &v);
void decodeFrom(codec::Reader &r, StakeChange &v);
void encodeTo(codec::Writer &w, const StakeJournal &v);
void decodeFrom(codec::Reader &r, StakeJournal &v);
void encodeTo(codec::Writer &w, const OffenderHistory &v);
void decodeFrom(codec::Reader &r, OffenderHistory &v);

} // namespace gtx::state
