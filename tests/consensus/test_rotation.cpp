#include "test_rotation.h"

#include "consensus_fixture.h"

#include <QtTest>

#include <algorithm>

using namespace gtx;
using namespace gtx::testing;

namespace {

Candidate candidate(std::uint32_t key, std::uint64_t stakeGt, std::uint16_t zone,
                    ValidatorRole role = ValidatorRole::Stake, std::uint64_t energyWh = 0)
{
    Candidate c;
    c.info.publicKey = testKey(key).publicKey();
    c.info.stakeAmount = gtToMicro(stakeGt);
    c.info.geographicDistribution = GridZone{zone};
    c.info.energyCredentials.verifiedEnergyWh = energyWh;
    c.role = role;
    return c;
}

// maxValidatorWeight (the cap on a member's stake, and the churn floor) is
// 40,000 GT unless given.
RotationParams params(std::uint32_t churnBps, std::uint32_t maxActive, std::uint32_t perZone,
                      std::uint64_t maxValidatorWeightGt = 40'000)
{
    RotationParams p;
    p.maxValidatorWeight = gtToMicro(maxValidatorWeightGt);
    p.maxChurnBps = churnBps;
    p.maxActiveValidators = maxActive;
    p.maxPerZone = perZone;
    return p;
}

bool contains(const ActiveSet &set, std::uint32_t key)
{
    return set.find(testKey(key).publicKey()) != nullptr;
}

} // namespace

void TestRotation::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestRotation::genesisSetTakesTheBestUnderCaps()
{
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 10; ++i)
        pool.push_back(candidate(i, 10'000 + 1000 * i, static_cast<std::uint16_t>(1 + i % 2)));
    const ActiveSet set = initialActiveSet(pool, params(3333, 4, 10));
    QCOMPARE(set.members.size(), std::size_t{4});
    for (std::uint32_t i = 6; i < 10; ++i)
        QVERIFY(contains(set, i));   // the four largest stakes
    QCOMPARE(set.totalStake, gtToMicro(16'000 + 17'000 + 18'000 + 19'000));
    QVERIFY(std::is_sorted(set.members.begin(), set.members.end(),
                           [](const ActiveValidator &a, const ActiveValidator &b) { return a.key < b.key; }));
}

void TestRotation::eligibilityByRole()
{
    const RotationParams p;
    QVERIFY(isEligible(candidate(1, 10'000, 1), p));
    QVERIFY(!isEligible(candidate(1, 9'999, 1), p));   // below 10,000 GT
    QVERIFY(isEligible(candidate(2, 1'000, 1, ValidatorRole::Energy, 1'000'000), p));
    QVERIFY(!isEligible(candidate(2, 1'000, 1, ValidatorRole::Energy, 999'999), p));   // too little verified energy
    QVERIFY(!isEligible(candidate(2, 999, 1, ValidatorRole::Energy, 5'000'000), p));
    Candidate leaving = candidate(3, 50'000, 1);
    leaving.exiting = true;
    QVERIFY(!isEligible(leaving, p));
    // Energy validators weigh their verified production in the proposer draw.
    const Candidate energy = candidate(4, 2'000, 1, ValidatorRole::Energy, 3'000'000);
    QCOMPARE(proposerWeightOf(energy, p), gtToMicro(2'000) + 3'000 * p.energyWeightMicroGtPerKWh);
}

void TestRotation::churnLimitBoundsEachEpoch()
{
    // Ten members of 10,000 GT; ten better candidates waiting.
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 10; ++i)
        pool.push_back(candidate(i, 10'000, 1));
    const RotationParams p = params(3333, 10, 100);
    const ActiveSet current = initialActiveSet(pool, p);
    QCOMPARE(current.members.size(), std::size_t{10});
    for (std::uint32_t i = 10; i < 20; ++i)
        pool.push_back(candidate(i, 12'000, 1));
    const ActiveSet next = rotateActiveSet(current, pool, p);
    const std::uint64_t budget = churnBudget(current, p);
    QCOMPARE(budget, gtToMicro(40'000));   // 33,330 is below the floor of one whole validator
    QVERIFY(churnBetween(current, next) <= budget);
    // One swap costs 22,000 GT of churn: only one fits in 40,000.
    QCOMPARE(churnBetween(current, next), gtToMicro(22'000));
    QCOMPARE(next.members.size(), std::size_t{10});
    // A tighter limit (10,000, floor 15,000) allows no swap at all.
    const ActiveSet frozen = rotateActiveSet(current, pool, params(1000, 10, 100, 15'000));
    QVERIFY(frozen == current);
}

void TestRotation::rotationConvergesOverEpochs()
{
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 6; ++i)
        pool.push_back(candidate(i, 10'000, 1));
    const RotationParams p = params(5000, 6, 100);
    ActiveSet set = initialActiveSet(pool, p);
    for (std::uint32_t i = 10; i < 16; ++i)
        pool.push_back(candidate(i, 11'000, 1));
    auto allNew = [&] {
        for (std::uint32_t i = 10; i < 16; ++i)
            if (!contains(set, i))
                return false;
        return true;
    };
    std::size_t epochs = 0;
    for (; epochs < 20 && !allNew(); ++epochs) {
        const ActiveSet next = rotateActiveSet(set, pool, p);
        QVERIFY(churnBetween(set, next) <= churnBudget(set, p));
        set = next;
    }
    QVERIFY2(epochs > 1, "the change is spread over several epochs");
    QVERIFY2(epochs < 20, "the set reaches the best candidates");
    for (std::uint32_t i = 0; i < 6; ++i)
        QVERIFY(!contains(set, i));
}

void TestRotation::wholeValidatorCanAlwaysEnter()
{
    // A small network: 3.5% of one 50,000 GT member is 1,750 GT, less than
    // any candidate. The floor (one whole validator) still lets one in, and
    // a whale counts only its capped stake.
    std::vector<Candidate> pool{candidate(0, 50'000, 1)};
    const RotationParams p = params(350, 10, 100, 100'000);
    const ActiveSet current = initialActiveSet(pool, p);
    pool.push_back(candidate(1, 20'000, 2));
    pool.push_back(candidate(2, 900'000, 3));
    const ActiveSet next = rotateActiveSet(current, pool, p);
    QVERIFY(churnBetween(current, next) <= churnBudget(current, p));
    QVERIFY(contains(next, 2) || contains(next, 1));
    const ActiveSet later = rotateActiveSet(next, pool, p);
    QVERIFY(contains(later, 1) && contains(later, 2));
    QCOMPARE(later.find(testKey(2).publicKey())->stake, gtToMicro(100'000));
}

void TestRotation::forcedExitsGoFirst()
{
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 5; ++i)
        pool.push_back(candidate(i, 40'000 - 1000 * i, 1));
    const RotationParams p = params(2500, 5, 100);
    const ActiveSet current = initialActiveSet(pool, p);
    pool[0].exiting = true;   // the largest member unbonds
    pool.push_back(candidate(9, 30'000, 1));
    const ActiveSet next = rotateActiveSet(current, pool, p);
    QVERIFY(!contains(next, 0));   // 40,000 GT leaves: within a budget of 47,500
    QVERIFY(!contains(next, 9));   // entering too would exceed the limit this epoch
    QVERIFY(churnBetween(current, next) <= churnBudget(current, p));
    const ActiveSet later = rotateActiveSet(next, pool, p);
    QVERIFY(contains(later, 9));
}

void TestRotation::zoneCapHoldsAcrossRotation()
{
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 8; ++i)
        pool.push_back(candidate(i, 20'000 + 1000 * i, 1));   // all in zone 1
    pool.push_back(candidate(20, 10'000, 2));
    const RotationParams p = params(10000, 6, 3);
    ActiveSet set = initialActiveSet(pool, p);
    QCOMPARE(set.members.size(), std::size_t{4});   // three from zone 1, one from zone 2
    QVERIFY(contains(set, 20));
    pool.push_back(candidate(21, 40'000, 1));   // a bigger candidate, but zone 1 is full
    set = rotateActiveSet(set, pool, p);
    std::size_t zone1 = 0;
    for (const auto &m : set.members)
        zone1 += m.zone.id == 1 ? 1 : 0;
    QCOMPARE(zone1, std::size_t{3});
    QVERIFY(contains(set, 21));   // it replaces the weakest zone-1 member
    QVERIFY(!contains(set, 5));
}

void TestRotation::emptySetIsRebuilt()
{
    std::vector<Candidate> pool{candidate(1, 10'000, 1), candidate(2, 20'000, 2)};
    const ActiveSet next = rotateActiveSet(ActiveSet{}, pool, params(100, 10, 10));
    QCOMPARE(next.members.size(), std::size_t{2});
}

void TestRotation::resultDoesNotDependOnPoolOrder()
{
    std::vector<Candidate> pool;
    for (std::uint32_t i = 0; i < 12; ++i)
        pool.push_back(candidate(i, 10'000 + 500 * (i % 5), static_cast<std::uint16_t>(1 + i % 3)));
    const RotationParams p = params(3333, 7, 3);
    const ActiveSet a = initialActiveSet(pool, p);
    std::reverse(pool.begin(), pool.end());
    QVERIFY(initialActiveSet(pool, p) == a);
    pool.push_back(candidate(40, 30'000, 2));
    const ActiveSet r1 = rotateActiveSet(a, pool, p);
    std::rotate(pool.begin(), pool.begin() + 5, pool.end());
    QVERIFY(rotateActiveSet(a, pool, p) == r1);
}

QTEST_GUILESS_MAIN(TestRotation)
