#pragma once

// Validator candidates and their measured performance.

#include "core/codec/codec.h"
#include "core/crypto/signature.h"
#include "core/types/grid_zone.h"
#include "core/types/units.h"

#include <cstdint>

namespace gtx {

using crypto::PublicKey;

// The smallest stake a validator candidate may bond: 10,000 GT.
constexpr std::uint64_t kMinValidatorStakeMicroGt = gtToMicro(10'000);

// What a candidate contributes to the grid, as verified by the authorities.
struct EnergyCredentials
{
    std::uint64_t registeredCapacityWatts = 0;  // registered generation capacity
    std::uint64_t verifiedEnergyWh = 0;         // verified production over the trailing window
    std::uint32_t verifiedMeters = 0;           // meters whose readings were verified

    bool operator==(const EnergyCredentials &) const = default;
};

struct ValidatorCandidate
{
    PublicKey publicKey;
    std::uint64_t stakeAmount = 0;              // micro-GT; at least kMinValidatorStakeMicroGt
    EnergyCredentials energyCredentials;
    std::uint32_t uptimeHistoryPpm = 0;         // uptime over the trailing window, ppm
    GridZone geographicDistribution;            // the candidate's grid zone
    std::uint64_t reputationScore = 0;

    // Errors: "validator.no_key", "validator.stake_too_low", "validator.bad_uptime".
    Status validate() const;

    bool operator==(const ValidatorCandidate &) const = default;
};

struct ValidatorPerformance
{
    std::uint64_t blocksProduced = 0;
    std::uint64_t blocksMissed = 0;
    std::uint64_t responseTimeAvgMs = 0;
    std::uint32_t energyAccuracyPpm = 0;        // share of its energy validations found correct
    std::uint32_t networkContributionPpm = 0;   // share of the network's work it did
    std::uint32_t slashingIncidents = 0;

    bool operator==(const ValidatorPerformance &) const = default;
};

void encodeTo(codec::Writer &w, const EnergyCredentials &v);
void decodeFrom(codec::Reader &r, EnergyCredentials &v);
void encodeTo(codec::Writer &w, const ValidatorCandidate &v);
void decodeFrom(codec::Reader &r, ValidatorCandidate &v);
void encodeTo(codec::Writer &w, const ValidatorPerformance &v);
void decodeFrom(codec::Reader &r, ValidatorPerformance &v);

} // namespace gtx
