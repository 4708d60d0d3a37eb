#pragma once

// The console's operators: who they are, their key and their roles. The
// roster is not stored on its own; it is the fold of the audit trail's
// operator records, so every change to it is a signed, hash-chained record
// of who made it and why, and nothing changes it that the trail does not
// show.
//
// Records (action, then details as space-separated key=value pairs; the
// display name comes last and runs to the end of the text):
//
//   operator.added          id=ID roles=R key=HEX name=DISPLAY NAME
//   operator.roles_changed  id=ID roles=R
//   operator.disabled       id=ID
//
// R is interfaces::roleSetText (e.g. "supervisor,auditor"), HEX the
// operator's Ed25519 public key. The rules, checked in one place
// (Roster::problem) for the writer and for the fold alike:
//
//   - the first operator.added is signed by the key it adds, its actor is
//     the id it adds, and its roles include the administrator;
//   - every later record is signed by the key of an active administrator,
//     whose id is the record's actor;
//   - an id is 1..32 characters of a-z, 0-9, '.', '_' and '-', never
//     added twice; a key is never given to two operators;
//   - a display name is 1..192 bytes of UTF-8 (64 Thai letters) with no
//     control characters and no space at either end;
//   - an operator holds at least one role;
//   - a change never leaves the roster without an active administrator;
//   - a disabled operator stays disabled (the id is never reused).
//
// The fold skips a record that breaks a rule (someone who holds the
// database key could write one) and counts it: refused().

#include "core/crypto/signature.h"
#include "core/ledger/audit.h"
#include "core/node/operator_roles.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gtx::node {

inline constexpr std::string_view kOperatorAdded = "operator.added";
inline constexpr std::string_view kOperatorRolesChanged = "operator.roles_changed";
inline constexpr std::string_view kOperatorDisabled = "operator.disabled";
// Actions in this namespace are the roster's own: only the operator desk
// writes them.
inline constexpr std::string_view kOperatorActionPrefix = "operator.";

inline constexpr std::size_t kMaxOperatorIdLength = 32;
inline constexpr std::size_t kMaxDisplayNameBytes = 192;   // 64 Thai letters

// 1..maxLength characters of a-z, 0-9, '.', '_' and '-': an operator id
// (kMaxOperatorIdLength) or the action a command records.
bool validMachineName(std::string_view name, std::size_t maxLength);
bool validOperatorId(std::string_view id);
// Empty when `name` may be a display name, else why not.
std::string displayNameProblem(std::string_view name);

// One change to the roster, as a record states it.
struct RosterChange
{
    enum class Kind : std::uint8_t { Added, RolesChanged, Disabled };
    Kind kind = Kind::Added;
    std::string id;
    interfaces::RoleSet roles = 0;   // Added, RolesChanged
    crypto::PublicKey key;           // Added
    std::string displayName;         // Added

    bool operator==(const RosterChange &) const = default;
};

// The action and details of a change (the writer's side).
std::string_view rosterAction(RosterChange::Kind kind);
std::string rosterDetails(const RosterChange &change);
// The change an entry states: nullopt when its action is not a roster
// action; a change with `problem` set when the details do not parse.
std::optional<RosterChange> parseRosterChange(const ledger::AuditEntry &entry, std::string *problem);

// One operator as the trail made them.
struct OperatorEntry
{
    std::string id;
    std::string displayName;
    interfaces::RoleSet roles = 0;
    crypto::PublicKey key;
    bool active = true;
    std::int64_t addedMs = 0;
    std::string addedBy;
};

class Roster
{
public:
    // Why `entry`, signed by `signer`, may not be recorded; empty when it
    // may. An entry that is not a roster record is not the roster's
    // business: empty.
    std::string problem(const ledger::AuditEntry &entry, const crypto::PublicKey &signer) const;
    // Folds one record in; returns problem() and changes nothing when the
    // record is refused.
    std::string apply(const ledger::AuditRecord &record);

    bool empty() const { return m_operators.empty(); }
    const OperatorEntry *find(std::string_view id) const;
    // Ordered by id.
    std::vector<OperatorEntry> operators() const;
    std::size_t activeAdministrators() const;
    // Roster records the fold skipped.
    std::uint64_t refused() const { return m_refused; }

private:
    std::map<std::string, OperatorEntry, std::less<>> m_operators;
    std::set<std::string> m_keys;   // hex, every key ever given
    std::uint64_t m_refused = 0;
};

} // namespace gtx::node
