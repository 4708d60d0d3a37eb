#pragma once

// The parameters of the hybrid consensus (see docs/protocol.md, "Parameters").
// Production values come from production(); the simulator shortens epochs
// and blocks with simulation() so that whole networks run in milliseconds.

#include "core/common/result.h"
#include "core/state/state.h"
#include "core/types/consensus_rules.h"
#include "core/types/units.h"
#include "core/types/validator.h"

#include <cstddef>
#include "core/types/transaction.h"

#include <cstdint>

namespace gtx::consensus {

// The chain rules this software executes. A technical upgrade (governance,
// docs/protocol.md section 23) schedules a higher version from a slot on;
// software below it takes no block from that slot (BlockTree::upgradeStops()).
constexpr std::uint32_t kChainRulesVersion = 1;

// Block space per lane. Unused reserved space is given to the next lane in
// priority order (Emergency, Authority, Energy, Governance). Evidence, votes
// and emergency records have their own budgets, so they always have room.
struct LaneLimits
{
    std::uint32_t maxTransactions = 2000;     // transactions per block, all lanes
    std::uint32_t authorityReserve = 200;     // slots kept for the Authority lane
    std::uint32_t governanceReserve = 100;    // slots kept for the Governance lane
    std::uint32_t stakingReserve = 100;       // slots kept for the Staking lane
    // The most a block may carry of each lane but Energy (which may use all
    // that is left); checked by block validity, so no proposer can fill a
    // block with one lane's traffic beyond its cap.
    std::uint32_t authorityMax = 400;
    std::uint32_t governanceMax = 400;
    std::uint32_t stakingMax = 400;
    std::uint32_t maxEmergencyRecords = 16;   // certified emergency orders per block
    std::uint32_t maxEvidence = 64;           // evidence per block
    std::uint32_t maxLinkVotes = 512;         // authority votes carried per block
    std::uint32_t maxAttestations = 2048;     // stake attestations carried per block
    std::uint32_t mempoolPerLane = 10000;     // pending transactions kept per lane
};

// The one lane-cap rule, for block assembly and block validity alike.
std::size_t laneCap(const LaneLimits &limits, Lane lane);

struct RotationParams
{
    std::uint32_t maxActiveValidators = 100;  // stake and energy validators per epoch
    std::uint32_t maxChurnBps = 350;          // share of active stake that may change per epoch
    std::uint32_t maxPerZone = 34;            // validators per grid zone (redundancy)
    std::uint64_t minStake = kMinValidatorStakeMicroGt;           // stake validators
    std::uint64_t energyMinStake = gtToMicro(1000);               // energy validators
    std::uint64_t minVerifiedEnergyWh = 1'000'000;                // energy validators: 1 MWh
    std::uint64_t energyWeightMicroGtPerKWh = gtToMicro(1);       // proposer weight per verified kWh
    // Bounded influence: no validator counts for more than maxValidatorWeight,
    // neither as stake (attestation weight, the Full-finality stake, churn)
    // nor in the proposer draw; the validators of one zone together weigh at
    // most maxZoneProposerWeight in the draw (their weights are scaled down
    // to fit). The churn budget is never below maxValidatorWeight, so every
    // candidate can enter or leave. With the authorities' fixed weights this
    // keeps every total far below 2^64.
    std::uint64_t maxValidatorWeight = gtToMicro(100'000);
    std::uint64_t maxZoneProposerWeight = gtToMicro(400'000);
};

struct ConsensusParams
{
    ConsensusRules rules;
    std::uint32_t networkId = 0;
    std::int64_t genesisTimeMs = 0;
    std::uint64_t slotMs = 10'000;             // one energy block per slot
    std::uint64_t epochSlots = 8640;           // 24 hours
    std::uint64_t checkpointBlocks = 144;      // Economic finality depth (~24 min)
    std::uint64_t voteInclusionSlots = 360;    // how far back a block may carry votes (1 hour)
    std::uint64_t evidenceWindowSlots = 7 * 8640;  // evidence older than this is refused
    std::int64_t maxClockDisparityMs = 1000;   // tolerated clock difference between nodes
    std::uint64_t authorityProposerWeight = gtToMicro(100'000);  // per authority in the draw
    LaneLimits lanes;
    RotationParams rotation;
    state::StakingParams staking;

    // Test-only mutation switch: a fixed quorum size that bypasses the
    // supermajority rule (e.g. 2 of 5) so the simulator can show that it
    // finds the resulting safety violations. Zero in every real network;
    // validate() refuses any other value unless testOnlyAllowUnsafeQuorum.
    std::uint32_t testOnlyQuorumOverride = 0;
    bool testOnlyAllowUnsafeQuorum = false;
    // Test-only mutation switch: Fast finality without the exact-link rule
    // (a justified parent and a justified child at the next slot suffice).
    // Refused like the quorum override unless testOnlyAllowUnsafeQuorum.
    bool testOnlyNoExactLink = false;

    static ConsensusParams production();
    // Short epochs and small blocks for the deterministic simulator.
    static ConsensusParams simulation();

    // The rules validate, durations are positive, lane reserves fit.
    // Errors: "consensus.invalid_rules", "consensus.invalid_params".
    Status validate() const;

    static constexpr std::uint64_t transactionLifetimeSlots = 360;

    std::size_t authorityQuorum(std::size_t authorityCount) const;
    std::uint64_t epochOf(std::uint64_t slot) const { return slot / epochSlots; }
    std::int64_t slotStartMs(std::uint64_t slot) const
    {
        return genesisTimeMs + static_cast<std::int64_t>(slot * slotMs);
    }
    // The slot at a time (0 before genesis).
    std::uint64_t slotAt(std::int64_t timeMs) const;

    // Transactions stay valid for transactionLifetimeSlots after their
    // timestamp. The one lifetime rule: a transaction is live at `atMs` (a
    // block's slot start, or a node's clock for its mempool) when its
    // timestamp is at most maxClockDisparityMs ahead and at most the
    // lifetime behind.
    std::int64_t transactionLifetimeMs() const
    {
        return static_cast<std::int64_t>(transactionLifetimeSlots * slotMs);
    }
    bool transactionLive(std::int64_t timestampMs, std::int64_t atMs) const
    {
        return timestampMs <= atMs + maxClockDisparityMs && timestampMs >= atMs - transactionLifetimeMs();
    }
};

// A governance change of consensus parameters: the proposed parameters must
// validate (in particular a supermajority at or below 2/3 is refused), and
// the slot and epoch lengths of a running network cannot change.
// Errors: those of validate(), "consensus.immutable_param".
Status checkParameterChange(const ConsensusParams &current, const ConsensusParams &proposed);

} // namespace gtx::consensus
