#include "core/consensus/validators.h"

#include "core/codec/codec.h"
#include "core/common/arith.h"
#include "core/consensus/messages.h"
#include "core/consensus/verifier.h"
#include "core/crypto/merkle.h"

#include <algorithm>
#include <map>

namespace gtx::consensus {

namespace {


// a * bps / 10000 without overflow.
std::uint64_t scaleBps(std::uint64_t a, std::uint32_t bps)
{
    return (a / kBasisPointsFull) * bps + (a % kBasisPointsFull) * bps / kBasisPointsFull;
}

std::uint64_t absDiff(std::uint64_t a, std::uint64_t b)
{
    return a > b ? a - b : b - a;
}

// What a member's arrival or departure changes: its stake or its draw
// weight, whichever is larger (churn counts every change of weight).
std::uint64_t churnOf(const ActiveValidator &v)
{
    return std::max(v.stake, v.proposerWeight);
}

std::uint64_t churnBetween(const ActiveValidator &a, const ActiveValidator &b)
{
    return std::max(absDiff(a.stake, b.stake), absDiff(a.proposerWeight, b.proposerWeight));
}

ActiveValidator toActive(const Candidate &c, const RotationParams &params)
{
    ActiveValidator v;
    v.key = c.info.publicKey;
    v.role = c.role;
    v.stake = std::min(c.info.stakeAmount, params.maxValidatorWeight);
    v.proposerWeight = proposerWeightOf(c, params);
    v.zone = c.info.geographicDistribution;
    v.score = candidateScore(c);
    return v;
}

// Best first: higher score, then lower key.
bool ranksBefore(const ActiveValidator &a, const ActiveValidator &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.key < b.key;
}

void finish(ActiveSet &set)
{
    std::sort(set.members.begin(), set.members.end(),
              [](const ActiveValidator &a, const ActiveValidator &b) { return a.key < b.key; });
    set.totalStake = 0;
    for (const auto &m : set.members)
        set.totalStake = saturatingAdd(set.totalStake, m.stake);
}

std::vector<ActiveValidator> rankedEligible(const std::vector<Candidate> &pool,
                                            const RotationParams &params)
{
    std::vector<ActiveValidator> ranked;
    for (const auto &c : pool)
        if (isEligible(c, params))
            ranked.push_back(toActive(c, params));
    std::sort(ranked.begin(), ranked.end(), ranksBefore);
    return ranked;
}

std::vector<ActiveValidator> selectTarget(const std::vector<ActiveValidator> &ranked,
                                          const RotationParams &params)
{
    std::vector<ActiveValidator> target;
    std::map<std::uint16_t, std::uint32_t> perZone;
    for (const auto &v : ranked) {
        if (target.size() >= params.maxActiveValidators)
            break;
        if (perZone[v.zone.id] >= params.maxPerZone)
            continue;
        ++perZone[v.zone.id];
        target.push_back(v);
    }
    return target;
}

} // namespace

const ActiveValidator *ActiveSet::find(const PublicKey &key) const
{
    const auto it = std::lower_bound(members.begin(), members.end(), key,
                                     [](const ActiveValidator &v, const PublicKey &k) { return v.key < k; });
    return it != members.end() && it->key == key ? &*it : nullptr;
}

std::size_t ActiveSet::indexOf(const PublicKey &key) const
{
    const ActiveValidator *v = find(key);
    return v ? static_cast<std::size_t>(v - members.data()) : members.size();
}

BlockHeader genesisHeader(const ConsensusParams &params, const ConsensusGenesis &genesis)
{
    BlockHeader h;
    h.networkId = params.networkId;
    h.kind = BlockKind::Genesis;
    h.height = 0;
    h.epoch = 0;
    h.slot = 0;
    h.timestampMs = params.genesisTimeMs;
    auto state = genesisState(params, genesis);
    h.stateRoot = state ? state->root() : state::State().root();
    h.txRoot = crypto::merkleRoot({});
    // The genesis commits to its authorities and registry through evidenceRoot.
    codec::Writer w;
    for (const auto &a : genesis.authorities) {
        w.value(a.type);
        w.fixed(a.key);
    }
    for (const auto &c : genesis.candidates) {
        w.value(c.info);
        w.u8(static_cast<std::uint8_t>(c.role));
    }
    w.fixed(genesis.seed);
    h.evidenceRoot = crypto::hash("gtx/genesis-members/v1", w.data());
    return h;
}

AuthorityMember authorityMember(AuthorityType type, const PublicKey &key, std::vector<PublicKey> operators)
{
    AuthorityMember m;
    m.type = type;
    m.key = key;
    m.operators = std::move(operators);
    switch (type) {
    case AuthorityType::EGAT:
        m.nationwide = true;
        break;
    case AuthorityType::MEA:
        m.servedZones = {zones::kMeaMetropolitan};
        break;
    case AuthorityType::PEA:
        m.servedZones = {zones::kPeaNorth, zones::kPeaNortheast, zones::kPeaCentral, zones::kPeaSouth};
        break;
    case AuthorityType::NEPO:
    case AuthorityType::ERC:
        break;
    }
    return m;
}

bool isEligible(const Candidate &c, const RotationParams &params)
{
    if (c.exiting || c.info.publicKey.isZero())
        return false;
    if (c.role == ValidatorRole::Stake)
        return c.info.stakeAmount >= params.minStake;
    return c.info.stakeAmount >= params.energyMinStake
        && c.info.energyCredentials.verifiedEnergyWh >= params.minVerifiedEnergyWh;
}

std::uint64_t candidateScore(const Candidate &c)
{
    std::uint64_t score = c.info.stakeAmount / kMicroGtPerGt;
    score = saturatingAdd(score, c.info.energyCredentials.verifiedEnergyWh / 1000);
    score = saturatingAdd(score, c.info.uptimeHistoryPpm / 100);
    score = saturatingAdd(score, c.info.reputationScore);
    return score;
}

std::uint64_t proposerWeightOf(const Candidate &c, const RotationParams &params)
{
    // In 128 bits nothing here can overflow: each term is below 2^64 x 2^64.
    Uint128 weight = c.info.stakeAmount;
    if (c.role == ValidatorRole::Energy)
        weight += static_cast<Uint128>(c.info.energyCredentials.verifiedEnergyWh / 1000)
                  * params.energyWeightMicroGtPerKWh;
    return static_cast<std::uint64_t>(std::min<Uint128>(weight, params.maxValidatorWeight));
}

std::map<PublicKey, std::string> authorityNames(const ConsensusGenesis &genesis)
{
    std::map<PublicKey, std::string> names;
    for (const auto &a : genesis.authorities)
        names[a.key] = std::string(toString(a.type));
    return names;
}

state::StateRules stateRules(const ConsensusParams &params, const ConsensusGenesis &genesis)
{
    state::StateRules r;
    r.staking = params.staking;
    r.minSelfBond = params.rotation.minStake;
    r.energyMinSelfBond = params.rotation.energyMinStake;
    r.gridModel = &energy::defaultGridModel();
    r.networkId = params.networkId;
    r.evidenceWindowSlots = params.evidenceWindowSlots;
    r.genesisTimeMs = params.genesisTimeMs;
    r.slotMs = params.slotMs;
    for (const auto &a : genesis.authorities)
        r.authorities.push_back(a.key);
    std::sort(r.authorities.begin(), r.authorities.end());
    r.authorityQuorum = params.authorityQuorum(genesis.authorities.size());
    r.maxValidatorWeight = params.rotation.maxValidatorWeight;
    r.verifyEvidence = [](const Evidence &e) {
        DirectVerifier verifier;
        return verifyConsensusEvidence(e, verifier);
    };
    for (const auto &a : genesis.authorities)
        if (a.type == AuthorityType::EGAT || a.type == AuthorityType::MEA || a.type == AuthorityType::PEA)
            r.gridOperators.emplace(a.type, a.key);
    return r;
}

Result<state::State> genesisState(const ConsensusParams &params, const ConsensusGenesis &genesis)
{
    state::GenesisAllocation a;
    a.balances = genesis.accounts;
    a.meters = genesis.meters;
    for (const auto &c : genesis.candidates)
        a.validators.push_back({c.info.publicKey, c.role, c.info.geographicDistribution, c.info.stakeAmount,
                                c.info.energyCredentials.verifiedEnergyWh});
    return state::State::genesis(a, stateRules(params, genesis));
}

std::vector<Candidate> candidatePool(const state::State &state)
{
    std::vector<Candidate> pool;
    pool.reserve(state.validators().size());
    for (const auto &v : state.validators()) {
        Candidate c;
        c.info.publicKey = v.key;
        c.info.stakeAmount = v.stake();
        c.info.energyCredentials.verifiedEnergyWh = v.verifiedEnergyWh;
        c.info.uptimeHistoryPpm = v.uptimePpm();
        c.info.geographicDistribution = v.zone;
        c.role = v.role;
        // Released its own bond (only delegations remain), or suspended by a slash.
        c.exiting = v.selfBond == 0 || v.suspended();
        pool.push_back(c);
    }
    return pool;
}

ActiveSet initialActiveSet(const std::vector<Candidate> &pool, const RotationParams &params)
{
    ActiveSet set;
    set.members = selectTarget(rankedEligible(pool, params), params);
    finish(set);
    return set;
}

std::uint64_t churnBudget(const ActiveSet &current, const RotationParams &params)
{
    return std::max(scaleBps(current.totalStake, params.maxChurnBps), params.maxValidatorWeight);
}

ActiveSet rotateActiveSet(const ActiveSet &current, const std::vector<Candidate> &pool,
                          const RotationParams &params)
{
    if (current.totalStake == 0)
        return initialActiveSet(pool, params);

    std::map<PublicKey, const Candidate *> byKey;
    for (const auto &c : pool)
        byKey[c.info.publicKey] = &c;
    const std::vector<ActiveValidator> target = selectTarget(rankedEligible(pool, params), params);
    std::map<PublicKey, const ActiveValidator *> inTarget;
    for (const auto &v : target)
        inTarget[v.key] = &v;

    std::uint64_t budget = churnBudget(current, params);
    std::vector<ActiveValidator> result = current.members;

    // 1. Stake changes of members that stay eligible.
    for (auto &m : result) {
        const auto it = byKey.find(m.key);
        if (it == byKey.end() || !isEligible(*it->second, params))
            continue;
        const ActiveValidator updated = toActive(*it->second, params);
        const std::uint64_t delta = churnBetween(updated, m);
        if (delta <= budget) {
            budget -= delta;
            m = updated;
        }
    }

    // 2. Forced exits (unbonded, exiting or no longer eligible), smallest first.
    std::vector<PublicKey> forced;
    for (const auto &m : result) {
        const auto it = byKey.find(m.key);
        if (it == byKey.end() || !isEligible(*it->second, params))
            forced.push_back(m.key);
    }
    auto removeMember = [&](const PublicKey &key) {
        result.erase(std::remove_if(result.begin(), result.end(),
                                    [&](const ActiveValidator &v) { return v.key == key; }),
                     result.end());
    };
    auto findMember = [&](const PublicKey &key) -> ActiveValidator * {
        for (auto &v : result)
            if (v.key == key)
                return &v;
        return nullptr;
    };
    std::sort(forced.begin(), forced.end(), [&](const PublicKey &a, const PublicKey &b) {
        const auto sa = churnOf(*findMember(a));
        const auto sb = churnOf(*findMember(b));
        return sa != sb ? sa < sb : a < b;
    });
    for (const auto &key : forced) {
        const std::uint64_t stake = churnOf(*findMember(key));
        if (stake <= budget) {
            budget -= stake;
            removeMember(key);
        }
    }

    // 3. Entries in rank order; a full set or zone swaps out its weakest
    //    displaced member (in the set, not in the target).
    auto zoneCount = [&](GridZone zone) {
        std::uint32_t n = 0;
        for (const auto &v : result)
            n += v.zone == zone ? 1 : 0;
        return n;
    };
    auto weakestDisplaced = [&](std::optional<GridZone> zone) -> const ActiveValidator * {
        const ActiveValidator *weakest = nullptr;
        for (const auto &v : result) {
            if (inTarget.count(v.key) || (zone && v.zone != *zone))
                continue;
            if (!weakest || ranksBefore(*weakest, v))
                weakest = &v;
        }
        return weakest;
    };
    for (const auto &entry : target) {
        if (findMember(entry.key))
            continue;
        const bool setFull = result.size() >= params.maxActiveValidators;
        const bool zoneFull = zoneCount(entry.zone) >= params.maxPerZone;
        if (!setFull && !zoneFull) {
            if (churnOf(entry) <= budget) {
                budget -= churnOf(entry);
                result.push_back(entry);
            }
            continue;
        }
        const ActiveValidator *out = weakestDisplaced(zoneFull ? std::optional<GridZone>(entry.zone)
                                                               : std::nullopt);
        if (!out)
            continue;
        const std::uint64_t cost = saturatingAdd(churnOf(entry), churnOf(*out));
        if (cost > budget)
            continue;
        budget -= cost;
        removeMember(out->key);
        result.push_back(entry);
    }

    ActiveSet next;
    next.members = std::move(result);
    finish(next);
    return next;
}

std::uint64_t churnBetween(const ActiveSet &from, const ActiveSet &to)
{
    std::uint64_t churn = 0;
    for (const auto &m : from.members) {
        const ActiveValidator *other = to.find(m.key);
        churn = saturatingAdd(churn, other ? churnBetween(*other, m) : churnOf(m));
    }
    for (const auto &m : to.members)
        if (!from.find(m.key))
            churn = saturatingAdd(churn, churnOf(m));
    return churn;
}

ProposerTable makeProposerTable(const std::vector<AuthorityMember> &authorities,
                                const ActiveSet &active, const ConsensusParams &params)
{
    ProposerTable t;
    auto add = [&](const PublicKey &key, std::uint64_t weight) {
        if (weight == 0)
            return;
        t.total = saturatingAdd(t.total, weight);
        t.keys.push_back(key);
        t.cumulative.push_back(t.total);
    };
    for (const auto &a : authorities)
        add(a.key, params.authorityProposerWeight);
    // The zone cap: a zone whose validators together weigh more than
    // maxZoneProposerWeight has their weights scaled down to fit it.
    std::map<GridZone, Uint128> zoneTotal;
    for (const auto &v : active.members)
        zoneTotal[v.zone] += std::min(v.proposerWeight, params.rotation.maxValidatorWeight);
    for (const auto &v : active.members) {
        const Uint128 w = std::min(v.proposerWeight, params.rotation.maxValidatorWeight);
        const Uint128 total = zoneTotal[v.zone];
        const Uint128 cap = params.rotation.maxZoneProposerWeight;
        add(v.key, static_cast<std::uint64_t>(total > cap ? w * cap / total : w));
    }
    return t;
}

PublicKey drawProposer(const ProposerTable &table, const Hash256 &seed, std::uint64_t slot)
{
    if (table.total == 0)
        return {};
    codec::Writer w;
    w.fixed(seed);
    w.u64(slot);
    const Hash256 h = crypto::hash("gtx/proposer/v1", w.data());
    std::uint64_t r = 0;
    for (int i = 7; i >= 0; --i)
        r = (r << 8) | h.bytes[static_cast<std::size_t>(i)];
    r %= table.total;
    const auto it = std::upper_bound(table.cumulative.begin(), table.cumulative.end(), r);
    return table.keys[static_cast<std::size_t>(it - table.cumulative.begin())];
}

Hash256 mixReveal(const Hash256 &mix, const crypto::Signature &reveal)
{
    const Hash256 revealHash = crypto::hash("gtx/randao-reveal/v1", reveal.view());
    crypto::Hasher h("gtx/randao-mix/v1");
    h.update(mix.view());
    h.update(revealHash.view());
    return h.final();
}

} // namespace gtx::consensus
