#include "core/sim/offence.h"

#include "core/crypto/hash.h"

namespace gtx::sim {

Evidence forgeDoubleProposal(const crypto::KeyPair &key, std::uint32_t networkId, std::uint64_t slot)
{
    SignedHeader a, b;
    a.header.kind = BlockKind::Regular;
    a.header.networkId = networkId;
    a.header.slot = slot;
    a.header.proposer = key.publicKey();
    b.header = a.header;
    a.header.txRoot = crypto::hash("gtx/sim-offence/v1", asBytes("first"));
    b.header.txRoot = crypto::hash("gtx/sim-offence/v1", asBytes("second"));
    a.signature = signHeader(a.header, key);
    b.signature = signHeader(b.header, key);
    return makeDoubleProposal(a, b);
}

} // namespace gtx::sim
