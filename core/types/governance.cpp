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

void encodeTo(codec::Writer &w, ProposalType v)
{
    w.enumeration(v);
}

void decodeFrom(codec::Reader &r, ProposalType &v)
{
    v = r.enumeration(kLastProposalType, "proposal type");
}

} // namespace gtx
