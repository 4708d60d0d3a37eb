// Slashing in block execution (docs/protocol.md, "Slashing"): carried
// evidence opens a case that takes the stake as it was at the infraction,
// holds it for the appeal window and then burns it, and suspends the offender.

#include "core/state/state.h"

#include "core/common/arith.h"
#include "core/state/entry.h"
#include "core/types/units.h"

#include <algorithm>

namespace gtx::state {

std::optional<SlashCase> BlockExecution::slashCase(const Hash256 &id) const
{
    return entryOf<SlashCase>(read(slashCaseKey(id)), "slash case");
}

OffenderHistory BlockExecution::offenderHistory(const PublicKey &offender) const
{
    return entryOf<OffenderHistory>(read(offenderHistoryKey(offender)), "offender history").value_or(OffenderHistory{});
}

StakeJournal BlockExecution::stakeJournal(const PublicKey &validator, const PublicKey &party) const
{
    return entryOf<StakeJournal>(read(stakeJournalKey(validator, party)), "stake journal").value_or(StakeJournal{});
}

Result<StakeJournal> BlockExecution::journalWith(const PublicKey &validator, const PublicKey &party,
                                                 const StakeChange &change) const
{
    StakeJournal j = stakeJournal(validator, party);
    // Evidence of an offence before the window can no longer arrive.
    const std::uint64_t window = m_rules.evidenceWindowSlots;
    std::erase_if(j.changes, [&](const StakeChange &c) { return c.slot + window < m_block.slot; });
    if (!j.changes.empty()) {
        StakeChange &last = j.changes.back();
        if (last.slot == change.slot && last.kind == change.kind && last.other == change.other) {
            last.amount += change.amount;   // bounded by the total supply
            return j;
        }
    }
    // A slash or its restoration is never refused: they may go past the
    // party's own limit, up to twice it (then, after more than a thousand
    // cases in one window, the oldest change gives way).
    const bool forced = change.kind == StakeChangeKind::Slashed || change.kind == StakeChangeKind::Restored;
    if (j.changes.size() >= kMaxStakeChanges && !forced)
        return makeError("state.busy_stake",
                         "This stake has changed too often within the evidence window; try again later.");
    if (j.changes.size() >= 2 * kMaxStakeChanges)
        j.changes.erase(j.changes.begin());
    j.changes.push_back(change);
    return j;
}

void BlockExecution::putJournal(const PublicKey &validator, const PublicKey &party, const StakeJournal &journal)
{
    put(stakeJournalKey(validator, party),
        journal.changes.empty() ? std::nullopt : std::optional<Bytes>(codec::encode(journal)));
    const auto &parties = m_stakeParties ? *m_stakeParties : *m_parent.m_stakeParties;
    if (!journal.changes.empty() && !parties.count({validator, party})) {
        if (!m_stakeParties)
            m_stakeParties = std::make_shared<std::set<std::pair<PublicKey, PublicKey>>>(*m_parent.m_stakeParties);
        m_stakeParties->emplace(validator, party);
    }
}

std::uint64_t BlockExecution::suspensionOf(const OffenderHistory &history) const
{
    std::uint64_t until = 0;
    for (const auto &id : history.cases)
        if (auto c = slashCase(id); c && c->status != CaseStatus::Cancelled)
            until = std::max(until, c->suspendedUntilSlot);
    return until > m_block.slot ? until : 0;
}

void BlockExecution::executeDueCases()
{
    const auto &pending = m_pendingCases ? *m_pendingCases : *m_parent.m_pendingCases;
    std::vector<std::pair<std::uint64_t, Hash256>> due;
    for (auto it = pending.begin(); it != pending.end() && it->first <= m_block.slot; ++it)
        due.push_back(*it);
    if (due.empty())
        return;
    if (!m_pendingCases)
        m_pendingCases = std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>(*m_parent.m_pendingCases);
    for (const auto &entry : due) {
        m_pendingCases->erase(entry);
        auto c = slashCase(entry.second);
        if (!c || c->status != CaseStatus::Pending)
            continue;   // the queue holds pending cases only
        if (c->appeal.stage == AppealStage::Community && entry.first == c->appeal.communityDeadline) {
            closeCommunityReview(*c);   // cancels the case, or passes it to the authorities
            put(slashCaseKey(c->id), codec::encode(*c));
            if (c->status != CaseStatus::Pending || c->executeSlot > m_block.slot)
                continue;   // cancelled, or its executeSlot is still scheduled
        }
        if (c->executeSlot > m_block.slot)
            continue;
        unscheduleCase(c->executeSlot, c->id);
        if (c->appeal.stage != AppealStage::None && c->appeal.stage != AppealStage::Closed) {
            c->appeal.stage = AppealStage::Closed;   // the authorities reached no quorum in time: it stands
            c->appeal.trail.push_back({AppealStage::Authority, AppealAction::AuthorityDecision, m_block.slot, {}, true,
                                       0, "The appeal window ended without an authority quorum to overturn; the slash "
                                          "stands."});
        }
        c->status = CaseStatus::Executed;
        m_supply.pendingSlashes -= c->amount;   // it was added when the case opened
        m_supply.burned += c->amount;
        put(slashCaseKey(c->id), codec::encode(*c));
    }
}

void BlockExecution::endSuspensions()
{
    std::vector<ValidatorRecord> ended;
    for (const auto &v : m_validators ? *m_validators : *m_parent.m_validators)
        if (v.suspended() && v.suspendedUntilSlot != kBannedForever && v.suspendedUntilSlot <= m_block.slot)
            ended.push_back(v);
    for (ValidatorRecord &v : ended) {
        v.suspendedUntilSlot = 0;
        putValidator(v);
    }
}

std::uint64_t BlockExecution::takeFromBond(const PublicKey &validatorKey, const PublicKey &party,
                                           std::uint64_t wanted, SlashCase &c)
{
    const ValidatorRecord *record = wanted == 0 ? nullptr : validator(validatorKey);
    if (!record)
        return 0;
    ValidatorRecord v = *record;
    const bool self = party == validatorKey;
    const std::uint64_t held = self ? v.selfBond : delegation(party, validatorKey);
    const std::uint64_t take = std::min(held, wanted);
    if (take == 0)
        return 0;
    if (self) {
        v.selfBond -= take;
    } else {
        v.delegated -= take;   // the delegation is part of it
        putDelegation(party, validatorKey, held - take);
    }
    auto journal = journalWith(validatorKey, party, {m_block.slot, StakeChangeKind::Slashed, take, {}});
    putJournal(validatorKey, party, *journal);   // a slash change is never refused
    if (v.selfBond == 0 && v.delegated == 0)
        eraseValidator(v.key);
    else
        putValidator(v);
    m_supply.bonded -= take;
    addPart(c, {party, validatorKey, StakeSource::Bond, 0, take});
    return take;
}

BlockExecution::UnbondingIndex BlockExecution::unbondingSince(std::uint64_t fromSlot) const
{
    // Stake unbonded at or after the slot is still in the queue: the
    // unbonding period outlasts the evidence window.
    const std::uint64_t released = saturatingAdd(fromSlot, m_rules.staking.unbondingSlots);
    UnbondingIndex index;
    for (const auto &[key, amount] : m_unbonding ? *m_unbonding : *m_parent.m_unbonding)
        if (key.releaseSlot >= released)
            index[{key.owner, key.validator}].push_back(key);
    return index;
}

std::uint64_t BlockExecution::takeFromUnbonding(const UnbondingIndex &index, const PublicKey &validatorKey,
                                                const PublicKey &party, std::uint64_t wanted, SlashCase &c)
{
    const auto found = index.find({party, validatorKey});
    if (found == index.end())
        return 0;
    std::uint64_t taken = 0;
    for (const UnbondingKey &key : found->second) {
        if (taken == wanted)
            break;
        const auto &queue = m_unbonding ? *m_unbonding : *m_parent.m_unbonding;
        const auto at = queue.find(key);
        if (at == queue.end())
            continue;   // taken whole by this case already
        const std::uint64_t amount = at->second;
        const std::uint64_t take = std::min(amount, wanted - taken);
        if (!m_unbonding)
            m_unbonding = std::make_shared<std::map<UnbondingKey, std::uint64_t>>(*m_parent.m_unbonding);
        if (take == amount) {
            m_unbonding->erase(key);
            put(unbondingKey(key), std::nullopt);
        } else {
            (*m_unbonding)[key] = amount - take;
            put(unbondingKey(key), codec::encode(Account{amount - take}));
        }
        m_supply.unbonding -= take;
        addPart(c, {party, validatorKey, StakeSource::Unbonding, key.releaseSlot, take});
        taken += take;
    }
    return taken;
}

std::uint64_t BlockExecution::takeStake(const UnbondingIndex &index, const PublicKey &validatorKey,
                                        const PublicKey &party, std::uint64_t fromSlot, std::uint64_t wanted,
                                        SlashCase &c, int depth)
{
    std::uint64_t taken = takeFromBond(validatorKey, party, wanted, c);
    if (taken < wanted)
        taken += takeFromUnbonding(index, validatorKey, party, wanted - taken, c);
    if (taken < wanted && depth > 0) {
        const StakeJournal journal = stakeJournal(validatorKey, party);
        for (const auto &change : journal.changes)
            if (change.kind == StakeChangeKind::RedelegatedOut && change.slot >= fromSlot && taken < wanted)
                taken += takeStake(index, change.other, party, fromSlot, std::min(change.amount, wanted - taken), c,
                                   depth - 1);
    }
    return taken;
}

std::uint64_t BlockExecution::stakeOfAt(const PublicKey &validatorKey, std::uint64_t slot) const
{
    const ValidatorRecord *record = validator(validatorKey);
    std::uint64_t stake = stakeAt(record ? record->selfBond : 0, stakeJournal(validatorKey, validatorKey), slot);
    const auto &pairs = m_stakeParties ? *m_stakeParties : *m_parent.m_stakeParties;
    for (auto it = pairs.lower_bound({validatorKey, PublicKey{}}); it != pairs.end() && it->first == validatorKey; ++it)
        if (it->second != validatorKey)
            stake = saturatingAdd(stake, stakeAt(delegation(it->second, validatorKey),
                                                 stakeJournal(validatorKey, it->second), slot));
    return stake;
}

void BlockExecution::applyEvidence(const Evidence &evidence)
{
    const Hash256 id = offenceKey(evidence);
    if (slashCase(id))
        return;   // one offence, one case
    // A key with nothing at stake and no authority has nothing to answer
    // for: no case (else any fresh key could fill the state with its own).
    const PublicKey offender = offenderOf(evidence);
    const auto &pairs = m_stakeParties ? *m_stakeParties : *m_parent.m_stakeParties;
    const auto party = pairs.lower_bound({offender, PublicKey{}});
    if (!validator(offender) && (party == pairs.end() || party->first != offender)
        && !std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), offender))
        return;
    SlashCase c;
    c.id = id;
    c.kind = CaseKind::Evidence;
    c.evidenceId = evidenceIdOf(evidence);
    c.offence = evidence.kind;
    c.evidence = evidence;
    c.offender = offenderOf(evidence);
    const OffenceJudgement judged = judgeOffence(evidence.kind);
    c.reason = judged.reason;
    c.severity = judged.severity;
    c.infractionSlot = offenceSlot(evidence);
    openCase(std::move(c));
}

Status BlockExecution::energyEvidence(const Transaction &tx, std::uint64_t fee)
{
    // Anyone who holds both readings may send them, paying the fee. The
    // meter's owner answers for its key when it is an energy validator (its
    // weight came from the meter).
    auto payer = this->payer(tx.sender, 0, fee);
    if (!payer)
        return payer.error();
    auto decoded = codec::decode<energy::DuplicateReadingEvidence>(tx.payload, "energy evidence");
    if (!decoded)
        return makeError("state.bad_payload", decoded.error().message);
    const energy::DuplicateReadingEvidence &e = *decoded;
    const auto meter = meterRecord(e.first.meterId);
    if (!meter)
        return makeError("energy.unknown_meter", "The evidence names a meter that is not registered.");
    // Signed by the meter's key as it is now: evidence against a key it no
    // longer has cannot be checked here.
    GTX_TRY(energy::verifyDuplicateReadingEvidence(m_rules.networkId, e, meter->key));
    const std::int64_t interval = energy::intervalEndOf(e.first.timestampMs);
    const Hash256 id = energyCaseId(meter->id, interval);
    if (slashCase(id))
        return makeError("energy.evidence_known", "This meter's interval already has its case.");
    // Dated by the interval the meter signed for: ended, and within the
    // evidence window (stake moved since is followed; older is out of reach).
    const std::int64_t sinceGenesis = interval - m_rules.genesisTimeMs;
    const std::uint64_t signedSlot = sinceGenesis <= 0 || m_rules.slotMs == 0
        ? 0
        : static_cast<std::uint64_t>(sinceGenesis) / m_rules.slotMs;
    if (interval > m_block.timeMs || signedSlot + m_rules.evidenceWindowSlots < m_block.slot)
        return makeError("energy.evidence_stale", "The interval has not ended, or is older than the evidence window.");
    const ValidatorRecord *owner = validator(meter->owner);
    if (!owner || owner->role != ValidatorRole::Energy)
        return makeError("energy.owner_not_validator",
                         "The meter's owner is no energy validator: there is no stake to answer for it (its grid "
                         "operator suspends the meter).");
    SlashCase c;
    c.id = id;
    c.kind = CaseKind::EnergyData;
    c.offender = meter->owner;
    c.readings = e;
    c.meterKey = meter->key;
    c.reason = SlashingReason::EnergyFalsification;
    c.severity = Severity::Medium;
    c.infractionSlot = signedSlot;
    putAccount(tx.sender, *payer);
    openCase(std::move(c));
    return Status::success();
}

void BlockExecution::recordDuty(ValidatorRecord &v, bool missed)
{
    v.recentMisses = (v.recentMisses << 1) | (missed ? 1u : 0u);
    if (v.dutyCount < 32)
        ++v.dutyCount;
    const std::uint32_t window = v.dutyCount >= 32 ? 0xffffffffu : ((1u << v.dutyCount) - 1);
    const auto misses = static_cast<std::uint32_t>(__builtin_popcount(v.recentMisses & window));
    const bool judged = missed && !v.suspended() && v.dutyCount >= m_rules.staking.downtimeMinDuties
        && static_cast<std::uint64_t>(misses) * kBasisPointsFull
               >= static_cast<std::uint64_t>(m_rules.staking.downtimeThresholdBps) * v.dutyCount;
    const std::uint32_t counted = v.dutyCount;
    if (judged) {
        v.recentMisses = 0;   // judged once: the next case needs a window of its own
        v.dutyCount = 0;
    }
    putValidator(v);
    if (!judged)
        return;
    SlashCase c;
    c.id = downtimeCaseId(v.key, m_block.slot);
    c.kind = CaseKind::Downtime;
    c.offender = v.key;
    c.dutiesMissed = misses;
    c.dutiesCounted = counted;
    c.reason = SlashingReason::DowntimeExcess;
    c.severity = downtimeSeverity(misses, counted);
    c.infractionSlot = m_block.slot;
    openCase(std::move(c));
}

void BlockExecution::openCase(SlashCase c)
{
    c.authority = std::binary_search(m_rules.authorities.begin(), m_rules.authorities.end(), c.offender);
    OffenderHistory history = offenderHistory(c.offender);
    for (const auto &earlier : history.cases)
        if (auto e = slashCase(earlier); e && e->status != CaseStatus::Cancelled)
            ++c.priorCases;
    const SlashingDecision decision = decideSlashing(c.reason, c.severity, c.priorCases);
    c.tier = decision.tier;
    c.fractionBps = decision.fractionBps;
    c.suspension = decision.suspension;
    c.recordedSlot = m_block.slot;
    c.executeSlot = saturatingAdd(m_block.slot, m_rules.staking.appealWindowSlots);
    if (c.authority) {
        // An authority's licence is the regulator's to revoke: the case refers
        // it to government review and takes no tokens.
        c.governmentReview = true;
    } else {
        switch (c.suspension) {
        case Suspension::Temporary:
            c.suspendedUntilSlot = saturatingAdd(m_block.slot, m_rules.staking.temporarySuspensionSlots);
            break;
        case Suspension::Extended:
            c.suspendedUntilSlot = saturatingAdd(m_block.slot, m_rules.staking.extendedSuspensionSlots);
            break;
        case Suspension::Permanent:
            c.suspendedUntilSlot = kBannedForever;
            break;
        }
        // Everyone whose stake was bonded to the offender: itself, its
        // delegators, and whoever left it since (unbonding or redelegated).
        std::set<PublicKey> parties{c.offender};
        const auto &pairs = m_stakeParties ? *m_stakeParties : *m_parent.m_stakeParties;
        for (auto it = pairs.lower_bound({c.offender, PublicKey{}}); it != pairs.end() && it->first == c.offender; ++it)
            parties.insert(it->second);
        // (Whoever unbonded from it has a journal entry, so is a party.)
        const UnbondingIndex unbonding = unbondingSince(c.infractionSlot);
        for (const PublicKey &party : parties) {
            const ValidatorRecord *record = validator(c.offender);
            const std::uint64_t now = party == c.offender ? (record ? record->selfBond : 0)
                                                          : delegation(party, c.offender);
            const std::uint64_t atInfraction = stakeAt(now, stakeJournal(c.offender, party), c.infractionSlot);
            const std::uint64_t owed = mulDiv(atInfraction, c.fractionBps, kBasisPointsFull);
            c.stakeAtInfraction = saturatingAdd(c.stakeAtInfraction, atInfraction);
            // From where the stake is now, followed up to three hops.
            const std::uint64_t taken =
                owed == 0 ? 0 : takeStake(unbonding, c.offender, party, c.infractionSlot, owed, c, kMaxStakeHops);
            c.amount += taken;
            c.uncollected += owed - taken;
        }
        m_supply.pendingSlashes += c.amount;   // moved out of bonded and unbonding above

        if (const ValidatorRecord *record = validator(c.offender)) {
            ValidatorRecord v = *record;
            v.suspendedUntilSlot = std::max(v.suspendedUntilSlot, c.suspendedUntilSlot);
            putValidator(v);
        }
    }

    history.cases.push_back(c.id);
    if (history.cases.size() > kMaxOffenderCases)
        history.cases.erase(history.cases.begin());
    put(offenderHistoryKey(c.offender), codec::encode(history));
    put(slashCaseKey(c.id), codec::encode(c));
    scheduleCase(c.executeSlot, c.id);
    if (!m_caseIds)
        m_caseIds = std::make_shared<std::vector<Hash256>>(*m_parent.m_caseIds);
    m_caseIds->push_back(c.id);
}

void BlockExecution::addPart(SlashCase &c, const SlashPart &part)
{
    put(slashPartKey(c.id, c.partCount), codec::encode(part));
    ++c.partCount;
}

std::vector<SlashPart> BlockExecution::slashParts(const SlashCase &c) const
{
    std::vector<SlashPart> parts;
    parts.reserve(c.partCount);
    for (std::uint32_t i = 0; i < c.partCount; ++i)
        if (auto p = entryOf<SlashPart>(read(slashPartKey(c.id, i)), "slash part"))
            parts.push_back(*p);
    return parts;
}

void BlockExecution::scheduleCase(std::uint64_t slot, const Hash256 &id)
{
    if (!m_pendingCases)
        m_pendingCases = std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>(*m_parent.m_pendingCases);
    m_pendingCases->emplace(slot, id);
}

void BlockExecution::unscheduleCase(std::uint64_t slot, const Hash256 &id)
{
    if (!(m_pendingCases ? *m_pendingCases : *m_parent.m_pendingCases).count({slot, id}))
        return;
    if (!m_pendingCases)
        m_pendingCases = std::make_shared<std::set<std::pair<std::uint64_t, Hash256>>>(*m_parent.m_pendingCases);
    m_pendingCases->erase({slot, id});
}

} // namespace gtx::state
