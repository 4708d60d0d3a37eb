// Governance in block execution (docs/protocol.md, "Governance"): a
// proposal holds its deposit while it is voted on; votes are cast by the
// authorities, the validators and the community; the tally closes at the
// end of the vote, each class normalised within itself and then weighted;
// a proposal that passed executes after its track's wait, an emergency one
// as soon as the authority quorum approves it.

#include "core/state/state.h"

#include "core/common/arith.h"
#include "core/state/entry.h"
#include "core/types/units.h"

#include <algorithm>

namespace gtx::state {

namespace {

// A proposer has at most this many proposals open; the chain at most kMaxOpenProposals.
constexpr std::size_t kMaxOpenPerProposer = 4;
constexpr std::size_t kMaxOpenProposals = 256;
// A settlement window shorter than one interval would settle nothing.
constexpr std::int64_t kMinTradeSettlementWindowMs = 15LL * 60 * 1000;
constexpr std::int64_t kMaxTradeSettlementWindowMs = 90LL * 24 * 3600 * 1000;

constexpr std::uint8_t bitOf(VoterClass c)
{
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c));
}

Status checkGoverned(const GovernedRules &g, const StateRules &rules)
{
    GTX_TRY(checkStakingParams(g.staking, rules.evidenceWindowSlots, rules.slotMs));
    if (g.tradeSettlementWindowMs < kMinTradeSettlementWindowMs || g.tradeSettlementWindowMs > kMaxTradeSettlementWindowMs)
        return makeError("consensus.invalid_params",
                         "A trade settlement window is at least one 15-minute interval and at most 90 days.");
    return Status::success();
}

std::uint64_t classChoice(ClassTally &t, VoteChoice choice, std::uint64_t weight)
{
    std::uint64_t &slot = choice == VoteChoice::Yes ? t.yes : choice == VoteChoice::No ? t.no : t.abstain;
    slot = saturatingAdd(slot, weight);
    return slot;
}

std::string percent(std::uint32_t bps)
{
    return std::to_string(bps / 100) + "." + (bps % 100 < 10 ? "0" : "") + std::to_string(bps % 100) + " %";
}

// The tally as it stands at a moment: the classes' votes (the authorities'
// and the community's as cast), the validators' votes weighed by what they
// have now (stake capped at the validator weight cap, or verified energy; a
// suspended or gone validator weighs nothing), and every class's eligible
// weight. The one weighing, for the close and for a projection of an open
// vote. `records`: the validators' vote records with their weight.
struct Weighed
{
    std::array<ClassTally, kVoterClasses> classes{};
    std::vector<std::pair<std::uint32_t, GovernanceVoteRecord>> records;
};

template<class ReadFn, class ValidatorFn>
Weighed weighVotes(const Proposal &p, ReadFn read, ValidatorFn validatorOf, const std::vector<ValidatorRecord> &all,
                   const StateRules &rules, const Supply &s)
{
    Weighed out;
    auto &classes = out.classes;
    classes = p.classes;
    classes[static_cast<std::size_t>(VoterClass::Authority)].eligible = rules.authorities.size();
    for (std::uint32_t k = 0; k < p.validatorVotes; ++k) {
        const auto voterBytes = read(proposalValidatorVoteKey(p.id, k));
        if (!voterBytes || voterBytes->size() != PublicKey{}.view().size())
            continue;
        PublicKey voter;
        std::copy(voterBytes->begin(), voterBytes->end(), voter.data());
        const auto indexBytes = read(proposalVoterKey(p.id, voter));
        if (!indexBytes)
            continue;
        codec::Reader r(*indexBytes);
        const std::uint32_t index = r.u32();
        auto record = entryOf<GovernanceVoteRecord>(read(proposalVoteKey(p.id, index)), "governance vote");
        if (!record)
            continue;
        const ValidatorRecord *v = validatorOf(voter);
        if (!v || v->suspended())
            continue;
        const bool stake = v->role == ValidatorRole::Stake;
        record->validatorWeight = stake ? std::min(v->stake(), rules.maxValidatorWeight) : v->verifiedEnergyWh;
        classChoice(classes[static_cast<std::size_t>(stake ? VoterClass::StakeValidator : VoterClass::EnergyValidator)],
                    record->choice, record->validatorWeight);
        out.records.emplace_back(index, *record);
    }
    ClassTally &stakeClass = classes[static_cast<std::size_t>(VoterClass::StakeValidator)];
    ClassTally &energyClass = classes[static_cast<std::size_t>(VoterClass::EnergyValidator)];
    for (const ValidatorRecord &v : all) {
        if (v.suspended())
            continue;
        if (v.role == ValidatorRole::Stake)
            stakeClass.eligible = saturatingAdd(stakeClass.eligible, std::min(v.stake(), rules.maxValidatorWeight));
        else
            energyClass.eligible = saturatingAdd(energyClass.eligible, v.verifiedEnergyWh);
    }
    // The community: every balance (the supply less what is bonded,
    // unbonding, held or burned).
    const Uint128 held = static_cast<Uint128>(s.bonded) + s.unbonding + s.pendingSlashes + s.burned + s.governanceDeposits;
    classes[static_cast<std::size_t>(VoterClass::Community)].eligible =
        held < s.total ? static_cast<std::uint64_t>(s.total - held) : 0;
    return out;
}

} // namespace

// --- Reading ------------------------------------------------------------

std::optional<Proposal> State::proposal(const Hash256 &id) const
{
    return entryOf<Proposal>(m_trie.get(proposalKey(id)), "proposal");
}

std::vector<GovernanceVoteRecord> State::proposalVotes(const Proposal &p) const
{
    std::vector<GovernanceVoteRecord> out;
    out.reserve(p.voteCount);
    for (std::uint32_t i = 0; i < p.voteCount; ++i)
        if (auto v = entryOf<GovernanceVoteRecord>(m_trie.get(proposalVoteKey(p.id, i)), "governance vote"))
            out.push_back(*v);
    return out;
}

ProjectedTally State::projectedTally(const Proposal &p, const StateRules &genesis) const
{
    if (p.status != ProposalStatus::Voting)
        return {p.classes, p.result};
    const StateRules rules = rulesInForce(genesis);
    ProjectedTally out;
    if (p.track == ProposalTrack::Emergency) {
        out.classes = p.classes;
        ClassTally &a = out.classes[static_cast<std::size_t>(VoterClass::Authority)];
        a.eligible = rules.authorities.size();
        out.result.turnoutBps = a.eligible ? static_cast<std::uint32_t>(mulDiv(a.yes + a.no + a.abstain, kBasisPointsFull, a.eligible)) : 0;
        out.result.supportBps = a.eligible ? static_cast<std::uint32_t>(mulDiv(a.yes, kBasisPointsFull, a.eligible)) : 0;
        out.result.quorumMet = out.result.passed = a.yes >= rules.authorityQuorum;
        return out;
    }
    const auto weighed = weighVotes(
        p, [this](const Bytes &key) { return m_trie.get(key); },
        [this](const PublicKey &k) -> const ValidatorRecord * {
            const auto it = std::lower_bound(m_validators->begin(), m_validators->end(), k,
                                             [](const ValidatorRecord &v, const PublicKey &key) { return v.key < key; });
            return it != m_validators->end() && it->key == k ? &*it : nullptr;
        },
        *m_validators, rules, supply());
    out.classes = weighed.classes;
    out.result = tally(out.classes, p.rule);
    return out;
}

BalanceLock State::balanceLock(const PublicKey &key) const
{
    return entryOf<BalanceLock>(m_trie.get(balanceLockKey(key)), "balance lock").value_or(BalanceLock{});
}

StateRules State::rulesInForce(const StateRules &genesis) const
{
    StateRules r = genesis;
    if (auto g = entryOf<GovernedRules>(m_trie.get(governedRulesKey()), "governed rules")) {
        r.staking = g->staking;
        r.tradeSettlementWindowMs = g->tradeSettlementWindowMs;
    }
    return r;
}

std::optional<ScheduledUpgrade> State::scheduledUpgrade() const
{
    return entryOf<ScheduledUpgrade>(m_trie.get(scheduledUpgradeKey()), "scheduled upgrade");
}

std::optional<Proposal> BlockExecution::proposal(const Hash256 &id) const
{
    return entryOf<Proposal>(read(proposalKey(id)), "proposal");
}

BalanceLock BlockExecution::balanceLock(const PublicKey &key) const
{
    return entryOf<BalanceLock>(read(balanceLockKey(key)), "balance lock").value_or(BalanceLock{});
}

std::uint32_t BlockExecution::chainRulesVersion() const
{
    const auto u = entryOf<ScheduledUpgrade>(read(scheduledUpgradeKey()), "scheduled upgrade");
    return u ? u->version : kGenesisChainRulesVersion;
}

void BlockExecution::loadGovernedRules()
{
    if (auto g = entryOf<GovernedRules>(read(governedRulesKey()), "governed rules")) {
        m_rules.staking = g->staking;
        m_rules.tradeSettlementWindowMs = g->tradeSettlementWindowMs;
    }
}

void BlockExecution::putProposal(const Proposal &p)
{
    put(proposalKey(p.id), codec::encode(p));
}

void BlockExecution::scheduleProposal(std::uint64_t slot, const Hash256 &id)
{
    if (!m_pendingProposals)
        m_pendingProposals = std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>(*m_parent.m_pendingProposals);
    m_pendingProposals->emplace(slot, id);
}

void BlockExecution::unscheduleProposal(std::uint64_t slot, const Hash256 &id)
{
    if (!(m_pendingProposals ? *m_pendingProposals : *m_parent.m_pendingProposals).count({slot, id}))
        return;
    if (!m_pendingProposals)
        m_pendingProposals = std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>(*m_parent.m_pendingProposals);
    m_pendingProposals->erase({slot, id});
}

// --- Proposing ----------------------------------------------------------

Status BlockExecution::propose(const Transaction &tx)
{
    auto decoded = codec::decode<ProposalPayload>(tx.payload, "governance proposal");
    if (!decoded)
        return makeError("state.bad_payload", decoded.error().message);
    const ProposalPayload &p = *decoded;
    const std::uint64_t now = m_block.slot;
    const bool authority = std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), tx.sender);
    if (p.title.empty() || p.text.empty())
        return makeError("governance.no_text", "A proposal has a title and a text stating what it changes and why.");

    // What the type may carry.
    const bool upgradeFields = p.upgradeVersion != 0 || p.upgradeSlot != 0;
    switch (p.type) {
    case ProposalType::AuthorityUpdate:
        return makeError("governance.not_executable",
                         "Authority membership changes go through authority registration, which this network does "
                         "not run yet; such a proposal could not be executed.");
    case ProposalType::TechnicalUpgrade:
        if (!p.settings.empty() || p.upgradeVersion == 0)
            return makeError("governance.bad_upgrade",
                             "A technical upgrade names the chain-rules version nodes need and the slot from which "
                             "they need it, and changes no parameter.");
        break;
    case ProposalType::ParameterChange:
        if (p.settings.empty() || upgradeFields)
            return makeError("governance.no_change", "A parameter change sets at least one parameter.");
        break;
    case ProposalType::MarketRule:
    case ProposalType::EmergencyProtocol:
        if (upgradeFields)
            return makeError("state.bad_payload", "Only a technical upgrade names an upgrade.");
        break;
    }
    std::set<GovernedParam> seen;
    for (const auto &s : p.settings) {
        const GovernedParamInfo &info = governedParams()[static_cast<std::size_t>(s.param)];
        if (!seen.insert(s.param).second)
            return makeError("governance.duplicate_setting", "A proposal sets each parameter once.");
        if (info.marketRule != (p.type == ProposalType::MarketRule)
            && !(p.type == ProposalType::EmergencyProtocol && !info.constitutional))
            return makeError("governance.wrong_type",
                             std::string(info.name)
                                 + (info.marketRule ? " is a market rule: a market-rule proposal sets it."
                                                    : " is not a market rule: a parameter change sets it."));
        if (p.type == ProposalType::EmergencyProtocol && info.constitutional)
            return makeError("governance.wrong_type",
                             std::string(info.name) + " is constitutional: an emergency proposal cannot set it.");
    }
    // The change must hold against the rules as they are now (and is
    // checked again when it is due).
    GovernedRules changed{m_rules.staking, m_rules.tradeSettlementWindowMs};
    for (const auto &s : p.settings)
        setParam(changed.staking, changed.tradeSettlementWindowMs, s.param, s.value);
    if (!p.settings.empty())
        if (Status ok = checkGoverned(changed, m_rules); !ok)
            return makeError("governance.invalid_change", ok.error().message);

    const ProposalTrack track = trackOf(p.type, p.settings);
    const StakingParams &sp = m_rules.staking;
    const std::uint64_t votingSlots = track == ProposalTrack::Emergency  ? sp.emergencyVotingSlots
                                      : track == ProposalTrack::Standard ? sp.standardVotingSlots
                                                                         : sp.constitutionalVotingSlots;
    const std::uint64_t waitSlots = track == ProposalTrack::Emergency  ? 0
                                    : track == ProposalTrack::Standard ? sp.standardWaitSlots
                                                                       : sp.constitutionalWaitSlots;
    const std::uint64_t votingEnd = saturatingAdd(now, votingSlots);
    const std::uint64_t enactAt = saturatingAdd(votingEnd, waitSlots);
    if (p.type == ProposalType::TechnicalUpgrade) {
        // Operators get the standard wait again as notice to install the
        // release; versions only rise.
        const std::uint64_t earliest = saturatingAdd(enactAt, sp.standardWaitSlots);
        if (p.upgradeSlot <= earliest)
            return makeError("governance.bad_upgrade", "The upgrade slot must leave operators a wait after the proposal "
                                                           "would execute: after slot " + std::to_string(earliest) + ".");
        if (p.upgradeVersion <= chainRulesVersion())
            return makeError("governance.bad_upgrade", "The chain already runs or has scheduled chain rules version "
                                                           + std::to_string(chainRulesVersion()) + "; an upgrade names a later one.");
    }

    // Who may propose, and what it costs.
    std::uint64_t fee = 0;
    if (track == ProposalTrack::Emergency) {
        if (!authority)
            return makeError("governance.not_authority", "Only an authority makes an emergency proposal.");
        if (p.deposit != 0)
            return makeError("governance.bad_deposit", "An emergency proposal carries no deposit.");
    } else {
        if (p.deposit < sp.proposalDeposit)
            return makeError("governance.low_deposit", "A proposal holds a deposit of at least "
                                                           + formatGt(sp.proposalDeposit) + " GT.");
        fee = sp.transactionFee;
    }
    const auto &pending = m_pendingProposals ? *m_pendingProposals : *m_parent.m_pendingProposals;
    // The chain-wide cap leaves the authorities' emergency proposals out: no
    // flood of deposits can keep an emergency from being put to them.
    if (track != ProposalTrack::Emergency && pending.size() >= kMaxOpenProposals)
        return makeError("governance.full", "The chain has as many open proposals as it takes; try again later.");
    std::size_t own = 0;
    for (const auto &[slot, id] : pending)
        if (auto other = proposal(id); other && other->proposer == tx.sender)
            ++own;
    if (own >= kMaxOpenPerProposer)
        return makeError("governance.too_many_open", "This key has as many open proposals as one may have.");
    const Hash256 id = transactionId(tx);
    if (read(proposalKey(id)))
        return makeError("governance.duplicate", "This proposal has been made already.");
    if (track != ProposalTrack::Emergency) {
        auto a = payer(tx.sender, p.deposit, fee);
        if (!a)
            return a.error();
        putAccount(tx.sender, *a);
    }

    Proposal r;
    r.id = id;
    r.type = p.type;
    r.track = track;
    r.proposer = tx.sender;
    r.title = p.title;
    r.text = p.text;
    r.settings = p.settings;
    r.upgradeVersion = p.upgradeVersion;
    r.upgradeSlot = p.upgradeSlot;
    r.deposit = p.deposit;
    r.depositFate = track == ProposalTrack::Emergency ? DepositFate::None : DepositFate::Held;
    r.submittedSlot = now;
    r.votingEndSlot = votingEnd;
    r.enactSlot = enactAt;
    r.rule.weightsBps = sp.classWeightsBps;
    r.rule.quorumBps = track == ProposalTrack::Constitutional ? sp.constitutionalQuorumBps : sp.standardQuorumBps;
    r.rule.passBps = track == ProposalTrack::Constitutional ? sp.constitutionalPassBps : sp.standardPassBps;
    r.rule.strictlyAbove = track != ProposalTrack::Constitutional;
    m_supply.governanceDeposits += p.deposit;   // moved out of the balance: part of the fixed supply
    putProposal(r);
    scheduleProposal(votingEnd, id);
    if (!m_proposalIds)
        m_proposalIds = std::make_shared<std::vector<Hash256>>(*m_parent.m_proposalIds);
    m_proposalIds->push_back(id);
    m_fees += fee;
    return Status::success();
}

// --- Voting -------------------------------------------------------------

Status BlockExecution::governanceVote(const Transaction &tx)
{
    auto decoded = codec::decode<GovernanceVotePayload>(tx.payload, "governance vote");
    if (!decoded)
        return makeError("state.bad_payload", decoded.error().message);
    auto found = proposal(decoded->proposal);
    if (!found)
        return makeError("governance.unknown_proposal", "There is no proposal with this id.");
    Proposal p = *found;
    const std::uint64_t now = m_block.slot;
    if (p.status != ProposalStatus::Voting || now >= p.votingEndSlot)
        return makeError("governance.closed", "This proposal's vote has closed.");
    if (read(proposalVoterKey(p.id, tx.sender)))
        return makeError("governance.already_voted", "This key has voted on this proposal; a vote is final.");
    const bool authority = std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), tx.sender);
    const VoteChoice choice = decoded->choice;

    GovernanceVoteRecord record;
    record.voter = tx.sender;
    record.choice = choice;
    record.slot = now;
    std::uint64_t fee = 0;
    if (authority) {
        // An authority votes as an authority, once, without a fee.
        record.classMask = bitOf(VoterClass::Authority);
        classChoice(p.classes[static_cast<std::size_t>(VoterClass::Authority)], choice, 1);
    } else {
        if (p.track == ProposalTrack::Emergency)
            return makeError("governance.not_voter", "Only the authorities vote on an emergency proposal.");
        fee = m_rules.staking.transactionFee;
        auto a = payer(tx.sender, 0, fee);
        if (!a)
            return a.error();
        if (const ValidatorRecord *v = validator(tx.sender); v && !v->suspended()) {
            if (p.validatorVotes >= 2ULL * m_rules.staking.maxValidatorRecords)
                return makeError("governance.votes_full", "This proposal has all the validator votes it can take.");
            record.classMask |= bitOf(v->role == ValidatorRole::Stake ? VoterClass::StakeValidator
                                                                       : VoterClass::EnergyValidator);
            put(proposalValidatorVoteKey(p.id, p.validatorVotes), Bytes(tx.sender.view().begin(), tx.sender.view().end()));
            ++p.validatorVotes;
        }
        // The amount the voter chose (at most its balance) votes and stays
        // put until the vote closes.
        const std::uint64_t weight = std::min(decoded->communityAmount, a->balance);
        if (weight > 0) {
            record.classMask |= bitOf(VoterClass::Community);
            record.communityWeight = weight;
            classChoice(p.classes[static_cast<std::size_t>(VoterClass::Community)], choice, weight);
            BalanceLock lock = balanceLock(tx.sender);
            lock.hold(weight, p.votingEndSlot, now);
            put(balanceLockKey(tx.sender), codec::encode(lock));
        }
        if (record.classMask == 0)
            return makeError("governance.not_voter",
                             decoded->communityAmount == 0
                                 ? "A vote of no balance from a key that is no validator counts nowhere."
                                 : "This key has nothing to vote with: no balance left after the fee and no validator.");
        putAccount(tx.sender, *a);
    }
    const std::uint32_t index = p.voteCount++;
    put(proposalVoteKey(p.id, index), codec::encode(record));
    codec::Writer marker;
    marker.u32(index);
    put(proposalVoterKey(p.id, tx.sender), marker.data());
    m_fees += fee;

    // An emergency proposal executes the moment the authority quorum has
    // approved it, and fails the moment it no longer can.
    if (p.track == ProposalTrack::Emergency) {
        const ClassTally &t = p.classes[static_cast<std::size_t>(VoterClass::Authority)];
        const std::size_t members = m_rules.authorities.size();
        const std::size_t quorum = m_rules.authorityQuorum;
        const std::uint64_t undecided = members > t.no + t.abstain ? members - t.no - t.abstain : 0;
        if (t.yes >= quorum || undecided < quorum) {
            unscheduleProposal(p.votingEndSlot, p.id);
            closeProposal(p);
        }
    }
    putProposal(p);
    return Status::success();
}

// --- Closing and executing ----------------------------------------------

void BlockExecution::processDueProposals()
{
    std::vector<std::pair<std::uint64_t, Hash256>> due;
    for (const auto &entry : m_pendingProposals ? *m_pendingProposals : *m_parent.m_pendingProposals) {
        if (entry.first > m_block.slot)
            break;
        due.push_back(entry);
    }
    for (const auto &[slot, id] : due) {
        unscheduleProposal(slot, id);
        auto found = proposal(id);
        if (!found)
            continue;
        Proposal p = *found;
        if (p.status == ProposalStatus::Voting)
            closeProposal(p);
        else if (p.status == ProposalStatus::Passed)
            enactProposal(p);
        putProposal(p);
    }
}

void BlockExecution::settleDeposit(Proposal &p, bool quorumMet)
{
    if (p.depositFate != DepositFate::Held)
        return;
    m_supply.governanceDeposits -= p.deposit;
    if (quorumMet) {
        Account a = account(p.proposer);
        a.balance += p.deposit;   // part of the fixed supply: cannot overflow
        putAccount(p.proposer, a);
        p.depositFate = DepositFate::Returned;
    } else {
        m_supply.burned += p.deposit;
        p.depositFate = DepositFate::Burned;
    }
}

void BlockExecution::closeProposal(Proposal &p)
{
    const std::uint64_t now = m_block.slot;
    p.closedSlot = now;
    auto &classes = p.classes;
    ClassTally &authorities = classes[static_cast<std::size_t>(VoterClass::Authority)];
    authorities.eligible = m_rules.authorities.size();

    if (p.track == ProposalTrack::Emergency) {
        p.result.turnoutBps = authorities.eligible
            ? static_cast<std::uint32_t>(mulDiv(authorities.yes + authorities.no + authorities.abstain,
                                                kBasisPointsFull, authorities.eligible))
            : 0;
        p.result.supportBps = authorities.eligible
            ? static_cast<std::uint32_t>(mulDiv(authorities.yes, kBasisPointsFull, authorities.eligible))
            : 0;
        p.result.quorumMet = authorities.yes >= m_rules.authorityQuorum;
        p.result.passed = p.result.quorumMet;
        if (p.result.passed) {
            p.status = ProposalStatus::Passed;
            p.enactSlot = now;
            enactProposal(p);
        } else {
            p.status = ProposalStatus::Rejected;
            p.outcome = "The authority quorum (" + std::to_string(m_rules.authorityQuorum) + " of "
                        + std::to_string(authorities.eligible) + ") did not approve it.";
        }
        return;
    }

    const auto weighed = weighVotes(
        p, [this](const Bytes &key) { return read(key); }, [this](const PublicKey &k) { return validator(k); },
        m_validators ? *m_validators : *m_parent.m_validators, m_rules, m_supply);
    classes = weighed.classes;
    for (const auto &[index, record] : weighed.records)
        put(proposalVoteKey(p.id, index), codec::encode(record));

    p.result = tally(classes, p.rule);
    settleDeposit(p, p.result.quorumMet);
    if (p.result.passed) {
        p.status = ProposalStatus::Passed;
        if (p.enactSlot <= now)
            enactProposal(p);
        else
            scheduleProposal(p.enactSlot, p.id);
        return;
    }
    p.status = ProposalStatus::Rejected;
    p.outcome = !p.result.quorumMet
        ? "No quorum: a weighted turnout of " + percent(p.result.turnoutBps) + ", " + percent(p.rule.quorumBps)
              + " needed; the deposit is burned."
        : "Not enough support: " + percent(p.result.supportBps) + " in favour, "
              + (p.rule.strictlyAbove ? "more than " : "at least ") + percent(p.rule.passBps) + " needed.";
}

void BlockExecution::enactProposal(Proposal &p)
{
    const std::uint64_t now = m_block.slot;
    p.enactedSlot = now;
    if (p.type == ProposalType::TechnicalUpgrade) {
        if (p.upgradeSlot <= now) {
            p.status = ProposalStatus::Failed;
            p.outcome = "Not executed: the upgrade slot " + std::to_string(p.upgradeSlot) + " has passed.";
            return;
        }
        if (p.upgradeVersion <= chainRulesVersion()) {
            p.status = ProposalStatus::Failed;
            p.outcome = "Not executed: chain rules version " + std::to_string(chainRulesVersion())
                        + " is already scheduled.";
            return;
        }
        put(scheduledUpgradeKey(), codec::encode(ScheduledUpgrade{p.upgradeVersion, p.upgradeSlot, p.id}));
        p.status = ProposalStatus::Enacted;
        p.outcome = "Nodes below chain rules version " + std::to_string(p.upgradeVersion) + " stop at slot "
                    + std::to_string(p.upgradeSlot) + ".";
        return;
    }
    if (p.settings.empty()) {
        p.status = ProposalStatus::Enacted;
        p.outcome = "Adopted: the proposal's text holds from slot " + std::to_string(now) + ".";
        return;
    }
    GovernedRules g{m_rules.staking, m_rules.tradeSettlementWindowMs};
    std::string changed;
    for (const auto &s : p.settings) {
        const auto &info = governedParams()[static_cast<std::size_t>(s.param)];
        changed += (changed.empty() ? "" : ", ") + std::string(info.name) + " "
                   + std::to_string(paramValue(g.staking, g.tradeSettlementWindowMs, s.param)) + " -> "
                   + std::to_string(s.value);
        setParam(g.staking, g.tradeSettlementWindowMs, s.param, s.value);
    }
    if (Status ok = checkGoverned(g, m_rules); !ok) {
        p.status = ProposalStatus::Failed;
        p.outcome = "Not executed: " + ok.error().message;
        return;
    }
    put(governedRulesKey(), codec::encode(g));
    loadGovernedRules();
    p.status = ProposalStatus::Enacted;
    p.outcome = "Set " + changed + ".";
}

} // namespace gtx::state
