#include "core/consensus/params.h"

#include "core/common/arith.h"

namespace gtx::consensus {

ConsensusParams ConsensusParams::production()
{
    return ConsensusParams{};
}

std::size_t laneCap(const LaneLimits &limits, Lane lane)
{
    switch (lane) {
    case Lane::Emergency:
        return 0;
    case Lane::Authority:
        return limits.authorityMax;
    case Lane::Governance:
        return limits.governanceMax;
    case Lane::Staking:
        return limits.stakingMax;
    case Lane::Energy:
        return limits.maxTransactions;
    }
    return 0;
}

ConsensusParams ConsensusParams::simulation()
{
    ConsensusParams p;
    p.networkId = 0x53494d;  // "SIM"
    p.genesisTimeMs = 1'700'000'000'000;
    p.epochSlots = 16;
    p.checkpointBlocks = 16;
    p.voteInclusionSlots = 64;
    p.evidenceWindowSlots = 8 * 16;
    p.lanes.maxTransactions = 64;
    p.lanes.authorityReserve = 8;
    p.lanes.governanceReserve = 4;
    p.lanes.stakingReserve = 4;
    p.lanes.authorityMax = 16;
    p.lanes.governanceMax = 16;
    p.lanes.stakingMax = 16;
    p.lanes.maxEmergencyRecords = 8;
    p.lanes.maxEvidence = 32;
    p.lanes.mempoolPerLane = 20000;
    p.rotation.maxActiveValidators = 32;
    p.rotation.maxChurnBps = 3333;   // lets short runs exercise rotation
    p.rotation.maxPerZone = 8;
    p.staking.unbondingSlots = 10 * 16;   // past the evidence window and the appeal window, as in production
    p.staking.appealWindowSlots = 16;
    p.staking.appealFilingSlots = 4;
    p.staking.communityReviewSlots = 6;
    p.staking.temporarySuspensionSlots = 16;
    p.staking.extendedSuspensionSlots = 64;
    p.staking.proposalDeposit = gtToMicro(10);
    p.staking.emergencyVotingSlots = 8;
    p.staking.standardVotingSlots = 16;
    p.staking.standardWaitSlots = 8;
    p.staking.constitutionalVotingSlots = 32;
    p.staking.constitutionalWaitSlots = 16;
    return p;
}

Status ConsensusParams::validate() const
{
    if ((testOnlyQuorumOverride != 0 || testOnlyNoExactLink) && !testOnlyAllowUnsafeQuorum)
        return makeError("consensus.invalid_params",
                         "A fixed quorum override is a test-only switch and is refused in a real network.");
    if (!testOnlyAllowUnsafeQuorum)
        GTX_TRY(rules.validate());
    if (static_cast<std::uint64_t>(lanes.authorityReserve) + lanes.governanceReserve + lanes.stakingReserve
            > lanes.maxTransactions
        || lanes.authorityReserve > lanes.authorityMax || lanes.governanceReserve > lanes.governanceMax
        || lanes.stakingReserve > lanes.stakingMax)
        return makeError("consensus.invalid_params",
                         "Lane reserves must fit in a block and stay within their lane's cap.");
    if (slotMs == 0 || epochSlots == 0 || checkpointBlocks == 0)
        return makeError("consensus.invalid_params",
                         "Slot length, epoch length and checkpoint depth must be positive.");
    if (voteInclusionSlots == 0 || evidenceWindowSlots < epochSlots || evidenceWindowSlots < voteInclusionSlots)
        return makeError("consensus.invalid_params",
                         "The vote inclusion window must be positive, and the evidence window at least one epoch "
                         "and at least the vote inclusion window.");
    if (static_cast<std::uint64_t>(lanes.authorityReserve) + lanes.governanceReserve
        > lanes.maxTransactions)
        return makeError("consensus.invalid_params",
                         "The Authority and Governance lane reserves exceed the block size.");
    if (lanes.authorityReserve == 0)
        return makeError("consensus.invalid_params",
                         "The Authority lane must reserve space in every block.");
    if (rotation.maxChurnBps > kBasisPointsFull || rotation.maxPerZone == 0)
        return makeError("consensus.invalid_params",
                         "The churn limit must be at most 100% and the zone cap positive.");
    GTX_TRY(state::checkStakingParams(staking, evidenceWindowSlots, slotMs));
    if (rotation.maxValidatorWeight == 0 || rotation.maxZoneProposerWeight < rotation.maxValidatorWeight
        || static_cast<Uint128>(rotation.maxZoneProposerWeight) * rotation.maxActiveValidators
                   + static_cast<Uint128>(authorityProposerWeight) * 64
               > static_cast<Uint128>(INT64_MAX))
        return makeError("consensus.invalid_params",
                         "The proposer weight caps must be positive, the zone cap at least the validator cap, "
                         "and the largest possible draw total below 2^63.");
    if (maxClockDisparityMs < 0 || static_cast<std::uint64_t>(maxClockDisparityMs) * 2 >= slotMs)
        return makeError("consensus.invalid_params",
                         "The clock disparity must be below half a slot.");
    return Status::success();
}

std::size_t ConsensusParams::authorityQuorum(std::size_t authorityCount) const
{
    if (testOnlyAllowUnsafeQuorum && testOnlyQuorumOverride != 0)
        return testOnlyQuorumOverride;
    return rules.authorityQuorum(authorityCount);
}

std::uint64_t ConsensusParams::slotAt(std::int64_t timeMs) const
{
    if (timeMs <= genesisTimeMs)
        return 0;
    return static_cast<std::uint64_t>(timeMs - genesisTimeMs) / slotMs;
}

Status checkParameterChange(const ConsensusParams &current, const ConsensusParams &proposed)
{
    if (proposed.testOnlyAllowUnsafeQuorum || proposed.testOnlyQuorumOverride != 0 || proposed.testOnlyNoExactLink)
        return makeError("consensus.invalid_params",
                         "Test-only quorum switches cannot be set by governance.");
    GTX_TRY(proposed.validate());
    if (proposed.slotMs != current.slotMs || proposed.epochSlots != current.epochSlots
        || proposed.genesisTimeMs != current.genesisTimeMs || proposed.networkId != current.networkId)
        return makeError("consensus.immutable_param",
                         "Slot length, epoch length, genesis time and network id cannot change on a running network.");
    return Status::success();
}

} // namespace gtx::consensus
