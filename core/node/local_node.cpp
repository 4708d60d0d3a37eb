#include "core/node/local_node.h"

#include "core/crypto/keystore.h"
#include "core/energy/grid_model.h"
#include "core/node/audit_query.h"
#include "core/node/grid_snapshot.h"
#include "core/node/network_file.h"
#include "core/node/node_config.h"
#include "core/node/node_key.h"
#include "core/node/governance_snapshot.h"
#include "core/node/slashing_snapshot.h"
#include "core/node/subscription.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

namespace gtx::node {

namespace {

interfaces::Finality finalityOf(consensus::FinalityLevel level)
{
    switch (level) {
    case consensus::FinalityLevel::None:
        return interfaces::Finality::None;
    case consensus::FinalityLevel::Fast:
        return interfaces::Finality::Fast;
    case consensus::FinalityLevel::Full:
        return interfaces::Finality::Full;
    case consensus::FinalityLevel::Economic:
        return interfaces::Finality::Economic;
    }
    return interfaces::Finality::None;
}

interfaces::ConsensusSnapshot toSnapshot(const net::HostSnapshot &h, std::uint64_t slotMs,
                                         const consensus::ConsensusGenesis &genesis)
{
    const std::map<PublicKey, std::string> authorityNames = consensus::authorityNames(genesis);
    interfaces::ConsensusSnapshot s;
    s.joined = true;
    s.headHeight = h.headHeight;
    s.fastHeight = h.fastHeight;
    s.fullHeight = h.fullHeight;
    s.economicHeight = h.economicHeight;
    s.currentSlot = h.currentSlot;
    s.fastSlot = h.fastSlot;
    s.slotMs = slotMs;
    s.peers = h.peers;
    s.safetyAlarms = h.safetyAlarms;
    for (const auto &b : h.recentBlocks) {
        interfaces::BlockRow r;
        r.height = b.height;
        r.slot = b.slot;
        r.hash = b.hash.hex();
        r.proposer = b.proposer.hex();
        if (const auto it = authorityNames.find(b.proposer); it != authorityNames.end())
            r.proposerName = it->second;
        r.transactions = b.transactions;
        r.finality = finalityOf(b.level);
        r.timeMs = b.timestampMs;
        s.recentBlocks.push_back(r);
    }
    for (const auto &m : h.members) {
        interfaces::MemberRow r;
        r.key = m.key.hex();
        if (m.authority) {
            r.kind = interfaces::MemberKind::Authority;
            r.authorityName = std::string(toString(m.authorityType));
        } else {
            r.kind = m.role == state::ValidatorRole::Stake ? interfaces::MemberKind::StakeValidator
                                                           : interfaces::MemberKind::EnergyValidator;
        }
        r.stakeMicroGt = m.stake;
        r.blocksProduced = m.blocksProduced;
        r.slotsMissed = m.slotsMissed;
        r.rewardsMicroGt = m.rewards;
        r.suspended = m.suspended;
        r.uptimePpm = m.uptimePpm;
        s.members.push_back(r);
    }
    for (const auto &l : h.links) {
        interfaces::PeerRow r;
        r.key = l.key.hex();
        r.kind = static_cast<interfaces::LinkKind>(l.role);
        if (const auto it = authorityNames.find(l.key); it != authorityNames.end())
            r.authorityName = it->second;
        r.health = static_cast<interfaces::LinkHealth>(l.state);
        r.silentMs = l.silentMs;
        r.received = l.received;
        r.score = l.score;
        s.links.push_back(r);
    }
    // Authorities first (in the genesis order), then the rest by key.
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < genesis.authorities.size(); ++i)
        order[genesis.authorities[i].key.hex()] = i;
    std::stable_sort(s.links.begin(), s.links.end(), [&](const interfaces::PeerRow &a, const interfaces::PeerRow &b) {
        const auto ia = order.find(a.key), ib = order.find(b.key);
        const std::size_t ra = ia == order.end() ? order.size() : ia->second;
        const std::size_t rb = ib == order.end() ? order.size() : ib->second;
        return ra < rb;
    });
    return s;
}


} // namespace

// The consensus area: snapshots of the observer host, and a thread that
// tells subscribers about changes at most every 250 ms (and every second
// at least, as the finality lag grows with the clock).
class LocalNode::Consensus final : public interfaces::ConsensusView
{
public:
    Consensus() = default;
    ~Consensus() override { detach(); }

    // `chainMoved` runs on the notifier thread whenever the chain moved.
    void attach(net::PeerHost *host, std::uint64_t slotMs, std::shared_ptr<const consensus::ConsensusGenesis> genesis,
                std::function<void()> chainMoved)
    {
        detach();
        {
            std::lock_guard lock(m_mutex);
            m_host = host;
            m_slotMs = slotMs;
            m_genesis = std::move(genesis);
            m_chainMoved = std::move(chainMoved);
            m_stop = false;
        }
        m_thread = std::thread([this] { loop(); });
    }

    void detach()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_host = nullptr;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    interfaces::ConsensusSnapshot snapshot() const override
    {
        std::lock_guard lock(m_mutex);
        if (!m_host)
            return {};
        return toSnapshot(m_host->snapshot(), m_slotMs, *m_genesis);
    }

    std::unique_ptr<interfaces::Handler> handleChanged(ChangedFn fn) override { return m_subscribers.add(std::move(fn)); }

private:

    void loop()
    {
        std::uint64_t lastVersion = UINT64_MAX;
        auto lastSent = std::chrono::steady_clock::now() - std::chrono::seconds(10);
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::milliseconds(250), [this] { return m_stop; });
            if (m_stop || !m_host)
                break;
            const net::HostSnapshot host = m_host->snapshot();
            const auto now = std::chrono::steady_clock::now();
            if (host.version == lastVersion && now - lastSent < std::chrono::seconds(1))
                continue;
            const bool moved = host.version != lastVersion;
            lastVersion = host.version;
            lastSent = now;
            const interfaces::ConsensusSnapshot s = toSnapshot(host, m_slotMs, *m_genesis);
            lock.unlock();
            m_subscribers.notify(s);
            if (moved && m_chainMoved)
                m_chainMoved();
            lock.lock();
        }
    }

    mutable std::mutex m_mutex;   // m_host, m_stop
    std::condition_variable m_wake;
    net::PeerHost *m_host = nullptr;
    std::uint64_t m_slotMs = 0;
    std::shared_ptr<const consensus::ConsensusGenesis> m_genesis;
    std::function<void()> m_chainMoved;
    bool m_stop = false;
    std::thread m_thread;

    Subscribers<ChangedFn> m_subscribers;
};

// An area read from the Fast-final chain (the grid, the slashing cases):
// its snapshot is made from the Fast-final tip on the node's thread when the
// tip moved, at most every second.
template <class View, class Snapshot>
class TipArea : public View
{
public:
    using Make = std::function<Snapshot(const consensus::ConsensusNode &, const consensus::BlockNode &tip)>;
    explicit TipArea(Make make) : m_make(std::move(make)) {}
    ~TipArea() override { detach(); }

    void attach(net::PeerHost *host)
    {
        detach();
        {
            std::lock_guard lock(m_mutex);
            m_host = host;
            m_stop = false;
        }
        m_thread = std::thread([this] { loop(); });
    }

    void detach()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_host = nullptr;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        std::lock_guard lock(m_mutex);
        m_last = {};
        m_lastTip = {};
    }

    Snapshot snapshot() const override
    {
        std::lock_guard lock(m_mutex);
        if (!m_host)
            return {};
        if (m_last.joined)
            return m_last;
        auto r = read(*m_host, Hash256{});
        return r && r->snapshot ? std::move(*r->snapshot) : Snapshot{};
    }

    std::unique_ptr<interfaces::Handler> handleChanged(typename View::ChangedFn fn) override
    {
        auto handler = m_subscribers.add(std::move(fn));
        m_fresh = true;
        return handler;
    }

private:
    // The Fast-final tip's hash and, when it is not `known`, its snapshot;
    // none when the node is not running or has no tip yet.
    struct Read
    {
        Hash256 tip;
        std::optional<Snapshot> snapshot;
    };
    std::optional<Read> read(net::PeerHost &host, const Hash256 &known) const
    {
        std::optional<Read> out;
        host.onNodeThread([&](const consensus::ConsensusNode &node) {
            const consensus::BlockNode *tip = node.finalizedTip(consensus::FinalityLevel::Fast);
            if (!tip)
                return;
            out.emplace();
            out->tip = tip->hash;
            if (tip->hash != known)
                out->snapshot = m_make(node, *tip);
        });
        return out;
    }

    void loop()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            bool send = false;
            if (m_host) {
                auto r = read(*m_host, m_lastTip);
                if (r && r->snapshot) {
                    m_lastTip = r->tip;
                    send = !(*r->snapshot == m_last);
                    m_last = std::move(*r->snapshot);
                }
            }
            // A new subscriber hears the area as it is, changed or not.
            send = (m_fresh.exchange(false) || send) && m_last.joined;
            if (send) {
                const Snapshot s = m_last;
                lock.unlock();
                m_subscribers.notify(s);
                lock.lock();
            }
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; });
        }
    }

    const Make m_make;
    mutable std::mutex m_mutex;   // m_host, m_stop, m_last, m_lastTip
    std::condition_variable m_wake;
    net::PeerHost *m_host = nullptr;
    bool m_stop = false;
    Snapshot m_last;
    Hash256 m_lastTip;
    std::atomic<bool> m_fresh{false};   // a subscriber joined since the last report
    std::thread m_thread;

    Subscribers<typename View::ChangedFn> m_subscribers;
};

// The grid area: zones, tie lines and trends as the Fast-final chain records them.
class LocalNode::Grid final : public TipArea<interfaces::GridView, interfaces::GridSnapshot>
{
public:
    Grid()
        : TipArea([](const consensus::ConsensusNode &, const consensus::BlockNode &tip) {
              const std::set<std::uint16_t> halted =
                  tip.state.halts ? tip.state.halts->haltedZones() : std::set<std::uint16_t>{};
              return gridSnapshot(energy::defaultGridModel(), tip.state.executed, halted, tip.header().timestampMs);
          })
    {
    }
};

// The slashing area: every case on the Fast-final chain.
class LocalNode::Slashing final : public TipArea<interfaces::SlashingView, interfaces::SlashingSnapshot>
{
public:
    Slashing()
        : TipArea([this](const consensus::ConsensusNode &node, const consensus::BlockNode &tip) {
              return slashingSnapshot(tip.state.executed, node.consensusParams(),
                                      consensus::authorityNames(node.consensusGenesis()), tip.header().timestampMs,
                                      &m_checks);
          })
    {
    }

private:
    // Each case's evidence is verified once (on the node's thread, where
    // the snapshot is made: reads are serialised by the area's mutex).
    EvidenceChecks m_checks;
};

// The governance area: every proposal on the Fast-final chain.
class LocalNode::Governance final : public TipArea<interfaces::GovernanceView, interfaces::GovernanceSnapshot>
{
public:
    Governance()
        : TipArea([](const consensus::ConsensusNode &node, const consensus::BlockNode &tip) {
              return governanceSnapshot(tip.state.executed, node.consensusParams(), node.tree().stateRules(),
                                        consensus::authorityNames(node.consensusGenesis()), tip.header().timestampMs);
          })
    {
    }
};

// The audit area: pages of the trail and its verification, read under the
// node's mutex (a verification holds the ledger while it reads it all).
class LocalNode::Audit final : public interfaces::AuditView
{
public:
    explicit Audit(LocalNode &node) : m_node(node) {}

    Result<interfaces::AuditPage> query(const interfaces::AuditFilter &filter, std::uint64_t beforeSequence,
                                        std::size_t limit) override
    {
        const std::uint64_t count = m_node.status().auditRecords;
        if (!m_node.status().unlocked)
            return makeError("node.locked", "The ledger is locked: unlock it first.");
        const std::vector<interfaces::OperatorRow> operators = m_node.m_operators.list();
        return queryAudit([this](std::uint64_t first, std::size_t max) { return m_node.readAudit(first, max); },
                          count, filter, beforeSequence, limit, operators);
    }

    Result<interfaces::AuditVerification> verify() override
    {
        ledger::VerifyReport report;
        {
            std::lock_guard lock(m_node.m_mutex);
            if (m_node.m_store)
                report = m_node.m_store->withLedger([](ledger::Ledger &l) { return l.verify(); });
            else if (m_node.m_ledger)
                report = m_node.m_ledger->verify();
            else
                return makeError("node.locked", "The ledger is locked: unlock it first.");
        }
        interfaces::AuditVerification v;
        v.ok = report.ok;
        v.records = report.auditRecords;
        v.unsignedRecords = report.unsignedAuditRecords;
        v.blocks = report.blocks;
        v.problem = report.problem;
        v.checkedAtMs = m_node.m_clock->nowMs();
        return v;
    }

private:
    LocalNode &m_node;
};

LocalNode::LocalNode(interfaces::NodeOptions options, std::shared_ptr<const Clock> clock)
    : m_options(std::move(options)), m_clock(std::move(clock)), m_consensus(std::make_unique<Consensus>()),
      m_grid(std::make_unique<Grid>()), m_slashing(std::make_unique<Slashing>()),
      m_governance(std::make_unique<Governance>()), m_operators(m_clock, m_options.sessionIdleMs),
      m_audit(std::make_unique<Audit>(*this))
{
}

interfaces::AuditView &LocalNode::audit()
{
    return *m_audit;
}

Result<std::vector<ledger::AuditRecord>> LocalNode::readAudit(std::uint64_t first, std::size_t max) const
{
    std::lock_guard lock(m_mutex);
    if (m_store)
        return m_store->withLedger([&](ledger::Ledger &l) { return l.auditRange(first, max); });
    if (m_ledger)
        return m_ledger->auditRange(first, max);
    return makeError("node.locked", "The ledger is locked: unlock it first.");
}

interfaces::Operators &LocalNode::operators()
{
    return m_operators;
}

Status LocalNode::openOperators()
{
    auto append = [this](const ledger::AuditEntry &entry, const crypto::KeyPair *signer) {
        Result<ledger::AuditRecord> record = [&] {
            std::lock_guard lock(m_mutex);
            return appendAuditLocked(entry, signer);
        }();
        if (record)
            notifyStatus();
        return record;
    };
    auto read = [this](std::uint64_t first, std::size_t max) { return readAudit(first, max); };
    return m_operators.open(m_options.dataDir, kdfParams(), std::move(append), std::move(read));
}

interfaces::ConsensusView &LocalNode::consensus()
{
    return *m_consensus;
}

interfaces::GridView &LocalNode::grid()
{
    return *m_grid;
}

interfaces::SlashingView &LocalNode::slashing()
{
    return *m_slashing;
}

interfaces::GovernanceView &LocalNode::governance()
{
    return *m_governance;
}

Status LocalNode::joinLocked(ByteView passphrase, const std::string &actor, bool create)
{
    const std::filesystem::path devnet = m_options.joinDevnet;
    auto network = readNetworkFile(devnet / "network.toml");
    if (!network)
        return network.error();
    // The console's place in the devnet: its observer key, its listening
    // endpoints (the nodes link to them) and the nodes' addresses.
    auto config = readNodeConfig(devnet / "console" / "node.toml");
    if (!config)
        return config.error();
    if (!create && !ledger::Ledger::exists(m_options.dataDir))
        return makeError("ledger.not_found", "There is no ledger in " + m_options.dataDir.string() + " yet.");
    auto observerPass = readPassphraseFile(config->passphraseFile);
    if (!observerPass)
        return observerPass.error();
    auto key = crypto::loadKeystore(config->keyFile, asBytes(*observerPass));
    if (!key)
        return key.error();
    auto store = consensus::LedgerConsensusStore::open(m_options.dataDir, passphrase, network->params,
                                                       *network->genesis, kdfParams(), *key);
    if (!store)
        return store.error();
    auto audited = (*store)->ledger().appendAudit(
        {m_clock->nowMs(), actor, "node.unlocked", create ? "first start" : "", "network=devnet observer"},
        *key);
    if (!audited)
        return audited.error();
    crypto::KeyPair nodeKey = key->copy();
    auto host = net::PeerHost::start(hostSetup(*config, network->params, network->genesis, store->get()),
                                     std::move(key).value());
    if (!host)
        return host.error();
    (*host)->addPeers(config->peers);
    (*host)->run();
    m_store = std::move(store).value();
    m_host = std::move(host).value();
    m_nodeKey = std::move(nodeKey);
    m_slotMs = network->params.slotMs;
    // The ledger grows with the Fast-final chain: the status follows it.
    m_consensus->attach(m_host.get(), m_slotMs, network->genesis, [this] { notifyStatus(); });
    m_grid->attach(m_host.get());
    m_slashing->attach(m_host.get());
    m_governance->attach(m_host.get());
    return Status::success();
}

LocalNode::~LocalNode()
{
    shutdown();
}

std::filesystem::path LocalNode::dataDir() const
{
    return m_options.dataDir;
}

std::filesystem::path LocalNode::nodeKeyFile() const
{
    return node::nodeKeyFile(m_options.dataDir);
}

bool LocalNode::ledgerExists() const
{
    return ledger::Ledger::exists(m_options.dataDir);
}

crypto::Argon2Params LocalNode::kdfParams() const
{
    return m_options.fastKdf ? crypto::Argon2Params::interactive()
                             : crypto::Argon2Params::moderate();
}

Status LocalNode::createLedger(ByteView passphrase, const std::string &actor)
{
    if (!m_options.joinDevnet.empty()) {
        {
            std::lock_guard lock(m_mutex);
            if (m_ledger || m_store)
                return makeError("node.already_unlocked", "The ledger is already open.");
            GTX_TRY(joinLocked(passphrase, actor, true));
        }
        notifyStatus();
        return openOperatorsOrClose();
    }
    auto params = networkByName(m_options.networkName);
    if (!params)
        return params.error();
    const Genesis genesis = makeGenesis(*params);
    {
        std::lock_guard lock(m_mutex);
        if (m_ledger)
            return makeError("node.already_unlocked", "The ledger is already open.");
        if (ledger::Ledger::exists(m_options.dataDir))
            return makeError("ledger.exists", "A ledger already exists in this directory.");
        // The node key first: a ledger is never left without the key that
        // signed its first record. A key file left by a creation that
        // failed before its ledger was begun, or while it was being made,
        // is replaced; one beside a database is kept (Ledger::create then
        // refuses, and says why).
        crypto::KeyPair key = crypto::KeyPair::generate();
        std::error_code ec;
        std::filesystem::create_directories(m_options.dataDir, ec);
        const auto &dir = m_options.dataDir;
        if (!std::filesystem::exists(dir / "ledger.db", ec)
            || std::filesystem::exists(dir / "ledger.kdf.creating", ec))
            std::filesystem::remove(nodeKeyFile(), ec);
        GTX_TRY(crypto::saveKeystore(nodeKeyFile(), key, "node", passphrase, kdfParams()));
        auto created = ledger::Ledger::create(m_options.dataDir, passphrase, genesis.block,
                                              genesis.state, kdfParams(), key);
        if (!created)
            return created.error();
        m_nodeKey = std::move(key);
        m_ledger = std::move(created).value();
        auto audited = appendAuditLocked({m_clock->nowMs(), actor, "node.unlocked",
                                          "first start", "network=" + params->name});
        if (!audited) {
            m_ledger.reset();   // a later unlock retries
            m_nodeKey = {};
            return audited.error();
        }
    }
    notifyStatus();
    return openOperatorsOrClose();
}

Status LocalNode::unlock(ByteView passphrase, const std::string &actor)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_ledger || m_store)
            return makeError("node.already_unlocked", "The ledger is already open.");
        if (!m_options.joinDevnet.empty()) {
            GTX_TRY(joinLocked(passphrase, actor, false));
        }
    }
    if (!m_options.joinDevnet.empty()) {
        notifyStatus();
        return openOperatorsOrClose();
    }
    {
        std::lock_guard lock(m_mutex);
        auto opened = ledger::Ledger::open(m_options.dataDir, passphrase);
        if (!opened)
            return opened.error();
        auto key = node::loadNodeKey(m_options.dataDir, passphrase);
        if (!key)
            return key.error();
        m_nodeKey = std::move(key).value();
        m_ledger = std::move(opened).value();
        // No unlock without its audit record.
        auto audited = appendAuditLocked({m_clock->nowMs(), actor, "node.unlocked", "", ""});
        if (!audited) {
            m_ledger.reset();
            m_nodeKey = {};
            return audited.error();
        }
    }
    notifyStatus();
    return openOperatorsOrClose();
}

Status LocalNode::openOperatorsOrClose()
{
    Status opened = openOperators();
    if (!opened)
        shutdown();   // no console without its operators
    return opened;
}

void LocalNode::shutdown()
{
    m_operators.close();
    m_consensus->detach();
    m_grid->detach();
    m_slashing->detach();
    m_governance->detach();
    std::unique_ptr<ledger::Ledger> closing;
    std::unique_ptr<net::PeerHost> host;
    std::unique_ptr<consensus::LedgerConsensusStore> store;
    {
        std::lock_guard lock(m_mutex);
        closing = std::move(m_ledger);
        host = std::move(m_host);
        store = std::move(m_store);
        m_nodeKey = {};
    }
    if (host)
        host->stop();   // before its store goes
    host.reset();
    if (store)
        (void)store->ledger().flushState();
    if (closing || store) {
        closing.reset();
        store.reset();
        notifyStatus();
    }
}

interfaces::NodeStatus LocalNode::statusLocked() const
{
    interfaces::NodeStatus s;
    s.networkName = m_options.networkName;
    auto fill = [&s](const ledger::Ledger &l) {
        s.unlocked = true;
        s.height = l.height();
        s.headHash = l.headHash().hex();
        s.stateRoot = l.stateRoot().hex();
        if (auto header = l.headerAt(s.height))
            s.headTimeMs = header->timestampMs;
        s.auditRecords = l.auditCount();
    };
    if (m_store)
        m_store->withLedger([&](ledger::Ledger &l) { fill(l); });
    else if (m_ledger)
        fill(*m_ledger);
    return s;
}

interfaces::NodeStatus LocalNode::status() const
{
    std::lock_guard lock(m_mutex);
    return statusLocked();
}

Result<ledger::AuditRecord> LocalNode::appendAuditLocked(const ledger::AuditEntry &entry,
                                                         const crypto::KeyPair *signer)
{
    const crypto::KeyPair &key = signer ? *signer : m_nodeKey;
    if (m_store)
        return m_store->withLedger([&](ledger::Ledger &l) { return l.appendAudit(entry, key); });
    if (m_ledger)
        return m_ledger->appendAudit(entry, key);
    return makeError("node.locked", "The ledger is locked: unlock it first.");
}

std::unique_ptr<interfaces::Handler> LocalNode::handleStatusChanged(StatusChangedFn fn)
{
    return m_statusSubscribers.add(std::move(fn));
}

void LocalNode::notifyStatus()
{
    const interfaces::NodeStatus s = status();
    m_statusSubscribers.notify(s);
}

} // namespace gtx::node

namespace gtx::interfaces {

std::unique_ptr<Node> makeLocalNode(const NodeOptions &options)
{
    return std::make_unique<node::LocalNode>(options, std::make_shared<SystemClock>());
}

} // namespace gtx::interfaces
