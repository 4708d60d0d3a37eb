#include "core/types/governance.h"

namespace gtx {

std::string_view toString(ProposalType type)
{
    switch (type) {
    case ProposalType::ParameterChange:
        return "parameter-change";
    case ProposalType::AuthorityUpdate:
        return "authority-update";
    case ProposalType::EmergencyProtocol:
        return "emergency-protocol";
    case ProposalType::MarketRule:
        return "market-rule";
    case ProposalType::TechnicalUpgrade:
        return "technical-upgrade";
    }
    return "unknown";
}

} // namespace gtx
