#include "core/net/peer_host.h"

#include "core/consensus/messages.h"
#include "core/consensus/verifier.h"

#include <algorithm>
#include <map>

namespace gtx::net {

using namespace consensus;

Channel channelOf(ByteView message)
{
    if (message.empty())
        return Channel::Bulk;
    switch (static_cast<MessageType>(message[0])) {
    case MessageType::Proposal:
    case MessageType::LinkVote:
    case MessageType::Vote:
    case MessageType::EmergencyProposal:
    case MessageType::EmergencyCertified:
    case MessageType::Evidence:
    case MessageType::VotesRequest:
        return Channel::Consensus;
    case MessageType::Transaction:
    case MessageType::BlockRequest:
    case MessageType::BlockRangeRequest:
        return Channel::Bulk;
    }
    return Channel::Bulk;
}

class PeerHost::Impl final : public Outbox, public NodeObserver
{
public:
    Impl(Setup setup, crypto::KeyPair key) : m_setup(std::move(setup)), m_key(std::move(key)) {}

    ~Impl() override { stop(); }

    Status start()
    {
        auto transport = Transport::start(m_setup.transport, m_key);
        if (!transport)
            return transport.error();
        m_transport = std::move(transport).value();
        std::vector<PublicKey> allowed = m_setup.observers;
        for (const auto &a : m_setup.genesis->authorities)
            allowed.push_back(a.key);
        for (const auto &c : m_setup.genesis->candidates)
            allowed.push_back(c.info.publicKey);
        allowed.erase(std::remove(allowed.begin(), allowed.end(), m_key.publicKey()), allowed.end());
        m_transport->setAllowed(allowed);

        ConsensusNode::Setup node;
        node.params = m_setup.params;
        node.genesis = m_setup.genesis;
        node.store = m_setup.store;
        node.outbox = this;
        node.verifier = &m_verifier;
        node.observer = this;
        // The node keeps its own copy of the key (the transport has its CURVE form).
        auto copy = crypto::KeyPair::fromSecretKey(m_key.secretKey().view());
        if (!copy)
            return copy.error();
        auto started = ConsensusNode::start(std::move(node), std::move(copy).value());
        if (!started)
            return started.error();
        m_node = std::move(started).value();
        publish();
        return Status::success();
    }

    void addPeers(const std::vector<PeerAddress> &peers)
    {
        for (const PeerAddress &p : peers) {
            if (p.key == m_key.publicKey())
                continue;
            {
                std::lock_guard lock(m_peersMutex);
                idOfLocked(p.key);
            }
            (void)m_transport->connect(p.key, p.consensusEndpoint, p.bulkEndpoint);
        }
    }

    void run()
    {
        if (m_thread.joinable())
            return;
        m_stop = false;
        m_thread = std::thread([this] { loop(); });
    }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    // --- Outbox (host thread) ------------------------------------------
    void broadcast(const Bytes &message) override
    {
        const Channel channel = channelOf(message);
        std::vector<PublicKey> keys;
        {
            std::lock_guard lock(m_peersMutex);
            keys = m_keys;
        }
        for (const PublicKey &k : keys)
            m_transport->send(k, channel, message);
    }

    void sendTo(const std::vector<PeerId> &peers, const Bytes &message) override
    {
        const Channel channel = channelOf(message);
        std::lock_guard lock(m_peersMutex);
        for (PeerId id : peers)
            if (id >= 1 && id <= m_keys.size())
                m_transport->send(m_keys[id - 1], channel, message);
    }

    std::vector<PeerId> peers() const override
    {
        std::lock_guard lock(m_peersMutex);
        std::vector<PeerId> out;
        for (PeerId id = 1; id <= m_keys.size(); ++id)
            out.push_back(id);
        return out;
    }

    // --- NodeObserver (host thread) --------------------------------------
    void onFinalized(FinalityLevel level, const BlockNode &block) override
    {
        if (level != FinalityLevel::Fast)
            return;
        std::lock_guard lock(m_snapshotMutex);
        m_fastChain[block.height] = block.hash;
        while (m_fastChain.size() > 8192)
            m_fastChain.erase(m_fastChain.begin());
    }

    void onEvidenceDetected(const Evidence &) override
    {
        std::lock_guard lock(m_snapshotMutex);
        ++m_snapshot.evidenceDetected;
    }

    void onSafetyAlarm(const std::string &) override
    {
        std::lock_guard lock(m_snapshotMutex);
        ++m_snapshot.safetyAlarms;
    }

    HostSnapshot snapshot() const
    {
        std::lock_guard lock(m_snapshotMutex);
        return m_snapshot;
    }

    std::optional<Hash256> fastHashAt(std::uint64_t height) const
    {
        std::lock_guard lock(m_snapshotMutex);
        const auto it = m_fastChain.find(height);
        if (it == m_fastChain.end())
            return std::nullopt;
        return it->second;
    }

    Transport &transport() { return *m_transport; }

private:
    PeerId idOfLocked(const PublicKey &key)
    {
        const auto it = m_ids.find(key);
        if (it != m_ids.end())
            return it->second;
        m_keys.push_back(key);
        const auto id = static_cast<PeerId>(m_keys.size());
        m_ids.emplace(key, id);
        return id;
    }

    void deliver(const Inbound &in)
    {
        PeerId from = 0;
        {
            std::lock_guard lock(m_peersMutex);
            from = idOfLocked(in.from);
        }
        m_node->onMessage(from, in.payload, m_clock.nowMs());
    }

    void loop()
    {
        using std::chrono::milliseconds;
        while (!m_stop) {
            m_node->onTick(m_clock.nowMs());
            const std::int64_t wait = std::clamp<std::int64_t>(m_node->nextWakeMs() - m_clock.nowMs(), 0, 100);
            if (auto in = m_transport->receive(milliseconds(wait))) {
                deliver(*in);
                // A burst is handled before the next tick, boundedly.
                for (int i = 0; i < 512; ++i) {
                    auto more = m_transport->receive(milliseconds(0));
                    if (!more)
                        break;
                    deliver(*more);
                }
            }
            publish();
        }
    }

    void publish()
    {
        HostSnapshot s;
        s.headHeight = m_node->head()->height;
        const BlockNode *fast = m_node->finalizedTip(FinalityLevel::Fast);
        s.fastHeight = fast->height;
        s.fastHash = fast->hash;
        s.fullHeight = m_node->finalizedTip(FinalityLevel::Full)->height;
        s.economicHeight = m_node->finalizedTip(FinalityLevel::Economic)->height;
        std::lock_guard lock(m_snapshotMutex);
        s.safetyAlarms = m_snapshot.safetyAlarms;
        s.evidenceDetected = m_snapshot.evidenceDetected;
        m_snapshot = s;
    }

    Setup m_setup;
    crypto::KeyPair m_key;
    SystemClock m_clock;
    CachingVerifier m_verifier;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<ConsensusNode> m_node;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};

    mutable std::mutex m_peersMutex;   // the peer table
    std::vector<PublicKey> m_keys;     // PeerId - 1 -> key
    std::map<PublicKey, PeerId> m_ids;

    mutable std::mutex m_snapshotMutex;
    HostSnapshot m_snapshot;
    std::map<std::uint64_t, Hash256> m_fastChain;
};

PeerHost::PeerHost(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PeerHost::~PeerHost() = default;

Result<std::unique_ptr<PeerHost>> PeerHost::start(Setup setup, crypto::KeyPair key)
{
    if (!setup.store || !setup.genesis)
        return makeError("net.setup", "A peer host needs a store and a genesis.");
    auto impl = std::make_unique<Impl>(std::move(setup), std::move(key));
    GTX_TRY(impl->start());
    return std::unique_ptr<PeerHost>(new PeerHost(std::move(impl)));
}

std::string PeerHost::consensusEndpoint() const
{
    return m_impl->transport().consensusEndpoint();
}

std::string PeerHost::bulkEndpoint() const
{
    return m_impl->transport().bulkEndpoint();
}

void PeerHost::addPeers(const std::vector<PeerAddress> &peers)
{
    m_impl->addPeers(peers);
}

void PeerHost::run()
{
    m_impl->run();
}

void PeerHost::stop()
{
    m_impl->stop();
}

HostSnapshot PeerHost::snapshot() const
{
    return m_impl->snapshot();
}

std::optional<Hash256> PeerHost::fastHashAt(std::uint64_t height) const
{
    return m_impl->fastHashAt(height);
}

TransportCounters PeerHost::transportCounters() const
{
    return m_impl->transport().counters();
}

} // namespace gtx::net
