#include "core/types/slashing.h"

namespace gtx {

static_assert(slashingPenalty(SlashingTier::Minor).minBps == 100);
static_assert(slashingPenalty(SlashingTier::Critical).maxBps == 10000);

std::string_view toString(SlashingReason reason)
{
    switch (reason) {
    case SlashingReason::DoubleProduction:
        return "double-production";
    case SlashingReason::EnergyFalsification:
        return "energy-falsification";
    case SlashingReason::GridViolation:
        return "grid-violation";
    case SlashingReason::DowntimeExcess:
        return "downtime-excess";
    case SlashingReason::MaliciousBehavior:
        return "malicious-behavior";
    }
    return "unknown";
}

// Every step's fraction lies in its tier's range.
static_assert([] {
    for (std::uint32_t i = 0; i < kSlashingSteps; ++i) {
        const SlashingDecision d = slashingStep(i);
        const SlashingPenalty p = slashingPenalty(d.tier);
        if (d.fractionBps < p.minBps || d.fractionBps > p.maxBps || d.suspension != p.suspension)
            return false;
    }
    return true;
}());

std::string_view toString(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return "low";
    case Severity::Medium:
        return "medium";
    case Severity::High:
        return "high";
    }
    return "unknown";
}

std::string_view toString(SlashingTier tier)
{
    switch (tier) {
    case SlashingTier::Minor:
        return "minor";
    case SlashingTier::Major:
        return "major";
    case SlashingTier::Critical:
        return "critical";
    }
    return "unknown";
}

std::string_view toString(Suspension suspension)
{
    switch (suspension) {
    case Suspension::Temporary:
        return "temporary";
    case Suspension::Extended:
        return "extended";
    case Suspension::Permanent:
        return "permanent";
    }
    return "unknown";
}

} // namespace gtx
