#include "core/node/local_node.h"

#include <utility>
#include <vector>

namespace gtx::node {

class LocalNode::StatusHandler final : public interfaces::Handler
{
public:
    StatusHandler(std::weak_ptr<std::mutex> mutex,
                  std::weak_ptr<std::map<int, StatusChangedFn>> handlers, int id)
        : m_mutex(std::move(mutex)), m_handlers(std::move(handlers)), m_id(id)
    {
    }
    ~StatusHandler() override { disconnect(); }

    void disconnect() override
    {
        auto mutex = m_mutex.lock();
        auto handlers = m_handlers.lock();
        if (!mutex || !handlers)
            return;
        std::lock_guard lock(*mutex);
        handlers->erase(m_id);
    }

private:
    std::weak_ptr<std::mutex> m_mutex;
    std::weak_ptr<std::map<int, StatusChangedFn>> m_handlers;
    int m_id;
};

LocalNode::LocalNode(interfaces::NodeOptions options, std::shared_ptr<const Clock> clock)
    : m_options(std::move(options)), m_clock(std::move(clock))
{
}

LocalNode::~LocalNode()
{
    shutdown();
}

std::filesystem::path LocalNode::dataDir() const
{
    return m_options.dataDir;
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
    auto params = networkByName(m_options.networkName);
    if (!params)
        return params.error();
    const Genesis genesis = makeGenesis(*params);
    {
        std::lock_guard lock(m_mutex);
        if (m_ledger)
            return makeError("node.already_unlocked", "The ledger is already open.");
        auto created = ledger::Ledger::create(m_options.dataDir, passphrase, genesis.block,
                                              genesis.state, kdfParams());
        if (!created)
            return created.error();
        auto ledger = std::move(created).value();
        auto audited = ledger->appendAudit({m_clock->nowMs(), actor, "node.unlocked",
                                            "first start", "network=" + params->name});
        if (!audited)
            return audited.error(); // the ledger closes; a later unlock retries
        m_ledger = std::move(ledger);
    }
    notifyStatus();
    return {};
}

Status LocalNode::unlock(ByteView passphrase, const std::string &actor)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_ledger)
            return makeError("node.already_unlocked", "The ledger is already open.");
        auto opened = ledger::Ledger::open(m_options.dataDir, passphrase);
        if (!opened)
            return opened.error();
        auto ledger = std::move(opened).value();
        // No unlock without its audit record.
        auto audited = ledger->appendAudit({m_clock->nowMs(), actor, "node.unlocked", "", ""});
        if (!audited)
            return audited.error();
        m_ledger = std::move(ledger);
    }
    notifyStatus();
    return {};
}

void LocalNode::shutdown()
{
    std::unique_ptr<ledger::Ledger> closing;
    {
        std::lock_guard lock(m_mutex);
        closing = std::move(m_ledger);
    }
    if (closing) {
        closing.reset();
        notifyStatus();
    }
}

interfaces::NodeStatus LocalNode::statusLocked() const
{
    interfaces::NodeStatus s;
    s.networkName = m_options.networkName;
    if (!m_ledger)
        return s;
    s.unlocked = true;
    s.height = m_ledger->height();
    s.headHash = m_ledger->headHash().hex();
    s.stateRoot = m_ledger->stateRoot().hex();
    if (auto header = m_ledger->headerAt(s.height))
        s.headTimeMs = header->timestampMs;
    s.auditRecords = m_ledger->auditCount();
    return s;
}

interfaces::NodeStatus LocalNode::status() const
{
    std::lock_guard lock(m_mutex);
    return statusLocked();
}

Status LocalNode::recordAudit(const std::string &actor, const std::string &action,
                              const std::string &reason, const std::string &details)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_ledger)
            return makeError("node.locked", "The ledger is locked: unlock it first.");
        auto appended = m_ledger->appendAudit({m_clock->nowMs(), actor, action, reason, details});
        if (!appended)
            return appended.error();
    }
    notifyStatus();
    return {};
}

std::unique_ptr<interfaces::Handler> LocalNode::handleStatusChanged(StatusChangedFn fn)
{
    std::lock_guard lock(*m_handlersMutex);
    const int id = m_nextHandlerId++;
    (*m_handlers)[id] = std::move(fn);
    return std::make_unique<StatusHandler>(m_handlersMutex, m_handlers, id);
}

void LocalNode::notifyStatus()
{
    const interfaces::NodeStatus s = status();
    std::vector<StatusChangedFn> callbacks;
    {
        std::lock_guard lock(*m_handlersMutex);
        for (const auto &[id, fn] : *m_handlers)
            callbacks.push_back(fn);
    }
    for (const auto &fn : callbacks)
        fn(s);
}

} // namespace gtx::node

namespace gtx::interfaces {

std::unique_ptr<Node> makeLocalNode(const NodeOptions &options)
{
    return std::make_unique<node::LocalNode>(options, std::make_shared<SystemClock>());
}

} // namespace gtx::interfaces
