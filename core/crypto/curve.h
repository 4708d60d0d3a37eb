#pragma once

// Ed25519 identity keys as X25519 keys, for ZeroMQ CURVE transport
// encryption: a node keeps one Ed25519 key and derives its CURVE key pair
// from it, so peers authenticate transport with the same public identity.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/secure_buffer.h"
#include "core/crypto/signature.h"

namespace gtx::crypto {

using CurvePublicKey = FixedBytes<32>;

// Fails for a point that is not a valid Ed25519 public key (for example one
// of small order), which has no usable X25519 counterpart.
Result<CurvePublicKey> toCurvePublicKey(const PublicKey &publicKey);

// The 32-byte X25519 secret key of an Ed25519 key pair. Fails for an empty
// key pair.
Result<SecureBuffer> toCurveSecretKey(const KeyPair &keyPair);

} // namespace gtx::crypto
