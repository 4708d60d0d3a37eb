#include "core/net/peer_host.h"

#include "core/consensus/messages.h"
#include "core/consensus/verifier.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>

namespace gtx::net {

using namespace consensus;

std::int64_t wallClockUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

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

std::vector<PublicKey> admittedKeys(const ConsensusGenesis &genesis, const BlockNode &block,
                                    const std::vector<PublicKey> &observers)
{
    std::vector<PublicKey> keys = observers;
    for (const auto &a : genesis.authorities)
        keys.push_back(a.key);
    if (block.epoch) {
        for (const auto &v : block.epoch->active.members)
            keys.push_back(v.key);
        for (const auto &v : block.epoch->nextActive.members)
            keys.push_back(v.key);
    }
    for (const auto &v : block.state.executed.validators())
        if (v.selfBond > 0)
            keys.push_back(v.key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::int64_t linkLostAfterMs(std::uint64_t slotMs)
{
    return std::max<std::int64_t>(3000, 5 * static_cast<std::int64_t>(slotMs));
}

std::string prometheusText(const HostSnapshot &h, const TransportCounters &t, std::uint64_t slotMs)
{
    std::ostringstream o;
    auto metric = [&](const char *name, const char *type, const char *help) {
        o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
    };
    metric("gtx_height", "gauge", "Height of the newest block at each finality level.");
    o << "gtx_height{level=\"head\"} " << h.headHeight << "\ngtx_height{level=\"fast\"} " << h.fastHeight
      << "\ngtx_height{level=\"full\"} " << h.fullHeight << "\ngtx_height{level=\"economic\"} "
      << h.economicHeight << '\n';
    metric("gtx_finality_lag_seconds", "gauge", "Time from the Fast-final block's slot to this node's clock.");
    const std::uint64_t lagSlots = h.currentSlot > h.fastSlot ? h.currentSlot - h.fastSlot : 0;
    o << "gtx_finality_lag_seconds " << static_cast<double>(lagSlots * slotMs) / 1000.0 << '\n';
    metric("gtx_peers", "gauge", "Peers this node links to.");
    o << "gtx_peers " << h.peers << '\n';
    metric("gtx_mempool_transactions", "gauge", "Transactions waiting, per lane.");
    for (std::size_t lane = 0; lane < kLaneCount; ++lane)
        o << "gtx_mempool_transactions{lane=\"" << toString(static_cast<Lane>(lane)) << "\"} " << h.mempool[lane]
          << '\n';
    metric("gtx_links", "gauge", "Peer links by state (up, connecting, silent, lost, banned).");
    {
        std::size_t byState[5] = {};
        std::size_t lostAuthorities = 0;
        for (const LinkSummary &l : h.links) {
            ++byState[static_cast<std::size_t>(l.state)];
            lostAuthorities += l.role == LinkRole::Authority && l.state == LinkState::Lost;
        }
        const char *names[5] = {"connecting", "up", "silent", "lost", "banned"};
        for (std::size_t i = 0; i < 5; ++i)
            o << "gtx_links{state=\"" << names[i] << "\"} " << byState[i] << '\n';
        metric("gtx_authority_links_lost", "gauge", "Authorities this node has not heard from for five slots.");
        o << "gtx_authority_links_lost " << lostAuthorities << '\n';
        metric("gtx_upgrade_required", "gauge",
               "1 when the chain runs chain rules this release does not have (install the new release).");
        o << "gtx_upgrade_required " << (h.upgradeRequired ? 1 : 0) << '\n';
    }
    const std::pair<const char *, std::uint64_t> counters[] = {
        {"gtx_messages_received_total", h.counters.messagesIn},
        {"gtx_messages_malformed_total", h.counters.malformed},
        {"gtx_blocks_rejected_total", h.counters.blocksRejected},
        {"gtx_blocks_proposed_total", h.counters.blocksProposed},
        {"gtx_link_votes_signed_total", h.counters.votesSigned},
        {"gtx_attestations_signed_total", h.counters.attestationsSigned},
        {"gtx_signatures_refused_total", h.counters.signRefused},
        {"gtx_evidence_detected_total", h.evidenceDetected},
        {"gtx_safety_alarms_total", h.safetyAlarms},
        {"gtx_transport_delivered_total", t.delivered},
        {"gtx_transport_sent_total", t.sent},
        {"gtx_transport_send_dropped_total", t.sendDropped},
        {"gtx_transport_refused_handshakes_total", t.refusedHandshakes},
        {"gtx_transport_malformed_total", t.malformed},
        {"gtx_transport_rate_limited_total", t.rateLimited},
        {"gtx_transport_from_unlisted_total", t.fromUnlisted},
        {"gtx_transport_bans_total", t.bans},
        {"gtx_transport_relinks_total", t.relinks},
    };
    for (const auto &[name, value] : counters) {
        metric(name, "counter", "See docs/network.md.");
        o << name << ' ' << value << '\n';
    }
    return o.str();
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
        m_startedMs = m_clock.nowMs();
        // Until the chain is restored (publish() below), the genesis members:
        // an empty list would refuse every peer's handshake meanwhile.
        {
            std::vector<PublicKey> genesisMembers = m_setup.observers;
            for (const auto &a : m_setup.genesis->authorities)
                genesisMembers.push_back(a.key);
            for (const auto &c : m_setup.genesis->candidates)
                genesisMembers.push_back(c.info.publicKey);
            setAllowList(std::move(genesisMembers));
        }
        for (const auto &a : m_setup.genesis->authorities)
            m_authorities.insert(a.key);

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
        publish();   // sets the allow-list before any peer links
        return Status::success();
    }

    // Runs `task` on the node's thread and waits for it; false when the node is not running.
    bool onNodeThread(const std::function<void(ConsensusNode &)> &task)
    {
        std::future<void> done;
        {
            std::lock_guard lock(m_submitMutex);
            if (!m_running)
                return false;
            m_tasks.emplace_back(task, std::promise<void>());
            done = m_tasks.back().second.get_future();
        }
        m_transport->interrupt();   // the node thread may be waiting for messages
        done.get();
        return true;
    }

    Status submitTransaction(const Transaction &tx)
    {
        Status verdict = makeError("net.stopped", "The node is not running.");
        onNodeThread([&](ConsensusNode &node) { verdict = node.submitTransaction(tx, m_clock.nowMs()); });
        return verdict;
    }

    std::vector<Status> submitTransactions(const std::vector<Transaction> &txs)
    {
        // In slices, each one task: between two of them the node thread
        // goes round its loop, so votes and emergency blocks never wait
        // behind a whole batch.
        constexpr std::size_t kSlice = 64;
        std::vector<Status> verdicts;
        verdicts.reserve(txs.size());
        for (std::size_t at = 0; at < txs.size(); at += kSlice) {
            const std::span<const Transaction> slice(txs.data() + at, std::min(kSlice, txs.size() - at));
            std::vector<Status> part(slice.size(), makeError("net.stopped", "The node is not running."));
            onNodeThread([&](ConsensusNode &node) { part = node.submitTransactions(slice, m_clock.nowMs()); });
            verdicts.insert(verdicts.end(), part.begin(), part.end());
        }
        return verdicts;
    }

    Status submitEmergencyOrder(const Transaction &order)
    {
        Status verdict = makeError("net.stopped", "The node is not running.");
        onNodeThread([&](ConsensusNode &node) { verdict = node.submitEmergencyOrder(order, m_clock.nowMs()); });
        return verdict;
    }

    Status submitEvidence(const Evidence &evidence)
    {
        Status verdict = makeError("net.stopped", "The node is not running.");
        onNodeThread([&](ConsensusNode &node) { verdict = node.submitEvidence(evidence); });
        return verdict;
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
        {
            std::lock_guard lock(m_submitMutex);
            m_running = true;
        }
        m_thread = std::thread([this] { loop(); });
    }

    void stop()
    {
        {
            std::lock_guard lock(m_submitMutex);
            m_running = false;
            m_stop = true;
        }
        if (m_thread.joinable())
            m_thread.join();
        std::lock_guard lock(m_submitMutex);
        for (auto &[task, done] : m_tasks)
            done.set_value();   // not run: the caller's result stays "stopped"
        m_tasks.clear();
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
            if (admits(k))
                m_transport->send(k, channel, message);
    }

    void sendTo(const std::vector<PeerId> &peers, const Bytes &message) override
    {
        const Channel channel = channelOf(message);
        std::lock_guard lock(m_peersMutex);
        for (PeerId id : peers)
            if (id >= 1 && id <= m_keys.size() && admits(m_keys[id - 1]))
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
        const std::int64_t at = wallClockUs();
        std::lock_guard lock(m_snapshotMutex);
        m_fastChain[block.height] = FastMark{block.hash, at};
        while (m_fastChain.size() > 8192)
            m_fastChain.erase(m_fastChain.begin());
    }

    void onInstantFinal(const EmergencyRecord &record) override
    {
        const std::int64_t at = wallClockUs();
        const Hash256 order = transactionId(record.block.order);
        std::lock_guard lock(m_snapshotMutex);
        if (!m_instantAt.emplace(order, at).second)
            return;
        m_instantOrder.push_back(order);
        while (m_instantOrder.size() > 1024) {
            m_instantAt.erase(m_instantOrder.front());
            m_instantOrder.pop_front();
        }
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
        return it->second.hash;
    }

    std::optional<std::int64_t> fastAtUs(std::uint64_t height) const
    {
        std::lock_guard lock(m_snapshotMutex);
        const auto it = m_fastChain.find(height);
        if (it == m_fastChain.end())
            return std::nullopt;
        return it->second.atUs;
    }

    std::optional<std::int64_t> instantAtUs(const Hash256 &orderId) const
    {
        std::lock_guard lock(m_snapshotMutex);
        const auto it = m_instantAt.find(orderId);
        if (it == m_instantAt.end())
            return std::nullopt;
        return it->second;
    }

    Transport &transport() { return *m_transport; }

private:
    // Host thread only (m_admitted is written there).
    bool admits(const PublicKey &key) const { return std::binary_search(m_admitted.begin(), m_admitted.end(), key); }

    void runTasks()
    {
        std::deque<std::pair<std::function<void(ConsensusNode &)>, std::promise<void>>> batch;
        {
            std::lock_guard lock(m_submitMutex);
            batch.swap(m_tasks);
        }
        for (auto &[task, done] : batch) {
            task(*m_node);
            done.set_value();
        }
    }

    // The allow-list of the head and the Fast-final block together: a
    // validator leaves it only once both have let it go.
    void updateAllowList(const BlockNode *head, const BlockNode *fast)
    {
        std::vector<PublicKey> keys = admittedKeys(*m_setup.genesis, *head, m_setup.observers);
        if (fast && fast != head) {
            const auto more = admittedKeys(*m_setup.genesis, *fast, m_setup.observers);
            std::vector<PublicKey> both;
            std::set_union(keys.begin(), keys.end(), more.begin(), more.end(), std::back_inserter(both));
            keys.swap(both);
        }
        setAllowList(std::move(keys));
    }

    // Sorted, without duplicates or this node; the transport is told only of a change.
    void setAllowList(std::vector<PublicKey> keys)
    {
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        keys.erase(std::remove(keys.begin(), keys.end(), m_key.publicKey()), keys.end());
        if (keys == m_admitted)
            return;
        m_admitted = keys;
        m_transport->setAllowed(keys);
    }

    std::vector<LinkSummary> linkSummaries() const
    {
        const std::int64_t lostAfter = linkLostAfterMs(m_setup.params.slotMs);
        const bool graceOver = m_clock.nowMs() - m_startedMs > 2 * lostAfter;
        std::set<PublicKey> configured;
        {
            std::lock_guard lock(m_peersMutex);
            configured.insert(m_keys.begin(), m_keys.end());
        }
        std::vector<LinkSummary> out;
        for (const PeerLink &l : m_transport->peerLinks()) {
            if (l.key == m_key.publicKey() || (!l.allowed && !configured.count(l.key)))
                continue;
            LinkSummary s;
            s.key = l.key;
            s.silentMs = l.silentMs;
            s.received = l.received;
            s.score = l.score;
            if (m_authorities.count(l.key))
                s.role = LinkRole::Authority;
            else if (std::find(m_setup.observers.begin(), m_setup.observers.end(), l.key) != m_setup.observers.end())
                s.role = LinkRole::Observer;
            else if (l.allowed)
                s.role = LinkRole::Validator;
            const bool heard = l.silentMs >= 0 && l.silentMs <= lostAfter;
            if (l.banned)
                s.state = LinkState::Banned;
            else if (heard)
                s.state = LinkState::Up;
            else if (s.role == LinkRole::Observer || s.role == LinkRole::Other)
                s.state = LinkState::Silent;
            else if (l.silentMs >= 0 || graceOver)
                s.state = LinkState::Lost;
            out.push_back(s);
        }
        return out;
    }

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
            runTasks();
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
        // The block feed and the members change only with the head or finality.
        const BlockNode *head = m_node->head();
        const BlockNode *fastTip = m_node->finalizedTip(FinalityLevel::Fast);
        const BlockNode *fullTip = m_node->finalizedTip(FinalityLevel::Full);
        const BlockNode *economicTip = m_node->finalizedTip(FinalityLevel::Economic);
        const bool moved = head != m_lastHead || fastTip != m_lastFast || fullTip != m_lastFull
                           || economicTip != m_lastEconomic;
        if (moved) {
            m_lastHead = head;
            m_lastFast = fastTip;
            m_lastFull = fullTip;
            m_lastEconomic = economicTip;
            ++m_version;
            updateAllowList(head, fastTip);
            m_recent.clear();
            for (const BlockNode *b = head; b && m_recent.size() < kRecentBlocks && b->height > 0; b = b->parent) {
                BlockSummary r;
                r.height = b->height;
                r.slot = b->slot;
                r.hash = b->hash;
                r.proposer = b->header().proposer;
                r.transactions = static_cast<std::uint32_t>(b->block->transactions.size());
                r.level = b->level;
                r.timestampMs = b->header().timestampMs;
                m_recent.push_back(r);
            }
            m_members.clear();
            for (const auto &a : m_setup.genesis->authorities) {
                MemberSummary m;
                m.key = a.key;
                m.authority = true;
                m.authorityType = a.type;
                m_members.push_back(m);
            }
            for (const auto &v : head->epoch->active.members) {
                MemberSummary m;
                m.key = v.key;
                m.role = v.role;
                m.stake = v.stake;
                if (const auto record = head->state.executed.validator(v.key)) {
                    m.role = record->role;
                    m.stake = record->stake();
                    m.blocksProduced = record->blocksProduced;
                    m.slotsMissed = record->slotsMissed;
                    m.uptimePpm = record->uptimePpm();
                    m.rewards = record->rewardsEarned;
                    m.suspended = record->suspended();
                }
                m_members.push_back(m);
            }
        }
        HostSnapshot s;
        s.headHeight = m_node->head()->height;
        const BlockNode *fast = m_node->finalizedTip(FinalityLevel::Fast);
        s.fastHeight = fast->height;
        s.fastHash = fast->hash;
        s.fullHeight = m_node->finalizedTip(FinalityLevel::Full)->height;
        s.economicHeight = m_node->finalizedTip(FinalityLevel::Economic)->height;
        s.fastSlot = fast->slot;
        s.currentSlot = m_setup.params.slotAt(m_clock.nowMs());
        if (const auto upgrade = m_node->head()->state.executed.scheduledUpgrade()) {
            s.upgradeVersion = upgrade->version;
            s.upgradeSlot = upgrade->slot;
        }
        s.upgradeRequired = m_node->upgradeRequired().has_value();
        s.counters = m_node->counters();
        for (std::size_t lane = 0; lane < kLaneCount; ++lane)
            s.mempool[lane] = m_node->mempool().size(static_cast<Lane>(lane));
        {
            std::lock_guard lock(m_peersMutex);
            s.peers = m_keys.size();
        }
        s.version = m_version;
        s.admitted = m_admitted;
        // The links' health changes with time, not with messages: judged at
        // most every 250 ms (as often as anyone reads it), not after every burst.
        if (moved || m_clock.nowMs() - m_linksAtMs >= 250) {
            m_links = linkSummaries();
            m_linksAtMs = m_clock.nowMs();
        }
        s.links = m_links;
        std::lock_guard lock(m_snapshotMutex);
        s.safetyAlarms = m_snapshot.safetyAlarms;
        s.evidenceDetected = m_snapshot.evidenceDetected;
        s.recentBlocks = m_recent;
        s.members = m_members;
        m_snapshot = std::move(s);
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
    std::vector<PublicKey> m_admitted;   // host thread: the allow-list in force
    std::set<PublicKey> m_authorities;
    std::int64_t m_startedMs = 0;
    std::vector<LinkSummary> m_links;   // host thread: the last linkSummaries()
    std::int64_t m_linksAtMs = INT64_MIN / 2;

    std::mutex m_submitMutex;
    bool m_running = false;   // accepting tasks
    std::deque<std::pair<std::function<void(ConsensusNode &)>, std::promise<void>>> m_tasks;

    // Host thread only: what the last snapshot was built from.
    const BlockNode *m_lastHead = nullptr;
    const BlockNode *m_lastFast = nullptr;
    const BlockNode *m_lastFull = nullptr;
    const BlockNode *m_lastEconomic = nullptr;
    std::uint64_t m_version = 0;
    std::vector<BlockSummary> m_recent;
    std::vector<MemberSummary> m_members;

    mutable std::mutex m_snapshotMutex;
    HostSnapshot m_snapshot;
    struct FastMark
    {
        Hash256 hash;
        std::int64_t atUs = 0;   // when this node saw it Fast-final (wallClockUs)
    };
    std::map<std::uint64_t, FastMark> m_fastChain;
    std::map<Hash256, std::int64_t> m_instantAt;   // emergency order id -> when certified here
    std::deque<Hash256> m_instantOrder;            // the same ids, oldest first (bounds the map)
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

Status PeerHost::submitTransaction(const Transaction &tx)
{
    return m_impl->submitTransaction(tx);
}

std::vector<Status> PeerHost::submitTransactions(const std::vector<Transaction> &txs)
{
    return m_impl->submitTransactions(txs);
}

Status PeerHost::submitEmergencyOrder(const Transaction &order)
{
    return m_impl->submitEmergencyOrder(order);
}

Status PeerHost::submitEvidence(const Evidence &evidence)
{
    return m_impl->submitEvidence(evidence);
}

std::optional<std::int64_t> PeerHost::fastAtUs(std::uint64_t height) const
{
    return m_impl->fastAtUs(height);
}

std::optional<std::int64_t> PeerHost::instantAtUs(const Hash256 &orderId) const
{
    return m_impl->instantAtUs(orderId);
}

bool PeerHost::onNodeThread(const std::function<void(const consensus::ConsensusNode &)> &task)
{
    return m_impl->onNodeThread([&task](ConsensusNode &node) { task(node); });
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
