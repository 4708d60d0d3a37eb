#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace gtx::crypto {

// Memory for secrets: allocated with sodium_malloc (guard pages, locked so it
// is never swapped), wiped and freed on destruction. Move-only.
class SecureBuffer
{
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    ~SecureBuffer();
    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;

    static SecureBuffer copyOf(std::span<const std::uint8_t> data);

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<const std::uint8_t> view() const { return {m_data, m_size}; }
    std::span<std::uint8_t> span() { return {m_data, m_size}; }

    // Page protection between uses (sodium_mprotect_*).
    void noAccess();
    void readOnly();
    void readWrite();

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Overwrites memory in a way the compiler may not optimise away.
void wipe(void *data, std::size_t size);

} // namespace gtx::crypto
