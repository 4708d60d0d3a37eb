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

std::string_view toString(SlashingReason reason);
std::string_view toString(SlashingTier tier);
std::string_view toString(Suspension suspension);

constexpr codec::EnumRange<SlashingReason> codecEnumRange(SlashingReason) { return {kLastSlashingReason, "slashing reason"}; }
constexpr codec::EnumRange<SlashingTier> codecEnumRange(SlashingTier) { return {kLastSlashingTier, "slashing tier"}; }
constexpr codec::EnumRange<Suspension> codecEnumRange(Suspension) { return {kLastSuspension, "suspension"}; }

} // namespace gtx
