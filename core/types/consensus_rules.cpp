#include "core/types/consensus_rules.h"

#include <algorithm>

namespace gtx {

Status ConsensusRules::validate() const
{
    if (authoritySupermajorityBps > kBasisPointsFull)
        return makeError("consensus.invalid_rules",
                         "The authority supermajority cannot exceed 100% (10000 bps).");
    if (3ull * authoritySupermajorityBps <= 2ull * kBasisPointsFull)
        return makeError("consensus.invalid_rules",
                         "The authority supermajority must be above two thirds (6667 bps or less is unsafe).");
    if (stakeThresholdBps > kBasisPointsFull)
        return makeError("consensus.invalid_rules",
                         "The stake threshold cannot exceed 100% (10000 bps).");
    if (2ull * stakeThresholdBps <= kBasisPointsFull)
        return makeError("consensus.invalid_rules",
                         "The stake threshold must be above 50% (5000 bps).");
    return Status::success();
}

std::size_t ConsensusRules::authorityQuorum(std::size_t authorityCount) const
{
    // ceil(bps * count / 10000) without overflow: split count = a * 10000 + b.
    const std::uint64_t bps = std::min(authoritySupermajorityBps, kBasisPointsFull);
    const std::uint64_t count = authorityCount;
    const std::uint64_t a = count / kBasisPointsFull;
    const std::uint64_t b = count % kBasisPointsFull;
    const std::uint64_t q = a * bps + (b * bps + kBasisPointsFull - 1) / kBasisPointsFull;
    return static_cast<std::size_t>(q);
}

void encodeTo(codec::Writer &w, const ConsensusRules &v)
{
    w.u32(v.authoritySupermajorityBps);
    w.u32(v.stakeThresholdBps);
    w.boolean(v.energyValidationRequired);
    w.boolean(v.emergencyOverrideAllowed);
}

void decodeFrom(codec::Reader &r, ConsensusRules &v)
{
    v.authoritySupermajorityBps = r.u32AtMost(kBasisPointsFull, "authority supermajority (bps)");
    v.stakeThresholdBps = r.u32AtMost(kBasisPointsFull, "stake threshold (bps)");
    v.energyValidationRequired = r.boolean();
    v.emergencyOverrideAllowed = r.boolean();
}

void encodeTo(codec::Writer &w, const ConsensusOptimization &v)
{
    w.boolean(v.parallelValidation);
    w.boolean(v.stateSharding);
    w.boolean(v.fastSync);
    w.boolean(v.checkpointFinality);
}

void decodeFrom(codec::Reader &r, ConsensusOptimization &v)
{
    v.parallelValidation = r.boolean();
    v.stateSharding = r.boolean();
    v.fastSync = r.boolean();
    v.checkpointFinality = r.boolean();
}

} // namespace gtx
