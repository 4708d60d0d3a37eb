#include "test_transport.h"

#include "core/crypto/sodium.h"
#include "core/net/transport.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <thread>

using namespace gtx;
using namespace gtx::net;
using namespace std::chrono_literals;

namespace {

constexpr std::uint32_t kNetwork = 77;

crypto::KeyPair key(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed{};
    seed[0] = n;
    seed[31] = 0x7e;
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
}

struct Node
{
    crypto::KeyPair identity;
    std::unique_ptr<Transport> transport;
};

Node startNode(std::uint8_t n, TransportLimits limits = {})
{
    Node node{key(n), nullptr};
    TransportConfig config;
    config.networkId = kNetwork;
    config.limits = limits;
    auto t = Transport::start(config, node.identity);
    if (t)
        node.transport = std::move(t).value();
    return node;
}

void link(Node &from, const Node &to)
{
    QVERIFY(from.transport->connect(to.identity.publicKey(), to.transport->consensusEndpoint(),
                                    to.transport->bulkEndpoint())
                .ok());
}

// Sends `payload` until `to` receives something (a link comes up in the
// background; a DEALER with ZMQ_IMMEDIATE drops what it cannot deliver).
std::optional<Inbound> sendUntilReceived(Node &from, Node &to, Channel channel, const Bytes &payload,
                                          std::chrono::milliseconds within = 5000ms)
{
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
        from.transport->send(to.identity.publicKey(), channel, payload);
        if (auto in = to.transport->receive(100ms))
            return in;
    }
    return std::nullopt;
}

// Drains what arrives within `window`.
std::vector<Inbound> drain(Node &n, std::chrono::milliseconds window)
{
    std::vector<Inbound> out;
    const auto deadline = std::chrono::steady_clock::now() + window;
    while (std::chrono::steady_clock::now() < deadline)
        if (auto in = n.transport->receive(50ms))
            out.push_back(std::move(*in));
    return out;
}

} // namespace

void TestTransport::initTestCase()
{
    QVERIFY(crypto::initialize());
}

void TestTransport::allowedPeersExchangeOnBothChannels()
{
    Node a = startNode(1);
    Node b = startNode(2);
    QVERIFY(a.transport && b.transport);
    QVERIFY(a.transport->consensusEndpoint() != a.transport->bulkEndpoint());
    a.transport->setAllowed({b.identity.publicKey()});
    b.transport->setAllowed({a.identity.publicKey()});
    link(a, b);
    link(b, a);
    const Bytes vote = toBytes("a vote");
    auto got = sendUntilReceived(a, b, Channel::Consensus, vote);
    QVERIFY(got);
    QCOMPARE(got->from, a.identity.publicKey());
    QVERIFY(got->channel == Channel::Consensus);
    QCOMPARE(got->payload, vote);
    const Bytes tx = toBytes("a transaction");
    got = sendUntilReceived(b, a, Channel::Bulk, tx);
    QVERIFY(got);
    QCOMPARE(got->from, b.identity.publicKey());
    QVERIFY(got->channel == Channel::Bulk);
    QCOMPARE(got->payload, tx);
    QVERIFY(a.transport->counters().sent > 0);
    QCOMPARE(b.transport->counters().malformed, std::uint64_t{0});
}

void TestTransport::consensusIsHandedOutBeforeBulk()
{
    Node a = startNode(3);
    Node b = startNode(4);
    b.transport->setAllowed({a.identity.publicKey()});
    link(a, b);
    QVERIFY(sendUntilReceived(a, b, Channel::Bulk, toBytes("warm-up"), 5000ms));
    (void)drain(b, 200ms);
    for (int i = 0; i < 200; ++i)
        a.transport->send(b.identity.publicKey(), Channel::Bulk, toBytes("gossip " + std::to_string(i)));
    a.transport->send(b.identity.publicKey(), Channel::Consensus, toBytes("halt"));
    // Wait until everything has arrived and waits.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline
           && (b.transport->waiting(Channel::Bulk) < 200 || b.transport->waiting(Channel::Consensus) < 1))
        std::this_thread::sleep_for(10ms);
    QCOMPARE(b.transport->waiting(Channel::Bulk), std::size_t{200});
    QCOMPARE(b.transport->waiting(Channel::Consensus), std::size_t{1});
    auto first = b.transport->receive(0ms);
    QVERIFY(first);
    QVERIFY(first->channel == Channel::Consensus);
    QCOMPARE(first->payload, toBytes("halt"));
    const auto rest = drain(b, 300ms);
    QCOMPARE(rest.size(), std::size_t{200});
}

void TestTransport::unknownKeyIsRefused()
{
    Node b = startNode(5);
    Node known = startNode(6);
    Node stranger = startNode(7);
    b.transport->setAllowed({known.identity.publicKey()});
    link(known, b);
    link(stranger, b);
    // The stranger knows b's address and public key: CURVE alone would let it in.
    const auto deadline = std::chrono::steady_clock::now() + 1500ms;
    while (std::chrono::steady_clock::now() < deadline) {
        stranger.transport->send(b.identity.publicKey(), Channel::Consensus, toBytes("let me in"));
        std::this_thread::sleep_for(20ms);
    }
    const auto got = drain(b, 300ms);
    QVERIFY(got.empty());
    QVERIFY(b.transport->counters().refusedHandshakes >= 1);
    // The known peer still gets through.
    auto in = sendUntilReceived(known, b, Channel::Consensus, toBytes("hello"));
    QVERIFY(in);
    QCOMPARE(in->from, known.identity.publicKey());
}

void TestTransport::removedKeyIsCutOff()
{
    Node b = startNode(8);
    Node v = startNode(9);   // a validator that rotates out
    Node other = startNode(10);
    b.transport->setAllowed({v.identity.publicKey(), other.identity.publicKey()});
    link(v, b);
    link(other, b);
    QVERIFY(sendUntilReceived(v, b, Channel::Consensus, toBytes("while active")));
    b.transport->setAllowed({other.identity.publicKey()});
    (void)drain(b, 200ms);
    for (int i = 0; i < 20; ++i) {
        v.transport->send(b.identity.publicKey(), Channel::Consensus, toBytes("after removal"));
        std::this_thread::sleep_for(10ms);
    }
    const auto got = drain(b, 500ms);
    for (const Inbound &in : got)
        QVERIFY(in.from != v.identity.publicKey());
    QVERIFY(b.transport->counters().fromUnlisted >= 1);
    // A new connection from it is refused at the handshake.
    const auto refusedBefore = b.transport->counters().refusedHandshakes;
    link(v, b);
    const auto deadline = std::chrono::steady_clock::now() + 1500ms;
    while (std::chrono::steady_clock::now() < deadline && b.transport->counters().refusedHandshakes == refusedBefore)
        std::this_thread::sleep_for(20ms);
    QVERIFY(b.transport->counters().refusedHandshakes > refusedBefore);
    QVERIFY(sendUntilReceived(other, b, Channel::Consensus, toBytes("still here")));
}

// A peer whose handshake was refused (it was not on the list yet: a node
// still restoring its chain, a validator entering the set) links as soon
// as it is admitted, without anyone reconnecting by hand.
void TestTransport::refusedPeerLinksOnceAdmitted()
{
    Node b = startNode(14);
    Node late = startNode(15);
    b.transport->setAllowed({});
    link(late, b);
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (std::chrono::steady_clock::now() < deadline && b.transport->counters().refusedHandshakes == 0)
        std::this_thread::sleep_for(20ms);
    QVERIFY(b.transport->counters().refusedHandshakes > 0);
    for (int i = 0; i < 10; ++i)
        late.transport->send(b.identity.publicKey(), Channel::Consensus, toBytes("too early"));
    QTRY_VERIFY(late.transport->counters().sendDropped > 0);
    b.transport->setAllowed({late.identity.publicKey()});
    const auto in = sendUntilReceived(late, b, Channel::Consensus, toBytes("admitted now"), 15s);
    QVERIFY2(in, "a peer refused once never linked again");
    QCOMPARE(in->payload, toBytes("admitted now"));
    QVERIFY(late.transport->counters().relinks >= 1);
}

void TestTransport::garbageAndOversizedAreDroppedAndTheSenderBanned()
{
    TransportLimits limits;
    limits.maxMessageBytes = 64 * 1024;
    Node b = startNode(11, limits);
    Node honest = startNode(12);
    Node hostile = startNode(13);
    b.transport->setAllowed({honest.identity.publicKey(), hostile.identity.publicKey()});
    link(honest, b);
    link(hostile, b);
    QVERIFY(sendUntilReceived(honest, b, Channel::Consensus, toBytes("first")));
    QVERIFY(sendUntilReceived(hostile, b, Channel::Consensus, toBytes("looks fine")));

    // Raw garbage at the port, without any handshake.
    {
        const std::string endpoint = b.transport->consensusEndpoint();   // tcp://127.0.0.1:PORT
        const int port = std::stoi(endpoint.substr(endpoint.rfind(':') + 1));
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const std::string junk(4096, '\xff');
        (void)!::write(fd, junk.data(), junk.size());
        ::close(fd);
    }
    // An oversized frame closes the hostile peer's connection; it never arrives.
    hostile.transport->send(b.identity.publicKey(), Channel::Consensus, Bytes(100 * 1024, 0x42));
    // Messages that are not envelopes of this network cost score until a ban.
    // (The transport always wraps: another network's envelope is the same
    // as garbage to this one.)
    TransportConfig other;
    other.networkId = kNetwork + 1;
    auto foreign = Transport::start(other, hostile.identity);
    QVERIFY(foreign);
    (*foreign)->setAllowed({b.identity.publicKey()});
    QVERIFY((*foreign)->connect(b.identity.publicKey(), b.transport->consensusEndpoint(), b.transport->bulkEndpoint()).ok());
    const auto deadline = std::chrono::steady_clock::now() + 5000ms;
    while (std::chrono::steady_clock::now() < deadline && !b.transport->banned(hostile.identity.publicKey())) {
        (*foreign)->send(b.identity.publicKey(), Channel::Consensus, toBytes("wrong network"));
        std::this_thread::sleep_for(5ms);
    }
    QVERIFY(b.transport->banned(hostile.identity.publicKey()));
    QVERIFY(b.transport->counters().malformed >= 5);
    QVERIFY(b.transport->counters().bans >= 1);
    // Honest traffic goes on, and nothing from the hostile key gets through.
    (void)drain(b, 200ms);
    hostile.transport->send(b.identity.publicKey(), Channel::Consensus, toBytes("after the ban"));
    auto in = sendUntilReceived(honest, b, Channel::Consensus, toBytes("honest"));
    QVERIFY(in);
    QCOMPARE(in->from, honest.identity.publicKey());
    for (const Inbound &later : drain(b, 300ms)) {
        QVERIFY(later.from != hostile.identity.publicKey());
        QVERIFY(later.payload.size() < 64 * 1024);
    }
}

QTEST_GUILESS_MAIN(TestTransport)
