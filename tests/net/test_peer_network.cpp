#include "test_peer_network.h"

#include "core/common/clock.h"
#include "core/consensus/messages.h"
#include "core/consensus/store.h"
#include "core/crypto/sodium.h"
#include "core/net/peer_host.h"
#include "core/state/payloads.h"

#include <QtTest>

#include <chrono>
#include <thread>

using namespace gtx;
using namespace gtx::consensus;
using namespace gtx::net;
using namespace std::chrono_literals;

namespace {

crypto::KeyPair key(std::uint32_t n)
{
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < 4; ++i)
        seed[i] = static_cast<std::uint8_t>(n >> (8 * i));
    seed[31] = 0x3c;
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
}

struct Network
{
    ConsensusParams params;
    std::shared_ptr<ConsensusGenesis> genesis;
    std::vector<crypto::KeyPair> keys;   // authorities, then validators
};

// Five authorities and two stake validators, half-second slots starting
// shortly after now.
Network makeNetwork()
{
    Network n;
    n.params = ConsensusParams::simulation();
    n.params.slotMs = 500;
    n.params.maxClockDisparityMs = 200;
    n.params.genesisTimeMs = SystemClock().nowMs() + 1000;
    auto genesis = std::make_shared<ConsensusGenesis>();
    for (std::uint32_t a = 0; a < 5; ++a) {
        n.keys.push_back(key(1 + a));
        genesis->authorities.push_back(authorityMember(static_cast<AuthorityType>(a), n.keys.back().publicKey(),
                                                       {key(100 + 2 * a).publicKey(), key(101 + 2 * a).publicKey()}));
    }
    for (std::uint32_t v = 0; v < 2; ++v) {
        n.keys.push_back(key(200 + v));
        Candidate c;
        c.info.publicKey = n.keys.back().publicKey();
        c.info.stakeAmount = gtToMicro(20'000);
        c.info.geographicDistribution = GridZone{static_cast<std::uint16_t>(1 + v)};
        c.info.uptimeHistoryPpm = 990'000;
        genesis->candidates.push_back(c);
    }
    for (const auto &k : n.keys)
        genesis->accounts.push_back({k.publicKey(), gtToMicro(1'000)});
    genesis->seed = crypto::hash("gtx/test-seed/v1", asBytes("peer network"));
    n.genesis = genesis;
    return n;
}

bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds within)
{
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done())
            return true;
        std::this_thread::sleep_for(50ms);
    }
    return done();
}

} // namespace

void TestPeerNetwork::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestPeerNetwork::messagesTakeTheirChannel()
{
    Transaction tx;
    QVERIFY(channelOf(encodeMessage(Message{tx})) == Channel::Bulk);
    QVERIFY(channelOf(encodeMessage(Message{BlockRangeRequest{1, 8}})) == Channel::Bulk);
    QVERIFY(channelOf(encodeMessage(Message{LinkVote{}})) == Channel::Consensus);
    QVERIFY(channelOf(encodeMessage(Message{EmergencyRecord{}})) == Channel::Consensus);
    QVERIFY(channelOf(encodeMessage(Message{Block{}})) == Channel::Consensus);
    QVERIFY(channelOf({}) == Channel::Bulk);
}

void TestPeerNetwork::nodesFinalizeOverZeroMq()
{
    const Network net = makeNetwork();
    std::vector<std::unique_ptr<MemoryConsensusStore>> stores;
    std::vector<std::unique_ptr<PeerHost>> hosts;
    for (const auto &k : net.keys) {
        stores.push_back(std::make_unique<MemoryConsensusStore>());
        PeerHost::Setup setup;
        setup.params = net.params;
        setup.genesis = net.genesis;
        setup.store = stores.back().get();
        setup.transport.networkId = net.params.networkId;
        auto host = PeerHost::start(setup, crypto::KeyPair::fromSecretKey(k.secretKey().view()).value());
        QVERIFY2(host, host ? "" : host.error().message.c_str());
        hosts.push_back(std::move(host).value());
    }
    std::vector<PeerAddress> addresses;
    for (std::size_t i = 0; i < hosts.size(); ++i)
        addresses.push_back({net.keys[i].publicKey(), hosts[i]->consensusEndpoint(), hosts[i]->bulkEndpoint()});
    for (auto &h : hosts)
        h->addPeers(addresses);
    for (auto &h : hosts)
        h->run();

    auto minFast = [&](std::size_t skip) {
        std::uint64_t m = UINT64_MAX;
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (i != skip)
                m = std::min(m, hosts[i]->snapshot().fastHeight);
        return m;
    };
    // Every node reaches Fast finality at height 6 within 20 s (about 40 slots).
    QVERIFY2(waitFor([&] { return minFast(SIZE_MAX) >= 6; }, 20s),
             qPrintable(QString("lowest Fast-final height %1").arg(minFast(SIZE_MAX))));
    // And they agree on it.
    const auto reference = hosts[0]->fastHashAt(6);
    QVERIFY(reference);
    for (auto &h : hosts)
        QCOMPARE(h->fastHashAt(6), reference);

    // Every link is up: each node heard every other member lately.
    auto linkState = [&](std::size_t at, std::size_t peer) {
        for (const LinkSummary &l : hosts[at]->snapshot().links)
            if (l.key == net.keys[peer].publicKey())
                return std::optional<LinkState>(l.state);
        return std::optional<LinkState>();
    };
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        QCOMPARE(hosts[i]->snapshot().links.size(), hosts.size() - 1);
        for (std::size_t j = 0; j < hosts.size(); ++j)
            if (i != j)
                QVERIFY2(linkState(i, j) == LinkState::Up, qPrintable(QString("link %1 -> %2 not up").arg(i).arg(j)));
    }

    // One authority stops: four of five still finalize, and the others
    // see its link lost after five slots of silence.
    hosts[4]->stop();
    QVERIFY2(waitFor([&] { return linkState(0, 4) == LinkState::Lost; }, 8s), "the stopped authority's link is not lost");
    QVERIFY(linkState(0, 3) == LinkState::Up);
    QVERIFY(prometheusText(hosts[0]->snapshot(), hosts[0]->transportCounters(), net.params.slotMs)
                .find("gtx_authority_links_lost 1\n") != std::string::npos);
    const std::uint64_t before = minFast(4);
    QVERIFY2(waitFor([&] { return minFast(4) >= before + 4; }, 20s),
             qPrintable(QString("Fast finality stuck at %1 after an authority stopped").arg(minFast(4))));
    const std::uint64_t agreed = minFast(4);
    const auto later = hosts[0]->fastHashAt(agreed);
    for (std::size_t i = 0; i + 1 < hosts.size(); ++i) {
        if (i == 4)
            continue;
        QCOMPARE(hosts[i]->fastHashAt(agreed), later);
        QCOMPARE(hosts[i]->snapshot().safetyAlarms, std::uint64_t{0});
        QCOMPARE(hosts[i]->transportCounters().malformed, std::uint64_t{0});
    }
    // A second authority stops: with three of five, Fast finality stops
    // (the quorum is four) while the chain still grows.
    hosts[3]->stop();
    std::this_thread::sleep_for(1500ms);   // votes already sent land
    std::uint64_t fastBefore = 0, headBefore = UINT64_MAX;
    for (std::size_t i = 0; i < 3; ++i) {
        fastBefore = std::max(fastBefore, hosts[i]->snapshot().fastHeight);
        headBefore = std::min(headBefore, hosts[i]->snapshot().headHeight);
    }
    std::this_thread::sleep_for(4s);
    for (std::size_t i = 0; i < 3; ++i) {
        const HostSnapshot s = hosts[i]->snapshot();
        QVERIFY2(s.fastHeight <= fastBefore, qPrintable(QString("Fast finality moved with three of five: %1 > %2")
                                                             .arg(s.fastHeight).arg(fastBefore)));
        QVERIFY2(s.headHeight >= headBefore + 2, qPrintable(QString("no blocks: head %1").arg(s.headHeight)));
    }
    const HostSnapshot s0 = hosts[0]->snapshot();
    qInfo("head %llu, fast %llu, full %llu, economic %llu", static_cast<unsigned long long>(s0.headHeight),
          static_cast<unsigned long long>(s0.fastHeight), static_cast<unsigned long long>(s0.fullHeight),
          static_cast<unsigned long long>(s0.economicHeight));
    for (auto &h : hosts)
        h->stop();
}

void TestPeerNetwork::restartedAuthorityCatchesUp()
{
    const Network net = makeNetwork();
    std::vector<std::unique_ptr<MemoryConsensusStore>> stores;
    std::vector<std::unique_ptr<PeerHost>> hosts;
    auto startHost = [&](std::size_t i) -> std::unique_ptr<PeerHost> {
        PeerHost::Setup setup;
        setup.params = net.params;
        setup.genesis = net.genesis;
        setup.store = stores[i].get();
        setup.transport.networkId = net.params.networkId;
        auto host = PeerHost::start(setup, crypto::KeyPair::fromSecretKey(net.keys[i].secretKey().view()).value());
        return host ? std::move(host).value() : nullptr;
    };
    for (std::size_t i = 0; i < net.keys.size(); ++i) {
        stores.push_back(std::make_unique<MemoryConsensusStore>());
        hosts.push_back(startHost(i));
        QVERIFY(hosts.back());
    }
    auto addresses = [&] {
        std::vector<PeerAddress> out;
        for (std::size_t i = 0; i < hosts.size(); ++i)
            out.push_back({net.keys[i].publicKey(), hosts[i]->consensusEndpoint(), hosts[i]->bulkEndpoint()});
        return out;
    };
    for (auto &h : hosts)
        h->addPeers(addresses());
    for (auto &h : hosts)
        h->run();
    QVERIFY(waitFor([&] { return hosts[2]->snapshot().fastHeight >= 3; }, 20s));

    // Authority 2 goes down; the others go on for a while without it.
    hosts[2]->stop();
    const std::uint64_t downAt = hosts[2]->snapshot().fastHeight;
    hosts[2].reset();
    QVERIFY(waitFor([&] { return hosts[0]->snapshot().fastHeight >= downAt + 8; }, 20s));

    // It comes back from its store, on new ports; the others link to it again.
    hosts[2] = startHost(2);
    QVERIFY(hosts[2]);
    const auto all = addresses();
    for (auto &h : hosts)
        h->addPeers(all);
    hosts[2]->run();
    const std::uint64_t target = hosts[0]->snapshot().fastHeight;
    QVERIFY2(waitFor([&] { return hosts[2]->snapshot().fastHeight >= target; }, 30s),
             qPrintable(QString("restarted node at %1, the others at %2")
                            .arg(hosts[2]->snapshot().fastHeight).arg(target)));
    QCOMPARE(hosts[2]->fastHashAt(target), hosts[0]->fastHashAt(target));
    // And finality goes on with it voting again: all five are needed once
    // another authority stops.
    hosts[4]->stop();
    const std::uint64_t before = hosts[0]->snapshot().fastHeight;
    QVERIFY2(waitFor([&] { return hosts[0]->snapshot().fastHeight >= before + 3; }, 20s),
             "no Fast finality with the restarted authority and one other down: it does not vote");
    // Nobody saw it sign anything that conflicts with what it signed before.
    for (auto &h : hosts) {
        QCOMPARE(h->snapshot().safetyAlarms, std::uint64_t{0});
        QCOMPARE(h->snapshot().evidenceDetected, std::uint64_t{0});
    }
    for (auto &h : hosts)
        h->stop();
}

// A validator that releases its whole self-bond leaves the allow-list of
// every node once it has left the active sets, and from then on it is cut
// off: nobody sends to it or takes its messages, so its chain stops while
// the network's goes on.
void TestPeerNetwork::allowListFollowsTheValidatorSet()
{
    const Network net = makeNetwork();
    std::vector<std::unique_ptr<MemoryConsensusStore>> stores;
    std::vector<std::unique_ptr<PeerHost>> hosts;
    for (const auto &k : net.keys) {
        stores.push_back(std::make_unique<MemoryConsensusStore>());
        PeerHost::Setup setup;
        setup.params = net.params;
        setup.genesis = net.genesis;
        setup.store = stores.back().get();
        setup.transport.networkId = net.params.networkId;
        auto host = PeerHost::start(setup, crypto::KeyPair::fromSecretKey(k.secretKey().view()).value());
        QVERIFY(host);
        hosts.push_back(std::move(host).value());
    }
    std::vector<PeerAddress> addresses;
    for (std::size_t i = 0; i < hosts.size(); ++i)
        addresses.push_back({net.keys[i].publicKey(), hosts[i]->consensusEndpoint(), hosts[i]->bulkEndpoint()});
    for (auto &h : hosts)
        h->addPeers(addresses);
    for (auto &h : hosts)
        h->run();

    const std::size_t leaving = 6;
    const PublicKey leaver = net.keys[leaving].publicKey();
    auto admitted = [&](std::size_t i, const PublicKey &k) {
        const auto list = hosts[i]->snapshot().admitted;
        return std::binary_search(list.begin(), list.end(), k);
    };
    // At first everyone admits every member (but itself).
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        QCOMPARE(hosts[i]->snapshot().admitted.size(), net.keys.size() - 1);
        QCOMPARE(admitted(i, leaver), i != leaving);
    }
    QVERIFY(waitFor([&] { return hosts[0]->snapshot().fastHeight >= 2; }, 20s));

    // A transaction from outside the node's thread: the leaver releases its self-bond.
    Transaction tx;
    tx.kind = TransactionKind::Unbond;
    tx.networkId = net.params.networkId;
    tx.nonce = 0;
    tx.timestampMs = SystemClock().nowMs();
    tx.payload = codec::encode(state::UnbondPayload{leaver, gtToMicro(20'000)});
    signTransaction(tx, net.keys[leaving]);
    const Status accepted = hosts[leaving]->submitTransaction(tx);
    QVERIFY2(accepted.ok(), accepted.ok() ? "" : accepted.error().message.c_str());
    QVERIFY(!hosts[leaving]->submitTransaction(tx).ok());   // the same one twice is refused

    // It leaves the active sets an epoch or two later, and then the lists.
    auto everyoneDropped = [&] {
        for (std::size_t i = 0; i < hosts.size(); ++i)
            if (i != leaving && admitted(i, leaver))
                return false;
        return true;
    };
    QVERIFY2(waitFor(everyoneDropped, 60s), "the validator that left is still admitted");
    // The other validator and the authorities are still admitted everywhere.
    for (std::size_t i = 0; i < hosts.size(); ++i)
        for (std::size_t j = 0; j < leaving; ++j)
            QCOMPARE(admitted(i, net.keys[j].publicKey()), i != j);

    // Cut off: its chain stops while the others' goes on.
    std::this_thread::sleep_for(1s);   // what was on the way lands
    const std::uint64_t cutAt = hosts[leaving]->snapshot().headHeight;
    const std::uint64_t othersAt = hosts[0]->snapshot().headHeight;
    QVERIFY(waitFor([&] { return hosts[0]->snapshot().headHeight >= othersAt + 6; }, 20s));
    QVERIFY2(hosts[leaving]->snapshot().headHeight <= cutAt + 1,
             qPrintable(QString("the cut-off node went from %1 to %2").arg(cutAt).arg(hosts[leaving]->snapshot().headHeight)));
    // What it sends is dropped: a transfer it gossips reaches no mempool.
    const std::uint64_t droppedBefore = hosts[0]->transportCounters().fromUnlisted;
    Transaction transfer;
    transfer.kind = TransactionKind::Transfer;
    transfer.networkId = net.params.networkId;
    transfer.nonce = 1;
    transfer.timestampMs = SystemClock().nowMs();
    transfer.payload = codec::encode(state::TransferPayload{net.keys[0].publicKey(), gtToMicro(1)});
    signTransaction(transfer, net.keys[leaving]);
    QVERIFY(hosts[leaving]->submitTransaction(transfer).ok());
    QVERIFY2(waitFor([&] { return hosts[0]->transportCounters().fromUnlisted > droppedBefore; }, 5s),
             "the cut-off validator's message was not dropped");
    QCOMPARE(hosts[0]->snapshot().mempool[static_cast<std::size_t>(laneOf(transfer.kind))], std::size_t{0});
    for (std::size_t i = 0; i < leaving; ++i)
        QCOMPARE(hosts[i]->snapshot().safetyAlarms, std::uint64_t{0});
    for (auto &h : hosts)
        h->stop();
    // Stopped: submissions are refused, not waited on.
    QVERIFY(!hosts[0]->submitTransaction(tx).ok());
}

QTEST_GUILESS_MAIN(TestPeerNetwork)
