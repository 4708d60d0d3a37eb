#include "core/sim/simulator.h"

#include "core/sim/byzantine.h"

#include "core/common/arith.h"

#include "core/consensus/ledger_store.h"
#include "core/consensus/verifier.h"
#include "core/ledger/ledger.h"
#include "core/energy/reading.h"
#include "core/energy/trade.h"

#include <algorithm>
#include <array>
#include <map>
#include <queue>
#include <random>
#include <set>
#include <sstream>

namespace gtx::sim {

using namespace consensus;

namespace {

enum class EventType : std::uint8_t {
    Deliver,
    Tick,
    Crash,
    Restart,
    Partition,
    Heal,
    Client,
    Halt,
    Resume,
    Bond,
    Unbond,
    ByzantineHalt,
};

struct Event
{
    std::int64_t time = 0;
    std::uint64_t sequence = 0;
    EventType type = EventType::Tick;
    int node = -1;
    int from = -1;
    std::uint64_t generation = 0;
    std::shared_ptr<const Bytes> bytes;
};

struct Later
{
    bool operator()(const Event &a, const Event &b) const
    {
        return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
    }
};

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t next() { return m_engine(); }
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_engine() % n; }
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return hi <= lo ? lo : lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(std::uint32_t ppm) { return below(1'000'000) < ppm; }
    std::mt19937_64 &engine() { return m_engine; }

private:
    std::mt19937_64 m_engine;
};

using KeySeed = std::array<std::uint8_t, 32>;

KeySeed deriveSeed(std::uint64_t seed, std::string_view what, std::uint64_t index)
{
    codec::Writer w;
    w.u64(seed);
    w.string(what);
    w.u64(index);
    const Hash256 h = crypto::hash("gtx/sim-key/v1", w.data());
    KeySeed out{};
    std::copy(h.bytes.begin(), h.bytes.end(), out.begin());
    return out;
}

crypto::KeyPair keyFrom(const KeySeed &seed)
{
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
}

std::string fmtTime(std::int64_t ms, const ConsensusParams &p)
{
    const std::int64_t rel = ms - p.genesisTimeMs;
    std::ostringstream s;
    s << "t=" << rel / 1000 << "." << (rel % 1000 < 0 ? -(rel % 1000) : rel % 1000) / 100 << "s"
      << " (slot " << p.slotAt(ms) << ")";
    return s.str();
}

struct ByzantineProfile
{
    std::string name;
    bool twins = false;
    ByzantineBehaviour behaviour;
};

struct Equivocation
{
    PublicKey offender;
    OffenceKind kind = OffenceKind::DoubleProposal;
    std::int64_t time = 0;
    std::vector<std::pair<Signature, Signature>> pairs;   // the conflicting messages, by signature
};

class Simulation;

class SimOutbox final : public Outbox
{
public:
    SimOutbox(Simulation &sim, int node) : m_sim(sim), m_node(node) {}
    void broadcast(const Bytes &message) override;
    void sendTo(const std::vector<PeerId> &peers, const Bytes &message) override;
    std::vector<PeerId> peers() const override;

private:
    Simulation &m_sim;
    int m_node;
};

class SimObserver final : public NodeObserver
{
public:
    SimObserver(Simulation &sim, int node) : m_sim(sim), m_node(node) {}
    void onBlockAccepted(const BlockNode &node) override;
    void onFinalized(FinalityLevel level, const BlockNode &node) override;
    void onInstantFinal(const EmergencyRecord &record) override;
    void onEvidenceDetected(const Evidence &evidence) override;
    void onSafetyAlarm(const std::string &what) override;
    void onInvalidBlockProduced(const Hash256 &hash);   // told by the node's ByzantineHooks
    void onSignedMessageChecked(const Signature &signature) override;

private:
    Simulation &m_sim;
    int m_node;
};

struct SimNode
{
    std::string name;
    KeySeed keySeed{};
    PublicKey key;
    bool authority = false;
    bool byzantine = false;
    ByzantineBehaviour behaviour;
    int twinOf = -1;          // the other instance of a Twins pair
    int side = 0;             // which Twins instance this node talks to (and a twin's own side)
    int partitionSide = 0;
    std::int64_t clockOffsetMs = 0;
    std::int64_t driftPpm = 0;
    bool durable = false;     // keeps its state in a real ledger
    std::filesystem::path ledgerDir;
    std::unique_ptr<ConsensusStore> store;
    std::unique_ptr<ConsensusNode> node;
    std::unique_ptr<SimOutbox> outbox;
    std::unique_ptr<SimObserver> observer;
    std::unique_ptr<ByzantineHooks> hooks;   // Byzantine nodes, and honest ones under a mutation
    std::int64_t tickTime = -1;
    std::uint64_t tickGeneration = 0;
    std::map<Signature, std::int64_t> byzantineSeen;   // Byzantine-signed messages it checked, and when
    std::int64_t firstFastAfterHeal = -1;
    std::int64_t firstFullAfterHeal = -1;
    std::vector<std::int64_t> fastAdvances;   // when its Fast head moved (global time)
    std::vector<std::int64_t> fullAdvances;
};

class Simulation
{
public:
    Simulation(const Scenario &scenario, std::uint64_t seed)
        : m_scenario(scenario), m_seed(seed), m_rng(seed), m_params(scenario.params)
    {
        m_result.seed = seed;
        if (m_scenario.adversaries.longOutage) {
            m_scenario.slotCount = std::max(m_scenario.slotCount,
                                            m_scenario.adversaries.outageSlots + (Adversaries::kLongOutageRunSlots
                                                                                  - Adversaries::kLongOutageSlots));
            // Finality stalls for the whole outage when the down authority is
            // needed for the quorum. As in production (a 7-day window), the
            // evidence window must outlast any stall the network recovers
            // from, or offences seen during the stall lapse before a block
            // carrying them can be finalized; the unbonding period follows
            // (past the evidence window and the appeal window).
            m_params.evidenceWindowSlots = std::max(m_params.evidenceWindowSlots, 2 * m_scenario.slotCount);
            m_params.staking.unbondingSlots =
                std::max(m_params.staking.unbondingSlots, m_params.evidenceWindowSlots
                                                              + m_params.staking.appealWindowSlots
                                                              + m_params.epochSlots);
        }
        if (scenario.weakenedQuorum) {
            m_params.testOnlyAllowUnsafeQuorum = true;
            m_params.testOnlyQuorumOverride = scenario.weakenedQuorumSize;
        }
        if (scenario.noExactLink) {
            m_params.testOnlyAllowUnsafeQuorum = true;
            m_params.testOnlyNoExactLink = true;
        }
    }

    ~Simulation()
    {
        for (auto &n : m_nodes) {
            n.node.reset();
            n.store.reset();
        }
        if (!m_runDir.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(m_runDir, ec);
        }
    }

    RunResult run();

    // Called by outboxes and observers.
    // `fast`: delivered at once (an adversary that controls delays).
    void transmit(int from, const std::vector<PeerId> &to, const Bytes &message, bool fast = false);
    std::vector<PeerId> peersOf(int node) const;
    void blockAccepted(int node, const BlockNode &block);
    void finalized(int node, FinalityLevel level, const BlockNode &block);
    void instantFinal(int node, const EmergencyRecord &record);
    void evidenceDetected(int node, const Evidence &evidence);
    void safetyAlarm(int node, const std::string &what);
    void invalidBlockProduced(const Hash256 &hash) { m_invalidBlocks.insert(hash); }
    void signedMessageChecked(int node, const Signature &signature)
    {
        SimNode &n = m_nodes[static_cast<std::size_t>(node)];
        if (!n.byzantine && m_byzantineSignatures.count(signature))
            n.byzantineSeen.try_emplace(signature, m_now);
    }

private:
    void setup();
    void createNodes();
    void scheduleFaults();
    bool startNode(int index);
    void push(Event e);
    void scheduleTick(int index);
    std::int64_t localTime(int index, std::int64_t global) const;
    std::int64_t globalTime(int index, std::int64_t local) const;
    bool alive(int index) const { return m_nodes[static_cast<std::size_t>(index)].node != nullptr; }
    bool honest(int index) const { return !m_nodes[static_cast<std::size_t>(index)].byzantine; }
    bool canLink(int a, int b) const;
    std::int64_t latency();
    void dispatch(const Event &e);
    void clientSlot(std::uint64_t slot);
    void submit(const Transaction &tx);
    // How many nodes took it (the down ones cannot).
    int submitToAll(const Transaction &tx);
    void sybilBonds();
    void laneSpam(std::uint64_t slot);
    void checkProposerShares(const std::vector<int> &honestLive);
    void checkAuthorityTransactions(const std::vector<int> &honestLive);
    void emergency(bool halt);
    void groundTruth(const Bytes &message);
    void floodVotes(const BlockNode &block);
    void byzantineHalt();
    void poisonEmergencyVotes(const Bytes &message);
    void registerEquivocation(const Evidence &e, const Signature &a, const Signature &b);
    void violation(ViolationKind kind, const std::string &what);
    void trace(const std::string &line) { m_result.trace.push_back(fmtTime(m_now, m_params) + " " + line); }
    void finish();
    int randomAliveNode(bool honestOnly);
    Transaction signedTx(TransactionKind kind, const KeySeed &sender, Bytes payload);
    const crypto::KeyPair &cachedKey(const KeySeed &seed);
    std::string nameOf(const PublicKey &key) const;

    Scenario m_scenario;
    std::uint64_t m_seed;
    Rng m_rng;
    ConsensusParams m_params;
    std::shared_ptr<ConsensusGenesis> m_genesis;
    std::vector<SimNode> m_nodes;
    std::vector<KeySeed> m_authoritySeeds;
    std::vector<std::array<KeySeed, 2>> m_operatorSeeds;
    std::vector<bool> m_authorityByzantine;
    std::vector<int> m_authorityNode;     // authority index -> a node running it
    std::vector<KeySeed> m_clientSeeds;
    // Meters in the registry at genesis: key, record, the simulated
    // registers, and the last interval each reported.
    struct SimMeter
    {
        KeySeed key;
        energy::MeterRecord record;
        std::uint64_t importRegisterWh = 1'000'000;
        std::uint64_t exportRegisterWh = 1'000'000;
        std::int64_t lastIntervalEndMs = 0;
        std::size_t owner = 0;   // index into m_clientSeeds
    };
    std::vector<SimMeter> m_meters;
    // What the meters' readings metered, per interval end and (client,
    // zone), and what the clients' trades have offered of it so far: trades
    // are made only of energy the readings sent.
    struct SentEnergy
    {
        std::uint64_t exportWh = 0;
        std::uint64_t importWh = 0;
        std::uint64_t soldWh = 0;
        std::uint64_t boughtWh = 0;
    };
    std::map<std::int64_t, std::map<std::pair<std::size_t, std::uint16_t>, SentEnergy>> m_sentEnergy;
    std::uint64_t m_offerNonce = 0;
    void clientTrade();
    KeySeed m_standbySeed{};
    bool m_hasStandby = false;
    std::map<PublicKey, std::uint64_t> m_nonces;
    std::map<KeySeed, crypto::KeyPair> m_keyCache;
    std::set<PublicKey> m_honestKeys;
    std::set<PublicKey> m_byzantineKeys;
    CachingVerifier m_verifier;

    std::priority_queue<Event, std::vector<Event>, Later> m_queue;
    std::uint64_t m_sequence = 0;
    std::int64_t m_now = 0;
    std::int64_t m_end = 0;
    std::uint64_t m_faultEndSlot = 0;
    std::int64_t m_lastDisruption = 0;
    bool m_partitioned = false;
    std::filesystem::path m_runDir;

    std::map<int, std::vector<int>> m_partitionPlans;   // partition event id -> side per node
    std::vector<Hash256> m_halts;                        // halt order ids, for resumes
    std::vector<int> m_haltAuthority;

    // Ground truth and invariants.
    std::set<Hash256> m_invalidBlocks;
    std::array<std::map<std::uint64_t, std::pair<Hash256, int>>, 4> m_final;   // by level: height -> hash, node
    std::map<std::pair<PublicKey, std::uint64_t>, std::pair<Hash256, int>> m_instant;
    std::map<Hash256, std::int64_t> m_certifiedAt;                 // emergency block id -> first time
    std::map<Hash256, std::pair<std::int64_t, int>> m_honestOrders;  // order id -> when, by which node
    std::map<Hash256, Hash256> m_orderBlock;                       // order id -> its certified block
    HaltState m_certifiedHalts;                                    // what every certified order adds up to
    std::map<std::pair<PublicKey, std::uint64_t>, SignedHeader> m_byzProposals;
    std::map<PublicKey, std::vector<LinkVote>> m_byzLinks;
    std::map<std::pair<PublicKey, std::uint64_t>, Vote> m_byzAttestations;
    std::map<std::tuple<PublicKey, std::uint64_t, std::uint32_t>, Vote> m_byzEmergencyVotes;
    std::map<Hash256, Equivocation> m_equivocations;               // by offence key
    std::set<Signature> m_byzantineSignatures;
    std::set<std::string> m_violationSet;

    // Adversaries.
    int m_flooder = -1;                                   // node running vote-flood
    int m_emergencyAdversary = -1;                        // node running byzantine-emergency (EGAT)
    std::uint64_t m_skippedSequence = 0;
    std::set<Hash256> m_flooded;                          // blocks it has flooded
    std::vector<KeySeed> m_sybilSeeds;                    // sybil-bond's keys
    std::set<PublicKey> m_sybilKeys;
    std::vector<KeySeed> m_spamSeeds;                     // lane-spam's funded keys
    Hash256 m_lastProposal;                               // the clients' latest governance proposal
    std::map<Hash256, std::uint64_t> m_authorityTxs;      // honest authority transactions -> slot given

    RunResult m_result;
};

// --- outbox and observer -------------------------------------------------------

void SimOutbox::broadcast(const Bytes &message)
{
    m_sim.transmit(m_node, m_sim.peersOf(m_node), message);
}

void SimOutbox::sendTo(const std::vector<PeerId> &peers, const Bytes &message)
{
    m_sim.transmit(m_node, peers, message);
}

std::vector<PeerId> SimOutbox::peers() const
{
    return m_sim.peersOf(m_node);
}

void SimObserver::onBlockAccepted(const BlockNode &node)
{
    m_sim.blockAccepted(m_node, node);
}

void SimObserver::onFinalized(FinalityLevel level, const BlockNode &node)
{
    m_sim.finalized(m_node, level, node);
}

void SimObserver::onInstantFinal(const EmergencyRecord &record)
{
    m_sim.instantFinal(m_node, record);
}

void SimObserver::onEvidenceDetected(const Evidence &evidence)
{
    m_sim.evidenceDetected(m_node, evidence);
}

void SimObserver::onSafetyAlarm(const std::string &what)
{
    m_sim.safetyAlarm(m_node, what);
}

void SimObserver::onInvalidBlockProduced(const Hash256 &hash)
{
    m_sim.invalidBlockProduced(hash);
}

void SimObserver::onSignedMessageChecked(const Signature &signature)
{
    m_sim.signedMessageChecked(m_node, signature);
}

// --- set-up ------------------------------------------------------------------------

std::vector<ByzantineProfile> authorityProfiles(const FaultMix &f)
{
    std::vector<ByzantineProfile> out;
    auto add = [&](bool enabled, std::string name, bool twins, ByzantineBehaviour b) {
        if (enabled)
            out.push_back({std::move(name), twins, b});
    };
    ByzantineBehaviour b;
    b.equivocateProposals = f.equivocation;
    add(f.twins, f.equivocation ? "twins+equivocating-proposer" : "twins", true, b);
    b = {};
    b.surroundVote = f.surroundVotes;
    b.invalidEnergyData = f.invalidEnergyData;
    add(f.twins && (f.surroundVotes || f.invalidEnergyData), "twins+surround-votes+forged-energy-data", true, b);
    b = {};
    b.doubleVote = true;
    b.invalidEnergyData = f.invalidEnergyData;
    add(f.doubleVotes, "double-voter+forged-energy-data", false, b);
    b = {};
    b.withholdVotes = true;
    b.invalidBlocks = f.invalidBlocks;
    add(f.withheldVotes, "withholds-votes+invalid-blocks", false, b);
    b = {};
    b.equivocateProposals = true;
    b.surroundVote = f.surroundVotes;
    b.invalidBlocks = f.invalidBlocks;
    add(f.equivocation, "equivocating-proposer+surround-votes+invalid-blocks", false, b);
    if (out.empty() && (f.invalidBlocks || f.invalidEnergyData)) {
        b = {};
        b.invalidBlocks = f.invalidBlocks;
        b.invalidEnergyData = f.invalidEnergyData;
        add(true, "invalid-blocks", false, b);
    }
    return out;
}

std::vector<ByzantineProfile> validatorProfiles(const FaultMix &f)
{
    std::vector<ByzantineProfile> out;
    ByzantineBehaviour b;
    b.doubleAttest = true;
    b.equivocateProposals = f.equivocation;
    if (f.doubleVotes)
        out.push_back({"double-attester", false, b});
    b = {};
    b.withholdVotes = true;
    b.invalidEnergyData = f.invalidEnergyData;
    if (f.withheldVotes)
        out.push_back({"withholds-attestations", false, b});
    b = {};
    b.invalidBlocks = f.invalidBlocks;
    b.doubleAttest = f.doubleVotes;
    if (f.invalidBlocks)
        out.push_back({"invalid-blocks", false, b});
    return out;
}

void Simulation::setup()
{
    auto genesis = std::make_shared<ConsensusGenesis>();
    const int authorities = std::max(1, m_scenario.authorities);
    const FaultMix &f = m_scenario.faults;

    // Byzantine authorities and validators, chosen by the seed.
    std::vector<int> order(static_cast<std::size_t>(authorities));
    for (int i = 0; i < authorities; ++i)
        order[static_cast<std::size_t>(i)] = i;
    std::shuffle(order.begin(), order.end(), m_rng.engine());
    if (m_scenario.adversaries.byzantineEmergency)
        std::iter_swap(order.begin(), std::find(order.begin(), order.end(), 0));   // EGAT may halt any zone
    m_authorityByzantine.assign(static_cast<std::size_t>(authorities), false);
    if (f.anyByzantine() || m_scenario.adversaries.any()) {
        int count = std::min(m_scenario.byzantineAuthorities, authorities);
        if (m_scenario.adversaries.any())
            count = std::max(count, 1);   // adversaries act through a Byzantine authority
        for (int i = 0; i < count; ++i)
            m_authorityByzantine[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = true;
    }

    for (int i = 0; i < authorities; ++i) {
        m_authoritySeeds.push_back(deriveSeed(m_seed, "authority", static_cast<std::uint64_t>(i)));
        m_operatorSeeds.push_back({deriveSeed(m_seed, "operator", static_cast<std::uint64_t>(2 * i)),
                                   deriveSeed(m_seed, "operator", static_cast<std::uint64_t>(2 * i + 1))});
        std::vector<PublicKey> operators;
        for (const auto &op : m_operatorSeeds.back())
            operators.push_back(keyFrom(op).publicKey());
        genesis->authorities.push_back(authorityMember(static_cast<AuthorityType>(i % 5),
                                                       keyFrom(m_authoritySeeds.back()).publicKey(),
                                                       std::move(operators)));
    }

    auto candidate = [&](const KeySeed &seed, ValidatorRole role) {
        Candidate c;
        c.role = role;
        c.info.publicKey = keyFrom(seed).publicKey();
        c.info.geographicDistribution = GridZone{static_cast<std::uint16_t>(1 + m_rng.below(6))};
        c.info.uptimeHistoryPpm = static_cast<std::uint32_t>(900'000 + m_rng.below(100'000));
        c.info.reputationScore = m_rng.below(100);
        if (role == ValidatorRole::Stake) {
            c.info.stakeAmount = gtToMicro(10'000 + m_rng.below(40'000));
        } else {
            c.info.stakeAmount = gtToMicro(1'000 + m_rng.below(4'000));
            c.info.energyCredentials.verifiedEnergyWh = 1'000'000 + m_rng.below(9'000'000);
            c.info.energyCredentials.registeredCapacityWatts = 5'000 + m_rng.below(100'000);
            c.info.energyCredentials.verifiedMeters = 1 + static_cast<std::uint32_t>(m_rng.below(20));
        }
        return c;
    };
    for (int i = 0; i < m_scenario.stakeValidators; ++i)
        genesis->candidates.push_back(
            candidate(deriveSeed(m_seed, "stake", static_cast<std::uint64_t>(i)), ValidatorRole::Stake));
    for (int i = 0; i < m_scenario.energyValidators; ++i)
        genesis->candidates.push_back(
            candidate(deriveSeed(m_seed, "energy", static_cast<std::uint64_t>(i)), ValidatorRole::Energy));
    m_hasStandby = f.rotation && m_scenario.stakeValidators > 0;
    if (m_hasStandby)
        m_standbySeed = deriveSeed(m_seed, "standby", 0);

    for (int i = 0; i < 3; ++i)
        m_clientSeeds.push_back(deriveSeed(m_seed, "client", static_cast<std::uint64_t>(i)));
    for (int i = 0; i < 4; ++i) {
        // A prosumer at a grid node of a zone of the default grid model.
        const auto &nodes = energy::defaultGridModel().nodes;
        const energy::GridNodeModel &node = nodes[m_rng.below(nodes.size())];
        SimMeter m;
        m.key = deriveSeed(m_seed, "meter", static_cast<std::uint64_t>(i));
        m.record.id = crypto::hash("gtx/sim-meter/v1", keyFrom(m.key).publicKey().view());
        m.record.key = keyFrom(m.key).publicKey();
        m.owner = static_cast<std::size_t>(i % 3);
        m.record.owner = keyFrom(deriveSeed(m_seed, "client", static_cast<std::uint64_t>(m.owner))).publicKey();
        m.record.zone = node.zone;
        m.record.gridNode = node.id;
        m.record.location = node.location;
        m.record.ratedCapacityW = 15'000;
        m.record.registration = energy::MeterRegistration::Prosumer;
        genesis->meters.push_back(m.record);
        m_meters.push_back(m);
    }
    codec::Writer w;
    w.u64(m_seed);
    genesis->seed = crypto::hash("gtx/sim-genesis-seed/v1", w.data());
    // Everyone who sends fee-paying transactions starts with a balance.
    auto fund = [&](const KeySeed &seed, std::uint64_t gt) {
        genesis->accounts.push_back({keyFrom(seed).publicKey(), gtToMicro(gt)});
    };
    for (const auto &seed : m_authoritySeeds)
        fund(seed, 1'000);
    for (int i = 0; i < m_scenario.stakeValidators; ++i)
        fund(deriveSeed(m_seed, "stake", static_cast<std::uint64_t>(i)), 1'000);
    for (int i = 0; i < m_scenario.energyValidators; ++i)
        fund(deriveSeed(m_seed, "energy", static_cast<std::uint64_t>(i)), 1'000);
    if (m_hasStandby)
        fund(m_standbySeed, 25'000);
    for (const auto &seed : m_clientSeeds)
        fund(seed, 100'000);
    if (m_scenario.adversaries.sybilBond) {
        // Enough for each key's minimum self-bond and its fees, no more.
        const std::uint64_t each = Adversaries::kSybilFundsGt / Adversaries::kSybilKeys;
        for (int i = 0; i < Adversaries::kSybilKeys; ++i) {
            m_sybilSeeds.push_back(deriveSeed(m_seed, "sybil", static_cast<std::uint64_t>(i)));
            m_sybilKeys.insert(keyFrom(m_sybilSeeds.back()).publicKey());
            fund(m_sybilSeeds.back(), each);
        }
    }
    if (m_scenario.adversaries.laneSpam)
        for (int i = 0; i < 3; ++i) {
            m_spamSeeds.push_back(deriveSeed(m_seed, "spam", static_cast<std::uint64_t>(i)));
            fund(m_spamSeeds.back(), 50'000);
        }
    m_genesis = genesis;

    if (!m_scenario.ledgerDirectory.empty()) {
        m_runDir = m_scenario.ledgerDirectory / ("run-" + std::to_string(m_seed));
        std::error_code ec;
        std::filesystem::remove_all(m_runDir, ec);
    }
    createNodes();
    scheduleFaults();
}

void Simulation::createNodes()
{
    const auto &authorities = m_genesis->authorities;
    const auto aProfiles = authorityProfiles(m_scenario.faults);
    const auto vProfiles = validatorProfiles(m_scenario.faults);
    auto addNode = [&](std::string name, const KeySeed &seed, bool authority, bool byzantine,
                       const ByzantineBehaviour &behaviour) {
        SimNode n;
        n.name = std::move(name);
        n.keySeed = seed;
        n.key = keyFrom(seed).publicKey();
        n.authority = authority;
        n.byzantine = byzantine;
        n.behaviour = behaviour;
        n.behaviour.volatileSignerRecord = m_scenario.volatileSignerRecord && !byzantine;
        n.behaviour.volatileConsensusLog = m_scenario.volatileConsensusLog;
        n.side = static_cast<int>(m_rng.below(2));
        n.clockOffsetMs = m_rng.range(-m_scenario.faults.maxClockSkewMs, m_scenario.faults.maxClockSkewMs);
        n.driftPpm = m_rng.range(-m_scenario.faults.maxDriftPpm, m_scenario.faults.maxDriftPpm);
        m_nodes.push_back(std::move(n));
        return static_cast<int>(m_nodes.size() - 1);
    };

    m_authorityNode.assign(authorities.size(), -1);
    for (std::size_t i = 0; i < authorities.size(); ++i) {
        const std::string name(toString(authorities[i].type));
        const std::string label = authorities.size() > 5 ? name + std::to_string(i) : name;
        if (!m_authorityByzantine[i] || (aProfiles.empty() && !m_scenario.adversaries.any())) {
            m_authorityNode[i] = addNode(label, m_authoritySeeds[i], true, false, {});
            continue;
        }
        const ByzantineProfile none{"adversary only", false, {}};
        std::vector<ByzantineProfile> pick = aProfiles;
        if (m_scenario.twinsAuthority) {
            pick.erase(std::remove_if(pick.begin(), pick.end(), [](const ByzantineProfile &p) { return !p.twins; }),
                       pick.end());
            if (pick.empty())
                pick.push_back({"twins", true, {}});
        }
        ByzantineProfile p = pick.empty() ? none : pick[m_rng.below(pick.size())];
        if (m_scenario.adversaries.lateVotes && !p.twins) {
            p.name = "late-votes";
            p.behaviour = {};
            p.behaviour.lateVoteSlots = Adversaries::kLateVoteSlots;
        }
        trace("Byzantine authority " + label + ": " + p.name);
        if (p.twins) {
            const int a = addNode(label + "#1", m_authoritySeeds[i], true, true, p.behaviour);
            const int b = addNode(label + "#2", m_authoritySeeds[i], true, true, p.behaviour);
            m_nodes[static_cast<std::size_t>(a)].twinOf = b;
            m_nodes[static_cast<std::size_t>(b)].twinOf = a;
            m_nodes[static_cast<std::size_t>(a)].side = 0;
            m_nodes[static_cast<std::size_t>(b)].side = 1;
            m_authorityNode[i] = a;
        } else {
            m_authorityNode[i] = addNode(label, m_authoritySeeds[i], true, true, p.behaviour);
        }
    }
    std::vector<int> validators;
    for (int i = 0; i < m_scenario.stakeValidators; ++i)
        validators.push_back(addNode("S" + std::to_string(i + 1),
                                     deriveSeed(m_seed, "stake", static_cast<std::uint64_t>(i)), false, false, {}));
    for (int i = 0; i < m_scenario.energyValidators; ++i)
        validators.push_back(addNode("E" + std::to_string(i + 1),
                                     deriveSeed(m_seed, "energy", static_cast<std::uint64_t>(i)), false, false, {}));
    if (!vProfiles.empty()) {
        std::vector<int> shuffled = validators;
        std::shuffle(shuffled.begin(), shuffled.end(), m_rng.engine());
        const auto count = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, m_scenario.byzantineValidators)),
                                                 shuffled.size());
        for (std::size_t i = 0; i < count; ++i) {
            SimNode &n = m_nodes[static_cast<std::size_t>(shuffled[i])];
            const ByzantineProfile &p = vProfiles[m_rng.below(vProfiles.size())];
            n.byzantine = true;
            n.behaviour = p.behaviour;
            trace("Byzantine validator " + n.name + ": " + p.name);
        }
    }
    if (m_hasStandby)
        addNode("S+", m_standbySeed, false, false, {});
    for (std::size_t a = 0; a < authorities.size(); ++a) {
        if (!m_authorityByzantine[a] || m_authorityNode[a] < 0)
            continue;
        if (m_scenario.adversaries.voteFlood && m_flooder < 0) {
            m_flooder = m_authorityNode[a];
            trace("adversary vote-flood: " + m_nodes[static_cast<std::size_t>(m_flooder)].name);
        }
        if (m_scenario.adversaries.byzantineEmergency && m_emergencyAdversary < 0 && authorities[a].nationwide) {
            m_emergencyAdversary = m_authorityNode[a];
            trace("adversary byzantine-emergency: " + m_nodes[static_cast<std::size_t>(m_emergencyAdversary)].name);
        }
    }

    for (const auto &n : m_nodes)
        (n.byzantine ? m_byzantineKeys : m_honestKeys).insert(n.key);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].outbox = std::make_unique<SimOutbox>(*this, static_cast<int>(i));
        m_nodes[i].observer = std::make_unique<SimObserver>(*this, static_cast<int>(i));
    }
}

void Simulation::scheduleFaults()
{
    const FaultMix &f = m_scenario.faults;
    const std::uint64_t slots = std::max<std::uint64_t>(m_scenario.slotCount, 8);
    const std::uint64_t bound = m_scenario.livenessBoundSlots;
    m_faultEndSlot = slots > bound + 6 ? slots - bound - 4 : 2;
    m_end = m_params.slotStartMs(slots);
    m_lastDisruption = m_params.slotStartMs(2);
    auto slotTime = [&](std::uint64_t slot) {
        return m_params.slotStartMs(slot) + m_rng.range(0, static_cast<std::int64_t>(m_params.slotMs) - 1);
    };
    const std::uint64_t last = m_faultEndSlot;

    // Partitions, one after another, each healed by the end of the fault window.
    std::uint64_t from = 2;
    for (int p = 0; p < f.partitions && from + 2 < last; ++p) {
        const std::uint64_t start = static_cast<std::uint64_t>(
            m_rng.range(static_cast<std::int64_t>(from), static_cast<std::int64_t>(std::max(from, last - 3))));
        const std::uint64_t heal = std::min<std::uint64_t>(last, start + 2 + m_rng.below(11));
        std::vector<int> sides(m_nodes.size());
        for (auto &s : sides)
            s = static_cast<int>(m_rng.below(2));
        sides[0] = 0;
        sides[sides.size() - 1] = 1;
        const int id = static_cast<int>(m_partitionPlans.size());
        m_partitionPlans[id] = sides;
        Event e;
        e.type = EventType::Partition;
        e.time = slotTime(start);
        e.node = id;
        push(e);
        Event h;
        h.type = EventType::Heal;
        h.time = std::max(e.time + 1, slotTime(heal));
        push(h);
        m_lastDisruption = std::max(m_lastDisruption, h.time);
        from = heal + 1;
    }

    // Crash and restart honest nodes (never both instances of anything).
    std::vector<int> candidates;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (!m_nodes[i].byzantine)
            candidates.push_back(static_cast<int>(i));
    std::vector<std::pair<int, std::pair<std::int64_t, std::int64_t>>> crashes;
    for (int c = 0; c < f.crashes && !candidates.empty() && last > 4; ++c) {
        const int node = candidates[m_rng.below(candidates.size())];
        const std::uint64_t at = static_cast<std::uint64_t>(m_rng.range(2, static_cast<std::int64_t>(last - 2)));
        const std::uint64_t back = std::min<std::uint64_t>(last, at + 1 + m_rng.below(8));
        Event e;
        e.type = EventType::Crash;
        e.node = node;
        e.time = slotTime(at);
        Event r;
        r.type = EventType::Restart;
        r.node = node;
        // Half of the restarts are quick (a process restart), often within the slot.
        r.time = m_rng.below(2) == 0 ? e.time + m_rng.range(300, 3000) : std::max(e.time + 1, slotTime(back));
        // One crash at a time per node: skip overlapping windows.
        bool overlaps = false;
        for (const auto &[n, window] : crashes)
            overlaps = overlaps || (n == node && e.time <= window.second && window.first <= r.time);
        if (overlaps)
            continue;
        crashes.push_back({node, {e.time, r.time}});
        push(e);
        push(r);
        m_lastDisruption = std::max(m_lastDisruption, r.time);
        if (!m_runDir.empty())
            m_nodes[static_cast<std::size_t>(node)].durable = true;
    }

    std::pair<std::uint64_t, std::uint64_t> emergencyWindow{0, 0};
    if (f.emergencies && last > 12) {
        const std::uint64_t haltSlot = static_cast<std::uint64_t>(m_rng.range(3, static_cast<std::int64_t>(last - 8)));
        Event h;
        h.type = EventType::Halt;
        h.time = slotTime(haltSlot);
        push(h);
        Event r;
        r.type = EventType::Resume;
        const std::uint64_t resumeSlot = haltSlot + 2 + m_rng.below(5);
        r.time = slotTime(resumeSlot);
        push(r);
        emergencyWindow = {haltSlot, resumeSlot};
    }
    if (m_hasStandby) {
        Event b;
        b.type = EventType::Bond;
        b.time = slotTime(m_params.epochSlots + 2);
        push(b);
        Event u;
        u.type = EventType::Unbond;
        u.time = slotTime(2 * m_params.epochSlots + 2);
        push(u);
    }
    if (m_scenario.adversaries.longOutage) {
        // An honest authority down for a long time, then back.
        std::vector<int> honestAuthorities;
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            if (m_nodes[i].authority && !m_nodes[i].byzantine)
                honestAuthorities.push_back(static_cast<int>(i));
        const std::uint64_t outage = m_scenario.adversaries.outageSlots;
        if (!honestAuthorities.empty() && last > outage + 10) {
            Event e;
            e.type = EventType::Crash;
            e.node = honestAuthorities[m_rng.below(honestAuthorities.size())];
            e.time = slotTime(5);
            Event r;
            r.type = EventType::Restart;
            r.node = e.node;
            r.time = slotTime(5 + outage + m_rng.below(20));
            push(e);
            push(r);
            m_lastDisruption = std::max(m_lastDisruption, r.time);
            if (!m_runDir.empty())
                m_nodes[static_cast<std::size_t>(e.node)].durable = true;
            ++m_result.adversaryActions;
            trace("long-outage: " + m_nodes[static_cast<std::size_t>(e.node)].name + " goes down at slot 5 for over "
                  + std::to_string(outage) + " slots");
        }
    }
    if (m_scenario.adversaries.networkRestart && last > 30) {
        // Every node down within a second (the Byzantine ones too: none of
        // them keeps what lived in memory), back 2 to 6 slots later, each
        // within 1.5 s of the others.
        // Not while the halt and its resume are given: with every node down
        // nobody could take them (an operator would be told so).
        std::uint64_t at = 0;
        for (int attempt = 0; attempt < 32; ++attempt) {
            at = static_cast<std::uint64_t>(m_rng.range(12, static_cast<std::int64_t>(last - 12)));
            if (at + 8 < emergencyWindow.first || at > emergencyWindow.second + 1)
                break;
        }
        const std::int64_t down = slotTime(at) + m_rng.range(0, static_cast<std::int64_t>(m_params.slotMs) - 1);
        const std::int64_t up = down + static_cast<std::int64_t>((2 + m_rng.below(5)) * m_params.slotMs);
        int restarted = 0;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            Event e;
            e.type = EventType::Crash;
            e.node = static_cast<int>(i);
            e.time = down + m_rng.range(0, 1000);
            Event r;
            r.type = EventType::Restart;
            r.node = e.node;
            r.time = up + m_rng.range(0, 1500);
            push(e);
            push(r);
            m_lastDisruption = std::max(m_lastDisruption, r.time);
            if (!m_runDir.empty())
                m_nodes[i].durable = true;
            ++restarted;
        }
        ++m_result.adversaryActions;
        trace("network-restart: all " + std::to_string(restarted) + " nodes go down in slot " + std::to_string(at));
    }
    if (m_scenario.adversaries.byzantineEmergency && last > 6) {
        for (int i = 0; i < 3; ++i) {
            Event h;
            h.type = EventType::ByzantineHalt;
            h.time = slotTime(static_cast<std::uint64_t>(m_rng.range(2, static_cast<std::int64_t>(last - 2))));
            push(h);
        }
    }
    Event client;
    client.type = EventType::Client;
    client.time = m_params.slotStartMs(1) + 1500;
    push(client);

    std::ostringstream s;
    s << "schedule: " << m_nodes.size() << " nodes, faults until slot " << m_faultEndSlot
      << ", finality must resume by " << fmtTime(m_lastDisruption + static_cast<std::int64_t>(bound * m_params.slotMs), m_params);
    m_result.trace.push_back(s.str());
}

bool Simulation::startNode(int index)
{
    SimNode &n = m_nodes[static_cast<std::size_t>(index)];
    if (!n.store) {
        if (n.durable) {
            n.ledgerDir = m_runDir / ("node-" + std::to_string(index));
            auto opened = LedgerConsensusStore::open(n.ledgerDir, asBytes("simulated node passphrase"), m_params,
                                                     *m_genesis, crypto::Argon2Params::floor(), cachedKey(n.keySeed));
            if (!opened) {
                violation(ViolationKind::Setup, "node " + n.name + " could not open its ledger: " + opened.error().message);
                return false;
            }
            n.store = std::move(*opened);
        } else {
            n.store = std::make_unique<MemoryConsensusStore>();
        }
    }
    ConsensusNode::Setup setup;
    setup.params = m_params;
    setup.genesis = m_genesis;
    setup.store = n.store.get();
    setup.outbox = n.outbox.get();
    setup.verifier = &m_verifier;
    setup.observer = n.observer.get();
    const std::uint64_t hookSeed = m_rng.next();
    n.hooks.reset();
    if (n.behaviour.any() || n.behaviour.volatileSignerRecord || n.behaviour.volatileConsensusLog) {
        SimObserver *observer = n.observer.get();
        n.hooks = std::make_unique<ByzantineHooks>(n.behaviour, hookSeed, [observer](const Hash256 &hash) {
            observer->onInvalidBlockProduced(hash);
        });
    }
    setup.hooks = n.hooks.get();
    auto started = ConsensusNode::start(std::move(setup), keyFrom(n.keySeed));
    if (!started) {
        violation(ViolationKind::Setup, "node " + n.name + " could not start: " + started.error().message);
        return false;
    }
    n.node = std::move(*started);
    n.tickTime = -1;
    ++n.tickGeneration;
    n.node->onTick(localTime(index, m_now));
    scheduleTick(index);
    return true;
}

// --- time and network ---------------------------------------------------------------

std::int64_t Simulation::localTime(int index, std::int64_t global) const
{
    const SimNode &n = m_nodes[static_cast<std::size_t>(index)];
    const std::int64_t elapsed = global - m_params.genesisTimeMs;
    return global + n.clockOffsetMs + elapsed * n.driftPpm / 1'000'000;
}

std::int64_t Simulation::globalTime(int index, std::int64_t local) const
{
    const SimNode &n = m_nodes[static_cast<std::size_t>(index)];
    const std::int64_t target = local - n.clockOffsetMs - m_params.genesisTimeMs;
    std::int64_t g = m_params.genesisTimeMs + target * 1'000'000 / (1'000'000 + n.driftPpm);
    while (localTime(index, g) < local)
        ++g;
    while (g > m_now && localTime(index, g - 1) >= local)
        --g;
    return g;
}

void Simulation::push(Event e)
{
    e.sequence = m_sequence++;
    m_queue.push(std::move(e));
}

void Simulation::scheduleTick(int index)
{
    SimNode &n = m_nodes[static_cast<std::size_t>(index)];
    if (!n.node)
        return;
    std::int64_t at = globalTime(index, n.node->nextWakeMs());
    if (at <= m_now)
        at = m_now + 1;
    if (n.tickTime == at)
        return;
    n.tickTime = at;
    Event e;
    e.type = EventType::Tick;
    e.node = index;
    e.time = at;
    e.generation = ++n.tickGeneration;
    push(e);
}

bool Simulation::canLink(int a, int b) const
{
    if (a == b)
        return false;
    const SimNode &na = m_nodes[static_cast<std::size_t>(a)];
    const SimNode &nb = m_nodes[static_cast<std::size_t>(b)];
    if (na.twinOf == b)
        return false;
    if ((na.twinOf >= 0 || nb.twinOf >= 0) && na.side != nb.side)
        return false;
    return true;
}

std::vector<PeerId> Simulation::peersOf(int node) const
{
    std::vector<PeerId> out;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (canLink(node, static_cast<int>(i)))
            out.push_back(static_cast<PeerId>(i));
    return out;
}

std::int64_t Simulation::latency()
{
    const FaultMix &f = m_scenario.faults;
    std::int64_t ms = m_rng.range(f.minLatencyMs, f.maxLatencyMs);
    if (m_rng.chance(f.tailPpm))
        ms += m_rng.range(0, f.tailLatencyMs);
    return std::max<std::int64_t>(1, ms);
}

void Simulation::transmit(int from, const std::vector<PeerId> &to, const Bytes &message, bool fast)
{
    auto bytes = std::make_shared<const Bytes>(message);
    if (m_nodes[static_cast<std::size_t>(from)].byzantine)
        groundTruth(*bytes);
    const FaultMix &f = m_scenario.faults;
    for (PeerId p : to) {
        const int j = static_cast<int>(p);
        if (j < 0 || static_cast<std::size_t>(j) >= m_nodes.size() || !canLink(from, j))
            continue;
        if (m_partitioned
            && m_nodes[static_cast<std::size_t>(from)].partitionSide != m_nodes[static_cast<std::size_t>(j)].partitionSide)
            continue;
        if (m_rng.chance(f.lossPpm))
            continue;
        const int copies = m_rng.chance(f.duplicatePpm) ? 2 : 1;
        for (int c = 0; c < copies; ++c) {
            Event e;
            e.type = EventType::Deliver;
            e.node = j;
            e.from = from;
            e.time = m_now + (fast ? 1 : latency());
            e.bytes = bytes;
            push(std::move(e));
        }
    }
}

// --- ground truth about Byzantine messages --------------------------------------------

void Simulation::registerEquivocation(const Evidence &e, const Signature &a, const Signature &b)
{
    auto [it, inserted] = m_equivocations.try_emplace(offenceKey(e));
    if (inserted) {
        it->second.offender = offenderOf(e);
        it->second.kind = e.kind;
        it->second.time = m_now;
        if (m_scenario.verboseTrace)
            trace("equivocation: " + std::string(toString(e.kind)) + " by " + nameOf(offenderOf(e)));
    }
    it->second.pairs.push_back({a, b});
}

void Simulation::groundTruth(const Bytes &message)
{
    auto decoded = decodeMessage(message);
    if (!decoded)
        return;
    auto noteLink = [&](const LinkVote &v) {
        if (!m_byzantineKeys.count(v.voter) || !m_byzantineSignatures.insert(v.signature).second)
            return;
        auto &seen = m_byzLinks[v.voter];
        // As the nodes do: one offence per new vote, a double vote first.
        const LinkVote *partner = nullptr;
        OffenceKind partnerKind{};
        std::size_t atSlot = 0;
        for (const auto &prev : seen) {
            atSlot += prev.target.slot == v.target.slot ? 1 : 0;
            OffenceKind kind{};
            if (!linkVotesConflict(v, prev, &kind))
                continue;
            if (!partner || (kind == OffenceKind::DoubleLinkVote && partnerKind != kind)) {
                partner = &prev;
                partnerKind = kind;
            }
        }
        if (partner)
            registerEquivocation(makeLinkEvidence(partnerKind, v, *partner), v.signature, partner->signature);
        // As the nodes do, keep a few votes per target slot (a flood of
        // votes adds no offence the first few do not prove).
        if (atSlot < 4)
            seen.push_back(v);
    };
    auto noteVote = [&](const Vote &v) {
        if (!m_byzantineKeys.count(v.voter) || !m_byzantineSignatures.insert(v.signature).second)
            return;
        if (v.kind == VoteKind::StakeAttestation) {
            auto [it, inserted] = m_byzAttestations.try_emplace({v.voter, v.slot}, v);
            if (!inserted && voteSigningBytes(it->second) != voteSigningBytes(v))
                registerEquivocation(makeVoteEvidence(OffenceKind::DoubleAttestation, it->second, v), v.signature,
                                     it->second.signature);
        } else if (v.kind == VoteKind::Emergency) {
            auto [it, inserted] = m_byzEmergencyVotes.try_emplace({v.voter, v.height, v.round}, v);
            if (!inserted && voteSigningBytes(it->second) != voteSigningBytes(v))
                registerEquivocation(makeVoteEvidence(OffenceKind::DoubleEmergencyVote, it->second, v), v.signature,
                                     it->second.signature);
        }
    };
    switch (static_cast<MessageType>(decoded->index())) {
    case MessageType::Proposal: {
        const Block &b = std::get<Block>(*decoded);
        if (m_byzantineKeys.count(b.header.proposer) && b.header.kind == BlockKind::Regular
            && m_byzantineSignatures.insert(b.proposerSignature).second) {
            const SignedHeader sh{b.header, b.proposerSignature};
            auto [it, inserted] = m_byzProposals.try_emplace({b.header.proposer, b.header.slot}, sh);
            if (!inserted && blockHash(it->second.header) != blockHash(b.header)
                && verifyHeaderSignature(b.header, b.proposerSignature))
                registerEquivocation(makeDoubleProposal(it->second, sh), b.proposerSignature, it->second.signature);
        }
        for (const auto &v : b.linkVotes)
            noteLink(v);
        for (const auto &v : b.attestations)
            noteVote(v);
        break;
    }
    case MessageType::LinkVote:
        noteLink(std::get<LinkVote>(*decoded));
        break;
    case MessageType::Vote:
        noteVote(std::get<Vote>(*decoded));
        break;
    default:
        break;
    }
}

// --- adversaries -----------------------------------------------------------------------

void Simulation::floodVotes(const BlockNode &block)
{
    // Only fresh blocks, once each: the attack is against the votes that are
    // about to be cast for them.
    if (block.slot + 1 < m_params.slotAt(m_now) || !block.parent || !m_flooded.insert(block.hash).second)
        return;
    SimNode &n = m_nodes[static_cast<std::size_t>(m_flooder)];
    if (!n.node)
        return;
    const crypto::KeyPair &key = cachedKey(n.keySeed);
    auto fake = [&](std::uint64_t i) {
        codec::Writer w;
        w.fixed(block.hash);
        w.u64(i);
        return crypto::hash("gtx/sim-flood/v1", w.data());
    };
    ++m_result.adversaryActions;
    // Poison: the block named with a wrong slot, from its parent.
    LinkVote poison{block.parent->checkpoint(), {block.slot + 1 + m_rng.below(3), block.hash}, {}, {}};
    signLinkVote(poison, key);
    n.outbox->broadcast(encodeMessage(poison));
    // Flood: now and then, more votes for the block than the old per-target
    // table held, each from a different made-up source.
    if (m_rng.below(8) == 0) {
        for (std::uint64_t i = 0; i < 260; ++i) {
            LinkVote v{{m_rng.below(std::max<std::uint64_t>(block.slot, 1)), fake(i)}, block.checkpoint(), {}, {}};
            signLinkVote(v, key);
            n.outbox->broadcast(encodeMessage(v));
        }
    }
}

void Simulation::byzantineHalt()
{
    if (m_emergencyAdversary < 0 || !alive(m_emergencyAdversary))
        return;
    SimNode &n = m_nodes[static_cast<std::size_t>(m_emergencyAdversary)];
    std::size_t a = 0;
    while (a < m_authorityNode.size() && m_authorityNode[a] != m_emergencyAdversary)
        ++a;
    if (a == m_authorityNode.size())
        return;
    const crypto::KeyPair &key = cachedKey(n.keySeed);
    const crypto::KeyPair &op1 = cachedKey(m_operatorSeeds[a][0]);
    const crypto::KeyPair &op2 = cachedKey(m_operatorSeeds[a][1]);
    auto makeBlock = [&](std::uint64_t sequence, GridZone zone) {
        EmergencyOrder order;
        order.zones = {zone};
        order.reason = "sim: byzantine halt";
        const Transaction tx = makeEmergencyOrder(TransactionKind::EmergencyHalt, m_params.networkId,
                                                  m_nonces[key.publicKey()]++, m_now,
                                                  order, key, {&op1, &op2});
        return makeEmergencyBlock(tx, sequence, m_params.slotAt(m_now), m_params.networkId, m_now, key);
    };
    // A sequence number far past any it used: honest authorities vote in
    // order, so this block can never be certified.
    m_skippedSequence = std::max(m_skippedSequence, n.node->signerRecord().emergencyProposedSeq) + 5;
    const GridZone zone{static_cast<std::uint16_t>(1 + m_rng.below(6))};
    const EmergencyBlock a1 = makeBlock(m_skippedSequence, GridZone{kNationwideZoneId});
    const EmergencyBlock a2 = makeBlock(m_skippedSequence, zone);
    // To one random half of its peers the one, to the other half the other,
    // each with its own vote: conflicting emergency votes for one sequence.
    Vote v1 = emergencyVoteFor(a1, static_cast<std::uint32_t>(a));
    Vote v2 = emergencyVoteFor(a2, static_cast<std::uint32_t>(a));
    signVote(v1, key);
    signVote(v2, key);
    // Split the honest authorities in two (and the other peers at random),
    // so that every honest authority holds one of the two halts.
    std::vector<PeerId> authorities;
    std::vector<PeerId> others;
    for (PeerId p : peersOf(m_emergencyAdversary))
        (m_nodes[p].authority ? authorities : others).push_back(p);
    std::shuffle(authorities.begin(), authorities.end(), m_rng.engine());
    std::shuffle(others.begin(), others.end(), m_rng.engine());
    std::vector<PeerId> first(authorities.begin(), authorities.begin() + static_cast<std::ptrdiff_t>(authorities.size() / 2));
    std::vector<PeerId> second(authorities.begin() + static_cast<std::ptrdiff_t>(authorities.size() / 2), authorities.end());
    for (std::size_t i = 0; i < others.size(); ++i)
        (i % 2 == 0 ? first : second).push_back(others[i]);
    ++m_result.adversaryActions;
    transmit(m_emergencyAdversary, first, encodeMessage(a1));
    transmit(m_emergencyAdversary, first, encodeMessage(v1));
    transmit(m_emergencyAdversary, second, encodeMessage(a2));
    transmit(m_emergencyAdversary, second, encodeMessage(v2));
    trace("byzantine-emergency: " + n.name + " sends uncertifiable halts #" + std::to_string(m_skippedSequence)
          + " (nationwide to one half of its peers, zone " + gridZoneCode(zone) + " to the other)");
}

void Simulation::poisonEmergencyVotes(const Bytes &message)
{
    // An honest authority's emergency block reached the adversary: it tells
    // everyone it votes for the block, with the wrong slot.
    auto decoded = decodeMessage(message);
    if (!decoded || !std::holds_alternative<EmergencyBlock>(*decoded))
        return;
    const EmergencyBlock &block = std::get<EmergencyBlock>(*decoded);
    SimNode &n = m_nodes[static_cast<std::size_t>(m_emergencyAdversary)];
    if (block.header.proposer == n.key)
        return;
    const std::size_t proposer = authorityIndex(m_genesis->authorities, block.header.proposer);
    Vote poison = emergencyVoteFor(block, static_cast<std::uint32_t>(proposer));
    poison.slot += 1 + m_rng.below(4);
    signVote(poison, cachedKey(n.keySeed));
    ++m_result.adversaryActions;
    transmit(m_emergencyAdversary, peersOf(m_emergencyAdversary), encodeMessage(poison), true);
}

// --- invariants as the nodes report ---------------------------------------------------

void Simulation::violation(ViolationKind kind, const std::string &what)
{
    m_result.kinds.insert(kind);
    if (m_violationSet.insert(what).second) {
        m_result.violations.push_back(fmtTime(m_now, m_params) + " " + what);
        trace("VIOLATION: " + what);
    }
}

std::string Simulation::nameOf(const PublicKey &key) const
{
    for (const auto &n : m_nodes)
        if (n.key == key)
            return n.name;
    return key.shortHex();
}

void Simulation::blockAccepted(int node, const BlockNode &block)
{
    if (node == m_flooder)
        floodVotes(block);
    if (honest(node) && m_invalidBlocks.count(block.hash))
        violation(ViolationKind::InvalidBlockAccepted, "honest node " + m_nodes[static_cast<std::size_t>(node)].name + " accepted invalid block "
                  + block.hash.shortHex());
}

void Simulation::finalized(int node, FinalityLevel level, const BlockNode &block)
{
    if (!honest(node))
        return;
    const SimNode &n = m_nodes[static_cast<std::size_t>(node)];
    auto &byHeight = m_final[static_cast<std::size_t>(level)];
    const auto [it, inserted] = byHeight.try_emplace(block.height, block.hash, node);
    if (!inserted && it->second.first != block.hash)
        violation(ViolationKind::ConflictingFinality, "conflicting " + std::string(toString(level)) + "-final blocks at height "
                  + std::to_string(block.height) + ": " + it->second.first.shortHex() + " on "
                  + m_nodes[static_cast<std::size_t>(it->second.second)].name + ", " + block.hash.shortHex()
                  + " on " + n.name);
    const double slots = static_cast<double>(m_now - m_params.slotStartMs(block.slot))
        / static_cast<double>(m_params.slotMs);
    const std::uint64_t healSlot = m_params.slotAt(m_lastDisruption);
    SimNode &mutableNode = m_nodes[static_cast<std::size_t>(node)];
    auto advanced = [&](std::vector<std::int64_t> &times) {
        if (times.empty() || times.back() != m_now)
            times.push_back(m_now);
    };
    if (level == FinalityLevel::Fast)
        advanced(mutableNode.fastAdvances);
    else if (level == FinalityLevel::Full)
        advanced(mutableNode.fullAdvances);
    if (level == FinalityLevel::Fast) {
        if (!block.loadedFinal)
            m_result.fastLatencySlots.push_back(slots);
        if (block.slot > healSlot && mutableNode.firstFastAfterHeal < 0)
            mutableNode.firstFastAfterHeal = m_now;
    } else if (level == FinalityLevel::Full) {
        if (!block.loadedFinal)
            m_result.fullLatencySlots.push_back(slots);
        if (block.slot > healSlot && mutableNode.firstFullAfterHeal < 0)
            mutableNode.firstFullAfterHeal = m_now;
    }
}

void Simulation::instantFinal(int node, const EmergencyRecord &record)
{
    if (!honest(node))
        return;
    const Hash256 id = emergencyBlockId(record.block);
    const auto key = std::make_pair(record.block.header.proposer, record.block.header.height);
    const auto [it, inserted] = m_instant.try_emplace(key, id, node);
    if (!inserted && it->second.first != id)
        violation(ViolationKind::ConflictingInstant, "conflicting Instant-final emergency blocks #" + std::to_string(key.second) + " of "
                  + nameOf(key.first) + ": " + it->second.first.shortHex() + " and " + id.shortHex());
    m_orderBlock.try_emplace(transactionId(record.block.order), id);
    if (auto order = codec::decode<EmergencyOrder>(record.block.order.payload, "emergency order"))
        m_certifiedHalts.apply(record.block.order, *order);
    if (m_certifiedAt.try_emplace(id, m_now).second) {
        ++m_result.instantFinal;
        trace("emergency block " + id.shortHex() + " (" + std::string(toString(record.block.order.kind))
              + ") Instant-final");
    }
}

void Simulation::evidenceDetected(int node, const Evidence &evidence)
{
    const PublicKey who = offenderOf(evidence);
    if (m_honestKeys.count(who))
        violation(ViolationKind::HonestAccused, "honest node " + nameOf(who) + " accused of a " + std::string(toString(evidence.kind))
                  + " (evidence seen by " + m_nodes[static_cast<std::size_t>(node)].name + ")");
}

void Simulation::safetyAlarm(int node, const std::string &what)
{
    if (honest(node))
        violation(ViolationKind::SafetyAlarm, "node " + m_nodes[static_cast<std::size_t>(node)].name + ": " + what);
}

// --- workload ------------------------------------------------------------------------

int Simulation::randomAliveNode(bool honestOnly)
{
    std::vector<int> live;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (alive(static_cast<int>(i)) && (!honestOnly || honest(static_cast<int>(i))))
            live.push_back(static_cast<int>(i));
    return live.empty() ? -1 : live[m_rng.below(live.size())];
}

const crypto::KeyPair &Simulation::cachedKey(const KeySeed &seed)
{
    auto it = m_keyCache.find(seed);
    if (it == m_keyCache.end())
        it = m_keyCache.emplace(seed, keyFrom(seed)).first;
    return it->second;
}

Transaction Simulation::signedTx(TransactionKind kind, const KeySeed &sender, Bytes payload)
{
    const crypto::KeyPair &key = cachedKey(sender);
    Transaction tx;
    tx.kind = kind;
    tx.networkId = m_params.networkId;
    tx.nonce = m_nonces[key.publicKey()]++;
    tx.timestampMs = m_now;
    tx.payload = std::move(payload);
    signTransaction(tx, key);
    return tx;
}

void Simulation::submit(const Transaction &tx)
{
    const int node = randomAliveNode(false);
    if (node < 0)
        return;
    (void)m_nodes[static_cast<std::size_t>(node)].node->submitTransaction(tx, localTime(node, m_now));
    scheduleTick(node);
}

int Simulation::submitToAll(const Transaction &tx)
{
    int took = 0;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (!alive(static_cast<int>(i)))
            continue;
        took += m_nodes[i].node->submitTransaction(tx, localTime(static_cast<int>(i), m_now)).ok();
        scheduleTick(static_cast<int>(i));
    }
    return took;
}

void Simulation::sybilBonds()
{
    // First the old attack: bonds that declare a large stake and near 2^63 Wh
    // of verified energy (the payload bonds used to carry). Then real bonds
    // of each key's minimum, all in one zone.
    for (const auto &seed : m_sybilSeeds) {
        ValidatorCandidate claim;
        claim.publicKey = cachedKey(seed).publicKey();
        claim.stakeAmount = gtToMicro(1'000);
        claim.energyCredentials.verifiedEnergyWh = (std::uint64_t{1} << 63) - 1;
        claim.geographicDistribution = zones::kPeaNortheast;
        Bytes declared = codec::encode(claim);
        declared.push_back(static_cast<std::uint8_t>(ValidatorRole::Energy));
        submit(signedTx(TransactionKind::Bond, seed, declared));
        const state::BondPayload bond{m_params.rotation.minStake, ValidatorRole::Stake, zones::kPeaNortheast};
        submit(signedTx(TransactionKind::Bond, seed, codec::encode(bond)));
        m_result.adversaryActions += 2;
    }
    trace("sybil-bond: " + std::to_string(m_sybilSeeds.size()) + " keys bond in zone PEA-NE");
}

void Simulation::laneSpam(std::uint64_t slot)
{
    for (int i = 0; i < Adversaries::kLaneSpamPerSlot; ++i) {
        // Valid and fee-paying: RANDAO reveals from funded keys.
        submit(signedTx(TransactionKind::RandaoReveal, m_spamSeeds[static_cast<std::size_t>(i) % m_spamSeeds.size()], {}));
        ++m_result.adversaryActions;
    }
    // And from unfunded keys: refused at the door.
    for (int i = 0; i < 4; ++i)
        submit(signedTx(TransactionKind::Delegate, deriveSeed(m_seed, "spam-unfunded", slot * 4 + static_cast<std::uint64_t>(i)),
                        codec::encode(state::DelegatePayload{cachedKey(m_spamSeeds[0]).publicKey(), 1})));
}

void Simulation::checkProposerShares(const std::vector<int> &honestLive)
{
    // Every epoch of every honest node's chain: the sybils' weight in the
    // proposer draw is at most what they could bond, and under a third.
    const std::uint64_t funds = gtToMicro(Adversaries::kSybilFundsGt);
    std::set<const EpochContext *> seen;
    for (int i : honestLive) {
        for (const BlockNode *b = m_nodes[static_cast<std::size_t>(i)].node->head(); b; b = b->parent) {
            const EpochContext *ctx = b->epoch.get();
            if (!seen.insert(ctx).second)
                continue;
            const ProposerTable &t = ctx->proposers;
            std::uint64_t sybil = 0;
            for (std::size_t k = 0; k < t.keys.size(); ++k)
                if (m_sybilKeys.count(t.keys[k]))
                    sybil += t.cumulative[k] - (k == 0 ? 0 : t.cumulative[k - 1]);
            if (sybil > 0 && i == honestLive.front())
                ++m_result.sybilEpochs;
            if (sybil > funds || static_cast<Uint128>(sybil) * 3 > t.total)
                violation(ViolationKind::ProposerCapture,
                          "sybil validators hold " + std::to_string(sybil / kMicroGtPerGt) + " GT of weight of "
                              + std::to_string(t.total / kMicroGtPerGt) + " in epoch " + std::to_string(ctx->epoch)
                              + " on " + m_nodes[static_cast<std::size_t>(i)].name + " (they bonded at most "
                              + std::to_string(Adversaries::kSybilFundsGt) + ")");
        }
    }
}

void Simulation::checkAuthorityTransactions(const std::vector<int> &honestLive)
{
    const std::uint64_t endSlot = m_params.slotAt(m_end);
    for (int i : honestLive) {
        std::set<Hash256> onChain;
        for (const BlockNode *b = m_nodes[static_cast<std::size_t>(i)].node->finalizedTip(FinalityLevel::Fast); b;
             b = b->parent)
            for (const auto &tx : b->block->transactions)
                if (tx.kind == TransactionKind::RegulatoryEnforcement)
                    onChain.insert(transactionId(tx));
        for (const auto &[id, slot] : m_authorityTxs)
            if (slot + m_scenario.settleSlots > endSlot)
                continue;
            else if (onChain.count(id))
                ++m_result.authorityTxsChecked;
            else
                violation(ViolationKind::AuthorityLaneStarved,
                          "the regulator's order given at slot " + std::to_string(slot) + " is not final on "
                              + m_nodes[static_cast<std::size_t>(i)].name);
    }
}

void Simulation::clientSlot(std::uint64_t slot)
{
    for (int i = 0; i < m_scenario.transactionsPerSlot; ++i)
        clientTrade();
    if (slot % 4 == 0 && !m_meters.empty()) {
        // One meter's reading of the interval that last ended, in a batch
        // its zone's grid operator witnesses and sends.
        SimMeter &m = m_meters[m_rng.below(m_meters.size())];
        const std::int64_t end = m_now / energy::kIntervalMs * energy::kIntervalMs;
        const energy::ZoneModel *zone = energy::defaultGridModel().zone(m.record.zone);
        const auto witness = static_cast<std::size_t>(zone->gridOperator);   // authority i has type i % 5
        if (end > m.lastIntervalEndMs && witness < m_authoritySeeds.size()) {
            energy::MeterReading r;
            r.meterId = m.record.id;
            r.timestampMs = end;
            r.importWh = m_rng.below(2000);
            r.exportWh = m_rng.below(2000);
            m.importRegisterWh += r.importWh;
            m.exportRegisterWh += r.exportWh;
            r.importRegisterWh = m.importRegisterWh;
            r.exportRegisterWh = m.exportRegisterWh;
            r.location = m.record.location;
            energy::signReading(r, m_params.networkId, cachedKey(m.key));
            m.lastIntervalEndMs = end;
            energy::ReadingBatch batch;
            batch.zone = m.record.zone;
            batch.readings = {r};
            energy::witnessBatch(batch, m_params.networkId, cachedKey(m_authoritySeeds[witness]));
            submit(signedTx(TransactionKind::MeterReading, m_authoritySeeds[witness], codec::encode(batch)));
            SentEnergy &sent = m_sentEnergy[end][{m.owner, m.record.zone.id}];
            sent.exportWh += r.exportWh;
            sent.importWh += r.importWh;
        }
    }
    if (slot % 5 == 0) {
        const std::size_t a = m_rng.below(m_authoritySeeds.size());
        const Transaction order = signedTx(TransactionKind::RegulatoryEnforcement, m_authoritySeeds[a],
                                           toBytes("sim: tariff order"));
        if (m_scenario.adversaries.laneSpam) {
            // Given to every node, so a crash cannot lose it: under lane
            // spam it must still become final. (Not when every node is
            // down: then no one could take it, as an operator would see.)
            if (submitToAll(order) > 0 && !m_authorityByzantine[a])
                m_authorityTxs.emplace(transactionId(order), slot);
        } else {
            submit(order);
        }
    }
    if (m_scenario.adversaries.sybilBond && slot == 2)
        sybilBonds();
    if (m_scenario.adversaries.laneSpam && slot >= 2 && m_params.slotStartMs(slot) < m_end)
        laneSpam(slot);
    if (slot % 24 == 0 && m_clientSeeds.size() >= 2) {
        // A market rule put to the vote, and the clients' and authorities'
        // votes on it, so every node executes governance too.
        state::ProposalPayload rule;
        rule.type = ProposalType::MarketRule;
        rule.title = "sim: market rule";
        rule.text = "sim: a rule for slot " + std::to_string(slot);
        rule.deposit = m_params.staking.proposalDeposit;
        const Transaction tx = signedTx(TransactionKind::GovernanceProposal, m_clientSeeds[1], codec::encode(rule));
        m_lastProposal = transactionId(tx);
        submit(tx);
    } else if (slot % 24 < 12 && !m_lastProposal.isZero()) {
        const bool byAuthority = slot % 2 == 0 && !m_authoritySeeds.empty();
        const KeySeed &voter = byAuthority ? m_authoritySeeds[m_rng.below(m_authoritySeeds.size())]
                                           : m_clientSeeds[m_rng.below(m_clientSeeds.size())];
        const state::GovernanceVotePayload vote{m_lastProposal, static_cast<state::VoteChoice>(m_rng.below(3)),
                                                m_rng.below(2) ? state::kWholeBalance : gtToMicro(m_rng.below(100))};
        submit(signedTx(TransactionKind::GovernanceVote, voter, codec::encode(vote)));
    }
    if (slot % 3 == 0 && m_clientSeeds.size() >= 2) {
        // GT moves between clients, so every node's execution is exercised.
        const std::size_t from = m_rng.below(m_clientSeeds.size());
        const std::size_t to = (from + 1 + m_rng.below(m_clientSeeds.size() - 1)) % m_clientSeeds.size();
        const state::TransferPayload transfer{cachedKey(m_clientSeeds[to]).publicKey(), gtToMicro(1 + m_rng.below(50))};
        submit(signedTx(TransactionKind::Transfer, m_clientSeeds[from], codec::encode(transfer)));
    }
}

void Simulation::clientTrade()
{
    // Of the latest interval whose readings have had a minute to reach a
    // block: a client that metered export sells part of what it has not
    // yet sold to another that metered import.
    auto latest = m_sentEnergy.end();
    for (auto it = m_sentEnergy.begin(); it != m_sentEnergy.end(); ++it)
        if (it->first + 60'000 <= m_now)
            latest = it;
    if (latest == m_sentEnergy.end())
        return;
    m_sentEnergy.erase(m_sentEnergy.begin(), latest);   // older intervals are not traded again
    auto &positions = latest->second;
    std::vector<std::pair<std::size_t, std::uint16_t>> sellers;
    std::vector<std::pair<std::size_t, std::uint16_t>> buyers;
    for (const auto &[who, p] : positions) {
        if (p.exportWh > p.soldWh)
            sellers.push_back(who);
        if (p.importWh > p.boughtWh)
            buyers.push_back(who);
    }
    if (sellers.empty() || buyers.empty())
        return;
    const auto sellerAt = sellers[m_rng.below(sellers.size())];
    const auto buyerAt = buyers[m_rng.below(buyers.size())];
    if (sellerAt.first == buyerAt.first)
        return;   // a client does not trade with itself
    SentEnergy &seller = positions[sellerAt];
    SentEnergy &buyer = positions[buyerAt];
    energy::EnergyTrade trade;
    trade.seller = cachedKey(m_clientSeeds[sellerAt.first]).publicKey();
    trade.buyer = cachedKey(m_clientSeeds[buyerAt.first]).publicKey();
    trade.sellerZone = GridZone{sellerAt.second};
    trade.buyerZone = GridZone{buyerAt.second};
    trade.intervalEndMs = latest->first;
    const std::uint64_t room = std::min(seller.exportWh - seller.soldWh, buyer.importWh - buyer.boughtWh);
    trade.energyWh = 1 + m_rng.below(room);
    trade.priceMicroGtPerKWh = 2'000'000 + m_rng.below(3'000'000);
    trade.offerNonce = ++m_offerNonce;
    energy::signTradeOffer(trade, m_params.networkId, cachedKey(m_clientSeeds[sellerAt.first]));
    seller.soldWh += trade.energyWh;
    buyer.boughtWh += trade.energyWh;
    submit(signedTx(TransactionKind::EnergyTrade, m_clientSeeds[buyerAt.first], codec::encode(trade)));
}

void Simulation::emergency(bool halt)
{
    // An honest authority that is up; for a halt, one that may halt a zone alone.
    std::vector<std::size_t> eligible;
    for (std::size_t a = 0; a < m_genesis->authorities.size(); ++a) {
        const int node = m_authorityNode[a];
        if (m_authorityByzantine[a] || node < 0 || !alive(node))
            continue;
        const AuthorityMember &m = m_genesis->authorities[a];
        if (halt && !m.nationwide && m.servedZones.empty())
            continue;
        eligible.push_back(a);
    }
    if (eligible.empty() || (!halt && m_halts.empty()))
        return;
    const std::size_t a = eligible[m_rng.below(eligible.size())];
    const AuthorityMember &m = m_genesis->authorities[a];
    EmergencyOrder order;
    if (halt) {
        order.zones = {m.nationwide ? GridZone{static_cast<std::uint16_t>(1 + m_rng.below(6))}
                                    : m.servedZones[m_rng.below(m.servedZones.size())]};
        order.reason = "sim: line trip";
    } else {
        order.lifts = m_halts;
        order.reason = "sim: line restored";
    }
    const crypto::KeyPair authorityKey = keyFrom(m_authoritySeeds[a]);
    const crypto::KeyPair op1 = keyFrom(m_operatorSeeds[a][0]);
    const crypto::KeyPair op2 = keyFrom(m_operatorSeeds[a][1]);
    const Transaction tx = makeEmergencyOrder(halt ? TransactionKind::EmergencyHalt : TransactionKind::EmergencyResume,
                                              m_params.networkId, m_nonces[authorityKey.publicKey()]++, m_now, order, authorityKey,
                                              {&op1, &op2});
    const int node = m_authorityNode[a];
    auto submitted = m_nodes[static_cast<std::size_t>(node)].node->submitEmergencyOrder(tx, localTime(node, m_now));
    scheduleTick(node);
    if (!submitted) {
        violation(ViolationKind::Setup, "emergency order refused by " + m_nodes[static_cast<std::size_t>(node)].name + ": "
                  + submitted.error().message);
        return;
    }
    if (halt)
        m_halts.push_back(transactionId(tx));
    // Owed certification only while the honest authorities up can form the
    // quorum (with one Byzantine authority that withholds, one honest
    // authority down already stops it).
    std::size_t honestUp = 0;
    for (std::size_t i = 0; i < m_genesis->authorities.size(); ++i)
        honestUp += !m_authorityByzantine[i] && m_authorityNode[i] >= 0 && alive(m_authorityNode[i]) ? 1 : 0;
    if (honestUp >= m_params.authorityQuorum(m_genesis->authorities.size()))
        m_honestOrders.emplace(transactionId(tx), std::make_pair(m_now, node));
    trace(std::string(halt ? "halt of zone " + gridZoneCode(order.zones.front()) : std::string("resume"))
          + " ordered by " + m_nodes[static_cast<std::size_t>(node)].name);
}

// --- the event loop -------------------------------------------------------------------

void Simulation::dispatch(const Event &e)
{
    switch (e.type) {
    case EventType::Deliver: {
        if (!alive(e.node))
            return;
        SimNode &n = m_nodes[static_cast<std::size_t>(e.node)];
        ++m_result.messages;
        if (e.node == m_emergencyAdversary)
            poisonEmergencyVotes(*e.bytes);
        n.node->onMessage(static_cast<PeerId>(e.from), *e.bytes, localTime(e.node, m_now));
        scheduleTick(e.node);
        break;
    }
    case EventType::Tick: {
        SimNode &n = m_nodes[static_cast<std::size_t>(e.node)];
        if (!n.node || e.generation != n.tickGeneration)
            return;
        n.tickTime = -1;
        n.node->onTick(localTime(e.node, m_now));
        scheduleTick(e.node);
        break;
    }
    case EventType::Crash: {
        SimNode &n = m_nodes[static_cast<std::size_t>(e.node)];
        if (!n.node)
            return;
        n.node.reset();
        if (n.durable)
            n.store.reset();   // the ledger is closed; its files stay
        n.byzantineSeen.clear();
        ++n.tickGeneration;
        trace("crash " + n.name + (n.durable ? " (ledger-backed)" : ""));
        break;
    }
    case EventType::Restart: {
        SimNode &n = m_nodes[static_cast<std::size_t>(e.node)];
        if (n.node)
            return;
        ++m_result.restarts;
        trace("restart " + n.name);
        (void)startNode(e.node);
        break;
    }
    case EventType::Partition: {
        const auto &sides = m_partitionPlans.at(e.node);
        std::string a;
        std::string b;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            m_nodes[i].partitionSide = sides[i];
            (sides[i] == 0 ? a : b) += (sides[i] == 0 ? a : b).empty() ? m_nodes[i].name : "," + m_nodes[i].name;
        }
        m_partitioned = true;
        trace("partition {" + a + "} | {" + b + "}");
        break;
    }
    case EventType::Heal:
        m_partitioned = false;
        trace("heal");
        break;
    case EventType::Client: {
        const std::uint64_t slot = m_params.slotAt(m_now);
        clientSlot(slot);
        Event next;
        next.type = EventType::Client;
        next.time = m_params.slotStartMs(slot + 1) + 1500;
        push(next);
        break;
    }
    case EventType::Halt:
        emergency(true);
        break;
    case EventType::ByzantineHalt:
        byzantineHalt();
        break;
    case EventType::Resume:
        emergency(false);
        break;
    case EventType::Bond: {
        state::BondPayload bond;
        bond.amount = gtToMicro(20'000);
        bond.zone = GridZone{static_cast<std::uint16_t>(1 + m_rng.below(6))};
        bond.role = ValidatorRole::Stake;
        submit(signedTx(TransactionKind::Bond, m_standbySeed, codec::encode(bond)));
        trace("S+ bonds 20000 GT");
        break;
    }
    case EventType::Unbond: {
        std::vector<std::size_t> stakers;
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            if (!m_nodes[i].authority && !m_nodes[i].byzantine && m_nodes[i].name != "S+" && m_nodes[i].name[0] == 'S')
                stakers.push_back(i);
        if (stakers.empty())
            break;
        const SimNode &n = m_nodes[stakers[m_rng.below(stakers.size())]];
        const PublicKey key = keyFrom(n.keySeed).publicKey();
        // Its whole self-bond, as the chain has it now (a node's head is enough:
        // a stale figure makes the unbond fail, as it would for a user).
        std::uint64_t selfBond = 0;
        for (const auto &sim : m_nodes)
            if (sim.node)
                if (auto v = sim.node->head()->state.executed.validator(key))
                    selfBond = std::max(selfBond, v->selfBond);
        if (selfBond == 0)
            break;
        submit(signedTx(TransactionKind::Unbond, n.keySeed, codec::encode(state::UnbondPayload{key, selfBond})));
        trace(n.name + " unbonds");
        break;
    }
    }
}

RunResult Simulation::run()
{
    auto params = m_params.validate();
    if (!params) {
        m_result.violations.push_back("scenario: " + params.error().message);
        m_result.kinds.insert(ViolationKind::Setup);
        return m_result;
    }
    m_now = m_params.genesisTimeMs;
    setup();
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (!startNode(static_cast<int>(i)))
            return m_result;
    while (!m_queue.empty()) {
        if (m_queue.top().time > m_end)
            break;
        Event e = m_queue.top();
        m_queue.pop();
        m_now = e.time;
        ++m_result.events;
        dispatch(e);
    }
    m_now = m_end;
    finish();
    return m_result;
}

// --- invariants at the end of the run ------------------------------------------------

void Simulation::finish()
{
    m_result.slotsRun = m_params.slotAt(m_end);
    std::vector<int> honestLive;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (alive(static_cast<int>(i)) && honest(static_cast<int>(i)))
            honestLive.push_back(static_cast<int>(i));
    if (honestLive.empty())
        return;

    {
        std::string line = "end: Fast/Full tip slots";
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            if (!alive(static_cast<int>(i)))
                continue;
            const ConsensusNode &node = *m_nodes[i].node;
            line += " " + m_nodes[i].name + "=" + std::to_string(node.finalizedTip(FinalityLevel::Fast)->slot) + "/"
                + std::to_string(node.finalizedTip(FinalityLevel::Full)->slot);
            if (node.counters().blocksRejected != 0)
                line += "(rejected " + std::to_string(node.counters().blocksRejected) + ")";
        }
        trace(line);
    }

    // Finalized chains agree: every honest node's Fast chain is a prefix of
    // the longest one, so every finalized transaction is on every node that
    // has caught up to its height.
    int reference = honestLive.front();
    for (int i : honestLive)
        if (m_nodes[static_cast<std::size_t>(i)].node->finalizedTip(FinalityLevel::Fast)->height
            > m_nodes[static_cast<std::size_t>(reference)].node->finalizedTip(FinalityLevel::Fast)->height)
            reference = i;
    const BlockNode *refTip = m_nodes[static_cast<std::size_t>(reference)].node->finalizedTip(FinalityLevel::Fast);
    std::vector<Hash256> refChain(refTip->height + 1);
    for (const BlockNode *b = refTip; b; b = b->parent)
        refChain[b->height] = b->hash;
    m_result.fastHeight = refTip->height;
    m_result.economicHeight = UINT64_MAX;
    for (int i : honestLive) {
        const ConsensusNode &node = *m_nodes[static_cast<std::size_t>(i)].node;
        const BlockNode *tip = node.finalizedTip(FinalityLevel::Fast);
        m_result.fastHeight = std::min(m_result.fastHeight, tip->height);
        m_result.economicHeight = std::min(m_result.economicHeight, node.finalizedTip(FinalityLevel::Economic)->height);
        if (refChain[tip->height] != tip->hash)
            violation(ViolationKind::DivergentChains, "finalized chains of " + m_nodes[static_cast<std::size_t>(i)].name + " and "
                      + m_nodes[static_cast<std::size_t>(reference)].name + " diverge at height "
                      + std::to_string(tip->height));
    }

    // Every observed equivocation is evidence on every honest node's finalized chain.
    const std::int64_t settle = static_cast<std::int64_t>(m_scenario.settleSlots * m_params.slotMs);
    m_result.equivocations = m_equivocations.size();
    // The offences on each honest node's finalized chain (the chain state
    // keeps only those still within the evidence window).
    std::map<int, std::set<Hash256>> onChainOffences;
    for (int i : honestLive) {
        auto &keys = onChainOffences[i];
        for (const BlockNode *b = m_nodes[static_cast<std::size_t>(i)].node->finalizedTip(FinalityLevel::Fast); b;
             b = b->parent)
            for (const auto &e : b->block->evidence)
                keys.insert(offenceKey(e));
    }
    for (const auto &[key, eq] : m_equivocations) {
        // When an honest node had checked both messages of the offence.
        std::int64_t observedAt = -1;
        for (int i : honestLive) {
            const auto &seen = m_nodes[static_cast<std::size_t>(i)].byzantineSeen;
            for (const auto &[a, b] : eq.pairs) {
                const auto ta = seen.find(a);
                const auto tb = seen.find(b);
                if (ta == seen.end() || tb == seen.end())
                    continue;
                const std::int64_t t = std::max(ta->second, tb->second);
                observedAt = observedAt < 0 ? t : std::min(observedAt, t);
            }
        }
        if (observedAt < 0)
            continue;
        ++m_result.equivocationsObserved;
        if (observedAt > m_end - settle)
            continue;
        for (int i : honestLive) {
            const BlockNode *tip = m_nodes[static_cast<std::size_t>(i)].node->finalizedTip(FinalityLevel::Fast);
            bool onChain = onChainOffences[i].count(key) > 0;
            if (!onChain && eq.kind == OffenceKind::SurroundLinkVote) {
                // A surround vote may be proven by another pair of the offender's votes.
                for (const BlockNode *b = tip; b && !onChain; b = b->parent)
                    for (const auto &e : b->block->evidence)
                        onChain = onChain || offenderOf(e) == eq.offender;
            }
            if (!onChain)
                violation(ViolationKind::EvidenceMissing, "the " + std::string(toString(eq.kind)) + " by " + nameOf(eq.offender) + " seen at "
                          + fmtTime(observedAt, m_params) + " is not evidence on the finalized chain of "
                          + m_nodes[static_cast<std::size_t>(i)].name);
        }
    }
    m_result.offencesOnChain = onChainOffences.count(reference) ? onChainOffences[reference].size() : 0;
    // The clients' governance: proposals whose vote closed on the reference node's Fast-final chain.
    if (const BlockNode *tip = m_nodes[static_cast<std::size_t>(reference)].node->finalizedTip(FinalityLevel::Fast)) {
        const state::State &s = tip->state.executed;
        for (const auto &id : s.proposalIds())
            if (auto p = s.proposal(id); p && p->status != state::ProposalStatus::Voting)
                ++m_result.proposalsDecided;
    }

    // Every certified emergency order is on every honest node's finalized chain.
    for (const auto &[id, at] : m_certifiedAt) {
        if (at > m_end - settle)
            continue;
        for (int i : honestLive) {
            const BlockNode *tip = m_nodes[static_cast<std::size_t>(i)].node->finalizedTip(FinalityLevel::Fast);
            if (!tip->state.emergencyRecords->count(id))
                violation(ViolationKind::EmergencyMissing, "Instant-final emergency block " + id.shortHex() + " is not on the finalized chain of "
                          + m_nodes[static_cast<std::size_t>(i)].name);
        }
    }

    // Every honest authority's order is certified, and known as such on
    // every honest node (the quorum of honest authorities was up).
    for (const auto &[order, given] : m_honestOrders) {
        if (given.first > m_end - settle)
            continue;
        const auto block = m_orderBlock.find(order);
        if (block == m_orderBlock.end()) {
            violation(ViolationKind::EmergencyMissing,
                      "the emergency order given by " + m_nodes[static_cast<std::size_t>(given.second)].name + " at "
                          + fmtTime(given.first, m_params) + " was never Instant-final");
            continue;
        }
        for (int i : honestLive) {
            const ConsensusNode &node = *m_nodes[static_cast<std::size_t>(i)].node;
            if (!node.isInstantFinal(block->second) && !node.head()->state.emergencyRecords->count(block->second))
                violation(ViolationKind::EmergencyMissing, "the emergency order given by "
                              + m_nodes[static_cast<std::size_t>(given.second)].name + " at "
                              + fmtTime(given.first, m_params) + " is not Instant-final on "
                              + m_nodes[static_cast<std::size_t>(i)].name);
        }
    }

    if (m_scenario.adversaries.sybilBond)
        checkProposerShares(honestLive);
    if (m_scenario.adversaries.laneSpam)
        checkAuthorityTransactions(honestLive);

    // Only certified orders halt: no honest node stops trading in a zone
    // that the certified orders do not halt.
    for (int i : honestLive) {
        const HaltState &local = m_nodes[static_cast<std::size_t>(i)].node->localHalts();
        for (std::uint16_t z : local.haltedZones())
            if (!m_certifiedHalts.isHalted(GridZone{z}))
                violation(ViolationKind::UncertifiedHalt,
                          m_nodes[static_cast<std::size_t>(i)].name + " halts zone "
                              + (z == kNationwideZoneId ? std::string("nationwide") : gridZoneCode(GridZone{z}))
                              + " without a certified order");
    }

    // Rotation limits hold on the finalized chain.
    for (const BlockNode *b = refTip; b && b->parent; b = b->parent) {
        const EpochContext &now = *b->epoch;
        const EpochContext &before = *b->parent->epoch;
        if (now.epoch == before.epoch + 1
            && churnBetween(before.active, now.active) > churnBudget(before.active, m_params.rotation))
            violation(ViolationKind::ChurnLimit, "the active set changed by more than the churn limit entering epoch " + std::to_string(now.epoch));
    }

    // Liveness: with a quorum of honest authorities up after the last heal,
    // every honest node finalizes again within the bound.
    std::size_t honestAuthorities = 0;
    for (std::size_t a = 0; a < m_authorityByzantine.size(); ++a)
        honestAuthorities += m_authorityByzantine[a] ? 0 : 1;
    const bool authorityLive = honestAuthorities >= m_params.authorityQuorum(m_authorityByzantine.size());
    // Full finality is owed only while honest validators hold the stake
    // threshold in every epoch from the last heal on.
    bool stakeLive = true;
    const std::uint64_t healSlot = m_params.slotAt(m_lastDisruption);
    for (const BlockNode *b = refTip; b && b->slot >= healSlot; b = b->parent) {
        const ActiveSet &active = b->epoch->active;
        std::uint64_t honestStake = 0;
        for (const auto &v : active.members)
            honestStake += m_honestKeys.count(v.key) ? v.stake : 0;
        if (active.totalStake != 0
            && honestStake * kBasisPointsFull < active.totalStake * m_params.rules.stakeThresholdBps)
            stakeLive = false;
    }
    m_result.livenessRequired = authorityLive;
    if (!authorityLive)
        return;
    const std::int64_t deadline = m_lastDisruption
        + static_cast<std::int64_t>(m_scenario.livenessBoundSlots * m_params.slotMs);
    for (int i : honestLive) {
        const SimNode &n = m_nodes[static_cast<std::size_t>(i)];
        if (n.firstFastAfterHeal < 0 || n.firstFastAfterHeal > deadline)
            violation(ViolationKind::Liveness, "liveness: " + n.name + " did not reach Fast finality within "
                      + std::to_string(m_scenario.livenessBoundSlots) + " slots of the last heal");
        else if (stakeLive && (n.firstFullAfterHeal < 0 || n.firstFullAfterHeal > deadline))
            violation(ViolationKind::Liveness, "liveness: " + n.name + " did not reach Full finality within "
                      + std::to_string(m_scenario.livenessBoundSlots) + " slots of the last heal");
    }
    // And it keeps going: from the first finalization after the heal to the
    // end of the run, each head advances in every window of the bound.
    const std::int64_t window = static_cast<std::int64_t>(m_scenario.livenessBoundSlots * m_params.slotMs);
    auto longestStall = [&](const std::vector<std::int64_t> &times, std::int64_t from) {
        std::pair<std::int64_t, std::int64_t> worst{from, from};
        std::int64_t last = from;
        for (std::int64_t t : times) {
            if (t <= from)
                continue;
            if (t - last > worst.second - worst.first)
                worst = {last, t};
            last = t;
        }
        if (m_end - last > worst.second - worst.first)
            worst = {last, m_end};
        return worst;
    };
    for (int i : honestLive) {
        const SimNode &n = m_nodes[static_cast<std::size_t>(i)];
        const std::pair<const std::vector<std::int64_t> *, const char *> heads[] = {
            {&n.fastAdvances, "Fast"}, {&n.fullAdvances, "Full"}};
        for (const auto &[times, name] : heads) {
            if (std::string_view(name) == "Full" && !stakeLive)
                continue;
            const std::int64_t first = std::string_view(name) == "Fast" ? n.firstFastAfterHeal : n.firstFullAfterHeal;
            if (first < 0)
                continue;   // reported above
            const auto [from, to] = longestStall(*times, first);
            if (to - from > window)
                violation(ViolationKind::Liveness, "liveness: " + n.name + "'s " + name + " head stalled for "
                          + std::to_string((to - from) / static_cast<std::int64_t>(m_params.slotMs))
                          + " slots after the last heal (from " + fmtTime(from, m_params) + " to "
                          + fmtTime(to, m_params) + ")");
        }
    }
}

} // namespace

FaultMix FaultMix::none()
{
    FaultMix f;
    f.minLatencyMs = 20;
    f.maxLatencyMs = 100;
    f.tailPpm = 0;
    f.lossPpm = 0;
    f.duplicatePpm = 0;
    f.partitions = 0;
    f.crashes = 0;
    f.maxClockSkewMs = 0;
    f.maxDriftPpm = 0;
    f.equivocation = false;
    f.twins = false;
    f.doubleVotes = false;
    f.surroundVotes = false;
    f.withheldVotes = false;
    f.invalidBlocks = false;
    f.invalidEnergyData = false;
    f.emergencies = false;
    f.rotation = false;
    return f;
}

std::string_view toString(ViolationKind kind)
{
    switch (kind) {
    case ViolationKind::Setup:
        return "setup";
    case ViolationKind::ConflictingFinality:
        return "conflicting-finality";
    case ViolationKind::ConflictingInstant:
        return "conflicting-instant";
    case ViolationKind::DivergentChains:
        return "divergent-chains";
    case ViolationKind::HonestAccused:
        return "honest-accused";
    case ViolationKind::InvalidBlockAccepted:
        return "invalid-block-accepted";
    case ViolationKind::SafetyAlarm:
        return "safety-alarm";
    case ViolationKind::EvidenceMissing:
        return "evidence-missing";
    case ViolationKind::EmergencyMissing:
        return "emergency-missing";
    case ViolationKind::UncertifiedHalt:
        return "uncertified-halt";
    case ViolationKind::ChurnLimit:
        return "churn-limit";
    case ViolationKind::Liveness:
        return "liveness";
    case ViolationKind::ProposerCapture:
        return "proposer-capture";
    case ViolationKind::AuthorityLaneStarved:
        return "authority-lane-starved";
    }
    return "unknown";
}

const std::vector<std::string> &adversaryNames()
{
    static const std::vector<std::string> names{"sybil-bond", "vote-flood", "long-outage", "byzantine-emergency",
                                                "lane-spam", "late-votes", "network-restart"};
    return names;
}

Result<Adversaries> parseAdversaries(const std::string &spec)
{
    if (spec == "all")
        return Adversaries::all();
    Adversaries a;
    if (spec.empty() || spec == "none")
        return a;
    std::stringstream in(spec);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item == "vote-flood") {
            a.voteFlood = true;
        } else if (item == "byzantine-emergency") {
            a.byzantineEmergency = true;
        } else if (item == "long-outage") {
            a.longOutage = true;
        } else if (item == "sybil-bond") {
            a.sybilBond = true;
        } else if (item == "lane-spam") {
            a.laneSpam = true;
        } else if (item == "late-votes") {
            a.lateVotes = true;
        } else if (item == "network-restart") {
            a.networkRestart = true;
        } else {
            std::string known;
            for (const auto &name : adversaryNames())
                known += ", " + name;
            return makeError("sim.unknown_adversary", "unknown adversary '" + item + "' (known: all" + known + ")");
        }
    }
    return a;
}

RunResult runSimulation(const Scenario &scenario, std::uint64_t seed)
{
    Simulation sim(scenario, seed);
    return sim.run();
}

const std::vector<Mutation> &mutations()
{
    static const std::vector<Mutation> list{
        {"quorum-2", "a quorum of 2 of 5 authorities: partitions finalize on both sides",
         {ViolationKind::ConflictingFinality, ViolationKind::DivergentChains},
         [](Scenario &s) {
             s.weakenedQuorum = true;
             s.weakenedQuorumSize = 2;
         }},
        {"quorum-3-twins", "a quorum of 3 of 5 with one Twins authority voting on both sides",
         {ViolationKind::ConflictingFinality, ViolationKind::DivergentChains},
         [](Scenario &s) {
             s.weakenedQuorum = true;
             s.weakenedQuorumSize = 3;
             s.twinsAuthority = true;
             s.byzantineAuthorities = std::max(s.byzantineAuthorities, 1);
             s.faults.twins = true;
             s.faults.equivocation = true;
         }},
        {"no-exact-link", "Fast finality without the exact-link (2-chain) rule",
         {ViolationKind::ConflictingFinality, ViolationKind::DivergentChains, ViolationKind::SafetyAlarm},
         [](Scenario &s) {
             s.noExactLink = true;
             // An honest authority down, and the Byzantine one's late votes
             // completing every quorum (see Adversaries::lateVotes).
             s.adversaries.longOutage = true;
             s.adversaries.outageSlots = 60;
             s.adversaries.lateVotes = true;
             s.faults.twins = false;   // a Twins pair keeps its own profile
         }},
        {"no-consensus-log", "nodes restarted with the whole network do not take back their consensus log",
         {ViolationKind::Liveness},
         [](Scenario &s) {
             s.volatileConsensusLog = true;
             s.adversaries.networkRestart = true;
         }},
        {"no-double-sign-protection", "honest nodes forget what they signed when they restart",
         {ViolationKind::HonestAccused},
         [](Scenario &s) {
             s.volatileSignerRecord = true;
             s.faults.crashes = std::max(s.faults.crashes, 3);
         }},
    };
    return list;
}

const Mutation *findMutation(const std::string &name)
{
    for (const auto &m : mutations())
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace gtx::sim
