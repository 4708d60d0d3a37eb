#pragma once

// The peer transport: ZeroMQ links between nodes, encrypted and
// authenticated with CURVE, admitting only the keys on an allow-list.
//
// Shape. Each node listens on two ROUTER sockets, one per channel, and
// connects one DEALER per channel to every peer it knows: a message to a
// peer goes over our DEALER to the peer's ROUTER, a message from it arrives
// on our ROUTER from its DEALER.
//
//   Channel::Consensus  votes, certificates, emergency blocks, evidence
//   Channel::Bulk       transaction gossip, block sync
//
// The channels are separate sockets, queues and high-water marks, and
// received consensus messages are always handed out before bulk ones, so a
// halt is never queued behind gossip or a node's sync.
//
// Identity. The CURVE key pair is the node's Ed25519 identity converted to
// X25519 (crypto/curve.h): the transport key is the consensus key, nothing
// to certify separately. The server sockets run a ZAP handler of our own
// (inproc://zeromq.zap.01 in the transport's context, bound before any
// socket listens; ZMQ_ZAP_DOMAIN is set, and the handler refuses any other
// domain, as libzmq 4.3's stable API cannot enforce it), which admits a client
// only when its key is on the allow-list (setAllowed(): the authorities,
// the active validators, configured observers) and not banned; without it
// libzmq would admit anyone who knows the server's public key. A key taken
// off the list is cut off: its open connections may stay up, but every
// message from it is dropped from then on, and it cannot connect again.
//
// Hardening. ZMQ_MAXMSGSIZE (a larger frame closes the connection),
// high-water marks, heartbeats and a short handshake interval on every
// socket. Every message is an envelope: u8 protocol version, u32 network
// id, then the payload; one that does not decode, or is from another
// network, costs its sender score. Each peer has a token bucket per
// channel; messages beyond it are dropped and cost a little score. A peer
// whose score falls below the limit is banned for a while: its messages are
// dropped and its handshakes refused; honest traffic goes on.
//
// Links. An outgoing link whose sends have all failed for a while (2 s,
// doubling to 30 s) is rebuilt: libzmq never retries a connection whose
// handshake was refused, so a peer refused before it was admitted would
// otherwise stay cut off after it is.
//
// Threads. One I/O thread owns every socket; the other methods may be
// called from any thread (they queue work for it). Received messages wait
// in bounded queues until receive() takes them.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/signature.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gtx::net {

using crypto::PublicKey;

enum class Channel : std::uint8_t { Consensus = 0, Bulk = 1 };

constexpr std::uint8_t kProtocolVersion = 1;
constexpr std::size_t kEnvelopeBytes = 5;   // version, network id

struct TransportLimits
{
    std::size_t maxMessageBytes = 8u << 20;   // ZMQ_MAXMSGSIZE; the codec's own bound is lower
    int sendHighWater = 1000;                  // messages per socket
    int receiveHighWater = 1000;
    int handshakeMs = 2000;                    // ZMQ_HANDSHAKE_IVL
    int heartbeatMs = 1000;                    // ZMQ_HEARTBEAT_IVL; timeout is three of them
    std::size_t inboundQueue = 4096;           // received messages waiting, per channel
    // Per peer and channel: a bucket of `burst` messages refilled at `perSecond`.
    double perSecond[2] = {2000, 1000};
    double burst[2] = {4000, 2000};
    int scoreLimit = -100;                     // at or below: banned
    int malformedCost = 20;
    int rateLimitedCost = 1;
    std::chrono::milliseconds banFor{std::chrono::minutes(10)};
};

struct TransportConfig
{
    std::uint32_t networkId = 0;
    // ZeroMQ endpoints to listen on, e.g. "tcp://127.0.0.1:*" (any port).
    std::string consensusEndpoint = "tcp://127.0.0.1:*";
    std::string bulkEndpoint = "tcp://127.0.0.1:*";
    TransportLimits limits;
};

struct Inbound
{
    PublicKey from;
    Channel channel = Channel::Consensus;
    Bytes payload;   // the envelope removed
};

struct TransportCounters
{
    std::uint64_t delivered = 0;          // handed to receive()
    std::uint64_t sent = 0;
    std::uint64_t sendDropped = 0;        // no link, or its queue full
    std::uint64_t refusedHandshakes = 0;  // ZAP said no
    std::uint64_t malformed = 0;          // bad envelope or another network
    std::uint64_t rateLimited = 0;
    std::uint64_t fromUnlisted = 0;       // from a key no longer on the list, or banned
    std::uint64_t inboundDropped = 0;     // queue full
    std::uint64_t bans = 0;
    std::uint64_t relinks = 0;            // outgoing links rebuilt after their sends kept failing
};

// What the transport knows of one peer's link, for link-health displays.
struct PeerLink
{
    PublicKey key;
    std::int64_t silentMs = -1;    // since its last accepted message; -1: none yet
    std::uint64_t received = 0;    // messages accepted from it
    int score = 0;                 // 0 is clean; banned at TransportLimits::scoreLimit
    bool banned = false;
    bool allowed = false;          // on the allow-list now
};

class Transport
{
public:
    virtual ~Transport() = default;

    // Binds both sockets (errors: "net.bind", "net.zmq", "crypto.*").
    static Result<std::unique_ptr<Transport>> start(const TransportConfig &config,
                                                    const crypto::KeyPair &identity);

    // The endpoints actually bound (the port chosen for "*").
    virtual std::string consensusEndpoint() const = 0;
    virtual std::string bulkEndpoint() const = 0;

    // The keys admitted from now on (replaces the list).
    virtual void setAllowed(const std::vector<PublicKey> &keys) = 0;
    // Links to a peer (both channels), replacing any earlier link to it.
    virtual Status connect(const PublicKey &peer, const std::string &consensusEndpoint,
                           const std::string &bulkEndpoint) = 0;
    virtual void disconnect(const PublicKey &peer) = 0;

    // Queues `payload` for `peer`; dropped (and counted) when there is no
    // link or its queue is full: the protocol sends again what matters.
    virtual void send(const PublicKey &peer, Channel channel, ByteView payload) = 0;

    // The next received message, consensus before bulk; waits up to `timeout`.
    virtual std::optional<Inbound> receive(std::chrono::milliseconds timeout) = 0;
    // Ends the wait of a receive() now (or of the next one, if none waits):
    // the host has work of its own, such as an operator's order.
    virtual void interrupt() = 0;

    // Received messages waiting for receive() on `channel`.
    virtual std::size_t waiting(Channel channel) const = 0;
    virtual TransportCounters counters() const = 0;
    virtual bool banned(const PublicKey &peer) const = 0;
    // Every key on the allow-list, and any other that sent something; sorted by key.
    virtual std::vector<PeerLink> peerLinks() const = 0;
};

// The envelope of `payload` (exposed for tests of what peers send).
Bytes envelope(std::uint32_t networkId, ByteView payload);

} // namespace gtx::net
