#include "core/node/operator_desk.h"

#include "core/crypto/keystore.h"
#include "core/crypto/sodium.h"

#include <array>
#include <system_error>

namespace gtx::node {

using interfaces::OperatorSession;
using interfaces::Permission;
using interfaces::Role;
using interfaces::RoleSet;

namespace {

constexpr std::size_t kReadBatch = 512;
constexpr std::size_t kMaxLoggedIdBytes = 64;

// An id as typed, safe to record: at most 64 bytes.
std::string loggedId(const std::string &id)
{
    return id.size() <= kMaxLoggedIdBytes ? id : id.substr(0, kMaxLoggedIdBytes);
}

bool validActionName(const std::string &action)
{
    return validMachineName(action, 64) && !action.starts_with(kOperatorActionPrefix);
}

Error notPermitted(Permission permission)
{
    return makeError("operator.not_permitted", "Your roles do not allow this (" + std::string(permissionName(permission))
                                                   + "). Ask an administrator if you need it.");
}

Error lockedError()
{
    return makeError("operator.session_locked", "The session is locked: sign in again.");
}

} // namespace

OperatorDesk::OperatorDesk(std::shared_ptr<const Clock> clock, std::int64_t sessionIdleMs)
    : m_clock(std::move(clock)), m_idleMs(sessionIdleMs)
{
}

OperatorDesk::~OperatorDesk() = default;

Status OperatorDesk::open(const std::filesystem::path &dataDir, const crypto::Argon2Params &kdf, AppendFn append,
                          ReadFn read)
{
    Roster roster;
    for (std::uint64_t next = 1;;) {
        auto batch = read(next, kReadBatch);
        if (!batch)
            return batch.error();
        for (const ledger::AuditRecord &record : *batch)
            (void)roster.apply(record);   // refused records are counted, not fatal
        if (batch->size() < kReadBatch)
            break;
        next = batch->back().sequence + 1;
    }
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_dataDir = dataDir;
        m_kdf = kdf;
        m_append = std::move(append);
        m_roster = std::move(roster);
        m_sessions.clear();
    }
    m_subscribers.notify(list());
    return {};
}

void OperatorDesk::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_open = false;
        m_append = nullptr;
        m_roster = Roster();
        m_sessions.clear();
    }
    m_subscribers.notify(list());
}

std::uint64_t OperatorDesk::refusedRecords() const
{
    std::lock_guard lock(m_mutex);
    return m_roster.refused();
}

std::filesystem::path OperatorDesk::keyFile(const std::string &id) const
{
    return m_dataDir / "operators" / (id + ".key");
}

std::vector<interfaces::OperatorRow> OperatorDesk::list() const
{
    std::lock_guard lock(m_mutex);
    std::vector<interfaces::OperatorRow> rows;
    for (const OperatorEntry &e : m_roster.operators()) {
        interfaces::OperatorRow r;
        r.id = e.id;
        r.displayName = e.displayName;
        r.roles = e.roles;
        r.key = e.key.hex();
        r.active = e.active;
        r.addedMs = e.addedMs;
        r.addedBy = e.addedBy;
        rows.push_back(std::move(r));
    }
    return rows;
}

bool OperatorDesk::needsFirstAdministrator() const
{
    std::lock_guard lock(m_mutex);
    return m_open && m_roster.empty();
}

Status OperatorDesk::appendLocked(const ledger::AuditEntry &entry, const crypto::KeyPair *signer)
{
    if (!m_open || !m_append)
        return makeError("node.locked", "The ledger is locked: unlock it first.");
    if (signer) {
        // The one place the roster's rules are checked before a write.
        if (std::string why = m_roster.problem(entry, signer->publicKey()); !why.empty())
            return makeError("operator.invalid", why);
    }
    auto record = m_append(entry, signer);
    if (!record)
        return record.error();
    if (std::string why = m_roster.apply(*record); !why.empty())
        return makeError("operator.invalid", why);   // not reached: checked above
    return {};
}

Result<OperatorSession> OperatorDesk::openSessionLocked(const std::string &id, crypto::KeyPair key)
{
    const OperatorEntry *who = m_roster.find(id);
    std::array<std::uint8_t, 16> raw{};
    crypto::randomBytes(raw);
    const std::string token = toHex(ByteView(raw.data(), raw.size()));
    Session s;
    s.id = id;
    s.key = std::move(key);
    s.lastUsedMs = m_clock->nowMs();
    GTX_TRY(appendLocked({s.lastUsedMs, id, "operator.signed_in", "", "roles=" + interfaces::roleSetText(who->roles)},
                         &s.key));
    const auto it = m_sessions.emplace(token, std::move(s)).first;
    return describeLocked(token, it->second);
}

OperatorSession OperatorDesk::describeLocked(const std::string &token, const Session &s) const
{
    OperatorSession out;
    out.token = token;
    out.id = s.id;
    if (const OperatorEntry *who = m_roster.find(s.id)) {
        out.displayName = who->displayName;
        out.roles = who->roles;
    }
    return out;
}

Result<OperatorDesk::Session *> OperatorDesk::sessionLocked(const std::string &token, bool use, bool *locked)
{
    if (!m_open)
        return makeError("node.locked", "The ledger is locked: unlock it first.");
    const auto it = m_sessions.find(token);
    if (it == m_sessions.end())
        return lockedError();
    Session &s = it->second;
    const std::int64_t now = m_clock->nowMs();
    const OperatorEntry *who = m_roster.find(s.id);
    const bool idle = now - s.lastUsedMs > m_idleMs;
    if (idle || !who || !who->active) {
        // Locked either way; the record is the trail's account of why.
        (void)m_append({now, s.id, "operator.session_locked", idle ? "idle" : "operator disabled", ""}, nullptr);
        m_sessions.erase(it);
        if (locked)
            *locked = true;
        return lockedError();
    }
    if (use)
        s.lastUsedMs = now;
    return &s;
}

Result<OperatorSession> OperatorDesk::createFirstAdministrator(const interfaces::NewOperator &who, ByteView passphrase)
{
    Result<OperatorSession> out = makeError("operator.exists", "There are operators already: sign in.");
    {
        std::lock_guard lock(m_mutex);
        if (!m_open)
            return makeError("node.locked", "The ledger is locked: unlock it first.");
        if (!m_roster.empty())
            return out;
        if (!interfaces::hasRole(who.roles, Role::Administrator))
            return makeError("operator.invalid", "The first operator must be an administrator.");
        GTX_TRY(crypto::checkNewPassphrase(passphrase));
        crypto::KeyPair key = crypto::KeyPair::generate();
        RosterChange change;
        change.kind = RosterChange::Kind::Added;
        change.id = who.id;
        change.roles = who.roles;
        change.key = key.publicKey();
        change.displayName = who.displayName;
        const ledger::AuditEntry entry{m_clock->nowMs(), who.id, std::string(kOperatorAdded), "first administrator",
                                       rosterDetails(change)};
        if (std::string why = m_roster.problem(entry, key.publicKey()); !why.empty())
            return makeError("operator.invalid", why);
        GTX_TRY(saveKeyFileLocked(who.id, key, passphrase));
        if (Status appended = appendLocked(entry, &key); !appended) {
            std::error_code ec;
            std::filesystem::remove(keyFile(who.id), ec);
            return appended.error();
        }
        out = openSessionLocked(who.id, std::move(key));
    }
    m_subscribers.notify(list());
    return out;
}

Status OperatorDesk::saveKeyFileLocked(const std::string &id, const crypto::KeyPair &key, ByteView passphrase)
{
    std::error_code ec;
    std::filesystem::create_directories(m_dataDir / "operators", ec);
    if (ec)
        return makeError("operator.io", "Cannot make the folder for operator key files: " + ec.message());
    std::filesystem::permissions(m_dataDir / "operators", std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    // The roster has no such id (checked by the caller), so a file by that
    // name is left from an attempt whose record was never written.
    std::filesystem::remove(keyFile(id), ec);
    return crypto::saveKeystore(keyFile(id), key, "operator", passphrase, m_kdf);
}

Result<crypto::KeyPair> OperatorDesk::loadOperatorKey(const std::string &id, ByteView passphrase,
                                                     std::string *failure)
{
    crypto::PublicKey expected;
    std::filesystem::path file;
    {
        std::lock_guard lock(m_mutex);
        if (!m_open)
            return makeError("node.locked", "The ledger is locked: unlock it first.");
        const OperatorEntry *who = validOperatorId(id) ? m_roster.find(id) : nullptr;
        if (!who || !who->active) {
            *failure = "unknown operator";
            return makeError("operator.unknown", "There is no active operator with that id.");
        }
        expected = who->key;
        file = keyFile(id);
    }
    auto key = crypto::loadKeystore(file, passphrase);   // the slow part, outside the lock
    if (!key) {
        *failure = key.error().code;
        if (key.error().code == "keystore.wrong_passphrase")
            return makeError("operator.wrong_passphrase", "The passphrase is wrong.");
        return makeError(key.error().code, "The operator's key file cannot be read: " + key.error().message);
    }
    if (key->publicKey() != expected) {
        *failure = "key mismatch";
        return makeError("operator.key_mismatch",
                         "The operator's key file is not the key the operator list holds: ask an administrator.");
    }
    return key;
}

Result<OperatorSession> OperatorDesk::signIn(const std::string &id, ByteView passphrase)
{
    std::string failure;
    auto key = loadOperatorKey(id, passphrase, &failure);
    Result<OperatorSession> out = makeError("node.locked", "The ledger is locked: unlock it first.");
    {
        std::lock_guard lock(m_mutex);
        if (!key) {
            if (m_open)
                GTX_TRY(appendLocked({m_clock->nowMs(), loggedId(id), "operator.sign_in_failed", "", failure}, nullptr));
            return key.error();
        }
        const OperatorEntry *who = m_roster.find(id);
        if (!who || !who->active || who->key != key->publicKey())   // changed while the key was read
            return makeError("operator.unknown", "There is no active operator with that id.");
        out = openSessionLocked(id, std::move(key).value());
    }
    return out;
}

void OperatorDesk::signOut(const std::string &token)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(token);
    if (it == m_sessions.end())
        return;
    (void)appendLocked({m_clock->nowMs(), it->second.id, "operator.signed_out", "", ""}, &it->second.key);
    m_sessions.erase(it);
}

Result<OperatorSession> OperatorDesk::session(const std::string &token)
{
    bool locked = false;
    Result<OperatorSession> out = lockedError();
    {
        std::lock_guard lock(m_mutex);
        auto s = sessionLocked(token, false, &locked);
        if (s)
            out = describeLocked(token, **s);
        else
            out = s.error();
    }
    if (locked)
        m_subscribers.notify(list());
    return out;
}

Status OperatorDesk::keepAlive(const std::string &token)
{
    bool locked = false;
    Status out;
    {
        std::lock_guard lock(m_mutex);
        auto s = sessionLocked(token, true, &locked);
        if (!s)
            out = s.error();
    }
    if (locked)
        m_subscribers.notify(list());
    return out;
}

Status OperatorDesk::confirm(const std::string &token, ByteView passphrase)
{
    std::string id;
    {
        std::lock_guard lock(m_mutex);
        auto s = sessionLocked(token, false, nullptr);
        if (!s)
            return s.error();
        id = (*s)->id;
    }
    std::string failure;
    auto key = loadOperatorKey(id, passphrase, &failure);
    std::lock_guard lock(m_mutex);
    auto s = sessionLocked(token, true, nullptr);
    if (!s)
        return s.error();
    if (!key) {
        GTX_TRY(appendLocked({m_clock->nowMs(), id, "operator.confirm_failed", "", failure}, nullptr));
        return key.error();
    }
    return appendLocked({m_clock->nowMs(), id, "operator.confirmed", "", ""}, &(*s)->key);
}

Status OperatorDesk::changeRoster(const std::string &token, const RosterChange &change, const std::string &reason,
                                  const crypto::KeyPair *newKey, ByteView newPassphrase)
{
    bool locked = false;
    Status out;
    {
        std::lock_guard lock(m_mutex);
        auto s = sessionLocked(token, true, &locked);
        if (!s) {
            out = s.error();
        } else if (!interfaces::roleAllows(describeLocked(token, **s).roles, Permission::ManageOperators)) {
            out = notPermitted(Permission::ManageOperators);
        } else {
            const ledger::AuditEntry entry{m_clock->nowMs(), (*s)->id, std::string(rosterAction(change.kind)), reason,
                                           rosterDetails(change)};
            if (std::string why = m_roster.problem(entry, (*s)->key.publicKey()); !why.empty()) {
                out = makeError("operator.invalid", why);
            } else if (newKey) {
                if (Status policy = crypto::checkNewPassphrase(newPassphrase); !policy)
                    out = policy;
                else if (Status saved = saveKeyFileLocked(change.id, *newKey, newPassphrase); !saved)
                    out = saved;
                else if (Status appended = appendLocked(entry, &(*s)->key); !appended) {
                    std::error_code ec;
                    std::filesystem::remove(keyFile(change.id), ec);
                    out = appended;
                }
            } else {
                out = appendLocked(entry, &(*s)->key);
            }
        }
    }
    if (out || locked)
        m_subscribers.notify(list());
    return out;
}

Status OperatorDesk::addOperator(const std::string &token, const interfaces::NewOperator &who,
                                 ByteView initialPassphrase, const std::string &reason)
{
    const crypto::KeyPair key = crypto::KeyPair::generate();
    RosterChange change;
    change.kind = RosterChange::Kind::Added;
    change.id = who.id;
    change.roles = who.roles;
    change.key = key.publicKey();
    change.displayName = who.displayName;
    return changeRoster(token, change, reason, &key, initialPassphrase);
}

Status OperatorDesk::setRoles(const std::string &token, const std::string &id, RoleSet roles, const std::string &reason)
{
    RosterChange change;
    change.kind = RosterChange::Kind::RolesChanged;
    change.id = id;
    change.roles = roles;
    return changeRoster(token, change, reason, nullptr, {});
}

Status OperatorDesk::disableOperator(const std::string &token, const std::string &id, const std::string &reason)
{
    RosterChange change;
    change.kind = RosterChange::Kind::Disabled;
    change.id = id;
    return changeRoster(token, change, reason, nullptr, {});
}

Status OperatorDesk::recordAction(const std::string &token, Permission permission, const std::string &action,
                                  const std::string &reason, const std::string &details)
{
    bool locked = false;
    Status out;
    {
        std::lock_guard lock(m_mutex);
        auto s = sessionLocked(token, true, &locked);
        if (!s)
            out = s.error();
        else if (!interfaces::roleAllows(describeLocked(token, **s).roles, permission))
            out = notPermitted(permission);
        else if (!validActionName(action))
            out = makeError("operator.invalid", "\"" + loggedId(action) + "\" is not an action a command may record.");
        else
            out = appendLocked({m_clock->nowMs(), (*s)->id, action, reason, details}, &(*s)->key);
    }
    if (locked)
        m_subscribers.notify(list());
    return out;
}

std::unique_ptr<interfaces::Handler> OperatorDesk::handleChanged(ChangedFn fn)
{
    return m_subscribers.add(std::move(fn));
}

} // namespace gtx::node
