#include "core/state/state.h"

#include "core/common/arith.h"
#include "core/state/entry.h"
#include "core/types/units.h"

#include <algorithm>
#include <array>

namespace gtx::state {

namespace {

constexpr std::uint8_t kAccountTable = 'a';
constexpr std::uint8_t kValidatorTable = 'v';
constexpr std::uint8_t kDelegationTable = 'd';
constexpr std::uint8_t kUnbondingTable = 'u';
constexpr std::uint8_t kSupplyTable = 's';
constexpr std::uint8_t kMeterTable = 'm';
constexpr std::uint8_t kMeterProgressTable = 'r';
constexpr std::uint8_t kZoneTotalsTable = 'z';
constexpr std::uint8_t kGridStateTable = 'g';
constexpr std::uint8_t kEnergyPositionTable = 'e';
constexpr std::uint8_t kTradedFlowTable = 'f';
constexpr std::uint8_t kSettledOfferTable = 't';
constexpr std::uint8_t kConservationTable = 'c';
constexpr std::uint8_t kSlashCaseTable = 'x';
constexpr std::uint8_t kOffenderHistoryTable = 'h';
constexpr std::uint8_t kStakeJournalTable = 'k';
constexpr std::uint8_t kSlashPartTable = 'p';
constexpr std::uint8_t kAppealVoteTable = 'q';
constexpr std::uint8_t kAppealVoterTable = 'Q';
constexpr std::uint8_t kProposalTable = 'n';
constexpr std::uint8_t kProposalVoteTable = 'w';
constexpr std::uint8_t kProposalVoterTable = 'W';
constexpr std::uint8_t kProposalValidatorVoteTable = 'y';
constexpr std::uint8_t kBalanceLockTable = 'l';
constexpr std::uint8_t kGovernedRulesTable = 'G';
constexpr std::uint8_t kScheduledUpgradeTable = 'U';

// Big-endian, so that a table's entries for successive intervals are in time order.
void putBigEndian(std::uint8_t *out, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
}

// An interval end, and a zone then an interval end, as key parts.
std::array<std::uint8_t, 8> intervalBytes(std::int64_t intervalEndMs)
{
    std::array<std::uint8_t, 8> k{};
    putBigEndian(k.data(), static_cast<std::uint64_t>(intervalEndMs));
    return k;
}

std::array<std::uint8_t, 10> zoneInterval(GridZone zone, std::int64_t intervalEndMs)
{
    std::array<std::uint8_t, 10> k{};
    k[0] = static_cast<std::uint8_t>(zone.id >> 8);
    k[1] = static_cast<std::uint8_t>(zone.id);
    putBigEndian(k.data() + 2, static_cast<std::uint64_t>(intervalEndMs));
    return k;
}

// A corridor's traded flow entry: signed Wh; absent is zero.
std::int64_t flowOf(const std::optional<Bytes> &value)
{
    if (!value)
        return 0;
    codec::Reader r(*value);
    return r.i64();
}

std::optional<Bytes> flowEntry(std::int64_t wh)
{
    if (wh == 0)
        return std::nullopt;
    codec::Writer w;
    w.i64(wh);
    return w.take();
}

Bytes tableKey(std::uint8_t table, std::initializer_list<ByteView> parts)
{
    Bytes key{table};
    for (const auto &p : parts)
        key.insert(key.end(), p.begin(), p.end());
    return key;
}

Error overflow()
{
    return makeError("state.overflow", "The amount would overflow a balance or a total.");
}

std::optional<std::uint64_t> add(std::uint64_t a, std::uint64_t b)
{
    return checkedAdd(a, b);
}

template<typename T>
Result<T> decodePayload(const Transaction &tx, const char *what)
{
    auto p = codec::decode<T>(tx.payload, what);
    if (!p)
        return makeError("state.bad_payload", p.error().message);
    return *p;
}

Error insufficient(std::string_view what)
{
    return makeError("state.insufficient_balance", "The sender's " + std::string(what) + " is too small.");
}

} // namespace

std::uint32_t ValidatorRecord::uptimePpm() const
{
    const std::uint64_t total = blocksProduced + slotsMissed;
    if (total == 0)
        return 0;
    return static_cast<std::uint32_t>(mulDiv(blocksProduced, 1'000'000, total));
}

Bytes accountKey(const PublicKey &key)
{
    return tableKey(kAccountTable, {key.view()});
}

Bytes validatorKey(const PublicKey &key)
{
    return tableKey(kValidatorTable, {key.view()});
}

Bytes delegationKey(const PublicKey &delegator, const PublicKey &validator)
{
    return tableKey(kDelegationTable, {delegator.view(), validator.view()});
}

Bytes unbondingKey(const UnbondingKey &key)
{
    std::uint8_t slot[8];
    putBigEndian(slot, key.releaseSlot);   // key order is release order
    return tableKey(kUnbondingTable, {ByteView(slot, 8), key.owner.view(), key.validator.view()});
}

Bytes supplyKey()
{
    return Bytes{kSupplyTable};
}

Bytes meterKey(const Hash256 &id)
{
    return tableKey(kMeterTable, {id.view()});
}

Bytes meterProgressKey(const Hash256 &id)
{
    return tableKey(kMeterProgressTable, {id.view()});
}

Bytes zoneTotalsKey(GridZone zone, std::int64_t intervalEndMs)
{
    const auto k = zoneInterval(zone, intervalEndMs);
    return tableKey(kZoneTotalsTable, {ByteView(k.data(), k.size())});
}

Bytes conservationKey(GridZone zone, std::int64_t intervalEndMs)
{
    const auto k = zoneInterval(zone, intervalEndMs);
    return tableKey(kConservationTable, {ByteView(k.data(), k.size())});
}

Bytes gridStateKey(std::int64_t intervalEndMs)
{
    const auto k = intervalBytes(intervalEndMs);
    return tableKey(kGridStateTable, {ByteView(k.data(), k.size())});
}

Bytes energyPositionKey(const PublicKey &account, GridZone zone, std::int64_t intervalEndMs)
{
    const auto k = zoneInterval(zone, intervalEndMs);
    return tableKey(kEnergyPositionTable, {account.view(), ByteView(k.data(), k.size())});
}

Bytes tradedFlowKey(std::int64_t intervalEndMs, const std::string &corridor)
{
    const auto k = intervalBytes(intervalEndMs);
    return tableKey(kTradedFlowTable, {ByteView(k.data(), k.size()), asBytes(corridor)});
}

Bytes settledOfferKey(std::int64_t intervalEndMs, const Hash256 &offerId)
{
    const auto k = intervalBytes(intervalEndMs);
    return tableKey(kSettledOfferTable, {ByteView(k.data(), k.size()), offerId.view()});
}

Bytes slashCaseKey(const Hash256 &id)
{
    return tableKey(kSlashCaseTable, {id.view()});
}

static std::array<std::uint8_t, 4> indexBytes(std::uint32_t i)
{
    return {static_cast<std::uint8_t>(i >> 24), static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8),
            static_cast<std::uint8_t>(i)};
}

Bytes slashPartKey(const Hash256 &caseId, std::uint32_t index)
{
    const auto i = indexBytes(index);
    return tableKey(kSlashPartTable, {caseId.view(), ByteView(i.data(), i.size())});
}

Bytes appealVoteKey(const Hash256 &caseId, std::uint32_t index)
{
    const auto i = indexBytes(index);
    return tableKey(kAppealVoteTable, {caseId.view(), ByteView(i.data(), i.size())});
}

Bytes appealVoterKey(const Hash256 &caseId, const PublicKey &voter)
{
    return tableKey(kAppealVoterTable, {caseId.view(), voter.view()});
}

Bytes proposalKey(const Hash256 &id)
{
    return tableKey(kProposalTable, {id.view()});
}

Bytes proposalVoteKey(const Hash256 &proposal, std::uint32_t index)
{
    const auto i = indexBytes(index);
    return tableKey(kProposalVoteTable, {proposal.view(), ByteView(i.data(), i.size())});
}

Bytes proposalValidatorVoteKey(const Hash256 &proposal, std::uint32_t index)
{
    const auto i = indexBytes(index);
    return tableKey(kProposalValidatorVoteTable, {proposal.view(), ByteView(i.data(), i.size())});
}

Bytes proposalVoterKey(const Hash256 &proposal, const PublicKey &voter)
{
    return tableKey(kProposalVoterTable, {proposal.view(), voter.view()});
}

Bytes balanceLockKey(const PublicKey &key)
{
    return tableKey(kBalanceLockTable, {key.view()});
}

Bytes governedRulesKey()
{
    return Bytes{kGovernedRulesTable};
}

Bytes scheduledUpgradeKey()
{
    return Bytes{kScheduledUpgradeTable};
}

Bytes offenderHistoryKey(const PublicKey &offender)
{
    return tableKey(kOffenderHistoryTable, {offender.view()});
}

Bytes stakeJournalKey(const PublicKey &validator, const PublicKey &party)
{
    return tableKey(kStakeJournalTable, {validator.view(), party.view()});
}

void encodeTo(codec::Writer &w, const EnergyPosition &v)
{
    w.u64(v.exportWh);
    w.u64(v.importWh);
    w.u64(v.soldWh);
    w.u64(v.boughtWh);
}

void decodeFrom(codec::Reader &r, EnergyPosition &v)
{
    v.exportWh = r.u64();
    v.importWh = r.u64();
    v.soldWh = r.u64();
    v.boughtWh = r.u64();
}

void encodeTo(codec::Writer &w, const Account &v)
{
    w.u64(v.balance);
}

void decodeFrom(codec::Reader &r, Account &v)
{
    v.balance = r.u64();
}

void encodeTo(codec::Writer &w, const ValidatorRecord &v)
{
    w.fixed(v.key);
    w.enumeration(v.role);
    w.value(v.zone);
    w.u64(v.selfBond);
    w.u64(v.delegated);
    w.u64(v.verifiedEnergyWh);
    w.u64(v.blocksProduced);
    w.u64(v.slotsMissed);
    w.u64(v.registeredSlot);
    w.u64(v.rewardsEarned);
    w.u64(v.suspendedUntilSlot);
    w.u32(v.recentMisses);
    w.u8(v.dutyCount);
}

void decodeFrom(codec::Reader &r, ValidatorRecord &v)
{
    r.fixed(v.key);
    r.value(v.role);
    r.value(v.zone);
    v.selfBond = r.u64();
    v.delegated = r.u64();
    v.verifiedEnergyWh = r.u64();
    v.blocksProduced = r.u64();
    v.slotsMissed = r.u64();
    v.registeredSlot = r.u64();
    v.rewardsEarned = r.u64();
    v.suspendedUntilSlot = r.u64();
    v.recentMisses = r.u32();
    v.dutyCount = r.u8();
    if (v.dutyCount > 32)
        r.fail("a validator's duty count is at most 32");
}

void encodeTo(codec::Writer &w, const Supply &v)
{
    w.u64(v.total);
    w.u64(v.bonded);
    w.u64(v.unbonding);
    w.u64(v.pendingSlashes);
    w.u64(v.burned);
    w.u64(v.rewardsPaid);
    w.u64(v.governanceDeposits);
}

void decodeFrom(codec::Reader &r, Supply &v)
{
    v.total = r.u64();
    v.bonded = r.u64();
    v.unbonding = r.u64();
    v.pendingSlashes = r.u64();
    v.burned = r.u64();
    v.rewardsPaid = r.u64();
    v.governanceDeposits = r.u64();
}

void encodeTo(codec::Writer &w, const StakingParams &v)
{
    w.u64(v.transactionFee);
    w.u64(v.unbondingSlots);
    w.u32(v.maxValidatorRecords);
    w.u32(v.maxMissedSlotsCounted);
    w.u64(v.appealWindowSlots);
    w.u64(v.appealFilingSlots);
    w.u64(v.communityReviewSlots);
    w.u64(v.temporarySuspensionSlots);
    w.u64(v.extendedSuspensionSlots);
    w.u32(v.downtimeMinDuties);
    w.u32(v.downtimeThresholdBps);
    w.u64(v.proposalDeposit);
    w.u64(v.emergencyVotingSlots);
    w.u64(v.standardVotingSlots);
    w.u64(v.standardWaitSlots);
    w.u64(v.constitutionalVotingSlots);
    w.u64(v.constitutionalWaitSlots);
    for (const std::uint32_t weight : v.classWeightsBps)
        w.u32(weight);
    w.u32(v.standardQuorumBps);
    w.u32(v.standardPassBps);
    w.u32(v.constitutionalQuorumBps);
    w.u32(v.constitutionalPassBps);
}

void decodeFrom(codec::Reader &r, StakingParams &v)
{
    v.transactionFee = r.u64();
    v.unbondingSlots = r.u64();
    v.maxValidatorRecords = r.u32();
    v.maxMissedSlotsCounted = r.u32();
    v.appealWindowSlots = r.u64();
    v.appealFilingSlots = r.u64();
    v.communityReviewSlots = r.u64();
    v.temporarySuspensionSlots = r.u64();
    v.extendedSuspensionSlots = r.u64();
    v.downtimeMinDuties = r.u32();
    v.downtimeThresholdBps = r.u32();
    v.proposalDeposit = r.u64();
    v.emergencyVotingSlots = r.u64();
    v.standardVotingSlots = r.u64();
    v.standardWaitSlots = r.u64();
    v.constitutionalVotingSlots = r.u64();
    v.constitutionalWaitSlots = r.u64();
    for (std::uint32_t &weight : v.classWeightsBps)
        weight = r.u32();
    v.standardQuorumBps = r.u32();
    v.standardPassBps = r.u32();
    v.constitutionalQuorumBps = r.u32();
    v.constitutionalPassBps = r.u32();
}

void encodeTo(codec::Writer &w, const GovernedRules &v)
{
    encodeTo(w, v.staking);
    w.i64(v.tradeSettlementWindowMs);
}

void decodeFrom(codec::Reader &r, GovernedRules &v)
{
    decodeFrom(r, v.staking);
    v.tradeSettlementWindowMs = r.i64();
}

// --- State -------------------------------------------------------------

State::State()
    : m_validators(std::make_shared<std::vector<ValidatorRecord>>()),
      m_unbonding(std::make_shared<std::map<UnbondingKey, std::uint64_t>>()),
      m_stakeParties(std::make_shared<std::set<std::pair<PublicKey, PublicKey>>>()),
      m_pendingCases(std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>()),
      m_caseIds(std::make_shared<std::vector<Hash256>>()),
      m_pendingProposals(std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>()),
      m_proposalIds(std::make_shared<std::vector<Hash256>>())
{
}

bool State::isGovernance(TransactionKind kind)
{
    return kind == TransactionKind::SlashAppeal || kind == TransactionKind::GovernanceProposal
           || kind == TransactionKind::GovernanceVote;
}

bool State::paysFee(TransactionKind kind)
{
    switch (kind) {
    case TransactionKind::Transfer:
    case TransactionKind::Bond:
    case TransactionKind::Unbond:
    case TransactionKind::Delegate:
    case TransactionKind::Redelegate:
    case TransactionKind::RandaoReveal:
    case TransactionKind::EnergyTrade:
    case TransactionKind::EnergyEvidence:   // anyone may send it: the fee is its price
        return true;
    default:
        return false;
    }
}

Result<State> State::genesis(const GenesisAllocation &allocation, const StateRules &rules)
{
    auto bad = [](const std::string &why) { return makeError("state.bad_genesis", why); };
    std::map<PublicKey, std::uint64_t> balances;
    Supply supply;
    for (const auto &[key, amount] : allocation.balances) {
        auto b = add(balances[key], amount);
        auto t = add(supply.total, amount);
        if (!b || !t)
            return bad("The genesis balances overflow.");
        balances[key] = *b;
        supply.total = *t;
    }
    std::map<PublicKey, ValidatorRecord> validators;
    for (const auto &g : allocation.validators) {
        const std::uint64_t minimum = g.role == ValidatorRole::Stake ? rules.minSelfBond : rules.energyMinSelfBond;
        if (g.key.isZero() || g.selfBond < minimum)
            return bad("A genesis validator has no key or bonds less than its role's minimum.");
        if (validators.count(g.key))
            return bad("A genesis validator appears twice.");
        auto t = add(supply.total, g.selfBond);
        auto bonded = add(supply.bonded, g.selfBond);
        if (!t || !bonded)
            return bad("The genesis bonds overflow.");
        supply.total = *t;
        supply.bonded = *bonded;
        ValidatorRecord v;
        v.key = g.key;
        v.role = g.role;
        v.zone = g.zone;
        v.selfBond = g.selfBond;
        v.verifiedEnergyWh = g.verifiedEnergyWh;
        validators.emplace(g.key, v);
    }
    if (validators.size() > rules.staking.maxValidatorRecords)
        return bad("The genesis has more validators than the registry holds.");
    std::map<Hash256, energy::MeterRecord> meters;
    for (energy::MeterRecord m : allocation.meters) {
        if (!rules.gridModel)
            return bad("The genesis registers meters but the network has no grid model.");
        if (auto ok = energy::checkMeterRecord(*rules.gridModel, m); !ok)
            return bad("A genesis meter is invalid: " + ok.error().message);
        m.status = energy::MeterStatus::Active;
        if (!meters.emplace(m.id, m).second)
            return bad("A genesis meter appears twice.");
    }

    std::vector<StateChange> changes;
    for (const auto &[key, amount] : balances)
        if (amount != 0)   // an empty account is no entry
            changes.push_back({accountKey(key), codec::encode(Account{amount})});
    auto records = std::make_shared<std::vector<ValidatorRecord>>();
    for (const auto &[key, v] : validators) {
        changes.push_back({validatorKey(key), codec::encode(v)});
        records->push_back(v);
    }
    for (const auto &[id, m] : meters)
        changes.push_back({meterKey(id), codec::encode(m)});
    changes.push_back({supplyKey(), codec::encode(supply)});
    State s;
    s.m_trie = s.m_trie.with(changes);
    s.m_validators = std::move(records);
    return s;
}

std::vector<StateChange> State::entries() const
{
    std::vector<StateChange> out;
    out.reserve(m_trie.size());
    m_trie.forEach([&](ByteView k, ByteView v) {
        out.push_back({Bytes(k.begin(), k.end()), Bytes(v.begin(), v.end())});
    });
    return out;
}

Account State::account(const PublicKey &key) const
{
    const auto v = m_trie.get(accountKey(key));
    if (!v)
        return {};
    auto a = codec::decode<Account>(*v, "account");
    return a ? *a : Account{};
}

std::optional<ValidatorRecord> State::validator(const PublicKey &key) const
{
    const auto it = std::lower_bound(m_validators->begin(), m_validators->end(), key,
                                     [](const ValidatorRecord &v, const PublicKey &k) { return v.key < k; });
    if (it == m_validators->end() || it->key != key)
        return std::nullopt;
    return *it;
}

std::optional<energy::MeterRecord> State::meter(const Hash256 &id) const
{
    return entryOf<energy::MeterRecord>(m_trie.get(meterKey(id)), "meter record");
}

std::optional<energy::MeterProgress> State::meterProgress(const Hash256 &id) const
{
    return entryOf<energy::MeterProgress>(m_trie.get(meterProgressKey(id)), "meter progress");
}

std::optional<energy::GridStateReport> State::gridState(std::int64_t intervalEndMs) const
{
    return entryOf<energy::GridStateReport>(m_trie.get(gridStateKey(intervalEndMs)), "grid state");
}

EnergyPosition State::energyPosition(const PublicKey &account, GridZone zone, std::int64_t intervalEndMs) const
{
    return entryOf<EnergyPosition>(m_trie.get(energyPositionKey(account, zone, intervalEndMs)), "energy position")
        .value_or(EnergyPosition{});
}

std::int64_t State::tradedFlowWh(const std::string &corridor, std::int64_t intervalEndMs) const
{
    return flowOf(m_trie.get(tradedFlowKey(intervalEndMs, corridor)));
}

bool State::offerSettled(const Hash256 &offerId, std::int64_t intervalEndMs) const
{
    return m_trie.get(settledOfferKey(intervalEndMs, offerId)).has_value();
}

std::optional<SlashCase> State::slashCase(const Hash256 &id) const
{
    return entryOf<SlashCase>(m_trie.get(slashCaseKey(id)), "slash case");
}

std::vector<SlashPart> State::slashParts(const SlashCase &c) const
{
    std::vector<SlashPart> parts;
    parts.reserve(c.partCount);
    for (std::uint32_t i = 0; i < c.partCount; ++i)
        if (auto p = entryOf<SlashPart>(m_trie.get(slashPartKey(c.id, i)), "slash part"))
            parts.push_back(*p);
    return parts;
}

std::vector<AppealRecord> State::appealVotes(const SlashCase &c) const
{
    std::vector<AppealRecord> votes;
    votes.reserve(c.appeal.voteCount);
    for (std::uint32_t i = 0; i < c.appeal.voteCount; ++i)
        if (auto v = entryOf<AppealRecord>(m_trie.get(appealVoteKey(c.id, i)), "appeal vote"))
            votes.push_back(*v);
    return votes;
}

std::vector<AppealRecord> State::appealTrail(const SlashCase &c) const
{
    std::vector<AppealRecord> trail = c.appeal.trail;
    const std::vector<AppealRecord> votes = appealVotes(c);
    trail.insert(trail.end(), votes.begin(), votes.end());
    std::stable_sort(trail.begin(), trail.end(), [](const AppealRecord &a, const AppealRecord &b) {
        return a.slot < b.slot || (a.slot == b.slot && a.stage < b.stage);
    });
    return trail;
}

OffenderHistory State::offenderHistory(const PublicKey &offender) const
{
    return entryOf<OffenderHistory>(m_trie.get(offenderHistoryKey(offender)), "offender history")
        .value_or(OffenderHistory{});
}

StakeJournal State::stakeJournal(const PublicKey &validator, const PublicKey &party) const
{
    return entryOf<StakeJournal>(m_trie.get(stakeJournalKey(validator, party)), "stake journal")
        .value_or(StakeJournal{});
}

std::optional<energy::ConservationFigures> State::conservation(GridZone zone, std::int64_t intervalEndMs) const
{
    return entryOf<energy::ConservationFigures>(m_trie.get(conservationKey(zone, intervalEndMs)), "conservation");
}

energy::ZoneTotals State::zoneTotals(GridZone zone, std::int64_t intervalEndMs) const
{
    return entryOf<energy::ZoneTotals>(m_trie.get(zoneTotalsKey(zone, intervalEndMs)), "zone totals")
        .value_or(energy::ZoneTotals{});
}

std::uint64_t State::delegation(const PublicKey &delegator, const PublicKey &validator) const
{
    const auto v = m_trie.get(delegationKey(delegator, validator));
    if (!v)
        return 0;
    auto amount = codec::decode<Account>(*v, "delegation");
    return amount ? amount->balance : 0;
}

Supply State::supply() const
{
    const auto v = m_trie.get(supplyKey());
    if (!v)
        return {};
    auto s = codec::decode<Supply>(*v, "supply");
    return s ? *s : Supply{};
}

// --- BlockExecution ----------------------------------------------------

BlockExecution::BlockExecution(const State &parent, const StateRules &rules, const BlockContext &block,
                               crypto::SignatureVerifier *verifier)
    : m_parent(parent), m_rules(rules), m_block(block), m_supply(parent.supply()), m_verifier(verifier)
{
    // 0. The rules governance has set, and proposals due: votes that close,
    //    proposals that execute (their rules hold from here on).
    loadGovernedRules();
    processDueProposals();
    // 1. Matured unbonding returns to the owners' balances.
    for (auto it = parent.m_unbonding->begin();
         it != parent.m_unbonding->end() && it->first.releaseSlot <= block.slot; ++it) {
        Account a = account(it->first.owner);
        a.balance += it->second;   // cannot overflow: both are parts of the fixed total supply
        putAccount(it->first.owner, a);
        m_supply.unbonding -= it->second;
        if (!m_unbonding)
            m_unbonding = std::make_shared<std::map<UnbondingKey, std::uint64_t>>(*parent.m_unbonding);
        m_unbonding->erase(it->first);
        put(unbondingKey(it->first), std::nullopt);
    }
    // 2. The proposer's block and the skipped slots' missed proposals.
    // 3. Slashes whose appeal window has ended are burned; suspensions that
    //    have ended are lifted.
    executeDueCases();
    endSuspensions();
    // 4. Duties, judged for downtime.
    if (const ValidatorRecord *v = validator(block.proposer)) {
        ValidatorRecord updated = *v;
        ++updated.blocksProduced;
        recordDuty(updated, false);
    }
    if (block.missedProposers.size() <= m_rules.staking.maxMissedSlotsCounted) {
        for (const auto &key : block.missedProposers) {
            if (const ValidatorRecord *v = validator(key)) {
                ValidatorRecord updated = *v;
                ++updated.slotsMissed;
                recordDuty(updated, true);
            }
        }
    }
}

void BlockExecution::put(Bytes key, std::optional<Bytes> value)
{
    m_writes.insert_or_assign(std::move(key), std::move(value));
}

std::optional<Bytes> BlockExecution::read(const Bytes &key) const
{
    const auto it = m_writes.find(key);
    if (it != m_writes.end())
        return it->second;
    return m_parent.m_trie.get(key);
}

Account BlockExecution::account(const PublicKey &key) const
{
    const auto v = read(accountKey(key));
    if (!v)
        return {};
    auto a = codec::decode<Account>(*v, "account");
    return a ? *a : Account{};
}

void BlockExecution::putAccount(const PublicKey &key, const Account &a)
{
    // An empty account is no entry, so the state holds no dust records.
    put(accountKey(key), a.balance == 0 ? std::nullopt : std::optional<Bytes>(codec::encode(a)));
}

Result<Account> BlockExecution::payer(const PublicKey &sender, std::uint64_t amount, std::uint64_t fee) const
{
    // The one rule for what a sender can pay: `amount` plus the fee, from its balance.
    const auto cost = add(amount, fee);
    if (!cost)
        return overflow();
    // A community vote's lock holds part of the balance until its vote closes.
    Account a = account(sender);
    const BalanceLock lock = amount == 0 ? BalanceLock{} : balanceLock(sender);
    const std::uint64_t locked = lock.lockedAt(m_block.slot);
    const std::uint64_t spendable = a.balance > locked ? a.balance - locked : 0;
    if (spendable < *cost) {
        if (a.balance >= *cost)
            return makeError("state.balance_locked",
                             formatGt(locked) + " GT of this balance are held by governance votes (all free from slot "
                                 + std::to_string(lock.freeFrom(m_block.slot)) + ").");
        return insufficient(amount == 0 ? "balance for the fee" : "balance");
    }
    a.balance -= *cost;
    return a;
}

const ValidatorRecord *BlockExecution::validator(const PublicKey &key) const
{
    const auto &list = m_validators ? *m_validators : *m_parent.m_validators;
    const auto it = std::lower_bound(list.begin(), list.end(), key,
                                     [](const ValidatorRecord &v, const PublicKey &k) { return v.key < k; });
    return it != list.end() && it->key == key ? &*it : nullptr;
}

std::vector<ValidatorRecord> &BlockExecution::validatorsForWrite()
{
    if (!m_validators)
        m_validators = std::make_shared<std::vector<ValidatorRecord>>(*m_parent.m_validators);
    return *m_validators;
}

void BlockExecution::putValidator(const ValidatorRecord &v)
{
    auto &list = validatorsForWrite();
    const auto it = std::lower_bound(list.begin(), list.end(), v.key,
                                     [](const ValidatorRecord &r, const PublicKey &k) { return r.key < k; });
    if (it != list.end() && it->key == v.key)
        *it = v;
    else
        list.insert(it, v);
    put(validatorKey(v.key), codec::encode(v));
}

void BlockExecution::eraseValidator(const PublicKey &key)
{
    auto &list = validatorsForWrite();
    list.erase(std::remove_if(list.begin(), list.end(), [&](const ValidatorRecord &r) { return r.key == key; }),
               list.end());
    put(validatorKey(key), std::nullopt);
}

std::uint64_t BlockExecution::delegation(const PublicKey &delegator, const PublicKey &validator) const
{
    const auto v = read(delegationKey(delegator, validator));
    if (!v)
        return 0;
    auto a = codec::decode<Account>(*v, "delegation");
    return a ? a->balance : 0;
}

void BlockExecution::putDelegation(const PublicKey &delegator, const PublicKey &validator, std::uint64_t amount)
{
    if (amount != 0 && !(m_stakeParties ? *m_stakeParties : *m_parent.m_stakeParties).count({validator, delegator})) {
        if (!m_stakeParties)
            m_stakeParties = std::make_shared<std::set<std::pair<PublicKey, PublicKey>>>(*m_parent.m_stakeParties);
        m_stakeParties->emplace(validator, delegator);
    }
    put(delegationKey(delegator, validator),
        amount == 0 ? std::nullopt : std::optional<Bytes>(codec::encode(Account{amount})));
}

void BlockExecution::addUnbonding(const UnbondingKey &key, std::uint64_t amount)
{
    if (!m_unbonding)
        m_unbonding = std::make_shared<std::map<UnbondingKey, std::uint64_t>>(*m_parent.m_unbonding);
    std::uint64_t &slot = (*m_unbonding)[key];
    slot += amount;   // bounded by the total supply
    put(unbondingKey(key), codec::encode(Account{slot}));
    m_supply.unbonding += amount;
}

void BlockExecution::payReward(const PublicKey &key, std::uint64_t amount)
{
    Account a = account(key);
    a.balance += amount;   // part of the fixed supply: cannot overflow
    putAccount(key, a);
    m_supply.rewardsPaid += amount;
    if (const ValidatorRecord *v = validator(key)) {
        ValidatorRecord updated = *v;
        updated.rewardsEarned += amount;
        putValidator(updated);
    }
}

std::uint64_t BlockExecution::minimumFor(ValidatorRole role) const
{
    return role == ValidatorRole::Stake ? m_rules.minSelfBond : m_rules.energyMinSelfBond;
}

Status BlockExecution::apply(const Transaction &tx)
{
    if (tx.kind == TransactionKind::MeterReading)
        return meterReadings(tx);
    if (tx.kind == TransactionKind::MeterRegistry)
        return meterRegistry(tx);
    if (tx.kind == TransactionKind::GridState)
        return gridState(tx);
    if (tx.kind == TransactionKind::SlashAppeal)
        return appeal(tx);
    if (tx.kind == TransactionKind::GovernanceProposal)
        return propose(tx);
    if (tx.kind == TransactionKind::GovernanceVote)
        return governanceVote(tx);
    if (!State::paysFee(tx.kind))
        return Status::success();   // kinds the state machine does not execute yet
    const std::uint64_t fee = m_rules.staking.transactionFee;
    Status result = Status::success();
    switch (tx.kind) {
    case TransactionKind::Transfer:
        result = transfer(tx, fee);
        break;
    case TransactionKind::Bond:
        result = bond(tx, fee);
        break;
    case TransactionKind::Unbond:
        result = unbond(tx, fee);
        break;
    case TransactionKind::Delegate:
        result = delegate(tx, fee);
        break;
    case TransactionKind::Redelegate:
        result = redelegate(tx, fee);
        break;
    case TransactionKind::EnergyTrade:
        result = trade(tx, fee);
        break;
    case TransactionKind::EnergyEvidence:
        result = energyEvidence(tx, fee);
        break;
    default: {   // pays the fee and changes nothing else (RANDAO reveals)
        auto a = payer(tx.sender, 0, fee);
        if (!a)
            return a.error();
        putAccount(tx.sender, *a);
        break;
    }
    }
    if (!result)
        return result;
    m_fees += fee;   // left a balance; finish() pays it out (bounded by the supply)
    return Status::success();
}

std::optional<energy::MeterRecord> BlockExecution::meterRecord(const Hash256 &id) const
{
    return entryOf<energy::MeterRecord>(read(meterKey(id)), "meter record");
}

std::optional<energy::MeterProgress> BlockExecution::meterProgress(const Hash256 &id) const
{
    return entryOf<energy::MeterProgress>(read(meterProgressKey(id)), "meter progress");
}

Status BlockExecution::meterReadings(const Transaction &tx)
{
    if (!m_rules.gridModel)
        return makeError("energy.no_grid_model", "This network has no grid model, so it takes no meter data.");
    auto batch = decodePayload<energy::ReadingBatch>(tx, "reading batch");
    if (!batch)
        return batch.error();
    if (batch->witness != tx.sender)
        return makeError("energy.bad_witness", "A reading batch is sent by the grid operator that witnessed it.");
    GTX_TRY(energy::checkBatch(m_rules.networkId, *m_rules.gridModel, m_rules.gridOperators, *batch, m_verifier));

    // Each reading on its own: one refused by its rules changes nothing.
    const energy::BatchReadingContext context{m_rules.readings, *m_rules.gridModel, m_rules.networkId,
                                              batch->zone, m_block.timeMs, m_verifier};
    std::map<Hash256, energy::MeterProgress> progress;   // this batch's, ahead of the writes
    std::map<PublicKey, std::uint64_t> produced;         // verified export per owner
    std::map<Bytes, EnergyPosition> metered;             // per owner and interval, this batch's
    std::map<std::int64_t, energy::ZoneTotals> totals;   // the batch zone's, per interval end
    std::uint64_t accepted = 0;
    std::map<std::string, std::uint64_t> refused;
    std::optional<Error> lastRefusal;
    for (const auto &r : batch->readings) {
        const auto record = meterRecord(r.meterId);
        const auto known = progress.find(r.meterId);
        const auto previous = known != progress.end() ? std::optional<energy::MeterProgress>(known->second)
                                                      : meterProgress(r.meterId);
        auto next = energy::checkBatchReading(context, record ? &*record : nullptr, previous, r);
        if (!next) {
            ++refused[next.error().code];
            lastRefusal = next.error();
            continue;
        }
        progress[r.meterId] = *next;
        ++accepted;
        energy::ZoneTotals &t = totals[next->lastIntervalEndMs];
        auto importSum = add(t.importWh, r.importWh);
        auto exportSum = add(t.exportWh, r.exportWh);
        if (!importSum || !exportSum)
            return overflow();
        t.importWh = *importSum;
        t.exportWh = *exportSum;
        ++t.readings;   // at most the batch's 8,192 readings per call
        EnergyPosition &mine = metered[energyPositionKey(record->owner, batch->zone, next->lastIntervalEndMs)];
        auto ownImport = add(mine.importWh, r.importWh);
        auto ownExport = add(mine.exportWh, r.exportWh);
        if (!ownImport || !ownExport)
            return overflow();
        mine.importWh = *ownImport;
        mine.exportWh = *ownExport;
        if (r.exportWh > 0) {
            auto sum = add(produced[record->owner], r.exportWh);
            if (!sum)
                return overflow();
            produced[record->owner] = *sum;
        }
    }
    // Verified production is an energy validator's weight: it is credited
    // to the validator whose key owns the meter.
    std::vector<ValidatorRecord> credited;
    for (const auto &[owner, wh] : produced) {
        const ValidatorRecord *v = validator(owner);
        if (!v || v->role != ValidatorRole::Energy)
            continue;
        ValidatorRecord updated = *v;
        auto sum = add(updated.verifiedEnergyWh, wh);
        if (!sum)
            return overflow();
        updated.verifiedEnergyWh = *sum;
        credited.push_back(updated);
    }
    std::vector<std::pair<Bytes, energy::ZoneTotals>> zoneWrites;
    std::vector<std::pair<Bytes, energy::ConservationFigures>> conservationWrites;
    for (const auto &[end, t] : totals) {
        Bytes key = zoneTotalsKey(batch->zone, end);
        energy::ZoneTotals sum = entryOf<energy::ZoneTotals>(read(key), "zone totals").value_or(energy::ZoneTotals{});
        auto importSum = add(sum.importWh, t.importWh);
        auto exportSum = add(sum.exportWh, t.exportWh);
        if (!importSum || !exportSum || sum.readings > UINT32_MAX - t.readings)
            return overflow();
        sum.importWh = *importSum;
        sum.exportWh = *exportSum;
        sum.readings += t.readings;
        // The zone's conservation, judged again on the new totals once EGAT
        // has reported the interval's flows.
        if (const auto report = entryOf<energy::GridStateReport>(read(gridStateKey(end)), "grid state"))
            conservationWrites.emplace_back(
                conservationKey(batch->zone, end),
                energy::judgeConservation(*m_rules.gridModel, sum,
                                          energy::zoneExchange(*m_rules.gridModel, *report, batch->zone)));
        zoneWrites.emplace_back(std::move(key), sum);
    }
    std::vector<std::pair<Bytes, EnergyPosition>> positionWrites;
    for (const auto &[key, add_] : metered) {
        EnergyPosition p = position(key);
        auto importSum = add(p.importWh, add_.importWh);
        auto exportSum = add(p.exportWh, add_.exportWh);
        if (!importSum || !exportSum)
            return overflow();
        p.importWh = *importSum;
        p.exportWh = *exportSum;
        positionWrites.emplace_back(key, p);
    }
    // Nothing is written before every check has passed.
    for (auto &[key, p] : positionWrites)
        put(std::move(key), codec::encode(p));
    for (auto &[key, sum] : zoneWrites)
        put(std::move(key), codec::encode(sum));
    for (auto &[key, figures] : conservationWrites)
        put(std::move(key), codec::encode(figures));
    for (const auto &v : credited)
        putValidator(v);
    for (const auto &[id, p] : progress)
        put(meterProgressKey(id), codec::encode(p));
    m_readingsAccepted += accepted;
    for (const auto &[code, n] : refused)
        m_readingsRefused[code] += n;
    if (lastRefusal)
        m_lastReadingRefusal = lastRefusal;
    return Status::success();
}

Status BlockExecution::meterRegistry(const Transaction &tx)
{
    if (!m_rules.gridModel)
        return makeError("energy.no_grid_model", "This network has no grid model, so it takes no meter data.");
    auto change = decodePayload<energy::MeterRegistryChange>(tx, "meter registry change");
    if (!change)
        return change.error();
    const auto existing = meterRecord(change->record.id);
    energy::MeterRecord next;
    bool resetProgress = false;
    if (change->action == energy::MeterRegistryAction::Register) {
        if (existing)
            return makeError("energy.meter_exists", "A meter with this id is already registered.");
        GTX_TRY(energy::checkMeterRecord(*m_rules.gridModel, change->record));
        next = change->record;
        next.status = energy::MeterStatus::Active;
    } else {
        if (!existing)
            return makeError("energy.unknown_meter", "No meter with this id is registered.");
        if (existing->status == energy::MeterStatus::Retired)
            return makeError("energy.meter_retired", "The meter is retired.");
        next = *existing;
        switch (change->action) {
        case energy::MeterRegistryAction::Suspend:
            next.status = energy::MeterStatus::Suspended;
            break;
        case energy::MeterRegistryAction::Retire:
            next.status = energy::MeterStatus::Retired;
            break;
        case energy::MeterRegistryAction::Rekey:
            if (change->record.key.isZero() || change->record.key == existing->key)
                return makeError("energy.bad_registration",
                                 "The meter cannot be re-keyed: the new key is empty or the meter's current key.");
            next.key = change->record.key;
            next.status = energy::MeterStatus::Active;
            resetProgress = true;
            break;
        case energy::MeterRegistryAction::Register:
            break;
        }
    }
    // Only the grid operator of the meter's zone changes its record.
    const energy::ZoneModel *zone = m_rules.gridModel->zone(next.zone);
    const auto op = zone ? m_rules.gridOperators.find(zone->gridOperator) : m_rules.gridOperators.end();
    if (op == m_rules.gridOperators.end() || op->second != tx.sender)
        return makeError("energy.not_grid_operator", "Only the grid operator of the meter's zone may change its record.");
    put(meterKey(next.id), codec::encode(next));
    if (resetProgress) {
        const auto fresh = energy::progressAfterRekey(meterProgress(next.id));
        put(meterProgressKey(next.id), fresh ? std::optional<Bytes>(codec::encode(*fresh)) : std::nullopt);
    }
    return Status::success();
}

Status BlockExecution::gridState(const Transaction &tx)
{
    if (!m_rules.gridModel)
        return makeError("energy.no_grid_model", "This network has no grid model, so it takes no grid state.");
    // EGAT operates the transmission system: its report is the grid's state.
    const auto egat = m_rules.gridOperators.find(AuthorityType::EGAT);
    if (egat == m_rules.gridOperators.end() || egat->second != tx.sender)
        return makeError("grid.not_operator", "Only EGAT, the transmission system operator, reports the grid's state.");
    auto report = decodePayload<energy::GridStateReport>(tx, "grid-state report");
    if (!report)
        return report.error();
    GTX_TRY(energy::checkGridState(*m_rules.gridModel, *report, m_block.timeMs, m_rules.readings.maxAgeMs));
    // A later report for the interval corrects an earlier one, and every
    // zone with readings in the interval is judged again on it.
    put(gridStateKey(report->intervalEndMs), codec::encode(*report));
    for (const auto &zone : m_rules.gridModel->zones) {
        const auto totals = entryOf<energy::ZoneTotals>(read(zoneTotalsKey(zone.zone, report->intervalEndMs)),
                                                        "zone totals");
        if (!totals || totals->readings == 0)
            continue;   // a zone is judged on its meters' data: none, no verdict
        put(conservationKey(zone.zone, report->intervalEndMs),
            codec::encode(energy::judgeConservation(*m_rules.gridModel, *totals,
                                                    energy::zoneExchange(*m_rules.gridModel, *report, zone.zone))));
    }
    return Status::success();
}

EnergyPosition BlockExecution::position(const Bytes &key) const
{
    return entryOf<EnergyPosition>(read(key), "energy position").value_or(EnergyPosition{});
}

Status BlockExecution::trade(const Transaction &tx, std::uint64_t fee)
{
    if (!m_rules.gridModel)
        return makeError("energy.no_grid_model", "This network has no grid model, so it settles no energy trades.");
    auto decoded = decodePayload<energy::EnergyTrade>(tx, "energy trade");
    if (!decoded)
        return decoded.error();
    const energy::EnergyTrade &t = *decoded;
    if (t.buyer != tx.sender)
        return makeError("trade.not_buyer", "An energy trade is sent by its buyer, who accepts the seller's offer.");
    GTX_TRY(energy::checkTradeTerms(m_rules.networkId, *m_rules.gridModel, t, m_block.timeMs,
                                    m_rules.tradeSettlementWindowMs, m_verifier));
    const Hash256 offer = energy::tradeOfferId(t);
    Bytes offerKey = settledOfferKey(t.intervalEndMs, offer);
    if (read(offerKey))
        return makeError("trade.settled", "This offer has already settled.");

    // Energy that was really there: the seller's unsold export and the
    // buyer's unbought import, in their zones and the interval.
    Bytes sellerKey = energyPositionKey(t.seller, t.sellerZone, t.intervalEndMs);
    Bytes buyerKey = energyPositionKey(t.buyer, t.buyerZone, t.intervalEndMs);
    EnergyPosition seller = position(sellerKey);
    EnergyPosition buyer = position(buyerKey);
    if (seller.exportWh - seller.soldWh < t.energyWh)
        return makeError("trade.seller_energy",
                         "The seller's verified export for the interval does not cover the energy sold ("
                             + std::to_string(seller.exportWh - seller.soldWh) + " Wh unsold, "
                             + std::to_string(t.energyWh) + " Wh offered).");
    if (buyer.importWh - buyer.boughtWh < t.energyWh)
        return makeError("trade.buyer_energy",
                         "The buyer's verified import for the interval does not cover the energy bought ("
                             + std::to_string(buyer.importWh - buyer.boughtWh) + " Wh not yet bought, "
                             + std::to_string(t.energyWh) + " Wh asked).");
    seller.soldWh += t.energyWh;
    buyer.boughtWh += t.energyWh;

    // Between zones, every corridor on the route carries it within its firm
    // capacity, counting EGAT's measured flow and the trades scheduled so
    // far. A trade that lowers a corridor's loading always fits.
    auto route = energy::tradeRoute(*m_rules.gridModel, t.sellerZone, t.buyerZone);
    if (!route)
        return route.error();
    const auto report = entryOf<energy::GridStateReport>(read(gridStateKey(t.intervalEndMs)), "grid state");
    std::vector<std::pair<Bytes, std::int64_t>> flowWrites;
    for (const auto &step : *route) {
        Bytes key = tradedFlowKey(t.intervalEndMs, step.corridor);
        const std::int64_t traded = flowOf(read(key));
        const std::int64_t measured = energy::reportedCorridorFlowWh(*m_rules.gridModel, step.corridor,
                                                                     report ? &*report : nullptr);
        // energyWh is at most the seller's export, itself a sum of bounded readings.
        const Int128 delta = step.forward ? static_cast<Int128>(t.energyWh) : -static_cast<Int128>(t.energyWh);
        const Int128 next = static_cast<Int128>(traded) + delta;
        if (next > INT64_MAX || next < INT64_MIN)
            return overflow();
        const Int128 before = static_cast<Int128>(measured) + traded;
        const Int128 after = static_cast<Int128>(measured) + next;
        // Firm capacity with the circuits EGAT reports out of service left out.
        const std::uint64_t firmMw =
            energy::corridorCapacity(*m_rules.gridModel, step.corridor, report ? &*report : nullptr).firmCapacityMw;
        const Int128 firm = static_cast<Int128>(firmMw) * energy::kWhPerMwInterval;
        auto magnitude = [](Int128 v) { return v < 0 ? -v : v; };
        if (magnitude(after) > firm && magnitude(after) >= magnitude(before))
            return makeError("trade.line_capacity",
                             "The trade would load corridor " + step.corridor + " beyond its firm capacity of "
                                 + std::to_string(firmMw) + " MW for the interval.");
        flowWrites.emplace_back(std::move(key), static_cast<std::int64_t>(next));
    }

    const std::uint64_t payment = *energy::tradePayment(t);   // checked in checkTradeTerms
    auto from = payer(tx.sender, payment, fee);
    if (!from)
        return from.error();
    Account to = account(t.seller);
    const auto credited = add(to.balance, payment);
    if (!credited)
        return overflow();
    to.balance = *credited;
    // Every check has passed: the trade applies whole.
    putAccount(tx.sender, *from);
    putAccount(t.seller, to);
    put(std::move(sellerKey), codec::encode(seller));
    put(std::move(buyerKey), codec::encode(buyer));
    for (auto &[key, flow] : flowWrites)
        put(std::move(key), flowEntry(flow));
    put(std::move(offerKey), Bytes{1});
    return Status::success();
}

Status BlockExecution::transfer(const Transaction &tx, std::uint64_t fee)
{
    auto decoded = decodePayload<TransferPayload>(tx, "transfer");
    if (!decoded)
        return decoded.error();
    const TransferPayload &p = *decoded;
    if (p.amount == 0)
        return makeError("state.zero_amount", "A transfer must move a positive amount.");
    auto from = payer(tx.sender, p.amount, fee);
    if (!from)
        return from.error();
    if (p.to == tx.sender) {
        from->balance += p.amount;   // to itself: only the fee leaves
        putAccount(tx.sender, *from);
        return Status::success();
    }
    Account to = account(p.to);
    const auto credited = add(to.balance, p.amount);
    if (!credited)
        return overflow();
    to.balance = *credited;
    putAccount(tx.sender, *from);
    putAccount(p.to, to);
    return Status::success();
}

Status BlockExecution::bond(const Transaction &tx, std::uint64_t fee)
{
    auto decoded = decodePayload<BondPayload>(tx, "bond");
    if (!decoded)
        return decoded.error();
    const BondPayload &p = *decoded;
    if (p.amount == 0)
        return makeError("state.zero_amount", "A bond must lock a positive amount.");
    auto a = payer(tx.sender, p.amount, fee);
    if (!a)
        return a.error();
    // An authority answers to the regulator, not with stake: its key bonds
    // none (else it would take delegations no slash could reach).
    if (std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), tx.sender))
        return makeError("state.authority_key", "An authority's key cannot bond as a validator.");
    const OffenderHistory history = offenderHistory(tx.sender);
    const std::uint64_t suspension = suspensionOf(history);
    if (suspension == kBannedForever)
        return makeError("state.banned", "This key was banned for a critical offence and cannot bond again.");
    ValidatorRecord v;
    if (const ValidatorRecord *existing = validator(tx.sender)) {
        v = *existing;
        if (v.role != p.role || v.zone != p.zone)
            return makeError("state.role_mismatch", "A further bond must name the validator's role and zone.");
    } else {
        if ((m_validators ? m_validators->size() : m_parent.m_validators->size())
            >= m_rules.staking.maxValidatorRecords)
            return makeError("state.registry_full", "The validator registry is full.");
        v.key = tx.sender;
        v.role = p.role;
        v.zone = p.zone;
        v.registeredSlot = m_block.slot;
        v.suspendedUntilSlot = suspension > m_block.slot ? suspension : 0;   // a new record keeps its key's standing
    }
    const auto selfBond = add(v.selfBond, p.amount);
    if (!selfBond || !add(*selfBond, v.delegated))
        return overflow();
    if (*selfBond < minimumFor(v.role))
        return makeError("state.below_minimum", "A validator's self-bond must reach its role's minimum.");
    auto journal = journalWith(tx.sender, tx.sender, {m_block.slot, StakeChangeKind::Bonded, p.amount, {}});
    if (!journal)
        return journal.error();
    v.selfBond = *selfBond;
    putAccount(tx.sender, *a);
    putValidator(v);
    putJournal(tx.sender, tx.sender, *journal);
    m_supply.bonded += p.amount;
    return Status::success();
}

Status BlockExecution::unbond(const Transaction &tx, std::uint64_t fee)
{
    auto decoded = decodePayload<UnbondPayload>(tx, "unbond");
    if (!decoded)
        return decoded.error();
    const UnbondPayload &p = *decoded;
    if (p.amount == 0)
        return makeError("state.zero_amount", "An unbond must release a positive amount.");
    const ValidatorRecord *existing = validator(p.validator);
    if (!existing)
        return makeError("state.unknown_validator", "No such validator.");
    auto a = payer(tx.sender, 0, fee);
    if (!a)
        return a.error();
    ValidatorRecord v = *existing;
    const bool self = p.validator == tx.sender;
    std::uint64_t delegated = 0;
    if (self) {
        if (p.amount > v.selfBond)
            return insufficient("self-bond");
        const std::uint64_t left = v.selfBond - p.amount;
        if (left != 0 && left < minimumFor(v.role))
            return makeError("state.below_minimum",
                             "A self-bond must stay at its role's minimum or be released whole.");
        v.selfBond = left;
    } else {
        delegated = delegation(tx.sender, p.validator);
        if (delegated == 0)
            return makeError("state.no_delegation", "The sender delegates nothing to this validator.");
        if (p.amount > delegated)
            return insufficient("delegation");
        v.delegated -= p.amount;
    }
    auto journal = journalWith(p.validator, tx.sender, {m_block.slot, StakeChangeKind::Unbonded, p.amount, {}});
    if (!journal)
        return journal.error();
    putJournal(p.validator, tx.sender, *journal);
    putAccount(tx.sender, *a);
    if (!self)
        putDelegation(tx.sender, p.validator, delegated - p.amount);
    if (v.selfBond == 0 && v.delegated == 0)
        eraseValidator(v.key);
    else
        putValidator(v);
    // The owner's release: at most one entry per (slot, owner, validator).
    addUnbonding({saturatingAdd(m_block.slot, m_rules.staking.unbondingSlots), tx.sender, p.validator}, p.amount);
    m_supply.bonded -= p.amount;
    return Status::success();
}

Status BlockExecution::delegate(const Transaction &tx, std::uint64_t fee)
{
    auto decoded = decodePayload<DelegatePayload>(tx, "delegate");
    if (!decoded)
        return decoded.error();
    const DelegatePayload &p = *decoded;
    if (p.amount == 0)
        return makeError("state.zero_amount", "A delegation must be a positive amount.");
    if (p.validator == tx.sender)
        return makeError("state.self_delegation", "A validator bonds to itself; it does not delegate.");
    const ValidatorRecord *existing = validator(p.validator);
    if (!existing || existing->selfBond == 0)
        return makeError("state.unknown_validator", "No such validator.");
    auto a = payer(tx.sender, p.amount, fee);
    if (!a)
        return a.error();
    ValidatorRecord v = *existing;
    const auto delegated = add(v.delegated, p.amount);
    if (!delegated || !add(v.selfBond, *delegated))
        return overflow();
    const std::uint64_t mine = delegation(tx.sender, p.validator) + p.amount;   // <= v.delegated
    auto journal = journalWith(p.validator, tx.sender, {m_block.slot, StakeChangeKind::Bonded, p.amount, {}});
    if (!journal)
        return journal.error();
    putJournal(p.validator, tx.sender, *journal);
    v.delegated = *delegated;
    putAccount(tx.sender, *a);
    putValidator(v);
    putDelegation(tx.sender, p.validator, mine);
    m_supply.bonded += p.amount;
    return Status::success();
}

Status BlockExecution::redelegate(const Transaction &tx, std::uint64_t fee)
{
    auto decoded = decodePayload<RedelegatePayload>(tx, "redelegate");
    if (!decoded)
        return decoded.error();
    const RedelegatePayload &p = *decoded;
    if (p.amount == 0)
        return makeError("state.zero_amount", "A redelegation must move a positive amount.");
    if (p.to == tx.sender)
        return makeError("state.self_delegation", "A validator bonds to itself; it does not delegate.");
    if (p.from == p.to)
        return makeError("state.bad_payload", "A redelegation must name two different validators.");
    const ValidatorRecord *fromRecord = validator(p.from);
    const ValidatorRecord *toRecord = validator(p.to);
    if (!fromRecord || !toRecord || toRecord->selfBond == 0)
        return makeError("state.unknown_validator", "No such validator.");
    auto a = payer(tx.sender, 0, fee);
    if (!a)
        return a.error();
    const std::uint64_t held = delegation(tx.sender, p.from);
    if (held == 0)
        return makeError("state.no_delegation", "The sender delegates nothing to this validator.");
    if (p.amount > held)
        return insufficient("delegation");
    // Stake redelegated to a validator stays there for the evidence window
    // before it moves on: a slash follows a redelegation, and hop after hop
    // in one block would outrun it.
    for (const StakeChange &c : stakeJournal(p.from, tx.sender).changes)
        if (c.kind == StakeChangeKind::RedelegatedIn && c.slot + m_rules.evidenceWindowSlots >= m_block.slot)
            return makeError("state.redelegation_hop",
                             "Stake redelegated to this validator within the evidence window cannot be redelegated "
                             "again yet; unbond it, or wait.");
    ValidatorRecord from = *fromRecord;
    ValidatorRecord to = *toRecord;
    const auto toDelegated = add(to.delegated, p.amount);
    if (!toDelegated || !add(to.selfBond, *toDelegated))
        return overflow();
    const std::uint64_t mineTo = delegation(tx.sender, p.to) + p.amount;
    // A slash of `from` for an offence before now follows the stake to `to`.
    auto out = journalWith(p.from, tx.sender, {m_block.slot, StakeChangeKind::RedelegatedOut, p.amount, p.to});
    auto in = journalWith(p.to, tx.sender, {m_block.slot, StakeChangeKind::RedelegatedIn, p.amount, p.from});
    if (!out)
        return out.error();
    if (!in)
        return in.error();
    putJournal(p.from, tx.sender, *out);
    putJournal(p.to, tx.sender, *in);
    from.delegated -= p.amount;
    to.delegated = *toDelegated;
    putAccount(tx.sender, *a);
    putDelegation(tx.sender, p.from, held - p.amount);
    putDelegation(tx.sender, p.to, mineTo);
    putValidator(to);
    if (from.selfBond == 0 && from.delegated == 0)
        eraseValidator(from.key);
    else
        putValidator(from);
    return Status::success();
}

BlockExecution::Outcome BlockExecution::finish() &&
{
    // Rewards: half the block's fees to its proposer; the other half in
    // equal shares to the attesters it carries other than its proposer, and
    // what of that half is not paid (no such attester, the remainder of the
    // division) is burned, so a proposer gains nothing by leaving others'
    // attestations out. A block with no proposer (a trial run, never on the
    // chain) burns them all.
    if (m_fees != 0) {
        const std::uint64_t attesterHalf = m_fees / 2;
        std::uint64_t paidToAttesters = 0;
        std::vector<PublicKey> attesters;
        for (const PublicKey &a : m_block.attesters)
            if (a != m_block.proposer)
                attesters.push_back(a);
        if (!attesters.empty() && !m_block.proposer.isZero()) {
            const std::uint64_t share = attesterHalf / attesters.size();
            for (const PublicKey &a : attesters) {
                if (share == 0)
                    break;
                payReward(a, share);
                paidToAttesters += share;
            }
        }
        if (m_block.proposer.isZero()) {
            m_supply.burned += m_fees;
        } else {
            payReward(m_block.proposer, m_fees - attesterHalf);
            m_supply.burned += attesterHalf - paidToAttesters;
        }
    }
    if (m_supply != m_parent.supply())
        put(supplyKey(), codec::encode(m_supply));
    Outcome out;
    out.changes.reserve(m_writes.size());
    for (auto &[key, value] : m_writes)
        out.changes.push_back({key, std::move(value)});
    out.state.m_trie = m_parent.m_trie.with(out.changes);
    out.state.m_validators = m_validators ? std::move(m_validators) : m_parent.m_validators;
    out.state.m_unbonding = m_unbonding ? std::move(m_unbonding) : m_parent.m_unbonding;
    out.state.m_stakeParties = m_stakeParties ? std::move(m_stakeParties) : m_parent.m_stakeParties;
    out.state.m_pendingCases = m_pendingCases ? std::move(m_pendingCases) : m_parent.m_pendingCases;
    out.state.m_caseIds = m_caseIds ? std::move(m_caseIds) : m_parent.m_caseIds;
    out.state.m_pendingProposals = m_pendingProposals ? std::move(m_pendingProposals) : m_parent.m_pendingProposals;
    out.state.m_proposalIds = m_proposalIds ? std::move(m_proposalIds) : m_parent.m_proposalIds;
    return out;
}

} // namespace gtx::state
