#pragma once

// Signature checks reach the node's rules (consensus, the state machine's
// energy data) through this interface, so that a node, or a whole simulated
// network, can check each distinct signature once (consensus/verifier.h).

#include "core/common/bytes.h"
#include "core/crypto/signature.h"

#include <string_view>

namespace gtx::crypto {

class SignatureVerifier
{
public:
    virtual ~SignatureVerifier() = default;
    virtual bool verify(const PublicKey &key, std::string_view domain, ByteView message,
                        const Signature &signature) = 0;
};

} // namespace gtx::crypto
