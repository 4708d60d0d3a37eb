#include "core/crypto/hash.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

#include <cassert>
#include <cstring>

namespace gtx::crypto {

static_assert(sizeof(crypto_generichash_state) <= 384);

namespace {
crypto_generichash_state *state(unsigned char *raw)
{
    return reinterpret_cast<crypto_generichash_state *>(raw);
}
} // namespace

Hasher::Hasher(std::string_view domain)
{
    initialize();
    assert(domain.size() <= 255);
    crypto_generichash_init(state(m_state), nullptr, 0, 32);
    const unsigned char len = static_cast<unsigned char>(domain.size());
    crypto_generichash_update(state(m_state), &len, 1);
    crypto_generichash_update(state(m_state),
                              reinterpret_cast<const unsigned char *>(domain.data()), domain.size());
}

Hasher &Hasher::update(ByteView data)
{
    crypto_generichash_update(state(m_state), data.data(), data.size());
    return *this;
}

Hash256 Hasher::final()
{
    Hash256 out;
    crypto_generichash_final(state(m_state), out.data(), out.size());
    return out;
}

Hash256 hash(std::string_view domain, ByteView data)
{
    return Hasher(domain).update(data).final();
}

} // namespace gtx::crypto
