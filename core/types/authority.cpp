#include "core/types/authority.h"

#include <array>

namespace gtx {

namespace {

struct AuthorityInfo
{
    AuthorityType type;
    std::string_view name;
    std::string_view role;
};

constexpr std::array<AuthorityInfo, 5> kAuthorities{{
    {AuthorityType::EGAT, "EGAT", "Transmission"},
    {AuthorityType::MEA, "MEA", "Bangkok distribution"},
    {AuthorityType::PEA, "PEA", "Provincial distribution"},
    {AuthorityType::NEPO, "NEPO", "National energy policy (regulatory)"},
    {AuthorityType::ERC, "ERC", "Energy market oversight"},
}};
static_assert(kAuthorities.size() == static_cast<std::size_t>(kLastAuthorityType) + 1);

} // namespace

std::string_view toString(AuthorityType type)
{
    const auto i = static_cast<std::size_t>(type);
    return i < kAuthorities.size() ? kAuthorities[i].name : std::string_view("unknown");
}

std::optional<AuthorityType> parseAuthorityType(std::string_view name)
{
    for (const auto &entry : kAuthorities)
        if (entry.name == name)
            return entry.type;
    return std::nullopt;
}

std::string_view authorityRole(AuthorityType type)
{
    const auto i = static_cast<std::size_t>(type);
    return i < kAuthorities.size() ? kAuthorities[i].role : std::string_view("unknown");
}

} // namespace gtx
