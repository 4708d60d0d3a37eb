#pragma once

// The deterministic state machine: accounts with GT balances, validator
// records, delegations and the unbonding queue, committed under one state
// root (StateTrie), and the rules that change them. Every node executes
// every block with these rules; a block whose header root differs from the
// root they produce is invalid (docs/protocol.md, "The state machine").
//
// Amounts are micro-GT in std::uint64_t. Arithmetic is checked everywhere:
// an overflow is the error "state.overflow", never a saturated or wrapped
// value.
//
// Supply invariant, after genesis and after every block:
//   supply.total = sum(balances) + sum(self-bonds) + sum(delegations)
//                  + sum(unbonding) + supply.pendingSlashes + supply.burned
//                  + supply.governanceDeposits
// supply.total is fixed at genesis (nothing mints); fees reward the block's
// proposer and attesters (docs/protocol.md, "Rewards").

#include "core/common/result.h"
#include "core/crypto/signature_verifier.h"
#include "core/energy/conservation.h"
#include "core/energy/grid_state.h"
#include "core/energy/reading_rules.h"
#include "core/energy/trade.h"
#include "core/state/governance.h"
#include "core/state/payloads.h"
#include "core/state/slashing.h"
#include "core/state/state_trie.h"
#include "core/types/transaction.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gtx::state {

// What the state machine needs of the consensus parameters.
struct StakingParams
{
    std::uint64_t transactionFee = 10'000;       // micro-GT per fee-paying transaction (0.01 GT), burned
    std::uint64_t unbondingSlots = 21 * 8640;    // 21 days of 10 s slots
    std::uint32_t maxValidatorRecords = 10'000;  // registry bound (each needs its minimum self-bond)
    std::uint32_t maxMissedSlotsCounted = 16;    // longer gaps are the network's failure, not a proposer's
    // Slashing (docs/protocol.md, "Slashing"): a case's stake is held for the
    // appeal window, then burned; the evidence window plus the appeal window
    // stays below the unbonding period, so the stake is still there to take
    // and to give back.
    std::uint64_t appealWindowSlots = 7 * 8640;          // 7 days: filing, community and authority review
    std::uint64_t appealFilingSlots = 2 * 8640;          // an appeal is filed within 2 days of the case
    std::uint64_t communityReviewSlots = 3 * 8640;       // validators vote for 3 days after filing
    std::uint64_t temporarySuspensionSlots = 8640;       // 1 day
    std::uint64_t extendedSuspensionSlots = 30 * 8640;   // 30 days
    // Downtime: a validator's last proposer duties (its own signed block in
    // each slot it was drawn for) are judged once it has at least
    // downtimeMinDuties of them; missing downtimeThresholdBps of them is
    // excessive downtime. Gaps the network caused count against no one.
    std::uint32_t downtimeMinDuties = 8;
    std::uint32_t downtimeThresholdBps = 5'000;
    // Governance (docs/protocol.md, "Governance"): the deposit a proposal
    // holds, each track's voting time and wait, the classes' weights and the
    // thresholds. Every one of these is itself governed (governedParams()).
    std::uint64_t proposalDeposit = 1'000ULL * 1'000'000ULL;   // 1,000 GT
    std::uint64_t emergencyVotingSlots = 8640;                 // 1 day for the authorities
    std::uint64_t standardVotingSlots = 7 * 8640;
    std::uint64_t standardWaitSlots = 7 * 8640;
    std::uint64_t constitutionalVotingSlots = 30 * 8640;
    std::uint64_t constitutionalWaitSlots = 30 * 8640;
    std::array<std::uint32_t, kVoterClasses> classWeightsBps = {4'000, 3'500, 1'500, 1'000};
    std::uint32_t standardQuorumBps = 4'500;         // weighted turnout at least 45 % (more than the authorities' 40 %)
    std::uint32_t standardPassBps = 5'000;           // weighted support above 50 %
    std::uint32_t constitutionalQuorumBps = 5'000;   // at least 50 %
    std::uint32_t constitutionalPassBps = 6'667;     // at least 66.67 %

    bool operator==(const StakingParams &) const = default;
};

// The staking, slashing and governance parameters are consistent: windows
// positive and ordered, the evidence window plus the appeal window below the
// unbonding period, a positive fee and deposit, class weights summing to
// 100 %, thresholds at most 100 % with the constitutional ones at least the
// standard ones and support at least half; and bounded (docs/protocol.md,
// section 23: no vote, wait or window longer than its limit in time, no fee
// or deposit above its cap), so no change can leave governance unable to
// close a vote or lock balances for ever. The one check for genesis and for
// every change governance makes. Error: "consensus.invalid_params".
Status checkStakingParams(const StakingParams &params, std::uint64_t evidenceWindowSlots, std::uint64_t slotMs);

// The rules apply() follows: StakingParams and the candidacy minimums (the
// rotation's, so the two never disagree).
struct StateRules
{
    StakingParams staking;
    std::uint64_t minSelfBond = 0;         // stake validators
    std::uint64_t energyMinSelfBond = 0;   // energy validators
    // Energy data (docs/protocol.md, section 19): the grid model (none: the
    // meter transactions are refused), the reading rules, the authority that
    // witnesses each zone, and the network readings are signed for.
    const energy::GridModel *gridModel = nullptr;
    energy::ReadingRules readings;
    energy::GridOperatorKeys gridOperators;
    std::uint32_t networkId = 0;
    // Energy trades (section 20): an interval settles for this long after it ends.
    std::int64_t tradeSettlementWindowMs = 7LL * 24 * 3600 * 1000;
    // Slashing: the authorities (sorted; their offences go to government
    // review, not a token slash) and the evidence window (the consensus
    // parameter), for which stake changes are kept.
    std::vector<PublicKey> authorities;
    std::size_t authorityQuorum = 4;
    // The most one validator weighs (section 18): in the draw, as attestation
    // stake, and in an appeal's community vote.
    std::uint64_t maxValidatorWeight = 100'000ULL * 1'000'000ULL;
    // The slot clock (the consensus parameters'), to date energy offences.
    std::int64_t genesisTimeMs = 0;
    std::uint64_t slotMs = 10'000;
    std::uint64_t evidenceWindowSlots = 7 * 8640;
    // The technical review's re-verification of a case's evidence (the
    // consensus rules' verifyConsensusEvidence; none: every appeal's
    // technical review finds the evidence unverifiable and overturns).
    Status (*verifyEvidence)(const Evidence &evidence) = nullptr;
};

// An account's metered energy in one zone and interval, and what of it has
// been traded. Invariants: soldWh <= exportWh and boughtWh <= importWh
// (a trade that would break either is refused); exportWh and importWh only
// grow, from readings of meters the account owns.
struct EnergyPosition
{
    std::uint64_t exportWh = 0;   // verified export of its meters
    std::uint64_t importWh = 0;   // verified import of its meters
    std::uint64_t soldWh = 0;     // settled trades as the seller
    std::uint64_t boughtWh = 0;   // settled trades as the buyer
    bool operator==(const EnergyPosition &) const = default;
};

struct Account
{
    std::uint64_t balance = 0;   // spendable micro-GT
    bool operator==(const Account &) const = default;
};

// A validator candidate as the chain records it. Invariant: selfBond is at
// least the role's minimum unless a slash took part of it (a record whose
// self-bond and delegations reach zero is deleted); stake() = selfBond +
// delegated never overflows; suspendedUntilSlot is the latest end of the
// suspensions of its cases that are not cancelled, 0 once that has passed.
struct ValidatorRecord
{
    PublicKey key;
    ValidatorRole role = ValidatorRole::Stake;
    GridZone zone;
    std::uint64_t selfBond = 0;           // micro-GT bonded by the key itself
    std::uint64_t delegated = 0;          // micro-GT delegated to it by others
    std::uint64_t verifiedEnergyWh = 0;   // from verified readings only (genesis, energy issue)
    std::uint64_t blocksProduced = 0;     // from the chain
    std::uint64_t slotsMissed = 0;        // slots it was drawn for with no block
    std::uint64_t registeredSlot = 0;
    std::uint64_t rewardsEarned = 0;        // micro-GT of fees paid to its account as proposer or attester
    std::uint64_t suspendedUntilSlot = 0;   // not a candidate before it; kBannedForever: never
    // Its last proposer duties since the last downtime judgement, newest in
    // bit 0 (1: missed); dutyCount <= 32 of them are meaningful.
    std::uint32_t recentMisses = 0;
    std::uint8_t dutyCount = 0;

    bool suspended() const { return suspendedUntilSlot != 0; }
    std::uint64_t stake() const { return selfBond + delegated; }
    // produced / (produced + missed) in ppm; 0 with no history.
    std::uint32_t uptimePpm() const;
    bool operator==(const ValidatorRecord &) const = default;
};

// One pending release. Key order = release order.
struct UnbondingKey
{
    std::uint64_t releaseSlot = 0;
    PublicKey owner;
    PublicKey validator;
    auto operator<=>(const UnbondingKey &) const = default;
    bool operator==(const UnbondingKey &) const = default;
};

struct Supply
{
    std::uint64_t total = 0;            // fixed at genesis
    std::uint64_t bonded = 0;           // self-bonds + delegations
    std::uint64_t unbonding = 0;
    std::uint64_t pendingSlashes = 0;   // slashed, waiting for the appeal window
    std::uint64_t burned = 0;           // executed slashes (and fees of a block with no proposer, never on chain)
    std::uint64_t rewardsPaid = 0;      // fees paid to proposers and attesters, all time (now in balances)
    std::uint64_t governanceDeposits = 0;   // held by proposals still being voted on
    bool operator==(const Supply &) const = default;
};

struct GenesisValidator
{
    PublicKey key;
    ValidatorRole role = ValidatorRole::Stake;
    GridZone zone;
    std::uint64_t selfBond = 0;
    std::uint64_t verifiedEnergyWh = 0;   // certified by the authorities at genesis
};

struct GenesisAllocation
{
    std::vector<std::pair<PublicKey, std::uint64_t>> balances;
    std::vector<GenesisValidator> validators;
    std::vector<energy::MeterRecord> meters = {};   // registered at genesis (active)
};

// The block facts apply() needs besides its transactions.
struct BlockContext
{
    std::uint64_t slot = 0;
    PublicKey proposer;
    std::vector<PublicKey> missedProposers;   // the drawn proposers of the skipped slots
    std::int64_t timeMs = 0;                  // the slot's start: the readings' "now"
    // The stake validators whose attestations the block carries (distinct,
    // sorted): the attesters its fees reward.
    std::vector<PublicKey> attesters = {};
};

// What governance has set of the rules (absent: the genesis rules hold).
struct GovernedRules
{
    StakingParams staking;
    std::int64_t tradeSettlementWindowMs = 0;
    bool operator==(const GovernedRules &) const = default;
};

class State
{
public:
    State();   // the empty state
    // Errors: "state.bad_genesis" (a validator below its minimum, a duplicate, an overflow).
    static Result<State> genesis(const GenesisAllocation &allocation, const StateRules &rules);

    const StateTrie &trie() const { return m_trie; }
    Hash256 root() const { return m_trie.root(); }
    // Every entry, for a ledger's genesis.
    std::vector<StateChange> entries() const;

    Account account(const PublicKey &key) const;
    std::optional<ValidatorRecord> validator(const PublicKey &key) const;
    // All validator records, sorted by key.
    const std::vector<ValidatorRecord> &validators() const { return *m_validators; }
    std::uint64_t delegation(const PublicKey &delegator, const PublicKey &validator) const;
    const std::map<UnbondingKey, std::uint64_t> &unbonding() const { return *m_unbonding; }
    Supply supply() const;
    std::optional<energy::MeterRecord> meter(const Hash256 &id) const;
    std::optional<energy::MeterProgress> meterProgress(const Hash256 &id) const;
    // The zone's totals for the interval ending at intervalEndMs (zero when
    // no reading of it was accepted).
    energy::ZoneTotals zoneTotals(GridZone zone, std::int64_t intervalEndMs) const;
    // The zone's conservation verdict for the interval, with its figures:
    // judged when EGAT reports the interval's flows and again on each batch
    // that adds to the zone's readings for it (none before a report, or for
    // a zone with no accepted reading).
    std::optional<energy::ConservationFigures> conservation(GridZone zone, std::int64_t intervalEndMs) const;
    // EGAT's grid-state report for the interval ending at intervalEndMs.
    std::optional<energy::GridStateReport> gridState(std::int64_t intervalEndMs) const;
    // An account's energy in a zone and interval (zero when it has none).
    EnergyPosition energyPosition(const PublicKey &account, GridZone zone, std::int64_t intervalEndMs) const;
    // The traded flow scheduled on a corridor for an interval, in Wh,
    // positive in the corridor's forward direction.
    std::int64_t tradedFlowWh(const std::string &corridor, std::int64_t intervalEndMs) const;
    // True when the offer (energy::tradeOfferId) has settled.
    bool offerSettled(const Hash256 &offerId, std::int64_t intervalEndMs) const;
    // A slashing case by its id (the offence key), and an offender's cases.
    std::optional<SlashCase> slashCase(const Hash256 &id) const;
    // A case's parts, and its community votes (AppealRecords), in order.
    std::vector<SlashPart> slashParts(const SlashCase &c) const;
    std::vector<AppealRecord> appealVotes(const SlashCase &c) const;
    // The whole appeal: the trail with the community's votes in it, in the
    // order they came.
    std::vector<AppealRecord> appealTrail(const SlashCase &c) const;
    OffenderHistory offenderHistory(const PublicKey &offender) const;
    // A party's recent stake changes in a validator (party = validator: its self-bond).
    StakeJournal stakeJournal(const PublicKey &validator, const PublicKey &party) const;
    // Pending cases by the slot of their next event (the community review's
    // deadline, then the end of the appeal window).
    const std::set<std::pair<std::uint64_t, Hash256>> &pendingCases() const { return *m_pendingCases; }
    // Every case opened, oldest first.
    const std::vector<Hash256> &caseIds() const { return *m_caseIds; }

    // Governance: a proposal, every proposal made (oldest first), a
    // proposal's votes in the order cast, and the ones still open by the
    // slot of their next event (the vote closes, then it executes).
    std::optional<Proposal> proposal(const Hash256 &id) const;
    const std::vector<Hash256> &proposalIds() const { return *m_proposalIds; }
    std::vector<GovernanceVoteRecord> proposalVotes(const Proposal &p) const;
    // An open proposal's tally as if its vote closed now (the validators
    // weighed by what they have now); a closed one's as it closed.
    ProjectedTally projectedTally(const Proposal &p, const StateRules &rules) const;
    const std::set<std::pair<std::uint64_t, Hash256>> &pendingProposals() const { return *m_pendingProposals; }
    // The balance a community vote holds (none once untilSlot has passed).
    BalanceLock balanceLock(const PublicKey &key) const;
    // The rules in force: governance's, over the genesis rules given.
    StateRules rulesInForce(const StateRules &genesis) const;
    std::optional<ScheduledUpgrade> scheduledUpgrade() const;

    // True when `kind` pays the transaction fee (transfers and staking: the
    // kinds whose sender is an account).
    static bool paysFee(TransactionKind kind);
    // The Governance lane's kinds (appeals, proposals, votes): executed here,
    // with the fee for some senders and not others.
    static bool isGovernance(TransactionKind kind);

private:
    friend class BlockExecution;
    StateTrie m_trie;
    std::shared_ptr<const std::vector<ValidatorRecord>> m_validators;
    std::shared_ptr<const std::map<UnbondingKey, std::uint64_t>> m_unbonding;
    // (validator, party) for every delegation and stake journal: who a slash
    // of the validator reaches. Never shrinks (a pair with nothing left
    // yields no part).
    std::shared_ptr<const std::set<std::pair<PublicKey, PublicKey>>> m_stakeParties;
    std::shared_ptr<const std::set<std::pair<std::uint64_t, Hash256>>> m_pendingCases;
    std::shared_ptr<const std::vector<Hash256>> m_caseIds;
    std::shared_ptr<const std::set<std::pair<std::uint64_t, Hash256>>> m_pendingProposals;
    std::shared_ptr<const std::vector<Hash256>> m_proposalIds;
};

// Executing one block on a parent state: begin() releases matured unbonding
// and records the proposer's work, then each transaction applies wholly or
// not at all, and finish() gives the new state and its changes (what the
// ledger commits with the block).
class BlockExecution
{
public:
    // Signatures in energy data go through `verifier` when one is given.
    BlockExecution(const State &parent, const StateRules &rules, const BlockContext &block,
                   crypto::SignatureVerifier *verifier = nullptr);

    // Errors: "state.bad_payload", "state.zero_amount", "state.insufficient_balance",
    // "state.overflow", "state.unknown_validator", "state.role_mismatch",
    // "state.below_minimum", "state.no_delegation", "state.registry_full",
    // "state.self_delegation"; for trades energy::checkTradeTerms' "trade.*",
    // "trade.not_buyer", "trade.settled", "trade.no_route", "trade.seller_energy",
    // "trade.buyer_energy", "trade.line_capacity"; for energy data "energy.no_grid_model", the batch
    // rules' "energy.*" and the registry's "energy.bad_registration",
    // "energy.meter_exists", "energy.unknown_meter", "energy.meter_retired",
    // "energy.not_grid_operator"; for appeals "appeal.*" (docs/protocol.md,
    // section 22); for grid state "grid.not_operator" and
    // energy::checkGridState's "grid.*". A reading refused by its own rules is not an
    // error of the transaction: it changes nothing and is counted in
    // readingsRefused(). On an error nothing of the transaction applies.
    Status apply(const Transaction &tx);

    // Evidence the block carries (already verified by consensus): opens the
    // offence's slashing case, unless it has one (an offence is slashed
    // once). Evidence never makes a block invalid here.
    void applyEvidence(const Evidence &evidence);

    // Readings of the batches applied so far: accepted, and refused by reason.
    std::uint64_t readingsAccepted() const { return m_readingsAccepted; }
    const std::map<std::string, std::uint64_t> &readingsRefused() const { return m_readingsRefused; }
    // A meter's record as this block has it so far.
    std::optional<energy::MeterRecord> meterRecord(const Hash256 &id) const;
    // The last reading refused, with its reason (for a person reading a scenario).
    const std::optional<Error> &lastReadingRefusal() const { return m_lastReadingRefusal; }

    struct Outcome
    {
        State state;
        std::vector<StateChange> changes;   // sorted by key, one per key
    };
    Outcome finish() &&;

private:
    void put(Bytes key, std::optional<Bytes> value);
    std::optional<Bytes> read(const Bytes &key) const;
    Account account(const PublicKey &key) const;
    void putAccount(const PublicKey &key, const Account &a);
    // The sender's account after paying `amount` plus `fee`, or the error.
    // The fee of a transaction that moves no amount (a vote, an unbond, a
    // redelegation) may come from a balance a governance vote locked, so a
    // voter is never shut out of them.
    Result<Account> payer(const PublicKey &sender, std::uint64_t amount, std::uint64_t fee) const;
    const ValidatorRecord *validator(const PublicKey &key) const;
    void putValidator(const ValidatorRecord &v);
    void eraseValidator(const PublicKey &key);
    std::uint64_t delegation(const PublicKey &delegator, const PublicKey &validator) const;
    void putDelegation(const PublicKey &delegator, const PublicKey &validator, std::uint64_t amount);
    void addUnbonding(const UnbondingKey &key, std::uint64_t amount);
    std::vector<ValidatorRecord> &validatorsForWrite();

    Status transfer(const Transaction &tx, std::uint64_t fee);
    Status bond(const Transaction &tx, std::uint64_t fee);
    Status unbond(const Transaction &tx, std::uint64_t fee);
    Status delegate(const Transaction &tx, std::uint64_t fee);
    Status redelegate(const Transaction &tx, std::uint64_t fee);
    Status meterReadings(const Transaction &tx);
    Status meterRegistry(const Transaction &tx);
    Status gridState(const Transaction &tx);
    Status trade(const Transaction &tx, std::uint64_t fee);
    EnergyPosition position(const Bytes &key) const;
    std::optional<energy::MeterProgress> meterProgress(const Hash256 &id) const;
    std::uint64_t minimumFor(ValidatorRole role) const;
    void payReward(const PublicKey &key, std::uint64_t amount);

    // Slashing (state_slashing.cpp).
    void executeDueCases();
    // Records a proposer duty (produced or missed) and judges downtime.
    void recordDuty(ValidatorRecord &v, bool missed);
    // Opens a case without consensus evidence (downtime): the rest as applyEvidence.
    void openCase(SlashCase c);
    Status appeal(const Transaction &tx);
    Status energyEvidence(const Transaction &tx, std::uint64_t fee);
    void closeCommunityReview(SlashCase &c);
    void cancelCase(SlashCase &c);
    void refundCase(SlashCase &c);
    void scheduleCase(std::uint64_t slot, const Hash256 &id);
    void unscheduleCase(std::uint64_t slot, const Hash256 &id);
    void endSuspensions();
    std::optional<SlashCase> slashCase(const Hash256 &id) const;
    OffenderHistory offenderHistory(const PublicKey &offender) const;
    StakeJournal stakeJournal(const PublicKey &validator, const PublicKey &party) const;
    // The party's journal in the validator with one more change, oldest
    // beyond the evidence window dropped; the error state.busy_stake when full.
    Result<StakeJournal> journalWith(const PublicKey &validator, const PublicKey &party, const StakeChange &change) const;
    void putJournal(const PublicKey &validator, const PublicKey &party, const StakeJournal &journal);
    // The suspension an offender's standing cases impose (0: none).
    std::uint64_t suspensionOf(const OffenderHistory &history) const;
    std::uint64_t takeFromBond(const PublicKey &validator, const PublicKey &party, std::uint64_t wanted,
                               SlashCase &c);
    // The unbonding entries made at or after a slot, by (owner, validator):
    // built once per case, so opening one costs the queue once.
    using UnbondingIndex = std::map<std::pair<PublicKey, PublicKey>, std::vector<UnbondingKey>>;
    UnbondingIndex unbondingSince(std::uint64_t fromSlot) const;
    std::uint64_t takeFromUnbonding(const UnbondingIndex &index, const PublicKey &validator, const PublicKey &party,
                                    std::uint64_t wanted, SlashCase &c);
    // Takes up to `wanted` of the party's stake in the validator as it was at
    // fromSlot: the bond, the unbonding made since, then, `depth` hops at
    // most, the stake redelegated since (wherever it went).
    std::uint64_t takeStake(const UnbondingIndex &index, const PublicKey &validator, const PublicKey &party,
                            std::uint64_t fromSlot, std::uint64_t wanted, SlashCase &c, int depth);
    // A validator's stake (its own and its delegators') at the start of a slot.
    std::uint64_t stakeOfAt(const PublicKey &validator, std::uint64_t slot) const;
    // Governance (state_governance.cpp).
    Status propose(const Transaction &tx);
    Status governanceVote(const Transaction &tx);
    void processDueProposals();
    void closeProposal(Proposal &p);
    void enactProposal(Proposal &p);
    void settleDeposit(Proposal &p, bool quorumMet);
    void putProposal(const Proposal &p);
    std::optional<Proposal> proposal(const Hash256 &id) const;
    void scheduleProposal(std::uint64_t slot, const Hash256 &id);
    void unscheduleProposal(std::uint64_t slot, const Hash256 &id);
    BalanceLock balanceLock(const PublicKey &key) const;
    // Takes governance's rules into m_rules (at the start, and after an enactment).
    void loadGovernedRules();
    // The version the last scheduled upgrade names (the genesis one without any).
    std::uint32_t chainRulesVersion() const;
    // A case's parts and appeal votes live in entries of their own, so a
    // case stays small whatever the number of delegators or voters.
    void addPart(SlashCase &c, const SlashPart &part);
    std::vector<SlashPart> slashParts(const SlashCase &c) const;

    const State &m_parent;
    StateRules m_rules;
    BlockContext m_block;
    std::map<Bytes, std::optional<Bytes>> m_writes;
    std::shared_ptr<std::vector<ValidatorRecord>> m_validators;            // copied on first write
    std::shared_ptr<std::map<UnbondingKey, std::uint64_t>> m_unbonding;    // copied on first write
    std::shared_ptr<std::set<std::pair<PublicKey, PublicKey>>> m_stakeParties;     // copied on first write
    std::shared_ptr<std::set<std::pair<std::uint64_t, Hash256>>> m_pendingCases;   // copied on first write
    std::shared_ptr<std::vector<Hash256>> m_caseIds;                                 // copied on first write
    std::shared_ptr<std::set<std::pair<std::uint64_t, Hash256>>> m_pendingProposals;   // copied on first write
    std::shared_ptr<std::vector<Hash256>> m_proposalIds;                                 // copied on first write
    Supply m_supply;
    crypto::SignatureVerifier *m_verifier = nullptr;
    std::uint64_t m_readingsAccepted = 0;
    std::map<std::string, std::uint64_t> m_readingsRefused;
    std::optional<Error> m_lastReadingRefusal;
    std::uint64_t m_fees = 0;   // collected from this block's transactions, paid out by finish()
};

// Keys of the state (the first byte names the table): 'a' accounts, 'v'
// validator records, 'd' delegations, 'u' the unbonding queue, 's' the
// supply, 'm' meter records, 'r' each meter's reading progress, 'z' each
// zone's totals per interval, 'g' EGAT's grid-state report per interval,
// 'e' each account's energy position per zone and interval, 'f' the traded
// flow per interval and corridor, 't' the settled offers per interval,
// 'c' each zone's conservation verdict per interval, 'x' slashing cases,
// 'h' each offender's cases, 'k' each party's recent stake changes per validator,
// 'p' each case's parts, 'q' its community votes and 'Q' who voted,
// 'n' governance proposals, 'w' each proposal's votes, 'W' who voted and
// 'y' which of them are validators (weighed at the close),
// 'l' balance locks, 'G' the governed rules and 'U' the scheduled upgrade.
Bytes accountKey(const PublicKey &key);
Bytes validatorKey(const PublicKey &key);
Bytes delegationKey(const PublicKey &delegator, const PublicKey &validator);
Bytes unbondingKey(const UnbondingKey &key);
Bytes supplyKey();
Bytes meterKey(const Hash256 &id);
Bytes meterProgressKey(const Hash256 &id);
Bytes zoneTotalsKey(GridZone zone, std::int64_t intervalEndMs);
Bytes gridStateKey(std::int64_t intervalEndMs);
Bytes conservationKey(GridZone zone, std::int64_t intervalEndMs);
Bytes energyPositionKey(const PublicKey &account, GridZone zone, std::int64_t intervalEndMs);
Bytes tradedFlowKey(std::int64_t intervalEndMs, const std::string &corridor);
Bytes settledOfferKey(std::int64_t intervalEndMs, const Hash256 &offerId);
Bytes slashCaseKey(const Hash256 &id);
Bytes slashPartKey(const Hash256 &caseId, std::uint32_t index);
Bytes appealVoteKey(const Hash256 &caseId, std::uint32_t index);
Bytes appealVoterKey(const Hash256 &caseId, const PublicKey &voter);
Bytes offenderHistoryKey(const PublicKey &offender);
Bytes stakeJournalKey(const PublicKey &validator, const PublicKey &party);
Bytes proposalKey(const Hash256 &id);
Bytes proposalVoteKey(const Hash256 &proposal, std::uint32_t index);
Bytes proposalVoterKey(const Hash256 &proposal, const PublicKey &voter);
Bytes proposalValidatorVoteKey(const Hash256 &proposal, std::uint32_t index);
Bytes balanceLockKey(const PublicKey &key);
Bytes governedRulesKey();
Bytes scheduledUpgradeKey();

void encodeTo(codec::Writer &w, const Account &v);
void decodeFrom(codec::Reader &r, Account &v);
void encodeTo(codec::Writer &w, const ValidatorRecord &v);
void decodeFrom(codec::Reader &r, ValidatorRecord &v);
void encodeTo(codec::Writer &w, const EnergyPosition &v);
void decodeFrom(codec::Reader &r, EnergyPosition &v);
void encodeTo(codec::Writer &w, const Supply &v);
void decodeFrom(codec::Reader &r, Supply &v);
void encodeTo(codec::Writer &w, const StakingParams &v);
void decodeFrom(codec::Reader &r, StakingParams &v);
void encodeTo(codec::Writer &w, const GovernedRules &v);
void decodeFrom(codec::Reader &r, GovernedRules &v);

} // namespace gtx::state
