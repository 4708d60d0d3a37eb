// The canonical encoding of every consensus type: round trips, determinism,
// pinned formats, rejection of malformed input, and the objective checks
// (certificates, consensus rules, evidence) built on it.

// moc cannot parse the C++20 standard headers these pull in.
#ifndef Q_MOC_RUN
#include "core/codec/codec.h"
#include "core/consensus/messages.h"
#include "core/consensus/verifier.h"
#include "core/types/authority.h"
#include "core/types/block.h"
#include "core/types/consensus_rules.h"
#include "core/energy/grid_state.h"
#include "core/energy/reading.h"
#include "core/energy/reading_rules.h"
#include "core/types/governance.h"
#include "core/types/grid_zone.h"
#include "core/types/slashing.h"
#include "core/types/units.h"
#include "core/types/validator.h"
#endif

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <new>
#include <random>
#include <string>

// --- Allocation watch -------------------------------------------------------
// Records the largest single allocation while armed, so a test can prove that
// a huge length prefix is rejected before anything is allocated for it.

namespace {
std::atomic<bool> g_watchAllocations{false};
std::atomic<std::size_t> g_largestAllocation{0};

void *allocate(std::size_t size)
{
    if (g_watchAllocations.load(std::memory_order_relaxed)) {
        std::size_t seen = g_largestAllocation.load(std::memory_order_relaxed);
        while (size > seen && !g_largestAllocation.compare_exchange_weak(seen, size)) {
        }
    }
    if (void *p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
} // namespace

void *operator new(std::size_t size)
{
    return allocate(size);
}

void *operator new[](std::size_t size)
{
    return allocate(size);
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete[](void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace gtx;

namespace {

using Rng = std::mt19937_64;

// --- Random value generators (one per type) --------------------------------

std::uint64_t below(Rng &rng, std::uint64_t n)
{
    return rng() % n;
}

bool coin(Rng &rng)
{
    return (rng() & 1) != 0;
}

template<std::size_t N>
FixedBytes<N> randomFixed(Rng &rng)
{
    FixedBytes<N> out;
    for (auto &b : out.bytes)
        b = static_cast<std::uint8_t>(rng());
    return out;
}

Bytes randomBytes(Rng &rng, std::size_t maxLen)
{
    Bytes out(below(rng, maxLen + 1));
    for (auto &b : out)
        b = static_cast<std::uint8_t>(rng());
    return out;
}

template<typename E>
E randomEnum(Rng &rng, E last)
{
    return static_cast<E>(below(rng, static_cast<std::uint64_t>(last) + 1));
}

Transaction randomTransaction(Rng &rng)
{
    Transaction tx;
    tx.kind = randomEnum(rng, kLastTransactionKind);
    tx.networkId = static_cast<std::uint32_t>(rng());
    tx.nonce = rng();
    tx.sender = randomFixed<32>(rng);
    tx.timestampMs = static_cast<std::int64_t>(rng());
    tx.payload = randomBytes(rng, 48);
    tx.signature = randomFixed<64>(rng);
    return tx;
}

Vote randomVote(Rng &rng)
{
    Vote v;
    v.kind = randomEnum(rng, kLastVoteKind);
    v.height = rng();
    v.round = static_cast<std::uint32_t>(rng());
    v.slot = rng();
    v.blockHash = randomFixed<32>(rng);
    v.voter = randomFixed<32>(rng);
    v.signature = randomFixed<64>(rng);
    return v;
}

CertificateSignature randomCertificateSignature(Rng &rng)
{
    return CertificateSignature{randomFixed<32>(rng), randomFixed<64>(rng)};
}

Certificate randomCertificate(Rng &rng)
{
    Certificate c;
    c.kind = randomEnum(rng, kLastVoteKind);
    c.height = rng();
    c.round = static_cast<std::uint32_t>(rng());
    c.slot = rng();
    c.blockHash = randomFixed<32>(rng);
    const auto n = below(rng, 5);
    for (std::uint64_t i = 0; i < n; ++i)
        c.signatures.push_back(randomCertificateSignature(rng));
    std::sort(c.signatures.begin(), c.signatures.end(),
              [](const auto &a, const auto &b) { return a.signer < b.signer; });
    return c;
}

BlockHeader randomBlockHeader(Rng &rng)
{
    BlockHeader h;
    h.version = kBlockHeaderVersion;
    h.networkId = static_cast<std::uint32_t>(rng());
    h.kind = randomEnum(rng, kLastBlockKind);
    h.height = rng();
    h.epoch = rng();
    h.slot = rng();
    h.timestampMs = static_cast<std::int64_t>(rng());
    h.parentHash = randomFixed<32>(rng);
    h.stateRoot = randomFixed<32>(rng);
    h.txRoot = randomFixed<32>(rng);
    h.evidenceRoot = randomFixed<32>(rng);
    h.proposer = randomFixed<32>(rng);
    h.randaoReveal = randomFixed<64>(rng);
    return h;
}

SignedHeader randomSignedHeader(Rng &rng)
{
    return SignedHeader{randomBlockHeader(rng), randomFixed<64>(rng)};
}

Checkpoint randomCheckpoint(Rng &rng)
{
    return Checkpoint{rng(), randomFixed<32>(rng)};
}

LinkVote randomLinkVote(Rng &rng)
{
    LinkVote v;
    v.source = randomCheckpoint(rng);
    v.target = randomCheckpoint(rng);
    v.voter = randomFixed<32>(rng);
    v.signature = randomFixed<64>(rng);
    return v;
}

Evidence randomEvidence(Rng &rng)
{
    Evidence e;
    e.kind = randomEnum(rng, kLastOffenceKind);
    switch (e.kind) {
    case OffenceKind::DoubleProposal:
        e.headerA = randomSignedHeader(rng);
        e.headerB = randomSignedHeader(rng);
        break;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        e.linkA = randomLinkVote(rng);
        e.linkB = randomLinkVote(rng);
        break;
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        e.voteA = randomVote(rng);
        e.voteB = randomVote(rng);
        break;
    }
    return e;
}

OperatorApproval randomOperatorApproval(Rng &rng)
{
    return OperatorApproval{randomFixed<32>(rng), randomFixed<64>(rng)};
}

EmergencyOrder randomEmergencyOrder(Rng &rng)
{
    EmergencyOrder o;
    const auto zones = below(rng, 4);
    for (std::uint64_t i = 0; i < zones; ++i)
        o.zones.push_back(GridZone{static_cast<std::uint16_t>(rng())});
    const auto lifts = below(rng, 3);
    for (std::uint64_t i = 0; i < lifts; ++i)
        o.lifts.push_back(randomFixed<32>(rng));
    const Bytes reason = randomBytes(rng, 40);
    for (const auto b : reason)
        o.reason.push_back(static_cast<char>('a' + b % 26));
    const auto approvals = below(rng, 3);
    for (std::uint64_t i = 0; i < approvals; ++i)
        o.approvals.push_back(randomOperatorApproval(rng));
    return o;
}

EmergencyBlock randomEmergencyBlock(Rng &rng)
{
    EmergencyBlock b;
    b.header = randomBlockHeader(rng);
    b.order = randomTransaction(rng);
    b.signature = randomFixed<64>(rng);
    return b;
}

EmergencyRecord randomEmergencyRecord(Rng &rng)
{
    return EmergencyRecord{randomEmergencyBlock(rng), randomCertificate(rng)};
}

Block randomBlock(Rng &rng)
{
    Block b;
    b.header = randomBlockHeader(rng);
    const auto txs = below(rng, 4);
    for (std::uint64_t i = 0; i < txs; ++i)
        b.transactions.push_back(randomTransaction(rng));
    const auto evs = below(rng, 3);
    for (std::uint64_t i = 0; i < evs; ++i)
        b.evidence.push_back(randomEvidence(rng));
    const auto links = below(rng, 3);
    for (std::uint64_t i = 0; i < links; ++i)
        b.linkVotes.push_back(randomLinkVote(rng));
    const auto attestations = below(rng, 3);
    for (std::uint64_t i = 0; i < attestations; ++i)
        b.attestations.push_back(randomVote(rng));
    const auto records = below(rng, 2);
    for (std::uint64_t i = 0; i < records; ++i)
        b.emergencyRecords.push_back(randomEmergencyRecord(rng));
    b.proposerSignature = randomFixed<64>(rng);
    return b;
}

GridZone randomGridZone(Rng &rng)
{
    return GridZone{static_cast<std::uint16_t>(rng())};
}

EnergyCredentials randomEnergyCredentials(Rng &rng)
{
    EnergyCredentials c;
    c.registeredCapacityWatts = rng();
    c.verifiedEnergyWh = rng();
    c.verifiedMeters = static_cast<std::uint32_t>(rng());
    return c;
}

ValidatorCandidate randomValidatorCandidate(Rng &rng)
{
    ValidatorCandidate c;
    c.publicKey = randomFixed<32>(rng);
    c.stakeAmount = rng();
    c.energyCredentials = randomEnergyCredentials(rng);
    c.uptimeHistoryPpm = static_cast<std::uint32_t>(below(rng, kPpmFull + 1));
    c.geographicDistribution = randomGridZone(rng);
    c.reputationScore = rng();
    return c;
}

ValidatorPerformance randomValidatorPerformance(Rng &rng)
{
    ValidatorPerformance p;
    p.blocksProduced = rng();
    p.blocksMissed = rng();
    p.responseTimeAvgMs = rng();
    p.energyAccuracyPpm = static_cast<std::uint32_t>(below(rng, kPpmFull + 1));
    p.networkContributionPpm = static_cast<std::uint32_t>(below(rng, kPpmFull + 1));
    p.slashingIncidents = static_cast<std::uint32_t>(rng());
    return p;
}

ConsensusRules randomConsensusRules(Rng &rng)
{
    ConsensusRules r;
    r.authoritySupermajorityBps = static_cast<std::uint32_t>(below(rng, kBasisPointsFull + 1));
    r.stakeThresholdBps = static_cast<std::uint32_t>(below(rng, kBasisPointsFull + 1));
    r.energyValidationRequired = coin(rng);
    r.emergencyOverrideAllowed = coin(rng);
    return r;
}

ConsensusOptimization randomConsensusOptimization(Rng &rng)
{
    ConsensusOptimization o;
    o.parallelValidation = coin(rng);
    o.stateSharding = coin(rng);
    o.fastSync = coin(rng);
    o.checkpointFinality = coin(rng);
    return o;
}

energy::GeoPoint randomGeoPoint(Rng &rng)
{
    energy::GeoPoint p;
    p.latMicroDeg = static_cast<std::int32_t>(below(rng, 2ull * 90'000'000 + 1)) - 90'000'000;
    p.lonMicroDeg = static_cast<std::int32_t>(below(rng, 2ull * 180'000'000 + 1)) - 180'000'000;
    return p;
}

energy::MeterReading randomMeterReading(Rng &rng)
{
    energy::MeterReading r;
    r.meterId = randomFixed<32>(rng);
    r.timestampMs = static_cast<std::int64_t>(rng());
    r.importRegisterWh = rng();
    r.exportRegisterWh = rng();
    r.importWh = rng();
    r.exportWh = rng();
    r.location = randomGeoPoint(rng);
    r.tampered = coin(rng);
    r.signature = randomFixed<64>(rng);
    return r;
}

energy::ReadingBatch randomReadingBatch(Rng &rng)
{
    energy::ReadingBatch b;
    b.zone = randomGridZone(rng);
    for (std::uint64_t i = below(rng, 4); i > 0; --i)
        b.readings.push_back(randomMeterReading(rng));
    b.witness = randomFixed<32>(rng);
    b.witnessSignature = randomFixed<64>(rng);
    return b;
}

energy::MeterRecord randomMeterRecord(Rng &rng)
{
    energy::MeterRecord m;
    m.id = randomFixed<32>(rng);
    m.key = randomFixed<32>(rng);
    m.owner = randomFixed<32>(rng);
    m.zone = randomGridZone(rng);
    m.gridNode = static_cast<std::uint32_t>(rng());
    m.location = randomGeoPoint(rng);
    m.ratedCapacityW = static_cast<std::uint32_t>(rng());
    m.registration = randomEnum(rng, energy::MeterRegistration::Prosumer);
    m.status = randomEnum(rng, energy::MeterStatus::Retired);
    return m;
}

energy::MeterRegistryChange randomMeterRegistryChange(Rng &rng)
{
    return {randomEnum(rng, energy::MeterRegistryAction::Retire), randomMeterRecord(rng)};
}

energy::MeterProgress randomMeterProgress(Rng &rng)
{
    energy::MeterProgress p;
    p.lastIntervalEndMs = static_cast<std::int64_t>(rng());
    p.importRegisterWh = rng();
    p.exportRegisterWh = rng();
    p.lastReadingId = randomFixed<32>(rng);
    p.unchangedIntervals = static_cast<std::uint32_t>(rng());
    p.readings = static_cast<std::uint32_t>(rng());
    p.importPeakWh = rng();
    p.exportPeakWh = rng();
    return p;
}

// --- Helpers ----------------------------------------------------------------

crypto::KeyPair keyFromNumber(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed{};
    seed.fill(n);
    return crypto::KeyPair::fromSeed(seed);
}

std::string hexOf(const Bytes &b)
{
    return toHex(b);
}

std::string repeatHex(const char *byteHex, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += byteHex;
    return out;
}

// Round trip, determinism, every strict prefix rejected, a trailing byte
// rejected. Prefixes are checked for the first `prefixChecks` values.
template<typename T>
void checkType(const char *name, const std::function<T(Rng &)> &generate, int iterations = 200,
               int prefixChecks = 20)
{
    Rng rng(0x67747863u);
    for (int i = 0; i < iterations; ++i) {
        const T value = generate(rng);
        const Bytes encoded = codec::encode(value);
        QVERIFY2(codec::encode(value) == encoded, name);

        const auto decoded = codec::decode<T>(encoded, name);
        QVERIFY2(decoded.ok(),
                 (std::string(name) + ": " + (decoded.ok() ? "" : decoded.error().message)).c_str());
        QVERIFY2(decoded.value() == value, name);
        QVERIFY2(codec::encode(decoded.value()) == encoded, name);

        if (i < prefixChecks) {
            for (std::size_t len = 0; len < encoded.size(); ++len) {
                const auto cut = codec::decode<T>(ByteView(encoded.data(), len), name);
                QVERIFY2(!cut.ok(), (std::string(name) + ": prefix of " + std::to_string(len)
                                     + " bytes decoded").c_str());
                QCOMPARE(cut.error().code, std::string("codec.malformed"));
            }
            Bytes longer = encoded;
            longer.push_back(static_cast<std::uint8_t>(rng()));
            const auto trailing = codec::decode<T>(longer, name);
            QVERIFY2(!trailing.ok(), (std::string(name) + ": trailing byte accepted").c_str());
        }
    }
}

// The error code of a Status, or "" when it succeeded.
std::string codeOf(const Status &status)
{
    return status.ok() ? std::string() : status.error().code;
}

template<typename T>
bool decodes(const Bytes &bytes)
{
    return codec::decode<T>(bytes).ok();
}

void putU32(Bytes &b, std::size_t offset, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b[offset + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

Vote signedVote(const crypto::KeyPair &key, std::uint64_t height, std::uint32_t round,
                std::uint64_t slot, std::uint8_t blockByte,
                VoteKind kind = VoteKind::AuthorityPrecommit)
{
    Vote v;
    v.kind = kind;
    v.height = height;
    v.round = round;
    v.slot = slot;
    v.blockHash.bytes.fill(blockByte);
    signVote(v, key);
    return v;
}

BlockHeader fixedHeader()
{
    BlockHeader h;
    h.version = 1;
    h.networkId = 0x01020304;
    h.kind = BlockKind::Regular;
    h.height = 0x1122334455667788ull;
    h.epoch = 7;
    h.slot = 0x0100;
    h.timestampMs = -2;
    h.parentHash.bytes.fill(0xaa);
    h.stateRoot.bytes.fill(0xbb);
    h.txRoot.bytes.fill(0xcc);
    h.evidenceRoot.bytes.fill(0xdd);
    h.proposer.bytes.fill(0xee);
    h.randaoReveal.bytes.fill(0x11);
    return h;
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    // --- round trips of every type ---------------------------------------
    void roundTripConsensusTypes()
    {
        checkType<Transaction>("Transaction", randomTransaction);
        checkType<Vote>("Vote", randomVote);
        checkType<CertificateSignature>("CertificateSignature", randomCertificateSignature);
        checkType<Certificate>("Certificate", randomCertificate);
        checkType<BlockHeader>("BlockHeader", randomBlockHeader);
        checkType<SignedHeader>("SignedHeader", randomSignedHeader);
        checkType<Checkpoint>("Checkpoint", randomCheckpoint);
        checkType<LinkVote>("LinkVote", randomLinkVote);
        checkType<Evidence>("Evidence", randomEvidence);
        checkType<OperatorApproval>("OperatorApproval", randomOperatorApproval);
        checkType<EmergencyOrder>("EmergencyOrder", randomEmergencyOrder);
        checkType<EmergencyBlock>("EmergencyBlock", randomEmergencyBlock);
        checkType<EmergencyRecord>("EmergencyRecord", randomEmergencyRecord);
        checkType<Block>("Block", randomBlock, 100, 5);
    }

    void roundTripSeedTypes()
    {
        checkType<GridZone>("GridZone", randomGridZone);
        checkType<EnergyCredentials>("EnergyCredentials", randomEnergyCredentials);
        checkType<ValidatorCandidate>("ValidatorCandidate", randomValidatorCandidate);
        checkType<ValidatorPerformance>("ValidatorPerformance", randomValidatorPerformance);
        checkType<ConsensusRules>("ConsensusRules", randomConsensusRules);
        checkType<ConsensusOptimization>("ConsensusOptimization", randomConsensusOptimization);
        checkType<energy::MeterReading>("MeterReading", randomMeterReading);
        checkType<energy::ReadingBatch>("ReadingBatch", randomReadingBatch);
        checkType<energy::MeterRecord>("MeterRecord", randomMeterRecord);
        checkType<energy::MeterRegistryChange>("MeterRegistryChange", randomMeterRegistryChange);
        checkType<energy::MeterProgress>("MeterProgress", randomMeterProgress);
        checkType<energy::GridStateReport>("GridStateReport", [](Rng &r) {
            energy::GridStateReport g;
            g.intervalEndMs = static_cast<std::int64_t>(r());
            g.frequencyMilliHz = static_cast<std::uint32_t>(r());
            g.reserveMarginBps = static_cast<std::int32_t>(r());
            for (std::uint64_t i = below(r, 4); i > 0; --i)
                g.flows.push_back({std::string(static_cast<std::size_t>(below(r, 65)), 'L'), static_cast<std::int32_t>(r()),
                                   below(r, 2) == 1});
            return g;
        });
        checkType<energy::ZoneTotals>("ZoneTotals", [](Rng &r) {
            return energy::ZoneTotals{static_cast<std::uint32_t>(r()), r(), r()};
        });
    }

    void roundTripEnums()
    {
        checkType<TransactionKind>("TransactionKind",
                                   [](Rng &r) { return randomEnum(r, kLastTransactionKind); });
        checkType<Lane>("Lane", [](Rng &r) { return randomEnum(r, kLastLane); });
        checkType<VoteKind>("VoteKind", [](Rng &r) { return randomEnum(r, kLastVoteKind); });
        checkType<BlockKind>("BlockKind", [](Rng &r) { return randomEnum(r, kLastBlockKind); });
        checkType<OffenceKind>("OffenceKind", [](Rng &r) { return randomEnum(r, kLastOffenceKind); });
        checkType<AuthorityType>("AuthorityType", [](Rng &r) { return randomEnum(r, kLastAuthorityType); });
        checkType<SlashingReason>("SlashingReason",
                                  [](Rng &r) { return randomEnum(r, kLastSlashingReason); });
        checkType<SlashingTier>("SlashingTier", [](Rng &r) { return randomEnum(r, kLastSlashingTier); });
        checkType<Suspension>("Suspension", [](Rng &r) { return randomEnum(r, kLastSuspension); });
        checkType<ProposalType>("ProposalType", [](Rng &r) { return randomEnum(r, kLastProposalType); });
    }

    // --- pinned formats ---------------------------------------------------
    void goldenBlockHeader()
    {
        const std::string expected = std::string("01000000")   // version
            + "04030201"                                        // networkId
            + "01"                                              // kind Regular
            + "8877665544332211"                                // height
            + "0700000000000000"                                // epoch
            + "0001000000000000"                                // slot
            + "feffffffffffffff"                                // timestampMs -2
            + repeatHex("aa", 32) + repeatHex("bb", 32)         // parentHash, stateRoot
            + repeatHex("cc", 32) + repeatHex("dd", 32)         // txRoot, evidenceRoot
            + repeatHex("ee", 32)                               // proposer
            + repeatHex("11", 64);                              // randaoReveal
        const BlockHeader header = fixedHeader();
        QCOMPARE(hexOf(codec::encode(header)), expected);
        QCOMPARE(codec::encode(header).size(), std::size_t(265));
        // The block hash pins the hash function and its domain as well.
        QCOMPARE(blockHash(header).hex(),
                 crypto::hash("gtx/block-header/v1", codec::encode(header)).hex());
        // BLAKE2b-256 of u8(19) || "gtx/block-header/v1" || the bytes above,
        // computed with an independent BLAKE2b implementation.
        QCOMPARE(blockHash(header).hex(),
                 std::string("68a4a2f536c368d22d9ab02f91a9088d82b48a15c8317996aeff5c72f027d158"));
    }

    void goldenVote()
    {
        Vote v;
        v.kind = VoteKind::StakeAttestation;
        v.height = 42;
        v.round = 3;
        v.slot = 0x0102030405060708ull;
        v.blockHash.bytes.fill(0x5a);
        v.voter.bytes.fill(0x01);
        v.signature.bytes.fill(0xff);
        const std::string expected = std::string("01")          // kind StakeAttestation
            + "2a00000000000000"                                // height
            + "03000000"                                        // round
            + "0807060504030201"                                // slot
            + repeatHex("5a", 32)                               // blockHash
            + repeatHex("01", 32)                               // voter
            + repeatHex("ff", 64);                              // signature
        QCOMPARE(hexOf(codec::encode(v)), expected);
        // The signed bytes are the encoding without the signature.
        QCOMPARE(hexOf(voteSigningBytes(v)), expected.substr(0, expected.size() - 128));
    }

    // --- malformed input --------------------------------------------------
    void booleanMustBeZeroOrOne()
    {
        ConsensusRules rules;
        Bytes b = codec::encode(rules);
        QVERIFY(decodes<ConsensusRules>(b));
        b[8] = 2;   // energyValidationRequired
        QVERIFY(!decodes<ConsensusRules>(b));

        Bytes opt = codec::encode(ConsensusOptimization{});
        opt[3] = 2;
        QVERIFY(!decodes<ConsensusOptimization>(opt));
        opt[3] = 1;
        QVERIFY(decodes<ConsensusOptimization>(opt));
    }

    void unknownEnumValuesRejected()
    {
        Rng rng(7);
        Bytes tx = codec::encode(randomTransaction(rng));
        tx[0] = static_cast<std::uint8_t>(kLastTransactionKind) + 1;
        QVERIFY(!decodes<Transaction>(tx));
        tx[0] = static_cast<std::uint8_t>(kLastTransactionKind);
        QVERIFY(decodes<Transaction>(tx));

        Bytes vote = codec::encode(randomVote(rng));
        vote[0] = 3;
        QVERIFY(!decodes<Vote>(vote));

        Bytes header = codec::encode(fixedHeader());
        header[8] = 3;   // block kind
        QVERIFY(!decodes<BlockHeader>(header));
        header[8] = 0xff;
        QVERIFY(!decodes<BlockHeader>(header));

        Bytes evidence = codec::encode(randomEvidence(rng));
        evidence[0] = static_cast<std::uint8_t>(kLastOffenceKind) + 1;
        QVERIFY(!decodes<Evidence>(evidence));

        QVERIFY(!decodes<AuthorityType>(Bytes{5}));
        QVERIFY(decodes<AuthorityType>(Bytes{4}));
        QVERIFY(!decodes<SlashingReason>(Bytes{5}));
        QVERIFY(!decodes<SlashingTier>(Bytes{3}));
        QVERIFY(!decodes<ProposalType>(Bytes{5}));
        QVERIFY(!decodes<Lane>(Bytes{5}));
    }

    void outOfRangeValuesRejected()
    {
        // Header version other than 1.
        Bytes header = codec::encode(fixedHeader());
        header[0] = 2;
        QVERIFY(!decodes<BlockHeader>(header));

        // Ratios above 100%.
        ConsensusRules rules;
        rules.authoritySupermajorityBps = kBasisPointsFull + 1;
        QVERIFY(!decodes<ConsensusRules>(codec::encode(rules)));
        ValidatorPerformance perf;
        perf.energyAccuracyPpm = kPpmFull + 1;
        QVERIFY(!decodes<ValidatorPerformance>(codec::encode(perf)));
        perf.energyAccuracyPpm = kPpmFull;
        QVERIFY(decodes<ValidatorPerformance>(codec::encode(perf)));

        // Coordinates off the globe.
        energy::GeoPoint c;
        c.latMicroDeg = 90'000'001;
        QVERIFY(!decodes<energy::GeoPoint>(codec::encode(c)));
        c.latMicroDeg = -90'000'000;
        c.lonMicroDeg = -180'000'001;
        QVERIFY(!decodes<energy::GeoPoint>(codec::encode(c)));
        c.lonMicroDeg = 180'000'000;
        QVERIFY(decodes<energy::GeoPoint>(codec::encode(c)));
    }

    void hugeLengthPrefixRejectedWithoutAllocating()
    {
        Rng rng(11);
        Transaction tx = randomTransaction(rng);
        tx.payload = {1, 2, 3};
        Bytes txBytes = codec::encode(tx);
        putU32(txBytes, 1 + 4 + 8 + 32 + 8, 0xFFFFFFFFu);   // payload length (after kind, network, nonce, sender, time)

        Block block = randomBlock(rng);
        block.transactions.clear();
        Bytes blockBytes = codec::encode(block);
        putU32(blockBytes, 265, 0xFFFFFFFFu);            // transaction count

        Block withEvidence = block;
        Bytes evidenceBytes = codec::encode(withEvidence);
        putU32(evidenceBytes, 265 + 4, 0xFFFFFFFFu);     // evidence count

        Block withLinkVotes = block;
        withLinkVotes.evidence.clear();
        Bytes linkVoteBytes = codec::encode(withLinkVotes);
        putU32(linkVoteBytes, 265 + 8, 0xFFFFFFFFu);     // link vote count
        Block withAttestations = withLinkVotes;
        withAttestations.linkVotes.clear();
        Bytes attestationBytes = codec::encode(withAttestations);
        putU32(attestationBytes, 265 + 12, 100000);      // attestation count, beyond the input

        Certificate cert = randomCertificate(rng);
        Bytes certBytes = codec::encode(cert);
        putU32(certBytes, 1 + 8 + 4 + 8 + 32, 0xFFFFFFFFu);   // signature count

        // A count within the limit but beyond the input is rejected too.
        Bytes shortList = codec::encode(block);
        putU32(shortList, 265, 1000);

        g_largestAllocation = 0;
        g_watchAllocations = true;
        const bool anyDecoded = decodes<Transaction>(txBytes) || decodes<Block>(blockBytes)
            || decodes<Block>(evidenceBytes) || decodes<Certificate>(certBytes)
            || decodes<Block>(shortList) || decodes<Block>(linkVoteBytes)
            || decodes<Block>(attestationBytes);
        g_watchAllocations = false;
        QVERIFY(!anyDecoded);
        // Only small bookkeeping (error strings, the decoded header) was allocated.
        QVERIFY2(g_largestAllocation.load() < 4096,
                 ("largest allocation " + std::to_string(g_largestAllocation.load())).c_str());

        const auto error = codec::decode<Transaction>(txBytes);
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, std::string("codec.malformed"));
        QVERIFY(error.error().message.find("limit") != std::string::npos);
    }

    void mutatedBlocksNeverCrashAndStayCanonical()
    {
        Rng rng(0x6d757461u);
        std::vector<Bytes> seeds;
        for (int i = 0; i < 16; ++i)
            seeds.push_back(codec::encode(randomBlock(rng)));

        int decodedCount = 0;
        for (int i = 0; i < 20000; ++i) {
            Bytes b = seeds[below(rng, seeds.size())];
            switch (below(rng, 4)) {
            case 0: {   // bit flips
                const auto flips = 1 + below(rng, 3);
                for (std::uint64_t f = 0; f < flips; ++f)
                    b[below(rng, b.size())] ^= static_cast<std::uint8_t>(1u << below(rng, 8));
                break;
            }
            case 1:     // insert a byte
                b.insert(b.begin() + static_cast<std::ptrdiff_t>(below(rng, b.size() + 1)),
                         static_cast<std::uint8_t>(rng()));
                break;
            case 2:     // delete a byte
                b.erase(b.begin() + static_cast<std::ptrdiff_t>(below(rng, b.size())));
                break;
            default: {  // splice: a prefix of one block and a suffix of another
                const Bytes &other = seeds[below(rng, seeds.size())];
                const auto cutA = below(rng, b.size() + 1);
                const auto cutB = below(rng, other.size() + 1);
                b.resize(cutA);
                b.insert(b.end(), other.begin() + static_cast<std::ptrdiff_t>(cutB), other.end());
                break;
            }
            }
            const auto decoded = codec::decode<Block>(b, "block");
            if (decoded.ok()) {
                ++decodedCount;
                QVERIFY2(codec::encode(decoded.value()) == b,
                         ("mutation " + std::to_string(i) + " decoded but re-encoded differently").c_str());
            } else {
                QVERIFY(!decoded.error().message.empty());
            }
        }
        // Many mutations (e.g. flips inside hashes) still decode; the check above ran.
        QVERIFY(decodedCount > 1000);
    }

    // --- certificates -----------------------------------------------------
    void certificateSignersMustBeStrictlySorted()
    {
        Certificate cert;
        cert.height = 5;
        cert.blockHash.bytes.fill(0x42);
        std::vector<crypto::KeyPair> keys;
        for (std::uint8_t i = 1; i <= 3; ++i)
            keys.push_back(keyFromNumber(i));
        for (const auto &key : keys) {
            Vote v;
            v.kind = cert.kind;
            v.height = cert.height;
            v.blockHash = cert.blockHash;
            signVote(v, key);
            QVERIFY(addVote(cert, v).ok());
            QCOMPARE(codeOf(addVote(cert, v)), std::string("certificate.duplicate_signer"));
        }
        QCOMPARE(cert.signatures.size(), std::size_t(3));
        QVERIFY(verifyCertificateSignatures(cert).ok());
        QVERIFY(decodes<Certificate>(codec::encode(cert)));

        Certificate unsorted = cert;
        std::swap(unsorted.signatures[0], unsorted.signatures[2]);
        QVERIFY(!decodes<Certificate>(codec::encode(unsorted)));
        QCOMPARE(codeOf(verifyCertificateSignatures(unsorted)), std::string("certificate.unsorted"));

        Certificate duplicate = cert;
        duplicate.signatures[1] = duplicate.signatures[0];
        QVERIFY(!decodes<Certificate>(codec::encode(duplicate)));
        QCOMPARE(codeOf(verifyCertificateSignatures(duplicate)), std::string("certificate.unsorted"));

        Certificate forged = cert;
        forged.signatures[1].signature.bytes[0] ^= 1;
        QCOMPARE(codeOf(verifyCertificateSignatures(forged)),
                 std::string("certificate.bad_signature"));

        Vote otherBlock;
        otherBlock.height = cert.height;
        signVote(otherBlock, keyFromNumber(9));
        QCOMPARE(codeOf(addVote(cert, otherBlock)), std::string("certificate.vote_mismatch"));

        // The genesis parent: an empty certificate encodes and decodes.
        const auto empty = codec::decode<Certificate>(codec::encode(Certificate{}));
        QVERIFY(empty.ok());
        QVERIFY(empty.value().signatures.empty());
    }

    // --- consensus rules --------------------------------------------------
    void consensusRulesBoundaries()
    {
        ConsensusRules rules;
        QVERIFY(rules.validate().ok());
        QCOMPARE(rules.authoritySupermajorityBps, 6700u);
        QCOMPARE(rules.stakeThresholdBps, 5100u);

        // 2/3 is 6666.67 bps: 6666 is at or below it, 6667 is above it.
        rules.authoritySupermajorityBps = 6666;
        QCOMPARE(codeOf(rules.validate()), std::string("consensus.invalid_rules"));
        rules.authoritySupermajorityBps = 6667;
        QVERIFY(rules.validate().ok());
        rules.authoritySupermajorityBps = 6700;
        QVERIFY(rules.validate().ok());
        rules.authoritySupermajorityBps = 10001;
        QVERIFY(!rules.validate().ok());
        rules.authoritySupermajorityBps = 10000;
        QVERIFY(rules.validate().ok());

        rules.authoritySupermajorityBps = 6700;
        rules.stakeThresholdBps = 5000;
        QCOMPARE(codeOf(rules.validate()), std::string("consensus.invalid_rules"));
        rules.stakeThresholdBps = 5001;
        QVERIFY(rules.validate().ok());
        rules.stakeThresholdBps = 10001;
        QVERIFY(!rules.validate().ok());

        const ConsensusRules defaults;
        QCOMPARE(defaults.authorityQuorum(5), std::size_t(4));
        QCOMPARE(defaults.authorityQuorum(4), std::size_t(3));
        QCOMPARE(defaults.authorityQuorum(7), std::size_t(5));
        QCOMPARE(defaults.authorityQuorum(3), std::size_t(3));
        QCOMPARE(defaults.authorityQuorum(0), std::size_t(0));
        QCOMPARE(defaults.authorityQuorum(100), std::size_t(67));

        // Every accepted threshold gives a quorum above two thirds of the
        // authorities (3q > 2n), so two quorums always share an honest one;
        // the largest rejected one does not.
        ConsensusRules lowest;
        lowest.authoritySupermajorityBps = 6667;
        ConsensusRules rejected;
        rejected.authoritySupermajorityBps = 6666;
        bool rejectedIsUnsafe = false;
        for (std::size_t n = 1; n <= 5000; ++n) {
            QVERIFY2(3 * lowest.authorityQuorum(n) > 2 * n, std::to_string(n).c_str());
            QVERIFY(lowest.authorityQuorum(n) <= n);
            if (3 * rejected.authorityQuorum(n) <= 2 * n)
                rejectedIsUnsafe = true;
        }
        QVERIFY(rejectedIsUnsafe);
    }

    // --- evidence ---------------------------------------------------------
    void doubleVoteEvidence()
    {
        consensus::DirectVerifier verifier;
        const auto alice = keyFromNumber(1);
        const auto bob = keyFromNumber(2);
        const auto kind = VoteKind::StakeAttestation;
        const Vote a = signedVote(alice, 10, 0, 20, 0x01, kind);
        const Vote b = signedVote(alice, 10, 0, 20, 0x02, kind);
        const auto offence = OffenceKind::DoubleAttestation;

        const Evidence valid = makeVoteEvidence(offence, b, a);
        QCOMPARE(valid, makeVoteEvidence(offence, a, b));   // one offence, one encoding
        QVERIFY(consensus::verifyConsensusEvidence(valid, verifier).ok());
        QCOMPARE(offenderOf(valid), alice.publicKey());
        const auto decoded = codec::decode<Evidence>(codec::encode(valid));
        QVERIFY(decoded.ok());
        QVERIFY(consensus::verifyConsensusEvidence(decoded.value(), verifier).ok());
        QCOMPARE(evidenceIdOf(decoded.value()), evidenceIdOf(valid));

        auto check = [&](const Evidence &e) {
            return codeOf(consensus::verifyConsensusEvidence(e, verifier));
        };
        QCOMPARE(check(makeVoteEvidence(offence, a, a)), std::string("evidence.not_conflicting"));

        const Vote fromBob = signedVote(bob, 10, 0, 20, 0x02, kind);
        QCOMPARE(check(makeVoteEvidence(offence, a, fromBob)),
                 std::string("evidence.different_signers"));

        const Vote otherSlot = signedVote(alice, 10, 0, 21, 0x02, kind);
        QCOMPARE(check(makeVoteEvidence(offence, a, otherSlot)),
                 std::string("evidence.not_conflicting"));

        const Vote precommit = signedVote(alice, 10, 0, 20, 0x02);
        QCOMPARE(check(makeVoteEvidence(offence, a, precommit)), std::string("evidence.malformed"));

        Evidence forged = valid;
        forged.voteB.signature.bytes[10] ^= 0x40;
        QCOMPARE(check(forged), std::string("evidence.bad_signature"));

        Evidence swapped = valid;
        std::swap(swapped.voteA, swapped.voteB);
        QCOMPARE(check(swapped), std::string("evidence.unordered"));

        Evidence extra = valid;
        extra.headerA.header.height = 1;
        QCOMPARE(check(extra), std::string("evidence.malformed"));
    }

    void doubleProposalEvidence()
    {
        consensus::DirectVerifier verifier;
        auto check = [&](const Evidence &e) {
            return codeOf(consensus::verifyConsensusEvidence(e, verifier));
        };
        const auto proposer = keyFromNumber(3);
        BlockHeader h1 = fixedHeader();
        h1.kind = BlockKind::Regular;
        h1.proposer = proposer.publicKey();
        BlockHeader h2 = h1;
        h2.stateRoot.bytes.fill(0x01);
        const SignedHeader s1{h1, signHeader(h1, proposer)};
        const SignedHeader s2{h2, signHeader(h2, proposer)};

        const Evidence valid = makeDoubleProposal(s1, s2);
        QCOMPARE(valid, makeDoubleProposal(s2, s1));
        QVERIFY(consensus::verifyConsensusEvidence(valid, verifier).ok());
        QCOMPARE(offenderOf(valid), proposer.publicKey());
        QVERIFY(decodes<Evidence>(codec::encode(valid)));

        QCOMPARE(check(makeDoubleProposal(s1, s1)), std::string("evidence.not_conflicting"));

        BlockHeader later = h2;
        later.slot += 1;
        const SignedHeader s3{later, signHeader(later, proposer)};
        QCOMPARE(check(makeDoubleProposal(s1, s3)), std::string("evidence.not_conflicting"));

        Evidence forged = valid;
        forged.headerA.signature.bytes[0] ^= 1;
        QCOMPARE(check(forged), std::string("evidence.bad_signature"));
    }

    void linkVoteEvidence()
    {
        consensus::DirectVerifier verifier;
        const auto carol = keyFromNumber(5);
        auto linkVote = [&](std::uint64_t source, std::uint64_t target, std::uint8_t byte) {
            LinkVote v;
            v.source = {source, {}};
            v.target = {target, {}};
            v.target.hash.bytes.fill(byte);
            signLinkVote(v, carol);
            return v;
        };
        // Same target slot, different blocks: a double vote.
        const LinkVote a = linkVote(1, 4, 0x01);
        const LinkVote b = linkVote(1, 4, 0x02);
        OffenceKind kind{};
        QVERIFY(linkVotesConflict(a, b, &kind));
        QVERIFY(kind == OffenceKind::DoubleLinkVote);
        const Evidence twice = makeLinkEvidence(kind, b, a);
        QVERIFY(consensus::verifyConsensusEvidence(twice, verifier).ok());
        QCOMPARE(offenderOf(twice), carol.publicKey());
        // 1 -> 8 surrounds 2 -> 5.
        const LinkVote outer = linkVote(1, 8, 0x03);
        const LinkVote inner = linkVote(2, 5, 0x04);
        QVERIFY(linkVotesConflict(inner, outer, &kind));
        QVERIFY(kind == OffenceKind::SurroundLinkVote);
        const Evidence surround = makeLinkEvidence(kind, outer, inner);
        QVERIFY(consensus::verifyConsensusEvidence(surround, verifier).ok());
        const auto decoded = codec::decode<Evidence>(codec::encode(surround));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), surround);
        // Consecutive votes do not conflict; the wrong kind is refused.
        QVERIFY(!linkVotesConflict(a, linkVote(4, 6, 0x05)));
        QCOMPARE(codeOf(consensus::verifyConsensusEvidence(
                     makeLinkEvidence(OffenceKind::DoubleLinkVote, outer, inner), verifier)),
                 std::string("evidence.not_conflicting"));
        QVERIFY(offenceKey(twice) != offenceKey(surround));
    }

    // --- signatures and identities ---------------------------------------
    void transactionSignatureAndId()
    {
        Rng rng(3);
        Transaction tx = randomTransaction(rng);
        const auto key = keyFromNumber(4);
        signTransaction(tx, key);
        QCOMPARE(tx.sender, key.publicKey());
        QVERIFY(verifyTransactionSignature(tx));

        const Hash256 id = transactionId(tx);
        Transaction resigned = tx;
        resigned.signature.bytes.fill(0);
        QCOMPARE(transactionId(resigned), id);   // the id does not cover the signature
        QVERIFY(!verifyTransactionSignature(resigned));

        Transaction changed = tx;
        changed.nonce += 1;
        QVERIFY(transactionId(changed) != id);
        QVERIFY(!verifyTransactionSignature(changed));

        // A vote signature is not a transaction signature (domain separation).
        QVERIFY(!crypto::verify(tx.sender, kVoteDomain, transactionSigningBytes(tx), tx.signature));
    }

    void blockSignature()
    {
        Rng rng(5);
        Block block = randomBlock(rng);
        const auto key = keyFromNumber(6);
        signBlock(block, key);
        QVERIFY(verifyBlockSignature(block));
        block.header.height += 1;
        QVERIFY(!verifyBlockSignature(block));
    }

    void meterReadingSignatures()
    {
        const auto meter = keyFromNumber(7);
        const auto pea = keyFromNumber(8);
        const std::uint32_t network = 0x54455354;
        energy::MeterReading r;
        r.timestampMs = 1714370400000;   // 2024-04-29 06:00 UTC, a 15-minute boundary
        r.exportWh = 1250;
        r.exportRegisterWh = 88'000;
        r.location = {14'979'900, 102'097'800};
        energy::signReading(r, network, meter);
        QVERIFY(energy::verifyReadingSignature(network, r, meter.publicKey()));
        QVERIFY(!energy::verifyReadingSignature(network, r, pea.publicKey()));
        QVERIFY(!energy::verifyReadingSignature(network + 1, r, meter.publicKey()));   // another network
        energy::MeterReading tampered = r;
        tampered.exportWh += 1;
        QVERIFY(!energy::verifyReadingSignature(network, tampered, meter.publicKey()));

        energy::ReadingBatch batch;
        batch.zone = zones::kPeaNortheast;
        batch.readings = {r};
        energy::witnessBatch(batch, network, pea);
        QVERIFY(crypto::verify(pea.publicKey(), energy::kBatchWitnessDomain, energy::batchWitnessBytes(network, batch),
                               batch.witnessSignature));
        batch.readings = {tampered};   // the root commits to every reading
        QVERIFY(!crypto::verify(pea.publicKey(), energy::kBatchWitnessDomain,
                                energy::batchWitnessBytes(network, batch), batch.witnessSignature));
        QCOMPARE(energy::intervalEndOf(r.timestampMs + 449'999), r.timestampMs);
        QCOMPARE(energy::intervalEndOf(r.timestampMs - 450'000), r.timestampMs);
        QCOMPARE(energy::intervalEndOf(r.timestampMs + 450'000), r.timestampMs + 900'000);
    }

    // --- names and tables -------------------------------------------------
    void namesRoundTrip()
    {
        for (int i = 0; i <= static_cast<int>(kLastAuthorityType); ++i) {
            const auto type = static_cast<AuthorityType>(i);
            QCOMPARE(parseAuthorityType(toString(type)), std::optional<AuthorityType>(type));
        }
        QCOMPARE(toString(AuthorityType::NEPO), std::string_view("NEPO"));
        QVERIFY(!parseAuthorityType("egat").has_value());
        QVERIFY(!parseAuthorityType("").has_value());

        for (int i = 0; i <= static_cast<int>(kLastTransactionKind); ++i) {
            const auto kind = static_cast<TransactionKind>(i);
            QCOMPARE(parseTransactionKind(toString(kind)), std::optional<TransactionKind>(kind));
        }

        for (const auto &zone : knownGridZones()) {
            QCOMPARE(parseGridZone(zone.code), std::optional<GridZone>(GridZone{zone.id}));
            QVERIFY(zone.id < kFirstCustomZoneId);
        }
        QCOMPARE(gridZoneCode(zones::kMeaMetropolitan), std::string("MEA-METRO"));
        QCOMPARE(gridZoneCode(GridZone{300}), std::string("zone-300"));
        QVERIFY(findKnownZone(zones::kUnassigned) == nullptr);
    }

    void lanesAndPenalties()
    {
        QVERIFY(laneOf(TransactionKind::EmergencyHalt) == Lane::Emergency);
        QVERIFY(laneOf(TransactionKind::EmergencyResume) == Lane::Emergency);
        QVERIFY(laneOf(TransactionKind::RegulatoryEnforcement) == Lane::Authority);
        QVERIFY(laneOf(TransactionKind::MeterReading) == Lane::Energy);
        QVERIFY(laneOf(TransactionKind::EnergyTrade) == Lane::Energy);
        QVERIFY(laneOf(TransactionKind::GovernanceVote) == Lane::Governance);

        QCOMPARE(slashingPenalty(SlashingTier::Minor).minBps, 100u);
        QCOMPARE(slashingPenalty(SlashingTier::Minor).maxBps, 500u);
        QCOMPARE(slashingPenalty(SlashingTier::Major).minBps, 1000u);
        QCOMPARE(slashingPenalty(SlashingTier::Major).maxBps, 3000u);
        QCOMPARE(slashingPenalty(SlashingTier::Critical).minBps, 5000u);
        QCOMPARE(slashingPenalty(SlashingTier::Critical).maxBps, 10000u);
        QVERIFY(slashingPenalty(SlashingTier::Critical).suspension == Suspension::Permanent);

        ValidatorCandidate candidate;
        candidate.publicKey = keyFromNumber(1).publicKey();
        candidate.stakeAmount = kMinValidatorStakeMicroGt - 1;
        QCOMPARE(codeOf(candidate.validate()), std::string("validator.stake_too_low"));
        candidate.stakeAmount = 10'000 * kMicroGtPerGt;
        QVERIFY(candidate.validate().ok());
    }
};

QTEST_APPLESS_MAIN(TestCodec)
#include "test_codec.moc"
