#pragma once

// Who takes part in consensus: the five authorities (fixed; changed only by
// governance), and stake and energy validators chosen per epoch from the
// bonded candidates (docs/protocol.md, "Validator selection and rotation",
// "Slots, epochs and proposer selection").

#include "core/consensus/params.h"
#include "core/state/state.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/authority.h"
#include "core/types/block_header.h"
#include "core/types/grid_zone.h"
#include "core/types/validator.h"

#include <cstdint>
#include <map>
#include <string>
#include <optional>
#include <vector>

namespace gtx::consensus {

using crypto::Hash256;
using crypto::PublicKey;

// Stake validators bonded at least the minimum stake; energy validators are
// eligible from verified energy production (one home: core/state).
using state::ValidatorRole;

struct AuthorityMember
{
    AuthorityType type = AuthorityType::EGAT;
    PublicKey key;                      // the authority's node key
    bool nationwide = false;            // may halt every zone on its own (EGAT)
    std::vector<GridZone> servedZones;  // zones it may halt on its own
    std::vector<PublicKey> operators;   // operator keys that approve its emergency orders
};

// A bonded candidate as rotation sees it: the chain's validator record
// (core/state) with its stake, verified energy and uptime from the chain.
struct Candidate
{
    ValidatorCandidate info;
    ValidatorRole role = ValidatorRole::Stake;
    bool exiting = false;   // asked to unbond: leaves when the churn limit allows

    bool operator==(const Candidate &) const = default;
};

struct ActiveValidator
{
    PublicKey key;
    ValidatorRole role = ValidatorRole::Stake;
    std::uint64_t stake = 0;            // attestation weight (micro-GT): bonded stake, at most maxValidatorWeight
    std::uint64_t proposerWeight = 0;   // weight in the proposer draw
    GridZone zone;
    std::uint64_t score = 0;

    bool operator==(const ActiveValidator &) const = default;
};

// The stake and energy validators of one epoch, sorted by key.
struct ActiveSet
{
    std::vector<ActiveValidator> members;
    std::uint64_t totalStake = 0;

    const ActiveValidator *find(const PublicKey &key) const;
    std::size_t indexOf(const PublicKey &key) const;   // members.size() when absent
    bool operator==(const ActiveSet &) const = default;
};

// An authority with the jurisdiction its type has by default: EGAT may halt
// every zone, MEA the metropolitan zone, PEA the four provincial ones, NEPO
// and ERC none on their own (they join quorums).
AuthorityMember authorityMember(AuthorityType type, const PublicKey &key, std::vector<PublicKey> operators);

// Everything a network starts from besides the parameters.
struct ConsensusGenesis
{
    std::vector<AuthorityMember> authorities;   // in AuthorityType order
    // The initial validators: each bonds info.stakeAmount (counted in the
    // supply) in info.geographicDistribution; verifiedEnergyWh is what the
    // authorities certified at genesis. Other fields are ignored.
    std::vector<Candidate> candidates;
    std::vector<std::pair<PublicKey, std::uint64_t>> accounts;   // initial balances, micro-GT
    std::vector<energy::MeterRecord> meters;   // the meter registry at genesis
    Hash256 seed;        // the initial RANDAO mix
};

// The state machine's rules for these parameters and this genesis (its
// authorities witness the zones' readings; the grid model is the built-in
// one, energy::defaultGridModel()).
state::StateRules stateRules(const ConsensusParams &params, const ConsensusGenesis &genesis);
// Each genesis authority's key and short name ("EGAT", ...), as operators read it.
std::map<PublicKey, std::string> authorityNames(const ConsensusGenesis &genesis);
// The genesis state: the accounts and the validators' bonds.
// Errors: "state.bad_genesis".
Result<state::State> genesisState(const ConsensusParams &params, const ConsensusGenesis &genesis);
// The rotation's view of the chain's validator records, sorted by key.
std::vector<Candidate> candidatePool(const state::State &state);

// Slot 0, height 0, kind Genesis, deterministic; its stateRoot is the
// genesis state's root (the empty root when genesisState() fails, which
// startup refuses).
BlockHeader genesisHeader(const ConsensusParams &params, const ConsensusGenesis &genesis);

bool isEligible(const Candidate &candidate, const RotationParams &params);
// Rank: GT staked + verified kWh + uptime (per 10,000) + reputation.
std::uint64_t candidateScore(const Candidate &candidate);
// stake + verified kWh x energyWeightMicroGtPerKWh (energy validators),
// computed without overflow and capped at maxValidatorWeight.
std::uint64_t proposerWeightOf(const Candidate &candidate, const RotationParams &params);

// The genesis set: the best eligible candidates under the size and zone caps.
ActiveSet initialActiveSet(const std::vector<Candidate> &pool, const RotationParams &params);
// The next epoch's set: moves toward the best eligible candidates, changing at
// most maxChurnBps of the current stake (removed + added + re-weighted), under
// the size and zone caps. An empty current set is rebuilt without the limit.
ActiveSet rotateActiveSet(const ActiveSet &current, const std::vector<Candidate> &pool,
                          const RotationParams &params);
// Over the members of either set: a member added or removed counts the larger
// of its stake and its draw weight; one that stays, the larger change of the two.
std::uint64_t churnBetween(const ActiveSet &from, const ActiveSet &to);
// maxChurnBps of the active stake, and never less than one whole validator (maxValidatorWeight).
std::uint64_t churnBudget(const ActiveSet &current, const RotationParams &params);

// Weighted proposer draw over authorities and the epoch's active set.
struct ProposerTable
{
    std::vector<PublicKey> keys;
    std::vector<std::uint64_t> cumulative;   // running sum of weights
    std::uint64_t total = 0;
};

ProposerTable makeProposerTable(const std::vector<AuthorityMember> &authorities,
                                const ActiveSet &active, const ConsensusParams &params);
// hash("gtx/proposer/v1", seed || slot) mod total, looked up in the running sums.
PublicKey drawProposer(const ProposerTable &table, const Hash256 &seed, std::uint64_t slot);

// RANDAO: mix' = hash("gtx/randao-mix/v1", mix || hash(reveal)).
Hash256 mixReveal(const Hash256 &mix, const crypto::Signature &reveal);

} // namespace gtx::consensus
