#pragma once

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/secure_buffer.h"

#include <string_view>

namespace gtx::crypto {

using PublicKey = FixedBytes<32>;  // Ed25519 public key
using Signature = FixedBytes<64>;  // Ed25519 signature

// An Ed25519 key pair. The 64-byte secret key lives in a SecureBuffer.
//
// Every signature is domain separated: the signed message is
//   "GTX" || u8(len(domain)) || domain || message
// so a signature made as a block vote can never be replayed as, say, a meter
// reading. Domains are short ASCII tags such as "gtx/vote/v1".
class KeyPair
{
public:
    KeyPair() = default;
    static KeyPair generate();
    static KeyPair fromSeed(std::span<const std::uint8_t, 32> seed);
    // The 64-byte libsodium secret key (seed || public key).
    static Result<KeyPair> fromSecretKey(ByteView secretKey);

    const PublicKey &publicKey() const { return m_public; }
    // A second holder of the same key, with its own SecureBuffer (for an
    // object that must sign after the original has been handed on).
    KeyPair copy() const;
    bool valid() const { return !m_secret.empty(); }
    Signature sign(std::string_view domain, ByteView message) const;
    // The 32-byte seed; handle with care (keystore only).
    SecureBuffer seed() const;
    const SecureBuffer &secretKey() const { return m_secret; }

private:
    PublicKey m_public;
    SecureBuffer m_secret;
};

bool verify(const PublicKey &key, std::string_view domain, ByteView message, const Signature &sig);

} // namespace gtx::crypto
