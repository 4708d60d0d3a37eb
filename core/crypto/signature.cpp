#include "core/crypto/signature.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

#include <cassert>
#include <cstring>

namespace gtx::crypto {

namespace {

// "GTX" || u8(len(domain)) || domain || message
Bytes framed(std::string_view domain, ByteView message)
{
    assert(domain.size() <= 255);
    Bytes out(4 + domain.size() + message.size());
    out[0] = 'G';
    out[1] = 'T';
    out[2] = 'X';
    out[3] = static_cast<std::uint8_t>(domain.size());
    if (!domain.empty())
        std::memcpy(out.data() + 4, domain.data(), domain.size());
    if (!message.empty())
        std::memcpy(out.data() + 4 + domain.size(), message.data(), message.size());
    return out;
}

} // namespace

KeyPair KeyPair::generate()
{
    initialize();
    KeyPair kp;
    kp.m_secret = SecureBuffer(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(kp.m_public.data(), kp.m_secret.data());
    return kp;
}

KeyPair KeyPair::fromSeed(std::span<const std::uint8_t, 32> seed)
{
    initialize();
    KeyPair kp;
    kp.m_secret = SecureBuffer(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(kp.m_public.data(), kp.m_secret.data(), seed.data());
    return kp;
}

Result<KeyPair> KeyPair::fromSecretKey(ByteView secretKey)
{
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return makeError("crypto.bad_key", "An Ed25519 secret key must be 64 bytes.");
    KeyPair kp = fromSeed(std::span<const std::uint8_t, 32>(secretKey.data(), 32));
    if (sodium_memcmp(kp.m_secret.data(), secretKey.data(), crypto_sign_SECRETKEYBYTES) != 0)
        return makeError("crypto.bad_key", "The Ed25519 secret key is inconsistent with its public key.");
    return kp;
}

KeyPair KeyPair::copy() const
{
    KeyPair kp;
    kp.m_public = m_public;
    kp.m_secret = SecureBuffer::copyOf(m_secret.view());
    return kp;
}

SecureBuffer KeyPair::seed() const
{
    SecureBuffer out(crypto_sign_SEEDBYTES);
    crypto_sign_ed25519_sk_to_seed(out.data(), m_secret.data());
    return out;
}

Signature KeyPair::sign(std::string_view domain, ByteView message) const
{
    assert(valid());
    const Bytes msg = framed(domain, message);
    Signature sig;
    crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), m_secret.data());
    return sig;
}

bool verify(const PublicKey &key, std::string_view domain, ByteView message, const Signature &sig)
{
    initialize();
    if (domain.size() > 255)
        return false;
    const Bytes msg = framed(domain, message);
    return crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), key.data()) == 0;
}

} // namespace gtx::crypto
