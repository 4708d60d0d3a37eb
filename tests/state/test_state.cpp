// The state machine: the trie's root is the ledger's, pinned to vectors
// computed by an independent implementation; each rule of transfers and
// staking; and the supply invariant over 10,000 random transaction sequences
// (rapidcheck; RC_PARAMS overrides the count and the seed).

#include "core/common/arith.h"
#include "consensus/consensus_fixture.h"
#include "core/consensus/messages.h"
#include "core/consensus/validators.h"
#include "core/consensus/verifier.h"
#include "core/ledger/ledger.h"
#include "core/state/state.h"

#include <QTest>

#include <rapidcheck.h>

#include <cstdlib>
#include <map>
#include <set>
#include <random>

using namespace gtx;
using namespace gtx::state;
using gtx::testing::testKey;

namespace {

constexpr std::uint64_t kFee = 10'000;

StateRules testRules()
{
    StateRules r;
    r.staking.transactionFee = kFee;
    r.staking.unbondingSlots = 50;
    r.staking.maxValidatorRecords = 4;
    r.minSelfBond = gtToMicro(10'000);
    r.energyMinSelfBond = gtToMicro(1'000);
    r.evidenceWindowSlots = 20;
    r.staking.appealWindowSlots = 10;   // 20 + 10 < 50, as ConsensusParams::validate() requires
    r.staking.appealFilingSlots = 3;    // 3 + 4 < 10: time is left for the authority review
    r.staking.communityReviewSlots = 4;
    r.staking.temporarySuspensionSlots = 5;
    r.staking.extendedSuspensionSlots = 15;
    r.staking.proposalDeposit = gtToMicro(1'000);
    r.staking.emergencyVotingSlots = 6;
    r.staking.standardVotingSlots = 8;
    r.staking.standardWaitSlots = 4;
    r.staking.constitutionalVotingSlots = 16;
    r.staking.constitutionalWaitSlots = 8;
    return r;
}

// Two headers by one key for one slot (the state machine does not verify
// evidence: block validity does, before execution).
Evidence doubleProposal(const PublicKey &offender, std::uint64_t slot)
{
    SignedHeader a, b;
    a.header.slot = slot;
    a.header.proposer = offender;
    b.header = a.header;
    b.header.txRoot.data()[0] = 1;
    return makeDoubleProposal(a, b);
}

Transaction tx(TransactionKind kind, const crypto::KeyPair &sender, Bytes payload)
{
    Transaction t;
    t.kind = kind;
    t.sender = sender.publicKey();
    t.payload = std::move(payload);
    return t;   // the state machine does not check signatures (block validity does)
}

// Applies transactions in one block at `slot`; returns each one's error code ("" when applied).
struct Step
{
    State state;
    std::vector<std::string> codes;
};

Step run(const State &parent, std::uint64_t slot, const std::vector<Transaction> &txs,
         const StateRules &rules = testRules(), const std::vector<Evidence> &evidence = {},
         const PublicKey &proposer = {}, const std::vector<PublicKey> &missed = {},
         const std::vector<PublicKey> &attesters = {})
{
    BlockExecution e(parent, rules, BlockContext{slot, proposer, missed, 0, attesters});
    for (const auto &ev : evidence)
        e.applyEvidence(ev);
    Step s;
    for (const auto &t : txs) {
        const Status ok = e.apply(t);
        s.codes.push_back(ok ? std::string() : ok.error().code);
    }
    s.state = std::move(e).finish().state;
    return s;
}

// The supply invariant, summed from the committed entries alone (not from
// the running totals the state machine keeps).
QString supplyProblem(const State &s)
{
    std::uint64_t balances = 0, selfBonds = 0, delegations = 0, unbonding = 0;
    std::map<PublicKey, std::uint64_t> delegatedTo, recordDelegated;
    std::uint64_t pendingCases = 0;
    std::map<Hash256, std::uint64_t> caseAmounts, partSums;
    std::set<PublicKey> offenders, belowMinimum;
    std::uint64_t heldDeposits = 0;
    Supply supply;
    QString problem;
    s.trie().forEach([&](ByteView key, ByteView value) {
        codec::Reader r(value);
        switch (key[0]) {
        case 'a': {
            const std::uint64_t b = r.u64();
            if (b == 0)
                problem = "an empty account is stored";
            balances += b;
            break;
        }
        case 'v': {
            ValidatorRecord v;
            decodeFrom(r, v);
            if (v.selfBond == 0 && v.delegated == 0)
                problem = "an empty validator record is stored";
            if (v.selfBond != 0 && v.selfBond < testRules().energyMinSelfBond)
                belowMinimum.insert(v.key);   // only a slash may leave it there
            selfBonds += v.selfBond;
            recordDelegated[v.key] = v.delegated;
            break;
        }
        case 'd': {
            PublicKey validator;
            std::copy(key.begin() + 33, key.end(), validator.data());
            const std::uint64_t d = r.u64();
            delegations += d;
            delegatedTo[validator] += d;
            break;
        }
        case 'u':
            unbonding += r.u64();
            break;
        case 's':
            decodeFrom(r, supply);
            break;
        case 'x': {
            SlashCase c;
            decodeFrom(r, c);
            caseAmounts[c.id] = c.amount;
            if (c.status == CaseStatus::Pending)
                pendingCases += c.amount;
            offenders.insert(c.offender);
            break;
        }
        case 'p': {
            SlashPart p;
            decodeFrom(r, p);
            Hash256 id;
            std::copy(key.begin() + 1, key.begin() + 33, id.data());
            partSums[id] += p.amount;
            break;
        }
        case 'n': {
            Proposal p;
            decodeFrom(r, p);
            if (p.depositFate == DepositFate::Held)
                heldDeposits += p.deposit;
            if ((p.depositFate == DepositFate::Held)
                != (p.status == ProposalStatus::Voting && p.track != ProposalTrack::Emergency))
                problem = "a deposit is held by a proposal that is not being voted on, or the other way round";
            break;
        }
        case 'l':
        case 'h':
        case 'k':
        case 'q':
        case 'Q':
        case 'w':
        case 'W':
        case 'y':
        case 'G':
        case 'U':
            break;
        default:
            problem = "an unknown table";
        }
    });
    if (!problem.isEmpty())
        return problem;
    for (const auto &key : belowMinimum)
        if (!offenders.count(key))
            return "a self-bond is below every minimum and no slash took it";
    for (const auto &[id, amount] : caseAmounts)
        if (partSums[id] != amount)
            return "a case's parts do not add up to its amount";
    if (heldDeposits != supply.governanceDeposits)
        return "the held deposits differ from the proposals being voted on";
    if (pendingCases != supply.pendingSlashes)
        return "the pending slashes differ from the pending cases";
    for (const auto &[key, d] : recordDelegated)
        if (delegatedTo[key] != d)
            return "a validator's delegated total differs from its delegations";
    for (const auto &[key, d] : delegatedTo)
        if (recordDelegated.count(key) == 0 && d != 0)
            return "a delegation to no validator";
    if (supply.bonded != selfBonds + delegations || supply.unbonding != unbonding)
        return "the running totals differ from the entries";
    const Uint128 sum = static_cast<Uint128>(balances) + selfBonds + delegations + unbonding
                                  + supply.pendingSlashes + supply.burned + supply.governanceDeposits;
    if (sum != supply.total)
        return QString("the supply does not add up: %1 of %2").arg(static_cast<quint64>(sum)).arg(supply.total);
    return {};
}

} // namespace

class TestState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rootsMatchIndependentVectors();
    void trieAgreesWithTheLedgerTree();
    void transferMovesBalanceAndPaysTheFee();
    void refusedTransactionsChangeNothing();
    void bondNeedsTheMinimumSelfBond();
    void unbondingReleasesAfterThePeriod();
    void delegationAddsStakeAndMoves();
    void energyWeightIsNeverDeclared();
    void proposerWeightIsCappedPerValidatorAndZone();
    void supplyInvariantHoldsOverRandomSequences();
    void slashTakesTheStakeAtTheInfraction();
    void appealGivesBackExactlyWhatWasTaken();
    void caseStaysSmallWhateverItsParts();
    void tallyNormalisesEachClassThenWeighs();
    void validatorVotesWeighTheStakeAtTheClose();
    void emergencyProposalsAreNeverCrowdedOut();
    void balanceLockHoldsEachVoteUntilItsClose();
    void fixedBytesOrderIsBytewise();
};

void TestState::initTestCase()
{
    QVERIFY(crypto::initialize());
    // 10,000 random sequences unless the caller chose other parameters.
    if (!std::getenv("RC_PARAMS"))
        setenv("RC_PARAMS", "max_success=10000 verbose_progress=0", 0);
}

void TestState::rootsMatchIndependentVectors()
{
    // Computed by a separate implementation of the construction in
    // core/ledger/state_tree.h (BLAKE2b-256 of len(domain) || domain || data,
    // 2^20 buckets, a full binary tree with default subtrees).
    struct Vector
    {
        std::vector<std::pair<std::string, Bytes>> entries;
        const char *root;
    };
    Bytes forty(40);
    for (std::size_t i = 0; i < forty.size(); ++i)
        forty[i] = static_cast<std::uint8_t>(i);
    const std::vector<Vector> vectors = {
        {{}, "84404858095d27925d573bc191a0afe6240855214ec11edc3ef113699f8b74d7"},
        {{{"a", toBytes("1")}}, "ff1d58a884a7c73b49453960b0f65cbec090cf3728555f39b3cf864893b0d180"},
        {{{"validator", forty}, {"b", toBytes("22")}, {"ab", {}}, {"a", toBytes("1")}},
         "e3bdce68626c4d4ec0a82af5ca7147d897bfe75ef1be8752fc54641a7b927d28"},
    };
    for (const auto &v : vectors) {
        std::vector<StateChange> changes;
        for (const auto &[k, value] : v.entries)
            changes.push_back({toBytes(k), value});
        QCOMPARE(QString::fromStdString(StateTrie().with(changes).root().hex()), QString(v.root));
        QCOMPARE(QString::fromStdString(ledger::Ledger::stateRootFor(changes).hex()), QString(v.root));
    }
}

void TestState::trieAgreesWithTheLedgerTree()
{
    std::mt19937_64 rng(7);
    std::map<Bytes, Bytes> model;
    StateTrie trie;
    std::vector<std::pair<StateTrie, Hash256>> history;
    for (int round = 0; round < 200; ++round) {
        std::vector<StateChange> batch;
        const int n = 1 + static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i) {
            Bytes key{static_cast<std::uint8_t>(rng() % 3), static_cast<std::uint8_t>(rng() % 64)};
            if (rng() % 4 == 0 && !model.empty()) {
                batch.push_back({key, std::nullopt});
                model.erase(key);
            } else {
                Bytes value(rng() % 5, static_cast<std::uint8_t>(rng()));
                batch.push_back({key, value});
                model[key] = value;
            }
        }
        trie = trie.with(batch);
        std::vector<StateChange> all;
        for (const auto &[k, v] : model)
            all.push_back({k, v});
        QCOMPARE(trie.root(), ledger::Ledger::stateRootFor(all));
        QCOMPARE(trie.size(), static_cast<std::uint64_t>(model.size()));
        for (const auto &[k, v] : model)
            QCOMPARE(trie.get(k), std::optional<Bytes>(v));
        history.emplace_back(trie, trie.root());
    }
    // Older states are untouched by later changes (forks share structure safely).
    for (const auto &[old, root] : history)
        QCOMPARE(old.root(), root);
}

void TestState::transferMovesBalanceAndPaysTheFee()
{
    const auto a = testKey(1), b = testKey(2);
    auto genesis = State::genesis({{{a.publicKey(), gtToMicro(100)}}, {}}, testRules());
    QVERIFY(genesis.ok());
    const Step s = run(*genesis, 1, {tx(TransactionKind::Transfer, a, codec::encode(TransferPayload{b.publicKey(), gtToMicro(30)}))});
    QCOMPARE(s.codes.front(), std::string());
    QCOMPARE(s.state.account(a.publicKey()).balance, gtToMicro(70) - kFee);
    QCOMPARE(s.state.account(b.publicKey()).balance, gtToMicro(30));
    QCOMPARE(s.state.supply().burned, kFee);   // no proposer: a trial run burns the fee
    QCOMPARE(s.state.supply().total, gtToMicro(100));
    QVERIFY(s.state.root() != genesis->root());
    QCOMPARE(supplyProblem(s.state), QString());
    // On the chain a block has a proposer: half of the fees to the attesters
    // it carries, in equal shares rounded down, the rest to the proposer.
    const auto proposer = testKey(4), x = testKey(5), y = testKey(6), z = testKey(7);
    std::vector<Transaction> txs;
    for (int i = 0; i < 3; ++i)
        txs.push_back(tx(TransactionKind::Transfer, a, codec::encode(TransferPayload{b.publicKey(), gtToMicro(1)})));
    std::vector<PublicKey> attesters{x.publicKey(), y.publicKey(), z.publicKey()};
    std::sort(attesters.begin(), attesters.end());
    const Step r = run(*genesis, 1, txs, testRules(), {}, proposer.publicKey(), {}, attesters);
    const std::uint64_t share = (3 * kFee / 2) / 3;
    for (const auto &k : attesters)
        QCOMPARE(r.state.account(k).balance, share);
    QCOMPARE(r.state.account(proposer.publicKey()).balance, 3 * kFee - 3 * share);
    QCOMPARE(r.state.supply().burned, 0u);
    QCOMPARE(r.state.supply().rewardsPaid, 3 * kFee);
    QCOMPARE(supplyProblem(r.state), QString());
}

void TestState::refusedTransactionsChangeNothing()
{
    const auto a = testKey(1), b = testKey(2), poor = testKey(3);
    auto genesis = State::genesis({{{a.publicKey(), gtToMicro(100)}, {poor.publicKey(), kFee - 1}}, {}}, testRules());
    QVERIFY(genesis.ok());
    const Step s = run(*genesis, 1, {
        tx(TransactionKind::Transfer, a, codec::encode(TransferPayload{b.publicKey(), gtToMicro(100)})),   // + fee
        tx(TransactionKind::Transfer, a, codec::encode(TransferPayload{b.publicKey(), 0})),
        tx(TransactionKind::Transfer, a, codec::encode(TransferPayload{b.publicKey(), UINT64_MAX})),
        tx(TransactionKind::Transfer, a, toBytes("garbage")),
        tx(TransactionKind::RandaoReveal, poor, {}),
        tx(TransactionKind::Unbond, a, codec::encode(UnbondPayload{b.publicKey(), 1})),
        tx(TransactionKind::Delegate, a, codec::encode(DelegatePayload{a.publicKey(), 1})),
    });
    const std::vector<std::string> expected = {"state.insufficient_balance", "state.zero_amount", "state.overflow",
                                               "state.bad_payload", "state.insufficient_balance",
                                               "state.unknown_validator", "state.self_delegation"};
    QCOMPARE(s.codes, expected);
    QCOMPARE(s.state.root(), genesis->root());
}

void TestState::bondNeedsTheMinimumSelfBond()
{
    const auto a = testKey(1);
    auto genesis = State::genesis({{{a.publicKey(), gtToMicro(50'000)}}, {}}, testRules());
    QVERIFY(genesis.ok());
    BondPayload small{gtToMicro(9'999), ValidatorRole::Stake, GridZone{2}};
    BondPayload enough{gtToMicro(10'000), ValidatorRole::Stake, GridZone{2}};
    BondPayload otherZone{gtToMicro(1'000), ValidatorRole::Stake, GridZone{3}};
    BondPayload more{gtToMicro(1'000), ValidatorRole::Stake, GridZone{2}};
    const Step s = run(*genesis, 5, {tx(TransactionKind::Bond, a, codec::encode(small)),
                                     tx(TransactionKind::Bond, a, codec::encode(enough)),
                                     tx(TransactionKind::Bond, a, codec::encode(otherZone)),
                                     tx(TransactionKind::Bond, a, codec::encode(more))});
    QCOMPARE(s.codes, (std::vector<std::string>{"state.below_minimum", "", "state.role_mismatch", ""}));
    const auto v = s.state.validator(a.publicKey());
    QVERIFY(v.has_value());
    QCOMPARE(v->selfBond, gtToMicro(11'000));
    QCOMPARE(v->registeredSlot, std::uint64_t{5});
    QCOMPARE(s.state.account(a.publicKey()).balance, gtToMicro(39'000) - 2 * kFee);
    QCOMPARE(supplyProblem(s.state), QString());
    // Leaving less than the minimum is refused; releasing all of it is not.
    const Step partial = run(s.state, 6, {tx(TransactionKind::Unbond, a, codec::encode(UnbondPayload{a.publicKey(), gtToMicro(2'000)}))});
    QCOMPARE(partial.codes.front(), std::string("state.below_minimum"));
    const Step all = run(s.state, 6, {tx(TransactionKind::Unbond, a, codec::encode(UnbondPayload{a.publicKey(), gtToMicro(11'000)}))});
    QCOMPARE(all.codes.front(), std::string());
    QVERIFY(!all.state.validator(a.publicKey()));
    QCOMPARE(supplyProblem(all.state), QString());
}

void TestState::unbondingReleasesAfterThePeriod()
{
    const auto a = testKey(1);
    auto genesis = State::genesis({{{a.publicKey(), gtToMicro(1)}},
                                   {{a.publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(20'000), 0}}},
                                  testRules());
    QVERIFY(genesis.ok());
    const Step s = run(*genesis, 10, {tx(TransactionKind::Unbond, a, codec::encode(UnbondPayload{a.publicKey(), gtToMicro(5'000)}))});
    QCOMPARE(s.codes.front(), std::string());
    QCOMPARE(s.state.supply().unbonding, gtToMicro(5'000));
    QCOMPARE(s.state.unbonding().size(), std::size_t{1});
    QCOMPARE(s.state.unbonding().begin()->first.releaseSlot, std::uint64_t{60});
    const Step early = run(s.state, 59, {});
    QCOMPARE(early.state.account(a.publicKey()).balance, gtToMicro(1) - kFee);
    const Step due = run(early.state, 60, {});
    QCOMPARE(due.state.account(a.publicKey()).balance, gtToMicro(5'001) - kFee);
    QCOMPARE(due.state.supply().unbonding, std::uint64_t{0});
    QVERIFY(due.state.unbonding().empty());
    QCOMPARE(supplyProblem(due.state), QString());
}

void TestState::delegationAddsStakeAndMoves()
{
    const auto v1 = testKey(1), v2 = testKey(2), d = testKey(3);
    auto genesis = State::genesis({{{d.publicKey(), gtToMicro(10'000)}},
                                   {{v1.publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(10'000), 0},
                                    {v2.publicKey(), ValidatorRole::Stake, GridZone{2}, gtToMicro(10'000), 0}}},
                                  testRules());
    QVERIFY(genesis.ok());
    const Step s = run(*genesis, 1, {
        tx(TransactionKind::Delegate, d, codec::encode(DelegatePayload{v1.publicKey(), gtToMicro(4'000)})),
        tx(TransactionKind::Redelegate, d, codec::encode(RedelegatePayload{v1.publicKey(), v2.publicKey(), gtToMicro(1'000)})),
        tx(TransactionKind::Redelegate, d, codec::encode(RedelegatePayload{v1.publicKey(), v2.publicKey(), gtToMicro(5'000)})),
        tx(TransactionKind::Unbond, d, codec::encode(UnbondPayload{v2.publicKey(), gtToMicro(500)})),
    });
    QCOMPARE(s.codes, (std::vector<std::string>{"", "", "state.insufficient_balance", ""}));
    QCOMPARE(s.state.validator(v1.publicKey())->stake(), gtToMicro(13'000));
    QCOMPARE(s.state.validator(v2.publicKey())->stake(), gtToMicro(10'500));
    QCOMPARE(s.state.delegation(d.publicKey(), v1.publicKey()), gtToMicro(3'000));
    QCOMPARE(s.state.delegation(d.publicKey(), v2.publicKey()), gtToMicro(500));
    QCOMPARE(s.state.supply().unbonding, gtToMicro(500));
    QCOMPARE(supplyProblem(s.state), QString());
}

void TestState::energyWeightIsNeverDeclared()
{
    // Defect 1: a bond used to declare its stake and verified energy. A bond
    // now carries an amount, a role and a zone; energy comes from verified
    // production only, so a new energy candidate has none and is not eligible.
    using namespace gtx::consensus;
    const auto sybil = testKey(9);
    auto genesis = State::genesis({{{sybil.publicKey(), gtToMicro(2'000)}}, {}}, testRules());
    QVERIFY(genesis.ok());
    const Step s = run(*genesis, 1, {tx(TransactionKind::Bond, sybil,
                                        codec::encode(BondPayload{gtToMicro(1'000), ValidatorRole::Energy, GridZone{4}}))});
    QCOMPARE(s.codes.front(), std::string());
    QCOMPARE(s.state.validator(sybil.publicKey())->verifiedEnergyWh, std::uint64_t{0});
    const auto pool = candidatePool(s.state);
    QCOMPARE(pool.size(), std::size_t{1});
    QVERIFY(!isEligible(pool.front(), ConsensusParams::production().rotation));
    // The old payload (a whole candidate with its claims) no longer decodes as a bond.
    ValidatorCandidate claim;
    claim.publicKey = sybil.publicKey();
    claim.stakeAmount = gtToMicro(1'000);
    claim.energyCredentials.verifiedEnergyWh = std::uint64_t{1} << 62;
    Bytes old = codec::encode(claim);
    old.push_back(1);
    const Step replay = run(*genesis, 1, {tx(TransactionKind::Bond, sybil, old)});
    QCOMPARE(replay.codes.front(), std::string("state.bad_payload"));
}

void TestState::proposerWeightIsCappedPerValidatorAndZone()
{
    using namespace gtx::consensus;
    ConsensusParams p = ConsensusParams::production();
    // An energy validator certified with absurd production: its weight is the cap, not 2^64.
    Candidate huge;
    huge.role = ValidatorRole::Energy;
    huge.info.publicKey = testKey(1).publicKey();
    huge.info.stakeAmount = gtToMicro(1'000);
    huge.info.energyCredentials.verifiedEnergyWh = std::uint64_t{1} << 63;
    QCOMPARE(proposerWeightOf(huge, p.rotation), p.rotation.maxValidatorWeight);
    // Ten capped validators in one zone share the zone cap.
    ActiveSet set;
    for (std::uint32_t i = 0; i < 10; ++i)
        set.members.push_back({testKey(10 + i).publicKey(), ValidatorRole::Stake, gtToMicro(100'000),
                               p.rotation.maxValidatorWeight, GridZone{4}, 0});
    std::sort(set.members.begin(), set.members.end(),
              [](const ActiveValidator &a, const ActiveValidator &b) { return a.key < b.key; });
    const std::vector<AuthorityMember> authorities(5);
    const ProposerTable t = makeProposerTable(authorities, set, p);
    const std::uint64_t validators = t.total - 5 * p.authorityProposerWeight;
    QVERIFY(validators <= p.rotation.maxZoneProposerWeight);
    QVERIFY(validators >= p.rotation.maxZoneProposerWeight - 10);   // only rounding lost
    QVERIFY(p.validate().ok());
}

void TestState::supplyInvariantHoldsOverRandomSequences()
{
    // Random sequences of transfers, bonds, unbonds, delegations and
    // redelegations among six keys, with random amounts (zero, dust, the fee,
    // the minimums, huge), and evidence of double proposals by any key (one
    // an authority) at any slot of the evidence window, across blocks whose
    // slots jump past the appeal window and the unbonding period. After
    // every block: the supply adds up from the entries, the running totals
    // agree, the pending slashes are the pending cases' amounts, each case's
    // parts add up to it, no empty record is stored; and a refused
    // transaction changed nothing (the block replayed without it has the
    // same root).
    std::map<CaseStatus, std::uint64_t> seen;   // the cases' ends over all runs: none may be missing
    std::uint64_t downtimeCases = 0;
    std::uint64_t takenFromUnbonding = 0, followedRedelegations = 0;
    std::map<ProposalStatus, std::uint64_t> proposalsSeen;
    std::map<DepositFate, std::uint64_t> depositsSeen;
    std::map<ProposalTrack, std::uint64_t> tracksSeen;
    std::uint64_t proposalNumber = 0;
    const bool ok = rc::check("supply invariant", [&] {
        StateRules rules = testRules();
        std::vector<crypto::KeyPair> keys;
        for (std::uint32_t i = 0; i < 6; ++i)
            keys.push_back(testKey(40 + i));
        rules.authorities = {keys[5].publicKey()};
        rules.authorityQuorum = 1;
        // No evidence verifier: every appeal's technical review overturns, so
        // cancellations (stake given back) and court refunds come up often.
        std::vector<Hash256> cases;
        std::vector<Hash256> proposals;
        GenesisAllocation g;
        for (std::size_t i = 0; i < 4; ++i)
            g.balances.push_back({keys[i].publicKey(), *rc::gen::inRange<std::uint64_t>(0, gtToMicro(60'000))});
        g.validators.push_back({keys[4].publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(10'000), 0});
        auto genesis = State::genesis(g, rules);
        RC_ASSERT(genesis.ok());
        State state = *genesis;
        std::uint64_t slot = 0;
        const int blocks = *rc::gen::inRange(1, 10);
        for (int b = 0; b < blocks; ++b) {
            slot += *rc::gen::inRange<std::uint64_t>(1, *rc::gen::inRange(0, 2) ? 6 : 80);
            std::vector<Transaction> txs;
            const int n = *rc::gen::inRange(0, 12);
            for (int i = 0; i < n; ++i) {
                const auto &sender = keys[*rc::gen::inRange<std::size_t>(0, keys.size())];
                const PublicKey other = keys[*rc::gen::inRange<std::size_t>(0, keys.size())].publicKey();
                const PublicKey third = keys[*rc::gen::inRange<std::size_t>(0, keys.size())].publicKey();
                const std::uint64_t amounts[] = {0, 1, kFee, gtToMicro(1'000), gtToMicro(10'000), gtToMicro(20'000),
                                                 UINT64_MAX, *rc::gen::inRange<std::uint64_t>(0, gtToMicro(30'000))};
                const std::uint64_t amount = amounts[*rc::gen::inRange(0, 8)];
                const GridZone zone{static_cast<std::uint16_t>(*rc::gen::inRange(1, 3))};
                const auto role = *rc::gen::inRange(0, 2) ? ValidatorRole::Stake : ValidatorRole::Energy;
                AppealPayload appeal;
                appeal.caseId = cases.empty() ? Hash256{} : cases[*rc::gen::inRange<std::size_t>(0, cases.size())];
                appeal.text = "grounds";
                ProposalPayload proposal;
                proposal.title = "a proposal";
                proposal.text = "number " + std::to_string(++proposalNumber);
                proposal.deposit = amounts[*rc::gen::inRange(0, 8)];
                switch (*rc::gen::inRange(0, 13)) {
                case 9: {
                    // A text market rule, a fee change, a weight change (constitutional)
                    // or an emergency fee change by the authority.
                    const int kind = *rc::gen::inRange(0, 4);
                    proposal.type = kind == 0 ? ProposalType::MarketRule
                                  : kind == 3 ? ProposalType::EmergencyProtocol
                                              : ProposalType::ParameterChange;
                    if (kind == 1 || kind == 3)
                        proposal.settings = {{GovernedParam::TransactionFee, *rc::gen::inRange<std::uint64_t>(0, 3 * kFee)}};
                    if (kind == 2)
                        proposal.settings = {{GovernedParam::AuthorityWeightBps, 3'000},
                                             {GovernedParam::CommunityWeightBps, 2'000}};
                    if (kind == 3)
                        proposal.deposit = 0;
                    txs.push_back(tx(TransactionKind::GovernanceProposal, kind == 3 ? keys[5] : sender,
                                     codec::encode(proposal)));
                    break;
                }
                case 10:
                case 11: {
                    GovernanceVotePayload vote;
                    vote.proposal = proposals.empty() ? Hash256{} : proposals[*rc::gen::inRange<std::size_t>(0, proposals.size())];
                    vote.choice = static_cast<VoteChoice>(*rc::gen::inRange(0, 3));
                    vote.communityAmount = *rc::gen::inRange(0, 2) ? kWholeBalance : amounts[*rc::gen::inRange(0, 8)];
                    txs.push_back(tx(TransactionKind::GovernanceVote, sender, codec::encode(vote)));
                    break;
                }
                case 12:
                case 6:
                    appeal.action = AppealAction::File;
                    txs.push_back(tx(TransactionKind::SlashAppeal, sender, codec::encode(appeal)));
                    break;
                case 7:
                    appeal.action = AppealAction::CourtCase;
                    txs.push_back(tx(TransactionKind::SlashAppeal, sender, codec::encode(appeal)));
                    break;
                case 8:
                    appeal.action = AppealAction::CourtRefund;
                    appeal.uphold = true;
                    txs.push_back(tx(TransactionKind::SlashAppeal, sender, codec::encode(appeal)));
                    break;
                case 0:
                    txs.push_back(tx(TransactionKind::Transfer, sender, codec::encode(TransferPayload{other, amount})));
                    break;
                case 1:
                    txs.push_back(tx(TransactionKind::Bond, sender, codec::encode(BondPayload{amount, role, zone})));
                    break;
                case 2:
                    txs.push_back(tx(TransactionKind::Unbond, sender, codec::encode(UnbondPayload{other, amount})));
                    break;
                case 3:
                    txs.push_back(tx(TransactionKind::Delegate, sender, codec::encode(DelegatePayload{other, amount})));
                    break;
                case 4:
                    txs.push_back(tx(TransactionKind::Redelegate, sender,
                                     codec::encode(RedelegatePayload{other, third, amount})));
                    break;
                default:
                    txs.push_back(tx(TransactionKind::RandaoReveal, sender, {}));
                }
            }
            std::vector<Evidence> evidence;
            for (int i = *rc::gen::inRange(-3, 3); i > 0; --i)
                evidence.push_back(doubleProposal(keys[*rc::gen::inRange(0, 2) ? 4 : *rc::gen::inRange<std::size_t>(0, keys.size())].publicKey(),
                                                  slot - std::min<std::uint64_t>(slot, *rc::gen::inRange<std::uint64_t>(0, 21))));
            // The drawn proposers of the slots the block skips (downtime).
            const PublicKey proposer = keys[*rc::gen::inRange<std::size_t>(0, keys.size())].publicKey();
            std::vector<PublicKey> missed;
            for (int i = *rc::gen::inRange(-2, 4); i > 0; --i)
                missed.push_back(keys[*rc::gen::inRange(0, 2) ? 4 : *rc::gen::inRange<std::size_t>(0, keys.size())].publicKey());
            std::vector<PublicKey> attesters;
            for (int i = *rc::gen::inRange(-1, 4); i > 0; --i)
                attesters.push_back(keys[*rc::gen::inRange<std::size_t>(0, keys.size())].publicKey());
            std::sort(attesters.begin(), attesters.end());
            attesters.erase(std::unique(attesters.begin(), attesters.end()), attesters.end());
            const Step step = run(state, slot, txs, rules, evidence, proposer, missed, attesters);
            std::vector<Transaction> applied;
            for (std::size_t i = 0; i < txs.size(); ++i)
                if (step.codes[i].empty())
                    applied.push_back(txs[i]);
            RC_ASSERT(run(state, slot, applied, rules, evidence, proposer, missed, attesters).state.root()
                      == step.state.root());
            const QString problem = supplyProblem(step.state);
            RC_ASSERT(problem.toStdString() == std::string());
            RC_ASSERT(step.state.supply().total == genesis->supply().total);
            cases = step.state.caseIds();
            proposals = step.state.proposalIds();
            for (const auto &id : proposals)
                if (auto p = step.state.proposal(id)) {
                    ++proposalsSeen[p->status];
                    ++depositsSeen[p->depositFate];
                    ++tracksSeen[p->track];
                }
            for (const auto &id : cases)
                if (auto c = step.state.slashCase(id)) {
                    ++seen[c->status];
                    downtimeCases += c->kind == CaseKind::Downtime ? 1 : 0;
                    for (const auto &p : step.state.slashParts(*c)) {
                        takenFromUnbonding += p.source == StakeSource::Unbonding ? 1 : 0;
                        followedRedelegations += p.validator != c->offender ? 1 : 0;
                    }
                }
            state = step.state;
        }
    });
    QVERIFY(ok);
    qInfo("downtime cases seen: %llu", static_cast<unsigned long long>(downtimeCases));
    QVERIFY(downtimeCases > 0);
    qInfo("cases seen: %llu pending, %llu executed, %llu cancelled, %llu refunded; parts from unbonding %llu, "
          "followed to another validator %llu",
          static_cast<unsigned long long>(seen[CaseStatus::Pending]), static_cast<unsigned long long>(seen[CaseStatus::Executed]),
          static_cast<unsigned long long>(seen[CaseStatus::Cancelled]), static_cast<unsigned long long>(seen[CaseStatus::Refunded]),
          static_cast<unsigned long long>(takenFromUnbonding), static_cast<unsigned long long>(followedRedelegations));
    QVERIFY(seen[CaseStatus::Executed] > 0 && seen[CaseStatus::Cancelled] > 0 && seen[CaseStatus::Refunded] > 0);
    qInfo("proposals seen: %llu voting, %llu passed, %llu rejected, %llu enacted, %llu failed; deposits %llu returned, "
          "%llu burned",
          static_cast<unsigned long long>(proposalsSeen[ProposalStatus::Voting]),
          static_cast<unsigned long long>(proposalsSeen[ProposalStatus::Passed]),
          static_cast<unsigned long long>(proposalsSeen[ProposalStatus::Rejected]),
          static_cast<unsigned long long>(proposalsSeen[ProposalStatus::Enacted]),
          static_cast<unsigned long long>(proposalsSeen[ProposalStatus::Failed]),
          static_cast<unsigned long long>(depositsSeen[DepositFate::Returned]),
          static_cast<unsigned long long>(depositsSeen[DepositFate::Burned]));
    QVERIFY(proposalsSeen[ProposalStatus::Enacted] > 0 && proposalsSeen[ProposalStatus::Rejected] > 0);
    QVERIFY(depositsSeen[DepositFate::Returned] > 0 && depositsSeen[DepositFate::Burned] > 0);
    qInfo("tracks seen: %llu emergency, %llu standard, %llu constitutional",
          static_cast<unsigned long long>(tracksSeen[ProposalTrack::Emergency]),
          static_cast<unsigned long long>(tracksSeen[ProposalTrack::Standard]),
          static_cast<unsigned long long>(tracksSeen[ProposalTrack::Constitutional]));
    QVERIFY(tracksSeen[ProposalTrack::Emergency] > 0 && tracksSeen[ProposalTrack::Constitutional] > 0);
    // Parts from unbonding and redelegated stake are rare here; the slash
    // fixture below takes each kind on purpose.
}

namespace {

// A validator V with a delegator D who, after V's offence at slot 3, unbonds
// 1,000 of its 10,000 GT and redelegates 9,000 to W; E delegates only after
// the offence. The evidence arrives at slot 6.
struct SlashFixture
{
    crypto::KeyPair v = testKey(60), w = testKey(61), d = testKey(62), e = testKey(63);
    StateRules rules = testRules();
    State before;   // just before the evidence
    State after;    // with the case open
    Evidence evidence;

    SlashFixture()
    {
        GenesisAllocation g;
        g.balances = {{d.publicKey(), gtToMicro(20'000)}, {e.publicKey(), gtToMicro(20'000)}};
        g.validators = {{v.publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(20'000), 0},
                        {w.publicKey(), ValidatorRole::Stake, GridZone{2}, gtToMicro(20'000), 0}};
        State s = *State::genesis(g, rules);
        s = run(s, 1, {tx(TransactionKind::Delegate, d, codec::encode(DelegatePayload{v.publicKey(), gtToMicro(10'000)}))}).state;
        const Step later = run(s, 5, {
            tx(TransactionKind::Unbond, d, codec::encode(UnbondPayload{v.publicKey(), gtToMicro(1'000)})),
            tx(TransactionKind::Redelegate, d, codec::encode(RedelegatePayload{v.publicKey(), w.publicKey(), gtToMicro(9'000)})),
            tx(TransactionKind::Delegate, e, codec::encode(DelegatePayload{v.publicKey(), gtToMicro(10'000)})),
        });
        for (const auto &code : later.codes)
            QVERIFY2(code.empty(), code.c_str());
        before = later.state;
        // Two headers V really signed for slot 3.
        SignedHeader a, b;
        a.header.slot = 3;
        a.header.proposer = v.publicKey();
        b.header = a.header;
        b.header.txRoot.data()[0] = 1;
        a.signature = signHeader(a.header, v);
        b.signature = signHeader(b.header, v);
        evidence = makeDoubleProposal(a, b);
        after = run(before, 6, {}, rules, {evidence}).state;
    }
};

std::uint64_t unbondingOf(const State &s, const PublicKey &owner, const PublicKey &validator)
{
    std::uint64_t total = 0;
    for (const auto &[k, amount] : s.unbonding())
        if (k.owner == owner && k.validator == validator)
            total += amount;
    return total;
}

} // namespace

void TestState::slashTakesTheStakeAtTheInfraction()
{
    SlashFixture f;
    const auto c = f.after.slashCase(offenceKey(f.evidence));
    QVERIFY(c.has_value());
    // 20% (a first double proposal) of the 30,000 GT bonded to V at slot 3:
    // 4,000 of its own, and D's 2,000 from where D's stake is now: 1,000
    // unbonding, 1,000 followed to W. E's later delegation is untouched.
    QCOMPARE(c->fractionBps, 2000u);
    QCOMPARE(c->stakeAtInfraction, gtToMicro(30'000));
    QCOMPARE(c->amount, gtToMicro(6'000));
    QCOMPARE(c->uncollected, 0u);
    QVERIFY(f.after.slashParts(*c).size() == 3);
    QCOMPARE(f.after.validator(f.v.publicKey())->selfBond, gtToMicro(16'000));
    QCOMPARE(unbondingOf(f.after, f.d.publicKey(), f.v.publicKey()), 0u);
    QCOMPARE(f.after.delegation(f.d.publicKey(), f.w.publicKey()), gtToMicro(8'000));
    QCOMPARE(f.after.delegation(f.e.publicKey(), f.v.publicKey()), gtToMicro(10'000));
    QCOMPARE(f.after.supply().pendingSlashes, gtToMicro(6'000));
    QCOMPARE(f.after.validator(f.v.publicKey())->suspendedUntilSlot, 6u + f.rules.staking.extendedSuspensionSlots);
    QCOMPARE(supplyProblem(f.after), QString());
    // The same evidence again changes nothing: one offence, one case.
    QVERIFY(run(f.after, 7, {}, f.rules, {f.evidence}).state.root() == run(f.after, 7, {}, f.rules).state.root());
    // Burned when the appeal window ends, not before.
    const State held = run(f.after, 6 + f.rules.staking.appealWindowSlots - 1, {}).state;
    QCOMPARE(held.supply().pendingSlashes, gtToMicro(6'000));
    const State burned = run(held, 6 + f.rules.staking.appealWindowSlots, {}).state;
    QCOMPARE(burned.supply().pendingSlashes, 0u);
    QCOMPARE(burned.supply().burned - held.supply().burned, gtToMicro(6'000));
    QVERIFY(burned.slashCase(c->id)->status == CaseStatus::Executed);
}

void TestState::appealGivesBackExactlyWhatWasTaken()
{
    SlashFixture f;
    const Hash256 id = offenceKey(f.evidence);
    AppealPayload p;
    p.caseId = id;
    p.text = "The second header was never published.";
    const Transaction file = tx(TransactionKind::SlashAppeal, f.v, codec::encode(p));

    // Signed evidence passes the technical review: on to the community.
    StateRules verifying = f.rules;
    verifying.verifyEvidence = [](const Evidence &e) {
        consensus::DirectVerifier verifier;
        return consensus::verifyConsensusEvidence(e, verifier);
    };
    const Step reviewed = run(f.after, 7, {file}, verifying);
    QCOMPARE(reviewed.codes.front(), std::string());
    QVERIFY(reviewed.state.slashCase(id)->appeal.stage == AppealStage::Community);
    QCOMPARE(reviewed.state.supply().pendingSlashes, gtToMicro(6'000));
    // Only the offender appeals (not a delegator, not an outsider), once.
    QCOMPARE(run(f.after, 7, {tx(TransactionKind::SlashAppeal, testKey(70), codec::encode(p))}, verifying).codes.front(),
             std::string("appeal.not_party"));
    QCOMPARE(run(f.after, 7, {tx(TransactionKind::SlashAppeal, f.d, codec::encode(p))}, verifying).codes.front(),
             std::string("appeal.not_party"));
    QCOMPARE(run(reviewed.state, 8, {file}, verifying).codes.front(), std::string("appeal.closed"));

    // Evidence that does not verify is overturned at once, and every part
    // goes back where it was taken from.
    StateRules forged = f.rules;
    forged.verifyEvidence = [](const Evidence &) { return Status(makeError("evidence.bad_signature", "forged")); };
    const Step overturned = run(f.after, 7, {file}, forged);
    QCOMPARE(overturned.codes.front(), std::string());
    const State &s = overturned.state;
    const auto c = s.slashCase(id);
    QVERIFY(c->status == CaseStatus::Cancelled);
    QVERIFY(c->appeal.trail.size() == 2 && !c->appeal.trail.back().uphold);
    QCOMPARE(s.validator(f.v.publicKey())->selfBond, f.before.validator(f.v.publicKey())->selfBond);
    QCOMPARE(s.validator(f.v.publicKey())->delegated, f.before.validator(f.v.publicKey())->delegated);
    QCOMPARE(s.validator(f.v.publicKey())->suspendedUntilSlot, 0u);
    QCOMPARE(unbondingOf(s, f.d.publicKey(), f.v.publicKey()), unbondingOf(f.before, f.d.publicKey(), f.v.publicKey()));
    QCOMPARE(s.delegation(f.d.publicKey(), f.w.publicKey()), f.before.delegation(f.d.publicKey(), f.w.publicKey()));
    QCOMPARE(s.validator(f.w.publicKey())->delegated, f.before.validator(f.w.publicKey())->delegated);
    QVERIFY(s.supply() == f.before.supply());
    QCOMPARE(supplyProblem(s), QString());
    // Nothing is burned when the window ends, and a cancelled case is no prior offence.
    const State later = run(s, 6 + f.rules.staking.appealWindowSlots, {}).state;
    QVERIFY(later.supply() == f.before.supply());
    SignedHeader a = f.evidence.headerA, b = f.evidence.headerB;
    a.header.slot = b.header.slot = 20;
    const State again = run(later, 21, {}, f.rules, {makeDoubleProposal(a, b)}).state;
    QCOMPARE(again.slashCase(offenceKey(makeDoubleProposal(a, b)))->priorCases, 0u);
}

void TestState::caseStaysSmallWhateverItsParts()
{
    // 3,000 delegators: the case's parts are entries of their own, so the
    // case itself stays far below the ledger's limit on one value (1 MiB),
    // however many delegators or voters it has.
    const auto v = testKey(80);
    GenesisAllocation g;
    g.validators = {{v.publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(20'000), 0}};
    std::vector<crypto::KeyPair> delegators;
    for (std::uint32_t i = 0; i < 3'000; ++i) {
        delegators.push_back(testKey(10'000 + i));
        g.balances.push_back({delegators.back().publicKey(), gtToMicro(1)});
    }
    StateRules rules = testRules();
    rules.staking.maxValidatorRecords = 10;
    State s = *State::genesis(g, rules);
    std::vector<Transaction> txs;
    for (const auto &d : delegators)
        txs.push_back(tx(TransactionKind::Delegate, d, codec::encode(DelegatePayload{v.publicKey(), 500'000})));
    const Step delegated = run(s, 1, txs, rules);
    for (const auto &code : delegated.codes)
        QCOMPARE(code, std::string());
    const Evidence e = doubleProposal(v.publicKey(), 2);
    const State after = run(delegated.state, 3, {}, rules, {e}).state;
    const auto c = after.slashCase(offenceKey(e));
    QVERIFY(c.has_value());
    QCOMPARE(c->partCount, 3'001u);
    QVERIFY(after.trie().get(slashCaseKey(c->id))->size() < 4'096);
    std::uint64_t sum = 0;
    for (const auto &p : after.slashParts(*c))
        sum += p.amount;
    QCOMPARE(sum, c->amount);
    QCOMPARE(c->amount, gtToMicro(4'000) + 3'000 * 100'000);   // 20% of each
    QCOMPARE(supplyProblem(after), QString());
}

void TestState::tallyNormalisesEachClassThenWeighs()
{
    TallyRule standard;
    standard.weightsBps = {4'000, 3'500, 1'500, 1'000};
    standard.quorumBps = 4'000;
    standard.passBps = 5'000;
    // 3 of 5 authorities for and 1 against; 100,000 GT of stake for and
    // 50,000 against; no energy validator votes; 80 % of the community for.
    std::array<ClassTally, kVoterClasses> c{};
    c[0] = {3, 1, 0, 5};
    c[1] = {gtToMicro(100'000), gtToMicro(50'000), 0, gtToMicro(150'000)};
    c[2] = {0, 0, 0, 2'000'000};
    c[3] = {gtToMicro(800), 0, 0, gtToMicro(1'000)};
    TallyResult r = tally(c, standard);
    // turnout (40 x 0.8 + 35 x 1 + 15 x 0 + 10 x 0.8) / 100; support
    // (40 x 0.75 + 35 x 2/3 + 10 x 1) / 85: the silent class counts for the
    // quorum, not for support.
    QCOMPARE(r.turnoutBps, 7'500u);
    QCOMPARE(r.supportBps, 7'450u);
    QVERIFY(r.quorumMet && r.passed);
    // A class of one large holder weighs no more than its share: the
    // community alone, however rich, is 10 %.
    std::array<ClassTally, kVoterClasses> rich{};
    rich[0] = {0, 0, 0, 5};
    rich[1] = {0, 0, 0, gtToMicro(150'000)};
    rich[3] = {gtToMicro(1'000'000), 0, 0, gtToMicro(1'000'000)};
    r = tally(rich, standard);
    QCOMPARE(r.turnoutBps, 1'176u);   // 10 / 85: the energy class has no weight to count
    QVERIFY(!r.quorumMet && !r.passed);
    // Abstentions reach the quorum, not support.
    std::array<ClassTally, kVoterClasses> abstain{};
    abstain[0] = {1, 0, 4, 5};
    r = tally(abstain, standard);
    QCOMPARE(r.turnoutBps, 10'000u);
    QCOMPARE(r.supportBps, 10'000u);
    // Exactly the threshold: a standard proposal needs more, a constitutional one at least it.
    std::array<ClassTally, kVoterClasses> half{};
    half[0] = {2, 2, 0, 4};
    QVERIFY(!tally(half, standard).passed);
    TallyRule atLeast = standard;
    atLeast.strictlyAbove = false;
    QVERIFY(tally(half, atLeast).passed);
    // Nothing eligible, nothing cast: no quorum.
    QVERIFY(!tally(std::array<ClassTally, kVoterClasses>{}, standard).quorumMet);
}

void TestState::validatorVotesWeighTheStakeAtTheClose()
{
    // V votes yes with 10,000 GT of stake, then D delegates 30,000 GT to V
    // before the close: V's vote weighs 40,000. W votes no and is then
    // slashed and suspended: its vote weighs nothing at the close.
    StateRules rules = testRules();
    const crypto::KeyPair v = testKey(70), w = testKey(71), d = testKey(72), a = testKey(73), p = testKey(74);
    rules.authorities = {a.publicKey()};
    rules.authorityQuorum = 1;
    GenesisAllocation g;
    g.balances = {{v.publicKey(), gtToMicro(10)}, {w.publicKey(), gtToMicro(10)}, {d.publicKey(), gtToMicro(40'000)},
                  {p.publicKey(), gtToMicro(2'000)}};
    g.validators = {{v.publicKey(), ValidatorRole::Stake, GridZone{1}, gtToMicro(10'000), 0},
                    {w.publicKey(), ValidatorRole::Stake, GridZone{2}, gtToMicro(20'000), 0}};
    State s = *State::genesis(g, rules);
    ProposalPayload rule;
    rule.type = ProposalType::MarketRule;
    rule.title = "a rule";
    rule.text = "a text rule";
    rule.deposit = gtToMicro(1'000);
    const Transaction proposal = tx(TransactionKind::GovernanceProposal, p, codec::encode(rule));
    Step step = run(s, 1, {proposal}, rules);
    QVERIFY2(step.codes[0].empty(), step.codes[0].c_str());
    const Hash256 id = transactionId(proposal);
    step = run(step.state, 2, {tx(TransactionKind::GovernanceVote, v, codec::encode(GovernanceVotePayload{id, VoteChoice::Yes})),
                               tx(TransactionKind::GovernanceVote, w, codec::encode(GovernanceVotePayload{id, VoteChoice::No})),
                               tx(TransactionKind::GovernanceVote, a, codec::encode(GovernanceVotePayload{id, VoteChoice::Yes}))},
               rules);
    for (const auto &code : step.codes)
        QVERIFY2(code.empty(), code.c_str());
    step = run(step.state, 3, {tx(TransactionKind::Delegate, d, codec::encode(DelegatePayload{v.publicKey(), gtToMicro(30'000)}))},
               rules, {doubleProposal(w.publicKey(), 3)});
    QVERIFY2(step.codes[0].empty(), step.codes[0].c_str());
    QVERIFY(step.state.validator(w.publicKey())->suspended());
    // D's delegated balance left its account before the close; V's own 10 GT voted as community.
    const State closed = run(step.state, 1 + rules.staking.standardVotingSlots, {}, rules).state;
    const auto result = closed.proposal(id);
    QVERIFY(result.has_value());
    QVERIFY(result->closedSlot != 0);
    const ClassTally &stake = result->classes[static_cast<std::size_t>(VoterClass::StakeValidator)];
    QCOMPARE(stake.yes, gtToMicro(40'000));
    QCOMPARE(stake.no, 0u);
    QCOMPARE(stake.eligible, gtToMicro(40'000));   // W is suspended: not eligible either
    QCOMPARE(result->classes[0].yes, 1u);
    QVERIFY(result->status == ProposalStatus::Passed);
    QVERIFY(result->depositFate == DepositFate::Returned);
    QCOMPARE(closed.account(p.publicKey()).balance, gtToMicro(2'000) - kFee);
    // The voters' community balances stay locked until the close, then are free.
    BlockExecution e(closed, rules, BlockContext{2 + rules.staking.standardVotingSlots, {}, {}});
    QVERIFY(e.apply(tx(TransactionKind::Transfer, v, codec::encode(TransferPayload{d.publicKey(), gtToMicro(5)}))).ok());
    QVERIFY(supplyProblem(closed).isEmpty());
}

void TestState::emergencyProposalsAreNeverCrowdedOut()
{
    // 64 keys fill the chain's 256 open proposals with deposits; a further
    // one waits for room, but an authority's emergency proposal goes in.
    StateRules rules = testRules();
    const crypto::KeyPair authority = testKey(80);
    rules.authorities = {authority.publicKey()};
    rules.authorityQuorum = 1;
    GenesisAllocation g;
    std::vector<crypto::KeyPair> keys;
    for (std::uint32_t i = 0; i < 65; ++i) {
        keys.push_back(testKey(1000 + i));
        g.balances.push_back({keys.back().publicKey(), gtToMicro(5'000)});
    }
    const State s = *State::genesis(g, rules);
    BlockExecution e(s, rules, BlockContext{1, {}, {}});
    ProposalPayload p;
    p.type = ProposalType::MarketRule;
    p.title = "a rule";
    p.deposit = gtToMicro(1'000);
    for (std::size_t k = 0; k < 64; ++k)
        for (int n = 0; n < 4; ++n) {
            p.text = "rule " + std::to_string(k) + "/" + std::to_string(n);
            QVERIFY(e.apply(tx(TransactionKind::GovernanceProposal, keys[k], codec::encode(p))).ok());
        }
    p.text = "rule 65";
    QCOMPARE(e.apply(tx(TransactionKind::GovernanceProposal, keys[64], codec::encode(p))).error().code,
             std::string("governance.full"));
    ProposalPayload emergency;
    emergency.type = ProposalType::EmergencyProtocol;
    emergency.title = "an emergency procedure";
    emergency.text = "adopted at once";
    QVERIFY(e.apply(tx(TransactionKind::GovernanceProposal, authority, codec::encode(emergency))).ok());
    const QString problem = supplyProblem(std::move(e).finish().state);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestState::balanceLockHoldsEachVoteUntilItsClose()
{
    BalanceLock lock;
    lock.hold(gtToMicro(100), 18, 2);   // the whole balance on a standard vote
    lock.hold(gtToMicro(1), 34, 2);     // 1 GT on a constitutional one
    QCOMPARE(lock.lockedAt(10), gtToMicro(100));
    QCOMPARE(lock.freeFrom(10), 34u);
    QCOMPARE(lock.lockedAt(18), gtToMicro(1));   // the standard vote has closed
    QCOMPARE(lock.lockedAt(34), 0u);
    // A later, larger hold makes an earlier, smaller one redundant; expired holds go.
    lock.hold(gtToMicro(200), 40, 20);
    QCOMPARE(lock.holds.size(), std::size_t{1});
    QCOMPARE(lock.lockedAt(21), gtToMicro(200));
    // Two votes closing at one slot merge into the larger.
    lock.hold(gtToMicro(300), 40, 21);
    QCOMPARE(lock.holds.size(), std::size_t{1});
    QCOMPARE(lock.lockedAt(39), gtToMicro(300));
}

void TestState::fixedBytesOrderIsBytewise()
{
    // Keys of the state and of most maps compare word-wise; the order must
    // be exactly the bytewise one (it decides iteration order, and so what
    // nodes do). The second value is the first with one byte changed, so the
    // difference falls anywhere, inside or across the eight-byte words.
    auto check = [](auto a, auto b) {
        const bool bytewise = std::lexicographical_compare(a.bytes.begin(), a.bytes.end(), b.bytes.begin(), b.bytes.end());
        return (a < b) == bytewise && (a == b) == (a.bytes == b.bytes);
    };
    const bool ok = rc::check("FixedBytes order", [&] {
        FixedBytes<32> a, b;
        FixedBytes<64> c, d;
        FixedBytes<5> e, f;
        auto fill = [](auto &x, auto &y) {
            for (auto &byte : x.bytes)
                byte = static_cast<std::uint8_t>(*rc::gen::inRange(0, 256));
            y = x;
            y.bytes[*rc::gen::inRange<std::size_t>(0, y.bytes.size())] = static_cast<std::uint8_t>(*rc::gen::inRange(0, 256));
        };
        fill(a, b);
        fill(c, d);
        fill(e, f);
        RC_ASSERT(check(a, b));
        RC_ASSERT(check(c, d));
        RC_ASSERT(check(e, f));
        RC_ASSERT(check(a, a));
    });
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestState)
#include "test_state.moc"
