#pragma once

#include <array>
#include <bit>
#include <cstring>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gtx {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

inline Bytes toBytes(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

std::string toHex(ByteView data);
// Parses lower- or upper-case hex; returns false on odd length or a non-hex digit.
bool fromHex(std::string_view hex, Bytes &out);
// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or
// values beyond U+10FFFF).
bool validUtf8(ByteView s);

// A fixed-size byte string (hashes, public keys, signatures).
template<std::size_t N>
struct FixedBytes
{
    std::array<std::uint8_t, N> bytes{};

    static constexpr std::size_t size() { return N; }
    std::uint8_t *data() { return bytes.data(); }
    const std::uint8_t *data() const { return bytes.data(); }
    ByteView view() const { return {bytes.data(), N}; }
    bool isZero() const
    {
        for (auto b : bytes)
            if (b != 0)
                return false;
        return true;
    }
    std::string hex() const { return toHex(view()); }
    std::string shortHex() const { return toHex(view().first(N < 4 ? N : 4)); }

    // Bytewise (lexicographic) order, compared eight bytes at a time as
    // big-endian words: the same order as comparing byte by byte, without a
    // library call per comparison (these are the keys of most maps here).
    std::strong_ordering operator<=>(const FixedBytes &other) const
    {
        std::size_t i = 0;
        for (; i + 8 <= N; i += 8) {
            const std::uint64_t a = loadBigEndian(bytes.data() + i);
            const std::uint64_t b = loadBigEndian(other.bytes.data() + i);
            if (a != b)
                return a < b ? std::strong_ordering::less : std::strong_ordering::greater;
        }
        for (; i < N; ++i)
            if (bytes[i] != other.bytes[i])
                return bytes[i] < other.bytes[i] ? std::strong_ordering::less : std::strong_ordering::greater;
        return std::strong_ordering::equal;
    }
    bool operator==(const FixedBytes &) const = default;

private:
    static std::uint64_t loadBigEndian(const std::uint8_t *p)
    {
        std::uint64_t v;
        std::memcpy(&v, p, sizeof v);
        return __builtin_bswap64(v);   // the hosts we build for are little-endian
    }
};
static_assert(std::endian::native == std::endian::little, "FixedBytes order assumes a little-endian host");

} // namespace gtx
