#include "core/types/validator.h"

namespace gtx {

Status ValidatorCandidate::validate() const
{
    if (publicKey.isZero())
        return makeError("validator.no_key", "The validator candidate has no public key.");
    if (stakeAmount < kMinValidatorStakeMicroGt)
        return makeError("validator.stake_too_low",
                         "A validator candidate must stake at least 10,000 GT.");
    if (uptimeHistoryPpm > kPpmFull)
        return makeError("validator.bad_uptime",
                         "The validator's uptime cannot exceed 100% (1,000,000 ppm).");
    return Status::success();
}

void encodeTo(codec::Writer &w, const EnergyCredentials &v)
{
    w.u64(v.registeredCapacityWatts);
    w.u64(v.verifiedEnergyWh);
    w.u32(v.verifiedMeters);
}

void decodeFrom(codec::Reader &r, EnergyCredentials &v)
{
    v.registeredCapacityWatts = r.u64();
    v.verifiedEnergyWh = r.u64();
    v.verifiedMeters = r.u32();
}

void encodeTo(codec::Writer &w, const ValidatorCandidate &v)
{
    w.fixed(v.publicKey);
    w.u64(v.stakeAmount);
    w.value(v.energyCredentials);
    w.u32(v.uptimeHistoryPpm);
    w.value(v.geographicDistribution);
    w.u64(v.reputationScore);
}

void decodeFrom(codec::Reader &r, ValidatorCandidate &v)
{
    r.fixed(v.publicKey);
    v.stakeAmount = r.u64();
    r.value(v.energyCredentials);
    v.uptimeHistoryPpm = r.u32AtMost(kPpmFull, "uptime (ppm)");
    r.value(v.geographicDistribution);
    v.reputationScore = r.u64();
}

void encodeTo(codec::Writer &w, const ValidatorPerformance &v)
{
    w.u64(v.blocksProduced);
    w.u64(v.blocksMissed);
    w.u64(v.responseTimeAvgMs);
    w.u32(v.energyAccuracyPpm);
    w.u32(v.networkContributionPpm);
    w.u32(v.slashingIncidents);
}

void decodeFrom(codec::Reader &r, ValidatorPerformance &v)
{
    v.blocksProduced = r.u64();
    v.blocksMissed = r.u64();
    v.responseTimeAvgMs = r.u64();
    v.energyAccuracyPpm = r.u32AtMost(kPpmFull, "energy accuracy (ppm)");
    v.networkContributionPpm = r.u32AtMost(kPpmFull, "network contribution (ppm)");
    v.slashingIncidents = r.u32();
}

} // namespace gtx
