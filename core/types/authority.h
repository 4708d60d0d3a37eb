#pragma once

// The energy authorities that run the authority tier of consensus.

#include "core/codec/codec.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace gtx {

enum class AuthorityType : std::uint8_t {
    EGAT = 0,   // Electricity Generating Authority of Thailand: transmission
    MEA = 1,    // Metropolitan Electricity Authority: Bangkok distribution
    PEA = 2,    // Provincial Electricity Authority: provincial distribution
    NEPO = 3,   // National Energy Policy Office: energy policy (regulatory)
    ERC = 4,    // Energy Regulatory Commission: market oversight
};
constexpr AuthorityType kLastAuthorityType = AuthorityType::ERC;

// Stable short name: "EGAT", "MEA", "PEA", "NEPO", "ERC".
std::string_view toString(AuthorityType type);
// Parses the short name (exact, upper case).
std::optional<AuthorityType> parseAuthorityType(std::string_view name);
// The authority's role in English, e.g. "Transmission".
std::string_view authorityRole(AuthorityType type);

constexpr codec::EnumRange<AuthorityType> codecEnumRange(AuthorityType) { return {kLastAuthorityType, "authority type"}; }

} // namespace gtx
