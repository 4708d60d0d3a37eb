#include "core/crypto/secure_buffer.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace gtx::crypto {

SecureBuffer::SecureBuffer(std::size_t size)
{
    if (size == 0)
        return;
    initialize();
    m_data = static_cast<std::uint8_t *>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, size);
}

SecureBuffer::~SecureBuffer()
{
    if (m_data) {
        sodium_mprotect_readwrite(m_data);
        sodium_free(m_data); // wipes before freeing
    }
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        SecureBuffer old(std::move(*this));
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBuffer SecureBuffer::copyOf(std::span<const std::uint8_t> data)
{
    SecureBuffer out(data.size());
    if (!data.empty())
        std::memcpy(out.data(), data.data(), data.size());
    return out;
}

void SecureBuffer::noAccess()
{
    if (m_data)
        sodium_mprotect_noaccess(m_data);
}

void SecureBuffer::readOnly()
{
    if (m_data)
        sodium_mprotect_readonly(m_data);
}

void SecureBuffer::readWrite()
{
    if (m_data)
        sodium_mprotect_readwrite(m_data);
}

void wipe(void *data, std::size_t size)
{
    if (data && size)
        sodium_memzero(data, size);
}

bool initialize()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

void randomBytes(std::span<std::uint8_t> out)
{
    initialize();
    randombytes_buf(out.data(), out.size());
}

} // namespace gtx::crypto
