#include "core/node/roster.h"

#include "core/common/bytes.h"

namespace gtx::node {

using interfaces::Role;
using interfaces::RoleSet;

bool validOperatorId(std::string_view id)
{
    return validMachineName(id, kMaxOperatorIdLength);
}

bool validMachineName(std::string_view name, std::size_t maxLength)
{
    if (name.empty() || name.size() > maxLength)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

std::string displayNameProblem(std::string_view name)
{
    if (name.empty())
        return "The display name is empty.";
    if (name.size() > kMaxDisplayNameBytes)
        return "The display name is longer than " + std::to_string(kMaxDisplayNameBytes) + " bytes.";
    if (!validUtf8(ByteView(reinterpret_cast<const std::uint8_t *>(name.data()), name.size())))
        return "The display name is not valid UTF-8.";
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f)
            return "The display name holds a control character.";
    }
    if (name.front() == ' ' || name.back() == ' ')
        return "The display name starts or ends with a space.";
    return {};
}

std::string_view rosterAction(RosterChange::Kind kind)
{
    switch (kind) {
    case RosterChange::Kind::Added:
        return kOperatorAdded;
    case RosterChange::Kind::RolesChanged:
        return kOperatorRolesChanged;
    case RosterChange::Kind::Disabled:
        return kOperatorDisabled;
    }
    return {};
}

std::string rosterDetails(const RosterChange &change)
{
    std::string d = "id=" + change.id;
    if (change.kind == RosterChange::Kind::Disabled)
        return d;
    d += " roles=" + interfaces::roleSetText(change.roles);
    if (change.kind == RosterChange::Kind::RolesChanged)
        return d;
    d += " key=" + change.key.hex() + " name=" + change.displayName;
    return d;
}

std::optional<RosterChange> parseRosterChange(const ledger::AuditEntry &entry, std::string *problem)
{
    RosterChange change;
    if (entry.action == kOperatorAdded)
        change.kind = RosterChange::Kind::Added;
    else if (entry.action == kOperatorRolesChanged)
        change.kind = RosterChange::Kind::RolesChanged;
    else if (entry.action == kOperatorDisabled)
        change.kind = RosterChange::Kind::Disabled;
    else
        return std::nullopt;   // sign-ins and every other action: no change
    auto fail = [&](std::string why) {
        if (problem)
            *problem = std::move(why);
        return change;
    };
    std::string_view rest = entry.details;
    auto field = [&](std::string_view name, bool last) -> std::optional<std::string_view> {
        const std::string prefix = std::string(name) + "=";
        if (!rest.starts_with(prefix))
            return std::nullopt;
        rest.remove_prefix(prefix.size());
        if (last) {
            const std::string_view value = rest;
            rest = {};
            return value;
        }
        const std::size_t space = rest.find(' ');
        const std::string_view value = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        return value;
    };
    const bool disabled = change.kind == RosterChange::Kind::Disabled;
    const auto id = field("id", disabled);
    if (!id)
        return fail("The record names no operator id.");
    change.id = std::string(*id);
    if (!disabled) {
        const bool rolesLast = change.kind == RosterChange::Kind::RolesChanged;
        const auto roles = field("roles", rolesLast);
        const auto set = roles ? interfaces::roleSetFromText(*roles) : std::nullopt;
        if (!set)
            return fail("The record's roles do not parse.");
        change.roles = *set;
    }
    if (change.kind == RosterChange::Kind::Added) {
        const auto key = field("key", false);
        Bytes raw;
        if (!key || !fromHex(*key, raw) || raw.size() != change.key.size())
            return fail("The record's key does not parse.");
        std::copy(raw.begin(), raw.end(), change.key.bytes.begin());
        const auto name = field("name", true);
        if (!name)
            return fail("The record names no display name.");
        change.displayName = std::string(*name);
    }
    // One spelling only: what the writer would have written.
    if (rosterDetails(change) != entry.details)
        return fail("The record's details are not in their canonical form.");
    return change;
}

std::string Roster::problem(const ledger::AuditEntry &entry, const crypto::PublicKey &signer) const
{
    std::string parseProblem;
    const auto change = parseRosterChange(entry, &parseProblem);
    if (!change)
        return {};
    if (!parseProblem.empty())
        return parseProblem;
    if (!validOperatorId(change->id))
        return "The operator id \"" + change->id + "\" is not 1 to 32 characters of a-z, 0-9, '.', '_' and '-'.";
    if (change->kind != RosterChange::Kind::Disabled && change->roles == 0)
        return "An operator holds at least one role.";

    if (m_operators.empty()) {
        // The first administrator, who signs their own record.
        if (change->kind != RosterChange::Kind::Added)
            return "The roster is empty: its first record adds the first administrator.";
        if (!interfaces::hasRole(change->roles, Role::Administrator))
            return "The first operator must be an administrator.";
        if (signer != change->key || entry.actor != change->id)
            return "The first administrator's record is signed by their own key.";
    } else {
        const OperatorEntry *by = find(entry.actor);
        if (!by || !by->active || by->key != signer || !interfaces::hasRole(by->roles, Role::Administrator))
            return "Only an active administrator, signing with their own key, changes the operators.";
    }

    const OperatorEntry *target = find(change->id);
    switch (change->kind) {
    case RosterChange::Kind::Added:
        if (target)
            return "The operator id \"" + change->id + "\" is already taken.";
        if (change->key.isZero() || m_keys.count(change->key.hex()))
            return "That key already belongs to an operator.";
        if (std::string why = displayNameProblem(change->displayName); !why.empty())
            return why;
        return {};
    case RosterChange::Kind::RolesChanged:
        if (!target || !target->active)
            return "There is no active operator \"" + change->id + "\".";
        if (interfaces::hasRole(target->roles, Role::Administrator)
            && !interfaces::hasRole(change->roles, Role::Administrator) && activeAdministrators() <= 1)
            return "This is the last active administrator: add another before taking the role away.";
        return {};
    case RosterChange::Kind::Disabled:
        if (!target || !target->active)
            return "There is no active operator \"" + change->id + "\".";
        if (interfaces::hasRole(target->roles, Role::Administrator) && activeAdministrators() <= 1)
            return "This is the last active administrator: add another before disabling them.";
        return {};
    }
    return {};
}

std::string Roster::apply(const ledger::AuditRecord &record)
{
    std::string why = problem(record.entry, record.signer);
    if (!why.empty()) {
        ++m_refused;
        return why;
    }
    const auto change = parseRosterChange(record.entry, nullptr);
    if (!change)
        return {};
    switch (change->kind) {
    case RosterChange::Kind::Added: {
        OperatorEntry e;
        e.id = change->id;
        e.displayName = change->displayName;
        e.roles = change->roles;
        e.key = change->key;
        e.addedMs = record.entry.timeMs;
        e.addedBy = record.entry.actor;
        m_keys.insert(e.key.hex());
        m_operators.emplace(e.id, std::move(e));
        break;
    }
    case RosterChange::Kind::RolesChanged:
        m_operators.find(change->id)->second.roles = change->roles;
        break;
    case RosterChange::Kind::Disabled:
        m_operators.find(change->id)->second.active = false;
        break;
    }
    return {};
}

const OperatorEntry *Roster::find(std::string_view id) const
{
    const auto it = m_operators.find(id);
    return it == m_operators.end() ? nullptr : &it->second;
}

std::vector<OperatorEntry> Roster::operators() const
{
    std::vector<OperatorEntry> out;
    out.reserve(m_operators.size());
    for (const auto &[id, e] : m_operators)
        out.push_back(e);
    return out;
}

std::size_t Roster::activeAdministrators() const
{
    std::size_t n = 0;
    for (const auto &[id, e] : m_operators)
        n += e.active && interfaces::hasRole(e.roles, Role::Administrator) ? 1 : 0;
    return n;
}

} // namespace gtx::node
