#pragma once

// The node's side of interfaces::Operators: the roster folded from the
// audit trail (core/node/roster.h), the operators' key files, and the
// signed-in sessions.
//
// Key files: <dataDir>/operators/<id>.key (role "operator"), sealed under
// the operator's own passphrase (the passphrase policy applies).
//
// Records it writes, besides the roster's own:
//   operator.signed_in          by the operator, signed with their key
//   operator.signed_out         by the operator
//   operator.session_locked     by the node: idle for sessionIdleMs
//   operator.sign_in_failed     by the node, actor the id tried, details why
//   operator.confirmed          by the operator (a re-authentication)
//   operator.confirm_failed     by the node
// and every command recordAction() admits, signed with the operator's key.
//
// Locking: the desk's mutex is taken before the node's (append and read
// take the node's); the node never calls the desk while it holds its own.
// Key derivation for sign-in and confirmation runs outside the desk's
// mutex; sealing a new operator's key file (an administrator's act) runs
// inside it.

#include "core/common/clock.h"
#include "core/crypto/kdf.h"
#include "core/ledger/audit.h"
#include "core/node/interface.h"
#include "core/node/roster.h"
#include "core/node/subscription.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace gtx::node {

class OperatorDesk final : public interfaces::Operators
{
public:
    // Appends an entry signed by `signer`, or by the node's key when null.
    using AppendFn = std::function<Result<ledger::AuditRecord>(const ledger::AuditEntry &, const crypto::KeyPair *signer)>;
    using ReadFn = std::function<Result<std::vector<ledger::AuditRecord>>(std::uint64_t first, std::size_t max)>;

    OperatorDesk(std::shared_ptr<const Clock> clock, std::int64_t sessionIdleMs);
    ~OperatorDesk() override;

    // Folds the trail into the roster; the desk then serves calls. Errors:
    // the trail's.
    Status open(const std::filesystem::path &dataDir, const crypto::Argon2Params &kdf, AppendFn append, ReadFn read);
    // Ends every session and forgets the roster.
    void close();
    // Roster records the fold refused (someone wrote them around the desk).
    std::uint64_t refusedRecords() const;

    std::vector<interfaces::OperatorRow> list() const override;
    bool needsFirstAdministrator() const override;
    Result<interfaces::OperatorSession> createFirstAdministrator(const interfaces::NewOperator &who,
                                                                 ByteView passphrase) override;
    Result<interfaces::OperatorSession> signIn(const std::string &id, ByteView passphrase) override;
    void signOut(const std::string &token) override;
    Result<interfaces::OperatorSession> session(const std::string &token) override;
    Status keepAlive(const std::string &token) override;
    Status confirm(const std::string &token, ByteView passphrase) override;
    Status addOperator(const std::string &token, const interfaces::NewOperator &who, ByteView initialPassphrase,
                       const std::string &reason) override;
    Status setRoles(const std::string &token, const std::string &id, interfaces::RoleSet roles,
                    const std::string &reason) override;
    Status disableOperator(const std::string &token, const std::string &id, const std::string &reason) override;
    Status recordAction(const std::string &token, interfaces::Permission permission, const std::string &action,
                        const std::string &reason, const std::string &details) override;
    std::unique_ptr<interfaces::Handler> handleChanged(ChangedFn fn) override;

private:
    struct Session
    {
        std::string id;
        crypto::KeyPair key;
        std::int64_t lastUsedMs = 0;
    };
    std::filesystem::path keyFile(const std::string &id) const;
    // The live session of `token`, or why not (locking it when idle).
    // With `use`, the call counts as use.
    Result<Session *> sessionLocked(const std::string &token, bool use, bool *locked);
    interfaces::OperatorSession describeLocked(const std::string &token, const Session &s) const;
    // Checks the entry against the roster, appends it and folds it in.
    Status appendLocked(const ledger::AuditEntry &entry, const crypto::KeyPair *signer);
    // A roster change by the administrator of `token`.
    Status changeRoster(const std::string &token, const RosterChange &change, const std::string &reason,
                        const crypto::KeyPair *newKey, ByteView newPassphrase);
    Result<interfaces::OperatorSession> openSessionLocked(const std::string &id, crypto::KeyPair key);
    // Seals a new key file for `id`, replacing a stale one.
    Status saveKeyFileLocked(const std::string &id, const crypto::KeyPair &key, ByteView passphrase);
    // The key of the active operator `id`, checked against the roster. Takes
    // the mutex only around the roster lookup; `failure` says why not, for
    // the trail.
    Result<crypto::KeyPair> loadOperatorKey(const std::string &id, ByteView passphrase, std::string *failure);

    const std::shared_ptr<const Clock> m_clock;
    const std::int64_t m_idleMs;

    mutable std::mutex m_mutex;
    bool m_open = false;
    std::filesystem::path m_dataDir;
    crypto::Argon2Params m_kdf;
    AppendFn m_append;
    Roster m_roster;
    std::map<std::string, Session> m_sessions;   // by token

    Subscribers<ChangedFn> m_subscribers;
};

} // namespace gtx::node
