#pragma once

// Shared helpers for the consensus tests: deterministic keys, a five-authority
// genesis, block and vote builders, and a tiny in-process network that
// delivers every message at once (no simulator faults).

#include "core/consensus/chain.h"
#include "core/consensus/emergency.h"
#include "core/consensus/finality.h"
#include "core/consensus/node.h"
#include "core/consensus/verifier.h"
#include "core/crypto/sodium.h"
#include "core/energy/reading.h"
#include "core/energy/trade.h"
#include "core/sim/byzantine.h"
#include "core/ledger/ledger.h"

#include <QDir>
#include <QTemporaryDir>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace gtx::testing {

using namespace gtx::consensus;
using sim::ByzantineBehaviour;

// The hooks that give a test node `behaviour` (none when it is honest).
inline std::unique_ptr<sim::ByzantineHooks> hooksFor(const ByzantineBehaviour &behaviour, std::uint64_t seed)
{
    if (!behaviour.any() && !behaviour.volatileSignerRecord)
        return nullptr;
    return std::make_unique<sim::ByzantineHooks>(behaviour, seed, nullptr);
}

// A temporary directory under GTX_TEST_TMP (set by CTest), removed when destroyed.
inline std::unique_ptr<QTemporaryDir> makeTempDir(const char *prefix)
{
    const QString base = qEnvironmentVariable("GTX_TEST_TMP");
    if (base.isEmpty())
        return std::make_unique<QTemporaryDir>();
    QDir().mkpath(base);
    return std::make_unique<QTemporaryDir>(base + "/" + prefix + "-XXXXXX");
}

inline crypto::KeyPair copyKey(const crypto::KeyPair &key)
{
    return crypto::KeyPair::fromSecretKey(key.secretKey().view()).value();
}

inline crypto::KeyPair testKey(std::uint32_t index)
{
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < 4; ++i)
        seed[i] = static_cast<std::uint8_t>(index >> (8 * i));
    seed[31] = 0x5a;
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
}

// Keys: authorities 0..4 are testKey(1..5), their operators testKey(100 + 2a)
// and testKey(101 + 2a), validators testKey(200 + v), funded outsiders
// testKey(300..309).
struct TestNetwork
{
    ConsensusParams params;
    std::shared_ptr<ConsensusGenesis> genesis;
    std::vector<crypto::KeyPair> authorities;
    std::vector<std::array<crypto::KeyPair, 2>> operators;
    std::vector<crypto::KeyPair> validators;
};

// Five authorities (EGAT nationwide, MEA zone 2, PEA zones 3-6, NEPO, ERC)
// and one stake validator per entry of `stakesGt` (zone 1 + index % 6).
inline TestNetwork makeTestNetwork(const std::vector<std::uint64_t> &stakesGt = {},
                                   ConsensusParams params = ConsensusParams::simulation())
{
    TestNetwork n;
    n.params = params;
    auto genesis = std::make_shared<ConsensusGenesis>();
    for (std::uint32_t a = 0; a < 5; ++a) {
        n.authorities.push_back(testKey(1 + a));
        n.operators.push_back({testKey(100 + 2 * a), testKey(101 + 2 * a)});
        genesis->authorities.push_back(authorityMember(static_cast<AuthorityType>(a), n.authorities.back().publicKey(),
                                                       {n.operators.back()[0].publicKey(),
                                                        n.operators.back()[1].publicKey()}));
    }
    for (std::size_t v = 0; v < stakesGt.size(); ++v) {
        n.validators.push_back(testKey(200 + static_cast<std::uint32_t>(v)));
        Candidate c;
        c.info.publicKey = n.validators.back().publicKey();
        c.info.stakeAmount = gtToMicro(stakesGt[v]);
        c.info.geographicDistribution = GridZone{static_cast<std::uint16_t>(1 + v % 6)};
        c.info.uptimeHistoryPpm = 990'000;
        genesis->candidates.push_back(c);
    }
    genesis->seed = crypto::hash("gtx/test-seed/v1", asBytes("seed"));
    // Authorities and validators hold 1,000 GT each for fees; the outsiders
    // testKey(300..309) hold 100,000 GT each (joiners, delegators).
    for (std::uint32_t i = 0; i < 10; ++i)
        genesis->accounts.push_back({testKey(300 + i).publicKey(), gtToMicro(100'000)});
    for (const auto &k : n.authorities)
        genesis->accounts.push_back({k.publicKey(), gtToMicro(1'000)});
    for (const auto &k : n.validators)
        genesis->accounts.push_back({k.publicKey(), gtToMicro(1'000)});
    n.genesis = genesis;
    return n;
}

// Metered energy to trade. Each zone of the built-in grid model gets a
// prosumer meter owned by the seller testKey(50) and a consumer meter owned
// by the buyer testKey(51), at the zone's first grid node; the buyer holds
// 10,000 GT. kTradeSeller and kTradeBuyer name them.
constexpr std::uint32_t kTradeSeller = 50;
constexpr std::uint32_t kTradeBuyer = 51;

inline crypto::KeyPair tradeMeterKey(GridZone zone, bool seller)
{
    return testKey(400 + 2 * zone.id + (seller ? 0 : 1));
}

inline energy::MeterRecord tradeMeter(GridZone zone, bool seller)
{
    const energy::GridModel &model = energy::defaultGridModel();
    const energy::GridNodeModel *node = nullptr;
    for (const auto &n : model.nodes)
        if (n.zone == zone && !node)
            node = &n;
    energy::MeterRecord m;
    m.key = tradeMeterKey(zone, seller).publicKey();
    m.id = crypto::hash("gtx/test-meter/v1", m.key.view());
    m.owner = testKey(seller ? kTradeSeller : kTradeBuyer).publicKey();
    m.zone = zone;
    m.gridNode = node->id;
    m.location = node->location;
    m.ratedCapacityW = 20'000;
    m.registration = seller ? energy::MeterRegistration::Prosumer : energy::MeterRegistration::Consumer;
    return m;
}

inline TestNetwork withTradeMeters(TestNetwork n)
{
    for (const auto &z : energy::defaultGridModel().zones) {
        n.genesis->meters.push_back(tradeMeter(z.zone, true));
        n.genesis->meters.push_back(tradeMeter(z.zone, false));
    }
    n.genesis->accounts.push_back({testKey(kTradeBuyer).publicKey(), gtToMicro(10'000)});
    return n;
}

// The interval that ended last at or before timeMs.
inline std::int64_t lastIntervalEnd(std::int64_t timeMs)
{
    return timeMs / energy::kIntervalMs * energy::kIntervalMs;
}

// One witnessed batch per zone with the seller's export and the buyer's
// import of `wh` for the interval ending at intervalEndMs, each sent by the
// zone's grid operator (authority a has type a).
inline std::vector<Transaction> tradeReadings(const TestNetwork &n, std::int64_t intervalEndMs, std::uint64_t wh,
                                              std::int64_t timeMs)
{
    std::vector<Transaction> out;
    for (const auto &z : energy::defaultGridModel().zones) {
        energy::ReadingBatch batch;
        batch.zone = z.zone;
        for (bool seller : {true, false}) {
            const energy::MeterRecord m = tradeMeter(z.zone, seller);
            energy::MeterReading r;
            r.meterId = m.id;
            r.timestampMs = intervalEndMs;
            r.importWh = seller ? 0 : wh;
            r.exportWh = seller ? wh : 0;
            r.importRegisterWh = 1'000'000 + r.importWh;
            r.exportRegisterWh = 1'000'000 + r.exportWh;
            r.location = m.location;
            energy::signReading(r, n.params.networkId, tradeMeterKey(z.zone, seller));
            batch.readings.push_back(r);
        }
        const crypto::KeyPair &witness = n.authorities[static_cast<std::size_t>(z.gridOperator)];
        energy::witnessBatch(batch, n.params.networkId, witness);
        Transaction tx;
        tx.kind = TransactionKind::MeterReading;
        tx.networkId = n.params.networkId;
        tx.nonce = static_cast<std::uint64_t>(intervalEndMs) + z.zone.id;
        tx.timestampMs = timeMs;
        tx.payload = codec::encode(batch);
        signTransaction(tx, witness);
        out.push_back(tx);
    }
    return out;
}

// The buyer's transaction accepting the seller's offer of `wh` in `zone`
// for the interval ending at intervalEndMs.
inline Transaction tradeTx(const TestNetwork &n, GridZone zone, std::uint64_t nonce, std::int64_t intervalEndMs,
                           std::int64_t timeMs, std::uint64_t wh = 500, GridZone buyerZone = GridZone{0})
{
    energy::EnergyTrade t;
    t.seller = testKey(kTradeSeller).publicKey();
    t.buyer = testKey(kTradeBuyer).publicKey();
    t.sellerZone = zone;
    t.buyerZone = buyerZone.id == 0 ? zone : buyerZone;
    t.intervalEndMs = intervalEndMs;
    t.energyWh = wh;
    t.priceMicroGtPerKWh = 4'000'000;
    t.offerNonce = nonce;
    energy::signTradeOffer(t, n.params.networkId, testKey(kTradeSeller));
    Transaction tx;
    tx.kind = TransactionKind::EnergyTrade;
    tx.networkId = n.params.networkId;
    tx.nonce = nonce;
    tx.timestampMs = timeMs;
    tx.payload = codec::encode(t);
    signTransaction(tx, testKey(kTradeBuyer));
    return tx;
}

// Signs a regular block for `slot` on `parent` with the expected proposer's key
// (looked up among the network's keys) and the given records.
inline std::shared_ptr<const Block> makeBlock(const TestNetwork &n, BlockTree &tree, BlockNode *parent,
                                              std::uint64_t slot,
                                              std::vector<LinkVote> votes = {},
                                              std::vector<Vote> attestations = {},
                                              std::vector<Transaction> transactions = {})
{
    const PublicKey proposer = tree.expectedProposer(parent, slot);
    const crypto::KeyPair *key = nullptr;
    for (const auto &k : n.authorities)
        if (k.publicKey() == proposer)
            key = &k;
    for (const auto &k : n.validators)
        if (k.publicKey() == proposer)
            key = &k;
    auto b = std::make_shared<Block>();
    b->header = regularHeader(n.params, *parent, slot, *key);
    BlockHeader &h = b->header;
    b->linkVotes = std::move(votes);
    b->attestations = std::move(attestations);
    b->transactions = std::move(transactions);
    // The root the transactions produce (a failing one leaves the parent's
    // state for it, so the block is refused for that transaction).
    state::BlockExecution execution(parent->state.executed, tree.stateRules(),
                                    tree.blockContext(parent, slot, proposer));
    for (const auto &tx : b->transactions)
        (void)execution.apply(tx);
    h.stateRoot = std::move(execution).finish().state.root();
    h.txRoot = transactionsRoot(b->transactions);
    h.evidenceRoot = recordsRoot(*b);
    b->proposerSignature = signHeader(h, *key);
    return b;
}

inline LinkVote linkVote(const crypto::KeyPair &key, const BlockNode *source, const BlockNode *target)
{
    LinkVote v{source->checkpoint(), target->checkpoint(), {}, {}};
    signLinkVote(v, key);
    return v;
}

inline Vote attestation(const crypto::KeyPair &key, const BlockNode *target)
{
    Vote v;
    v.kind = VoteKind::StakeAttestation;
    v.height = target->height;
    v.slot = target->slot;
    v.blockHash = target->hash;
    signVote(v, key);
    return v;
}

// Nodes joined by instant, in-order delivery. Time moves in steps; each step
// ticks every node and then delivers until no message is left.
class LocalNet
{
public:
    explicit LocalNet(TestNetwork network) : net(std::move(network)), now(net.params.genesisTimeMs) {}
    // Outboxes point back at the network: it stays where it was made.
    LocalNet(const LocalNet &) = delete;
    LocalNet &operator=(const LocalNet &) = delete;

    // A node for every authority and validator of the test network.
    void addEveryone()
    {
        for (const auto &k : net.authorities)
            add(k);
        for (const auto &k : net.validators)
            add(k);
    }

    // Keeps the alarms a node raised.
    class AlarmObserver final : public NodeObserver
    {
    public:
        void onSafetyAlarm(const std::string &what) override { alarms.push_back(what); }
        std::vector<std::string> alarms;
    };

    struct Peer
    {
        std::unique_ptr<AlarmObserver> observer = std::make_unique<AlarmObserver>();
        std::unique_ptr<ConsensusStore> store;
        std::unique_ptr<ConsensusNode> node;
        std::unique_ptr<Outbox> outbox;
        crypto::KeyPair key;
        bool up = true;
    };

    class QueueOutbox final : public Outbox
    {
    public:
        QueueOutbox(LocalNet &net, PeerId self) : m_net(net), m_self(self) {}
        void broadcast(const Bytes &message) override { sendTo(peers(), message); }
        void sendTo(const std::vector<PeerId> &peers, const Bytes &message) override
        {
            for (PeerId p : peers)
                if (p != m_self)
                    m_net.queue.push_back({m_self, p, message});
        }
        std::vector<PeerId> peers() const override
        {
            std::vector<PeerId> out;
            for (PeerId p = 0; p < m_net.peers.size(); ++p)
                if (p != m_self)
                    out.push_back(p);
            return out;
        }

    private:
        LocalNet &m_net;
        PeerId m_self;
    };

    // Adds a node with `key`; `store` may be null (a memory store is made).
    PeerId add(const crypto::KeyPair &key, std::unique_ptr<ConsensusStore> store = nullptr,
               ByzantineBehaviour behaviour = {})
    {
        const auto id = static_cast<PeerId>(peers.size());
        Peer p;
        p.store = store ? std::move(store) : std::make_unique<MemoryConsensusStore>();
        p.outbox = std::make_unique<QueueOutbox>(*this, id);
        p.key = copyKey(key);
        peers.push_back(std::move(p));
        behaviours.push_back(behaviour);
        start(id);
        return id;
    }

    void start(PeerId id)
    {
        Peer &p = peers[id];
        ConsensusNode::Setup setup;
        setup.params = net.params;
        setup.genesis = net.genesis;
        setup.store = p.store.get();
        setup.outbox = p.outbox.get();
        setup.verifier = &verifier;
        setup.observer = p.observer.get();
        hooks.resize(peers.size());
        hooks[id] = hooksFor(behaviours[id], id);
        setup.hooks = hooks[id].get();
        auto started = ConsensusNode::start(setup, copyKey(p.key));
        p.node = started ? std::move(*started) : nullptr;
        p.up = p.node != nullptr;
    }

    void crash(PeerId id)
    {
        peers[id].node.reset();
        peers[id].up = false;
    }

    void step(std::int64_t ms)
    {
        now += ms;
        for (auto &p : peers)
            if (p.up)
                p.node->onTick(now);
        deliver();
    }

    void deliver()
    {
        while (!queue.empty()) {
            Message m = std::move(queue.front());
            queue.pop_front();
            if (drop && drop(m.from, m.to, m.bytes))
                continue;
            Peer &p = peers[m.to];
            if (p.up)
                p.node->onMessage(m.from, m.bytes, now);
        }
    }

    // Runs until the start of `slot` plus `offsetMs`, in quarter-second steps.
    void runUntilSlot(std::uint64_t slot, std::int64_t offsetMs = 0)
    {
        const std::int64_t end = net.params.slotStartMs(slot) + offsetMs;
        while (now < end)
            step(std::min<std::int64_t>(250, end - now));
    }

    ConsensusNode &node(PeerId id) { return *peers[id].node; }
    MemoryConsensusStore &memoryStore(PeerId id) { return static_cast<MemoryConsensusStore &>(*peers[id].store); }
    // True when the node raised an alarm that mentions `what`.
    bool alarmed(PeerId id, const std::string &what) const
    {
        for (const auto &a : peers[id].observer->alarms)
            if (a.find(what) != std::string::npos)
                return true;
        return false;
    }

    struct Message
    {
        PeerId from;
        PeerId to;
        Bytes bytes;
    };

    TestNetwork net;
    std::int64_t now;
    std::vector<Peer> peers;
    std::vector<ByzantineBehaviour> behaviours;
    std::vector<std::unique_ptr<sim::ByzantineHooks>> hooks;
    std::deque<Message> queue;
    CachingVerifier verifier;
    std::function<bool(PeerId, PeerId, const Bytes &)> drop;
};

} // namespace gtx::testing
