#pragma once

// The people who use a console and what each may do: the roles, the
// permissions commands need, and the one table between them. The node
// checks a command against this table before it acts (core/node/
// operator_desk.h); the console reads the same table to show only the
// controls an operator may use.
//
//   permission              control-room  supervisor  validator  auditor  administrator
//                           operator                  owner
//   RequestHalt             yes           yes         -          -        -
//   ApproveCritical         -             yes         -          -        -
//   HandleAlarms            yes           yes         -          -        -
//   ManageStake             -             -           yes        -        -
//   AnnotateAudit           yes           yes         yes        yes      yes
//   ExportAudit             -             yes         -          yes      yes
//   ManageOperators         -             -           -          -        yes
//
// An operator may hold several roles; the permissions are the union. The
// auditor role grants nothing that changes the grid or the chain.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace gtx::interfaces {

enum class Role : std::uint8_t {
    ControlRoomOperator = 0,
    Supervisor = 1,   // the authority supervisor, who approves critical commands
    ValidatorOwner = 2,
    Auditor = 3,
    Administrator = 4,
};
inline constexpr int kRoleCount = 5;

// A set of roles, one bit per Role; bits above kRoleCount are never set.
using RoleSet = std::uint8_t;
constexpr RoleSet roleBit(Role role) { return static_cast<RoleSet>(1u << static_cast<unsigned>(role)); }
constexpr bool hasRole(RoleSet roles, Role role) { return (roles & roleBit(role)) != 0; }
inline constexpr RoleSet kAllRoles = static_cast<RoleSet>((1u << kRoleCount) - 1);

enum class Permission : std::uint8_t {
    RequestHalt = 0,       // request a halt or a resumption of trading
    ApproveCritical = 1,   // approve another operator's critical command
    HandleAlarms = 2,      // acknowledge and shelve alarms
    ManageStake = 3,       // bond, unbond, delegate the owner's stake
    AnnotateAudit = 4,     // add a note to the audit trail
    ExportAudit = 5,       // export the audit trail or case lists
    ManageOperators = 6,   // add operators, change roles, disable
};

// The table above (detail::kGrants), roleAllows(); stable machine names, as
// the audit trail records them: "control-room-operator", "supervisor",
// "validator-owner", "auditor", "administrator"; "request-halt", ... for
// permissions. roleSetText: "supervisor,auditor" (in Role order), "" for
// none; roleSetFromText its inverse, nullopt for an unknown name, a repeat
// or stray commas. Header-only: the console uses the same table.
namespace detail {

constexpr std::array<std::string_view, kRoleCount> kRoleNames = {
    "control-room-operator", "supervisor", "validator-owner", "auditor", "administrator"};

constexpr RoleSet bits(std::initializer_list<Role> roles)
{
    RoleSet set = 0;
    for (Role role : roles)
        set = static_cast<RoleSet>(set | roleBit(role));
    return set;
}

struct Grant
{
    Permission permission;
    std::string_view name;
    RoleSet roles;
};

constexpr std::array<Grant, 7> kGrants = {{
    {Permission::RequestHalt, "request-halt", bits({Role::ControlRoomOperator, Role::Supervisor})},
    {Permission::ApproveCritical, "approve-critical", bits({Role::Supervisor})},
    {Permission::HandleAlarms, "handle-alarms", bits({Role::ControlRoomOperator, Role::Supervisor})},
    {Permission::ManageStake, "manage-stake", bits({Role::ValidatorOwner})},
    {Permission::AnnotateAudit, "annotate-audit", kAllRoles},
    {Permission::ExportAudit, "export-audit", bits({Role::Supervisor, Role::Auditor, Role::Administrator})},
    {Permission::ManageOperators, "manage-operators", bits({Role::Administrator})},
}};

inline const Grant *grantOf(Permission permission)
{
    for (const Grant &grant : kGrants)
        if (grant.permission == permission)
            return &grant;
    return nullptr;
}

} // namespace detail

inline bool roleAllows(RoleSet roles, Permission permission)
{
    const detail::Grant *grant = detail::grantOf(permission);
    return grant && (roles & grant->roles) != 0;
}

inline std::string_view roleName(Role role)
{
    const auto index = static_cast<std::size_t>(role);
    return index < detail::kRoleNames.size() ? detail::kRoleNames[index] : std::string_view("unknown");
}

inline std::string_view permissionName(Permission permission)
{
    const detail::Grant *grant = detail::grantOf(permission);
    return grant ? grant->name : std::string_view("unknown");
}

inline std::optional<Role> roleFromName(std::string_view name)
{
    for (std::size_t i = 0; i < detail::kRoleNames.size(); ++i)
        if (detail::kRoleNames[i] == name)
            return static_cast<Role>(i);
    return std::nullopt;
}

inline std::string roleSetText(RoleSet roles)
{
    std::string text;
    for (int i = 0; i < kRoleCount; ++i) {
        if (!hasRole(roles, static_cast<Role>(i)))
            continue;
        if (!text.empty())
            text += ',';
        text += detail::kRoleNames[static_cast<std::size_t>(i)];
    }
    return text;
}

inline std::optional<RoleSet> roleSetFromText(std::string_view text)
{
    RoleSet roles = 0;
    if (text.empty())
        return roles;
    for (;;) {
        const std::size_t comma = text.find(',');
        const auto role = roleFromName(text.substr(0, comma));
        if (!role || hasRole(roles, *role))
            return std::nullopt;
        roles = static_cast<RoleSet>(roles | roleBit(*role));
        if (comma == std::string_view::npos)
            return roles;
        text.remove_prefix(comma + 1);
    }
}

} // namespace gtx::interfaces
