#pragma once

// The rules of the hybrid consensus: an authority supermajority certifies
// blocks, stake-weighted attestation confirms them, and energy proofs are
// validated before readings are accepted.

#include "core/codec/codec.h"
#include "core/types/units.h"

#include <cstddef>
#include <cstdint>

namespace gtx {

struct ConsensusRules
{
    std::uint32_t authoritySupermajorityBps = 6700;  // share of authorities that must sign
    std::uint32_t stakeThresholdBps = 5100;          // share of stake that must attest
    bool energyValidationRequired = true;
    bool emergencyOverrideAllowed = true;

    // The supermajority must be above 2/3 and at most 100%; the stake
    // threshold above 50% and at most 100%. Error: "consensus.invalid_rules".
    Status validate() const;
    // The smallest q with q * 10000 >= authoritySupermajorityBps * authorityCount
    // (5 authorities at 6700 bps: 4).
    std::size_t authorityQuorum(std::size_t authorityCount) const;

    bool operator==(const ConsensusRules &) const = default;
};

// Optional performance features a network enables.
struct ConsensusOptimization
{
    bool parallelValidation = true;
    bool stateSharding = false;
    bool fastSync = true;
    bool checkpointFinality = true;

    bool operator==(const ConsensusOptimization &) const = default;
};

void encodeTo(codec::Writer &w, const ConsensusRules &v);
void decodeFrom(codec::Reader &r, ConsensusRules &v);
void encodeTo(codec::Writer &w, const ConsensusOptimization &v);
void decodeFrom(codec::Reader &r, ConsensusOptimization &v);

} // namespace gtx
