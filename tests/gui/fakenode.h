#pragma once

// A stand-in for the node in GUI tests: records every call (with the thread
// it came on), answers from a fixed passphrase, and can hold a call until the
// test releases it, to see the console while the node is busy.

#include "core/node/interface.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace gtx::test {

// An area of the fake node (consensus, grid): a snapshot the test sets, and
// change events sent from a thread of its own.
template <class View, class Snapshot>
class FakeArea final : public View
{
public:
    using ChangedFn = typename View::ChangedFn;

    void setSnapshot(const Snapshot &s)
    {
        std::lock_guard lock(*m_mutex);
        m_snapshot = s;
    }
    void emitFromNodeThread(const Snapshot &s)
    {
        setSnapshot(s);
        std::thread([this, s]() {
            std::map<int, ChangedFn> handlers;
            {
                std::lock_guard lock(*m_mutex);
                handlers = *m_handlers;
            }
            for (auto &[id, fn] : handlers)
                fn(s);
        }).join();
    }
    int handlers() const
    {
        std::lock_guard lock(*m_mutex);
        return int(m_handlers->size());
    }

    Snapshot snapshot() const override
    {
        std::lock_guard lock(*m_mutex);
        return m_snapshot;
    }
    std::unique_ptr<interfaces::Handler> handleChanged(ChangedFn fn) override
    {
        std::lock_guard lock(*m_mutex);
        const int id = m_nextId++;
        (*m_handlers)[id] = std::move(fn);
        return std::make_unique<Subscription>(m_mutex, m_handlers, id);
    }

private:
    class Subscription final : public interfaces::Handler
    {
    public:
        Subscription(std::shared_ptr<std::mutex> mutex, std::shared_ptr<std::map<int, ChangedFn>> handlers, int id)
            : m_mutex(std::move(mutex)), m_handlers(std::move(handlers)), m_id(id)
        {
        }
        ~Subscription() override { disconnect(); }
        void disconnect() override
        {
            std::lock_guard lock(*m_mutex);
            m_handlers->erase(m_id);
        }

    private:
        std::shared_ptr<std::mutex> m_mutex;
        std::shared_ptr<std::map<int, ChangedFn>> m_handlers;
        int m_id;
    };
    std::shared_ptr<std::mutex> m_mutex = std::make_shared<std::mutex>();
    std::shared_ptr<std::map<int, ChangedFn>> m_handlers = std::make_shared<std::map<int, ChangedFn>>();
    int m_nextId = 1;
    Snapshot m_snapshot;
};

using FakeConsensus = FakeArea<interfaces::ConsensusView, interfaces::ConsensusSnapshot>;
using FakeGrid = FakeArea<interfaces::GridView, interfaces::GridSnapshot>;
using FakeSlashing = FakeArea<interfaces::SlashingView, interfaces::SlashingSnapshot>;
using FakeGovernance = FakeArea<interfaces::GovernanceView, interfaces::GovernanceSnapshot>;

// The audit trail of the fake node: the rows the test sets, filtered by
// actor and paged like the real one; verify() answers what the test says.
class FakeAudit final : public interfaces::AuditView
{
public:
    void setRows(std::vector<interfaces::AuditRow> rowsNewestFirst)
    {
        std::lock_guard lock(m_mutex);
        m_rows = std::move(rowsNewestFirst);
    }
    void setVerification(const interfaces::AuditVerification &v)
    {
        std::lock_guard lock(m_mutex);
        m_verification = v;
    }
    Result<interfaces::AuditPage> query(const interfaces::AuditFilter &filter, std::uint64_t before,
                                        std::size_t limit) override
    {
        std::lock_guard lock(m_mutex);
        interfaces::AuditPage page;
        page.total = m_rows.size();
        for (const auto &r : m_rows) {
            if ((before != 0 && r.sequence >= before) || (!filter.actor.empty() && r.actor != filter.actor))
                continue;
            if (page.rows.size() == limit) {
                page.nextBefore = r.sequence + 1;
                break;
            }
            page.rows.push_back(r);
        }
        return page;
    }
    Result<interfaces::AuditVerification> verify() override
    {
        std::lock_guard lock(m_mutex);
        return m_verification;
    }

private:
    std::mutex m_mutex;
    std::vector<interfaces::AuditRow> m_rows;
    interfaces::AuditVerification m_verification;
};

// The operators of the fake node: accounts the test sets (id, roles,
// passphrase), sessions by token, and the role table of the real node
// (interfaces::roleAllows) for recordAction. Sessions lock when the test
// says so.
class FakeOperators final : public interfaces::Operators
{
public:
    void addAccount(const std::string &id, const std::string &name, interfaces::RoleSet roles,
                    const std::string &passphrase)
    {
        std::lock_guard lock(m_mutex);
        interfaces::OperatorRow row;
        row.id = id;
        row.displayName = name;
        row.roles = roles;
        m_accounts[id] = {row, passphrase};
    }
    // A session opened without a dialog (pages under test).
    interfaces::OperatorSession openSession(const std::string &id, interfaces::RoleSet roles)
    {
        addAccount(id, id, roles, "unused passphrase");
        std::lock_guard lock(m_mutex);
        return openLocked(id);
    }
    void lockAll()
    {
        std::lock_guard lock(m_mutex);
        m_sessions.clear();
    }
    // Commands recorded so far ("id action details"), and a switch to refuse them.
    std::vector<std::string> actions() const
    {
        std::lock_guard lock(m_mutex);
        return m_actions;
    }
    void setActionsFail(bool fails)
    {
        std::lock_guard lock(m_mutex);
        m_actionsFail = fails;
    }
    int signInCalls() const
    {
        std::lock_guard lock(m_mutex);
        return m_signInCalls;
    }
    QThread *lastCallThread() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastCallThread;
    }

    std::vector<interfaces::OperatorRow> list() const override
    {
        std::lock_guard lock(m_mutex);
        std::vector<interfaces::OperatorRow> rows;
        for (const auto &[id, a] : m_accounts)
            rows.push_back(a.row);
        return rows;
    }
    bool needsFirstAdministrator() const override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        return m_accounts.empty();
    }
    Result<interfaces::OperatorSession> createFirstAdministrator(const interfaces::NewOperator &who,
                                                                 ByteView passphrase) override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        if (!m_accounts.empty())
            return makeError("operator.exists", "There are operators already: sign in.");
        if (passphrase.size() < 12)
            return makeError("passphrase.too_short", "The passphrase is too short.");
        interfaces::OperatorRow row;
        row.id = who.id;
        row.displayName = who.displayName;
        row.roles = who.roles;
        m_accounts[who.id] = {row, std::string(passphrase.begin(), passphrase.end())};
        return openLocked(who.id);
    }
    Result<interfaces::OperatorSession> signIn(const std::string &id, ByteView passphrase) override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        ++m_signInCalls;
        const auto it = m_accounts.find(id);
        if (it == m_accounts.end())
            return makeError("operator.unknown", "There is no active operator with that id.");
        if (it->second.passphrase != std::string(passphrase.begin(), passphrase.end()))
            return makeError("operator.wrong_passphrase", "The passphrase is wrong.");
        return openLocked(id);
    }
    void signOut(const std::string &token) override
    {
        std::lock_guard lock(m_mutex);
        m_sessions.erase(token);
    }
    Result<interfaces::OperatorSession> session(const std::string &token) override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        const auto it = m_sessions.find(token);
        if (it == m_sessions.end())
            return makeError("operator.session_locked", "The session is locked: sign in again.");
        return describeLocked(token, it->second);
    }
    Status keepAlive(const std::string &token) override
    {
        std::lock_guard lock(m_mutex);
        ++m_keepAlives;
        if (!m_sessions.count(token))
            return makeError("operator.session_locked", "The session is locked: sign in again.");
        return Status::success();
    }
    int keepAlives() const
    {
        std::lock_guard lock(m_mutex);
        return m_keepAlives;
    }
    Status confirm(const std::string &token, ByteView passphrase) override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(token);
        if (it == m_sessions.end())
            return makeError("operator.session_locked", "The session is locked: sign in again.");
        if (m_accounts[it->second].passphrase != std::string(passphrase.begin(), passphrase.end()))
            return makeError("operator.wrong_passphrase", "The passphrase is wrong.");
        return Status::success();
    }
    Status addOperator(const std::string &, const interfaces::NewOperator &, ByteView, const std::string &) override
    {
        return makeError("operator.not_permitted", "not in the fake");
    }
    Status setRoles(const std::string &, const std::string &, interfaces::RoleSet, const std::string &) override
    {
        return makeError("operator.not_permitted", "not in the fake");
    }
    Status disableOperator(const std::string &, const std::string &, const std::string &) override
    {
        return makeError("operator.not_permitted", "not in the fake");
    }
    Status recordAction(const std::string &token, interfaces::Permission permission, const std::string &action,
                        const std::string &, const std::string &details) override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        const auto it = m_sessions.find(token);
        if (it == m_sessions.end())
            return makeError("operator.session_locked", "The session is locked: sign in again.");
        if (!interfaces::roleAllows(m_accounts[it->second].row.roles, permission))
            return makeError("operator.not_permitted", "Your roles do not allow this.");
        if (m_actionsFail)
            return makeError("ledger.write_failed", "The audit trail cannot be written.");
        m_actions.push_back(it->second + " " + action + " " + details);
        return Status::success();
    }
    // Roster changes are not reported by the fake (the real node's are, in test_operatorsettings).
    std::unique_ptr<interfaces::Handler> handleChanged(ChangedFn) override { return nullptr; }

private:
    struct Account
    {
        interfaces::OperatorRow row;
        std::string passphrase;
    };
    interfaces::OperatorSession openLocked(const std::string &id)
    {
        const std::string token = "token-" + std::to_string(++m_nextToken);
        m_sessions[token] = id;
        return describeLocked(token, id);
    }
    interfaces::OperatorSession describeLocked(const std::string &token, const std::string &id) const
    {
        const Account &a = m_accounts.at(id);
        return {token, id, a.row.displayName, a.row.roles};
    }

    mutable std::mutex m_mutex;
    std::map<std::string, Account> m_accounts;
    std::map<std::string, std::string> m_sessions;   // token -> id
    std::vector<std::string> m_actions;
    bool m_actionsFail = false;
    int m_nextToken = 0;
    int m_signInCalls = 0;
    int m_keepAlives = 0;
    mutable QThread *m_lastCallThread = nullptr;
};

class FakeNode final : public interfaces::Node
{
public:
    explicit FakeNode(std::filesystem::path dataDir)
        : m_dataDir(std::move(dataDir))
    {
        m_status.networkName = "devnet";
    }

    // --- set-up ---------------------------------------------------------------
    void setLedgerExists(bool exists)
    {
        std::lock_guard lock(m_mutex);
        m_ledgerExists = exists;
    }
    void setCorrectPassphrase(const std::string &passphrase)
    {
        std::lock_guard lock(m_mutex);
        m_correctPassphrase = Bytes(passphrase.begin(), passphrase.end());
    }
    void setStatus(const interfaces::NodeStatus &status)
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
    }
    // createLedger()/unlock() wait for release() before they answer.
    void holdCalls(bool hold) { m_hold = hold; }
    void release() { m_gate.release(); }

    // Sends a status event from a thread of its own, as the node does.
    void emitStatusFromNodeThread(const interfaces::NodeStatus &status)
    {
        setStatus(status);
        std::thread([this, status]() {
            std::map<int, StatusChangedFn> handlers;
            {
                std::lock_guard lock(*m_handlersMutex);
                handlers = *m_handlers;
            }
            for (auto &[id, fn] : handlers)
                fn(status);
        }).join();
    }

    // --- what happened --------------------------------------------------------
    int createCalls() const
    {
        std::lock_guard lock(m_mutex);
        return m_createCalls;
    }
    int unlockCalls() const
    {
        std::lock_guard lock(m_mutex);
        return m_unlockCalls;
    }
    int shutdownCalls() const
    {
        std::lock_guard lock(m_mutex);
        return m_shutdownCalls;
    }
    Bytes lastPassphrase() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastPassphrase;
    }
    std::string lastActor() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastActor;
    }
    // The thread of the last call; never the GUI thread.
    QThread *lastCallThread() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastCallThread;
    }
    int statusHandlers() const
    {
        std::lock_guard lock(*m_handlersMutex);
        return int(m_handlers->size());
    }

    // --- interfaces::Node -------------------------------------------------------
    std::filesystem::path dataDir() const override { return m_dataDir; }

    bool ledgerExists() const override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        return m_ledgerExists;
    }

    Status createLedger(ByteView passphrase, const std::string &actor) override
    {
        wait();
        std::lock_guard lock(m_mutex);
        record(passphrase, actor);
        ++m_createCalls;
        if (m_ledgerExists)
            return makeError("ledger.exists", "A ledger already exists in this data directory.");
        m_ledgerExists = true;
        m_status.unlocked = true;
        return Status::success();
    }

    Status unlock(ByteView passphrase, const std::string &actor) override
    {
        wait();
        std::lock_guard lock(m_mutex);
        record(passphrase, actor);
        ++m_unlockCalls;
        if (Bytes(passphrase.begin(), passphrase.end()) != m_correctPassphrase)
            return makeError("ledger.wrong_passphrase", "The passphrase does not open this ledger.");
        m_status.unlocked = true;
        return Status::success();
    }

    void shutdown() override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        ++m_shutdownCalls;
        m_status.unlocked = false;
    }

    interfaces::NodeStatus status() const override
    {
        std::lock_guard lock(m_mutex);
        m_lastCallThread = QThread::currentThread();
        return m_status;
    }

    interfaces::Operators &operators() override { return m_operators; }
    interfaces::AuditView &audit() override { return m_audit; }
    FakeAudit &fakeAudit() { return m_audit; }
    FakeOperators &fakeOperators() { return m_operators; }

    interfaces::ConsensusView &consensus() override { return m_consensus; }
    FakeConsensus &fakeConsensus() { return m_consensus; }
    interfaces::GridView &grid() override { return m_grid; }
    FakeGrid &fakeGrid() { return m_grid; }
    interfaces::SlashingView &slashing() override { return m_slashing; }
    FakeSlashing &fakeSlashing() { return m_slashing; }
    interfaces::GovernanceView &governance() override { return m_governance; }
    FakeGovernance &fakeGovernance() { return m_governance; }

    std::unique_ptr<interfaces::Handler> handleStatusChanged(StatusChangedFn fn) override
    {
        std::lock_guard lock(*m_handlersMutex);
        const int id = m_nextHandlerId++;
        (*m_handlers)[id] = std::move(fn);
        return std::make_unique<FakeHandler>(m_handlersMutex, m_handlers, id);
    }

private:
    FakeConsensus m_consensus;
    FakeGrid m_grid;
    FakeOperators m_operators;
    FakeAudit m_audit;
    FakeSlashing m_slashing;
    FakeGovernance m_governance;

    class FakeHandler final : public interfaces::Handler
    {
    public:
        FakeHandler(std::shared_ptr<std::mutex> mutex,
                    std::shared_ptr<std::map<int, StatusChangedFn>> handlers, int id)
            : m_mutex(std::move(mutex)), m_handlers(std::move(handlers)), m_id(id)
        {
        }
        ~FakeHandler() override { disconnect(); }
        void disconnect() override
        {
            std::lock_guard lock(*m_mutex);
            m_handlers->erase(m_id);
        }

    private:
        std::shared_ptr<std::mutex> m_mutex;
        std::shared_ptr<std::map<int, StatusChangedFn>> m_handlers;
        int m_id;
    };

    void wait()
    {
        // Bounded, so that a call made on the GUI thread fails the test
        // instead of hanging it.
        if (m_hold)
            m_gate.tryAcquire(1, 20000);
    }

    void record(ByteView passphrase, const std::string &actor)
    {
        m_lastPassphrase.assign(passphrase.begin(), passphrase.end());
        m_lastActor = actor;
        m_lastCallThread = QThread::currentThread();
    }

    const std::filesystem::path m_dataDir;
    mutable std::mutex m_mutex;
    bool m_ledgerExists = false;
    Bytes m_correctPassphrase;
    interfaces::NodeStatus m_status;
    int m_createCalls = 0;
    int m_unlockCalls = 0;
    int m_shutdownCalls = 0;
    Bytes m_lastPassphrase;
    std::string m_lastActor;
    mutable QThread *m_lastCallThread = nullptr;
    std::atomic<bool> m_hold{false};
    QSemaphore m_gate;

    std::shared_ptr<std::mutex> m_handlersMutex = std::make_shared<std::mutex>();
    std::shared_ptr<std::map<int, StatusChangedFn>> m_handlers =
        std::make_shared<std::map<int, StatusChangedFn>>();
    int m_nextHandlerId = 1;
};

} // namespace gtx::test
