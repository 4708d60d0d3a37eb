#pragma once

#include <array>
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

    auto operator<=>(const FixedBytes &) const = default;
    bool operator==(const FixedBytes &) const = default;
};

} // namespace gtx
