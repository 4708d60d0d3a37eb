#include "core/net/transport.h"

#include "core/codec/codec.h"
#include "core/crypto/curve.h"
#include "core/crypto/secure_buffer.h"

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace gtx::net {

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr const char *kZapEndpoint = "inproc://zeromq.zap.01";
constexpr const char *kZapDomain = "gtx";

std::string keyHex(const PublicKey &key)
{
    return key.hex();
}

std::optional<PublicKey> keyFromHex(std::string_view hex)
{
    Bytes bytes;
    if (!fromHex(hex, bytes) || bytes.size() != PublicKey::size())
        return std::nullopt;
    PublicKey key;
    std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
    return key;
}

void setCommonOptions(zmq::socket_t &s, const TransportLimits &l)
{
    s.set(zmq::sockopt::linger, 0);
    s.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(l.maxMessageBytes));
    s.set(zmq::sockopt::sndhwm, l.sendHighWater);
    s.set(zmq::sockopt::rcvhwm, l.receiveHighWater);
    s.set(zmq::sockopt::handshake_ivl, l.handshakeMs);
    s.set(zmq::sockopt::heartbeat_ivl, l.heartbeatMs);
    s.set(zmq::sockopt::heartbeat_timeout, 3 * l.heartbeatMs);
    s.set(zmq::sockopt::heartbeat_ttl, 3 * l.heartbeatMs);
}

constexpr std::chrono::milliseconds kRelinkFirstPause{2000};
constexpr std::chrono::milliseconds kRelinkMaxPause{30000};

struct Bucket
{
    double tokens = 0;
    SteadyClock::time_point last;
};

struct PeerState
{
    int score = 0;
    std::uint64_t received = 0;
    std::optional<SteadyClock::time_point> lastReceived;
    Bucket buckets[2];
    bool started[2] = {false, false};
};

// An outgoing link (I/O thread only). libzmq gives up on a connection
// whose handshake the server refused (a ZAP refusal is a protocol error to
// the client): it never retries. So a link whose sends have all failed
// for a while is rebuilt, with a growing pause, and a peer refused while
// it was not yet admitted (a node still restoring its chain, a validator
// entering the set) links once it is.
struct Link
{
    zmq::socket_t sockets[2];
    crypto::CurvePublicKey serverKey;
    std::string endpoints[2];
    SteadyClock::time_point built;
    std::optional<SteadyClock::time_point> failingSince;   // no send has worked since
    std::chrono::milliseconds pause{kRelinkFirstPause};   // before the next rebuild
};

class ZmqTransport final : public Transport
{
public:
    explicit ZmqTransport(const TransportConfig &config) : m_config(config) {}

    ~ZmqTransport() override
    {
        m_stop = true;
        wake();
        if (m_thread.joinable())
            m_thread.join();
        if (m_wakeFd >= 0)
            ::close(m_wakeFd);
    }

    Status open(const crypto::KeyPair &identity)
    {
        auto secret = crypto::toCurveSecretKey(identity);
        if (!secret)
            return secret.error();
        auto pub = crypto::toCurvePublicKey(identity.publicKey());
        if (!pub)
            return pub.error();
        m_curveSecret = std::move(secret).value();
        m_curvePublic = *pub;
        m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (m_wakeFd < 0)
            return makeError("net.io", "Cannot create the transport's wake-up descriptor.");
        try {
            // The ZAP handler first: a server socket that listens before it
            // exists would admit clients unchecked.
            m_zap = zmq::socket_t(m_context, zmq::socket_type::rep);
            m_zap.set(zmq::sockopt::linger, 0);
            m_zap.bind(kZapEndpoint);
            const std::string endpoints[2] = {m_config.consensusEndpoint, m_config.bulkEndpoint};
            for (int c = 0; c < 2; ++c) {
                zmq::socket_t &s = m_servers[c];
                s = zmq::socket_t(m_context, zmq::socket_type::router);
                setCommonOptions(s, m_config.limits);
                s.set(zmq::sockopt::curve_server, 1);
                s.set(zmq::sockopt::curve_secretkey, zmq::buffer(m_curveSecret.data(), m_curveSecret.size()));
                s.set(zmq::sockopt::zap_domain, kZapDomain);
                try {
                    s.bind(endpoints[c]);
                } catch (const zmq::error_t &e) {
                    return makeError("net.bind", "Cannot listen on " + endpoints[c] + ": " + e.what());
                }
                m_bound[c] = s.get(zmq::sockopt::last_endpoint);
            }
        } catch (const zmq::error_t &e) {
            return makeError("net.zmq", std::string("ZeroMQ: ") + e.what());
        }
        m_thread = std::thread([this] { run(); });
        return Status::success();
    }

    std::string consensusEndpoint() const override { return m_bound[0]; }
    std::string bulkEndpoint() const override { return m_bound[1]; }

    void setAllowed(const std::vector<PublicKey> &keys) override
    {
        std::map<crypto::CurvePublicKey, PublicKey> byCurve;
        for (const PublicKey &k : keys)
            if (auto c = crypto::toCurvePublicKey(k))
                byCurve.emplace(*c, k);
        std::lock_guard lock(m_mutex);
        m_allowed = std::move(byCurve);
        m_allowedKeys = std::set<PublicKey>(keys.begin(), keys.end());
    }

    Status connect(const PublicKey &peer, const std::string &consensusEndpoint,
                   const std::string &bulkEndpoint) override
    {
        auto serverKey = crypto::toCurvePublicKey(peer);
        if (!serverKey)
            return serverKey.error();
        const crypto::CurvePublicKey key = *serverKey;
        post([this, peer, key, consensusEndpoint, bulkEndpoint] {
            Link link;
            link.serverKey = key;
            link.endpoints[0] = consensusEndpoint;
            link.endpoints[1] = bulkEndpoint;
            if (build(link))
                m_links[peer] = std::move(link);
            // else a malformed endpoint: no link; sends to it are counted as dropped
        });
        return Status::success();
    }

    void disconnect(const PublicKey &peer) override
    {
        post([this, peer] { m_links.erase(peer); });
    }

    void send(const PublicKey &peer, Channel channel, ByteView payload) override
    {
        Bytes framed = envelope(m_config.networkId, payload);
        post([this, peer, channel, framed = std::move(framed)] {
            bool sent = false;
            if (const auto it = m_links.find(peer); it != m_links.end()) {
                Link &link = it->second;
                zmq::socket_t &s = link.sockets[static_cast<int>(channel)];
                try {
                    sent = s.send(zmq::buffer(framed.data(), framed.size()), zmq::send_flags::dontwait).has_value();
                } catch (const zmq::error_t &) {
                    sent = false;
                }
                if (sent) {
                    link.failingSince.reset();
                    link.pause = kRelinkFirstPause;
                } else if (!link.failingSince) {
                    link.failingSince = SteadyClock::now();
                }
            }
            std::lock_guard lock(m_mutex);
            ++(sent ? m_counters.sent : m_counters.sendDropped);
        });
    }

    std::optional<Inbound> receive(std::chrono::milliseconds timeout) override
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, timeout,
                         [this] { return m_interrupted || !m_inbound[0].empty() || !m_inbound[1].empty(); });
        m_interrupted = false;
        for (auto &queue : m_inbound) {
            if (!queue.empty()) {
                Inbound in = std::move(queue.front());
                queue.pop_front();
                ++m_counters.delivered;
                return in;
            }
        }
        return std::nullopt;
    }

    void interrupt() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_interrupted = true;
        }
        m_ready.notify_all();
    }

    std::size_t waiting(Channel channel) const override
    {
        std::lock_guard lock(m_mutex);
        return m_inbound[static_cast<int>(channel)].size();
    }

    TransportCounters counters() const override
    {
        std::lock_guard lock(m_mutex);
        return m_counters;
    }

    bool banned(const PublicKey &peer) const override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_bannedUntil.find(peer);
        return it != m_bannedUntil.end() && it->second > SteadyClock::now();
    }

    std::vector<PeerLink> peerLinks() const override
    {
        std::lock_guard lock(m_mutex);
        const auto now = SteadyClock::now();
        std::map<PublicKey, PeerLink> links;
        for (const PublicKey &k : m_allowedKeys)
            links[k].allowed = true;
        for (const auto &[k, peer] : m_peers) {
            PeerLink &l = links[k];
            l.received = peer.received;
            l.score = peer.score;
            if (peer.lastReceived)
                l.silentMs = std::chrono::duration_cast<std::chrono::milliseconds>(now - *peer.lastReceived).count();
        }
        std::vector<PeerLink> out;
        for (auto &[k, l] : links) {
            l.key = k;
            l.banned = bannedLocked(k);
            out.push_back(l);
        }
        return out;
    }

private:
    // (Re)creates a link's two DEALER sockets; false for a malformed endpoint.
    bool build(Link &link)
    {
        try {
            for (int c = 0; c < 2; ++c) {
                zmq::socket_t &s = link.sockets[c];
                s = zmq::socket_t(m_context, zmq::socket_type::dealer);
                setCommonOptions(s, m_config.limits);
                s.set(zmq::sockopt::immediate, 1);   // nothing queued for a link not yet up
                s.set(zmq::sockopt::curve_serverkey, zmq::buffer(link.serverKey.data(), link.serverKey.size()));
                s.set(zmq::sockopt::curve_publickey, zmq::buffer(m_curvePublic.data(), m_curvePublic.size()));
                s.set(zmq::sockopt::curve_secretkey, zmq::buffer(m_curveSecret.data(), m_curveSecret.size()));
                s.connect(link.endpoints[c]);
            }
        } catch (const zmq::error_t &) {
            return false;
        }
        link.built = SteadyClock::now();
        link.failingSince.reset();
        return true;
    }

    // Rebuilds the links whose sends have failed for longer than their pause.
    void relinkFailing()
    {
        const auto now = SteadyClock::now();
        for (auto &[peer, link] : m_links) {
            if (!link.failingSince || now - *link.failingSince < link.pause || now - link.built < link.pause)
                continue;
            const auto pause = std::min(2 * link.pause, kRelinkMaxPause);
            if (build(link)) {
                link.pause = pause;
                std::lock_guard lock(m_mutex);
                ++m_counters.relinks;
            }
        }
    }

    void post(std::function<void()> work)
    {
        {
            std::lock_guard lock(m_mutex);
            m_work.push_back(std::move(work));
        }
        wake();
    }

    void wake()
    {
        if (m_wakeFd >= 0) {
            const std::uint64_t one = 1;
            (void)!::write(m_wakeFd, &one, sizeof one);
        }
    }

    void run()
    {
        while (!m_stop) {
            zmq::pollitem_t items[] = {
                {m_zap.handle(), 0, ZMQ_POLLIN, 0},
                {m_servers[0].handle(), 0, ZMQ_POLLIN, 0},
                {m_servers[1].handle(), 0, ZMQ_POLLIN, 0},
                {nullptr, m_wakeFd, ZMQ_POLLIN, 0},
            };
            try {
                zmq::poll(items, 4, std::chrono::milliseconds(500));
            } catch (const zmq::error_t &) {
                continue;
            }
            if (items[3].revents & ZMQ_POLLIN) {
                std::uint64_t count = 0;
                (void)!::read(m_wakeFd, &count, sizeof count);
            }
            if (items[0].revents & ZMQ_POLLIN)
                answerZap();
            // Consensus first, and drained before bulk is looked at.
            for (int c = 0; c < 2; ++c)
                if (items[1 + c].revents & ZMQ_POLLIN)
                    drainServer(c);
            std::deque<std::function<void()>> work;
            {
                std::lock_guard lock(m_mutex);
                work.swap(m_work);
            }
            for (auto &w : work)
                w();
            relinkFailing();
        }
        m_links.clear();
    }

    // ZAP (RFC 27): version, request id, domain, address, routing id,
    // mechanism, credentials; reply version, request id, status code,
    // status text, user id, metadata.
    void answerZap()
    {
        std::vector<zmq::message_t> frames;
        try {
            if (!zmq::recv_multipart(m_zap, std::back_inserter(frames), zmq::recv_flags::dontwait))
                return;
        } catch (const zmq::error_t &) {
            return;
        }
        // A REP socket must answer every request before it can take the next
        // one, so even a malformed request (libzmq never sends one) gets a
        // refusal rather than silence, which would stall every handshake.
        const bool wellFormed = frames.size() >= 6;
        const std::string domain = wellFormed ? frames[2].to_string() : std::string();
        const std::string mechanism = wellFormed ? frames[5].to_string() : std::string();
        std::string code = "400";
        std::string text = "refused";
        std::string user;
        if (domain == kZapDomain && mechanism == "CURVE" && frames.size() == 7 && frames[6].size() == 32) {
            crypto::CurvePublicKey curve;
            std::memcpy(curve.data(), frames[6].data(), 32);
            std::lock_guard lock(m_mutex);
            const auto it = m_allowed.find(curve);
            if (it != m_allowed.end() && !bannedLocked(it->second)) {
                code = "200";
                text = "OK";
                user = keyHex(it->second);
            } else {
                ++m_counters.refusedHandshakes;
            }
        } else {
            std::lock_guard lock(m_mutex);
            ++m_counters.refusedHandshakes;
        }
        const zmq::const_buffer requestId =
            frames.size() >= 2 ? zmq::buffer(frames[1].data(), frames[1].size()) : zmq::const_buffer();
        std::vector<zmq::const_buffer> reply = {zmq::str_buffer("1.0"), requestId,
                                                zmq::buffer(code), zmq::buffer(text), zmq::buffer(user),
                                                zmq::const_buffer()};
        try {
            zmq::send_multipart(m_zap, reply);
        } catch (const zmq::error_t &) {
        }
    }

    bool bannedLocked(const PublicKey &peer) const
    {
        const auto it = m_bannedUntil.find(peer);
        return it != m_bannedUntil.end() && it->second > SteadyClock::now();
    }

    void drainServer(int channel)
    {
        zmq::socket_t &s = m_servers[channel];
        for (int n = 0; n < 1024; ++n) {
            std::vector<zmq::message_t> frames;
            try {
                if (!zmq::recv_multipart(s, std::back_inserter(frames), zmq::recv_flags::dontwait))
                    return;
            } catch (const zmq::error_t &) {
                return;
            }
            if (frames.size() < 2)
                continue;
            zmq::message_t &body = frames.back();
            const char *user = nullptr;
            try {
                user = body.gets("User-Id");
            } catch (const zmq::error_t &) {
                user = nullptr;
            }
            const auto from = user ? keyFromHex(user) : std::nullopt;
            if (!from)
                continue;
            accept(*from, static_cast<Channel>(channel), frames.size() == 2 ? &body : nullptr);
        }
    }

    // `body` null: more than one payload frame, which no node sends.
    void accept(const PublicKey &from, Channel channel, zmq::message_t *body)
    {
        std::lock_guard lock(m_mutex);
        if (!m_allowedKeys.count(from) || bannedLocked(from)) {
            ++m_counters.fromUnlisted;
            return;
        }
        PeerState &peer = m_peers[from];
        const int c = static_cast<int>(channel);
        const TransportLimits &l = m_config.limits;
        const auto now = SteadyClock::now();
        Bucket &b = peer.buckets[c];
        if (!peer.started[c]) {
            peer.started[c] = true;
            b.tokens = l.burst[c];
            b.last = now;
        }
        b.tokens = std::min(l.burst[c], b.tokens + l.perSecond[c] * std::chrono::duration<double>(now - b.last).count());
        b.last = now;
        if (b.tokens < 1) {
            ++m_counters.rateLimited;
            penalise(from, peer, l.rateLimitedCost);
            return;
        }
        b.tokens -= 1;
        const std::uint8_t *data = body ? static_cast<const std::uint8_t *>(body->data()) : nullptr;
        const std::size_t size = body ? body->size() : 0;
        bool good = body && size >= kEnvelopeBytes;
        if (good) {
            codec::Reader r(ByteView(data, kEnvelopeBytes));
            const std::uint8_t version = r.u8();
            const std::uint32_t network = r.u32();
            good = r.ok() && version == kProtocolVersion && network == m_config.networkId;
        }
        if (!good) {
            ++m_counters.malformed;
            penalise(from, peer, l.malformedCost);
            return;
        }
        ++peer.received;   // the link works, even when the queue below is full
        peer.lastReceived = now;
        auto &queue = m_inbound[c];
        if (queue.size() >= l.inboundQueue) {
            ++m_counters.inboundDropped;
            return;
        }
        queue.push_back(Inbound{from, channel, Bytes(data + kEnvelopeBytes, data + size)});
        m_ready.notify_one();
    }

    void penalise(const PublicKey &from, PeerState &peer, int cost)
    {
        peer.score -= cost;
        if (peer.score <= m_config.limits.scoreLimit) {
            m_bannedUntil[from] = SteadyClock::now() + m_config.limits.banFor;
            peer.score = 0;
            ++m_counters.bans;
        }
    }

    TransportConfig m_config;
    crypto::SecureBuffer m_curveSecret;   // the X25519 secret, wiped on destruction
    crypto::CurvePublicKey m_curvePublic;
    zmq::context_t m_context;
    zmq::socket_t m_zap;
    zmq::socket_t m_servers[2];
    std::string m_bound[2];
    std::map<PublicKey, Link> m_links;   // I/O thread only
    int m_wakeFd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};

    mutable std::mutex m_mutex;   // guards everything below
    std::condition_variable m_ready;
    bool m_interrupted = false;   // receive() returns at once, then clears it
    std::deque<std::function<void()>> m_work;
    std::map<crypto::CurvePublicKey, PublicKey> m_allowed;
    std::set<PublicKey> m_allowedKeys;
    std::map<PublicKey, PeerState> m_peers;
    std::map<PublicKey, SteadyClock::time_point> m_bannedUntil;
    std::deque<Inbound> m_inbound[2];
    TransportCounters m_counters;
};

} // namespace

Bytes envelope(std::uint32_t networkId, ByteView payload)
{
    codec::Writer w;
    w.u8(kProtocolVersion);
    w.u32(networkId);
    w.raw(payload);
    return w.take();
}

Result<std::unique_ptr<Transport>> Transport::start(const TransportConfig &config,
                                                    const crypto::KeyPair &identity)
{
    auto t = std::make_unique<ZmqTransport>(config);
    GTX_TRY(t->open(identity));
    return std::unique_ptr<Transport>(std::move(t));
}

} // namespace gtx::net
