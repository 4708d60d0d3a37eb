#pragma once

// Why and how hard a validator is slashed.

#include "core/codec/codec.h"

#include <cstdint>
#include <string_view>

namespace gtx {

enum class SlashingReason : std::uint8_t {
    DoubleProduction = 0,     // two blocks for one slot
    EnergyFalsification = 1,  // a false energy proof or validation
    GridViolation = 2,        // acted against a grid operator's constraint
    DowntimeExcess = 3,       // missed too many duties
    MaliciousBehavior = 4,
};
constexpr SlashingReason kLastSlashingReason = SlashingReason::MaliciousBehavior;

enum class SlashingTier : std::uint8_t {
    Minor = 0,      // 1-5% of stake, temporary suspension
    Major = 1,      // 10-30% of stake, extended suspension
    Critical = 2,   // 50-100% of stake, permanent ban
};
constexpr SlashingTier kLastSlashingTier = SlashingTier::Critical;

enum class Suspension : std::uint8_t {
    Temporary = 0,
    Extended = 1,
    Permanent = 2,
};
constexpr Suspension kLastSuspension = Suspension::Permanent;

// The share of stake a tier takes, in basis points, and its suspension.
struct SlashingPenalty
{
    std::uint32_t minBps;
    std::uint32_t maxBps;
    Suspension suspension;
};

constexpr SlashingPenalty slashingPenalty(SlashingTier tier)
{
    switch (tier) {
    case SlashingTier::Minor:
        return {100, 500, Suspension::Temporary};
    case SlashingTier::Major:
        return {1000, 3000, Suspension::Extended};
    case SlashingTier::Critical:
        return {5000, 10000, Suspension::Permanent};
    }
    return {5000, 10000, Suspension::Permanent};
}

// How grave one offence of a reason is (docs/protocol.md, "Slashing").
enum class Severity : std::uint8_t {
    Low = 0,
    Medium = 1,
    High = 2,
};
constexpr Severity kLastSeverity = Severity::High;

// The slashing ladder: eight steps from 1% with a temporary suspension to
// 100% with a permanent ban. A reason and severity give the first step; each
// earlier case of the same offender (not cancelled) climbs two steps, up to
// the top. Every fraction lies in its tier's range (slashingPenalty()).
struct SlashingDecision
{
    SlashingTier tier = SlashingTier::Minor;
    std::uint32_t fractionBps = 0;
    Suspension suspension = Suspension::Temporary;
    bool operator==(const SlashingDecision &) const = default;
};

constexpr std::uint32_t kSlashingSteps = 8;

constexpr SlashingDecision slashingStep(std::uint32_t step)
{
    constexpr SlashingDecision ladder[kSlashingSteps] = {
        {SlashingTier::Minor, 100, Suspension::Temporary},
        {SlashingTier::Minor, 300, Suspension::Temporary},
        {SlashingTier::Minor, 500, Suspension::Temporary},
        {SlashingTier::Major, 1000, Suspension::Extended},
        {SlashingTier::Major, 2000, Suspension::Extended},
        {SlashingTier::Major, 3000, Suspension::Extended},
        {SlashingTier::Critical, 5000, Suspension::Permanent},
        {SlashingTier::Critical, 10000, Suspension::Permanent},
    };
    return ladder[step < kSlashingSteps ? step : kSlashingSteps - 1];
}

// The first step of a reason at a severity.
constexpr std::uint32_t slashingBaseStep(SlashingReason reason, Severity severity)
{
    const std::uint32_t s = static_cast<std::uint32_t>(severity);
    switch (reason) {
    case SlashingReason::DowntimeExcess:
        return 0 + s;   // 1%, 3%, 5%
    case SlashingReason::GridViolation:
        return 1 + s;   // 3%, 5%, 10%
    case SlashingReason::DoubleProduction:
        return 3 + s;   // 10%, 20%, 30%
    case SlashingReason::EnergyFalsification:
        return 4 + s;   // 20%, 30%, 50%
    case SlashingReason::MaliciousBehavior:
        return 6 + s;   // 50%, 100%, 100%
    }
    return kSlashingSteps - 1;
}

constexpr SlashingDecision decideSlashing(SlashingReason reason, Severity severity, std::uint32_t priorCases)
{
    const std::uint32_t climb = priorCases < kSlashingSteps ? 2 * priorCases : kSlashingSteps;
    return slashingStep(slashingBaseStep(reason, severity) + climb);
}

std::string_view toString(SlashingReason reason);
std::string_view toString(Severity severity);
std::string_view toString(SlashingTier tier);
std::string_view toString(Suspension suspension);

constexpr codec::EnumRange<SlashingReason> codecEnumRange(SlashingReason) { return {kLastSlashingReason, "slashing reason"}; }
constexpr codec::EnumRange<SlashingTier> codecEnumRange(SlashingTier) { return {kLastSlashingTier, "slashing tier"}; }
constexpr codec::EnumRange<Severity> codecEnumRange(Severity) { return {kLastSeverity, "severity"}; }
constexpr codec::EnumRange<Suspension> codecEnumRange(Suspension) { return {kLastSuspension, "suspension"}; }

} // namespace gtx
