#pragma once

// Governance proposal kinds.

#include "core/codec/codec.h"

#include <cstdint>
#include <string_view>

namespace gtx {

enum class ProposalType : std::uint8_t {
    ParameterChange = 0,    // e.g. consensus rules, fees
    AuthorityUpdate = 1,    // add, remove or rotate an authority
    EmergencyProtocol = 2,  // change emergency procedures
    MarketRule = 3,         // energy market rules (ERC)
    TechnicalUpgrade = 4,   // protocol or software upgrade
};
constexpr ProposalType kLastProposalType = ProposalType::TechnicalUpgrade;

std::string_view toString(ProposalType type);

constexpr codec::EnumRange<ProposalType> codecEnumRange(ProposalType) { return {kLastProposalType, "proposal type"}; }

} // namespace gtx
