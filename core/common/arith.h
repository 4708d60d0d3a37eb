#pragma once

// Exact integer arithmetic for amounts and weights: 128-bit intermediates
// (GCC and Clang's unsigned __int128; __extension__ keeps -Wpedantic quiet).

#include <cstdint>
#include <optional>

namespace gtx {

__extension__ typedef unsigned __int128 Uint128;
__extension__ typedef __int128 Int128;

// a + b, or nothing on overflow.
inline std::optional<std::uint64_t> checkedAdd(std::uint64_t a, std::uint64_t b)
{
    if (a > UINT64_MAX - b)
        return std::nullopt;
    return a + b;
}

// a + b, or UINT64_MAX on overflow (scores, slot ends that mean "never").
inline std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

// floor(a * b / c) for c > 0 and a result that fits (a * b / c <= a when b <= c).
inline std::uint64_t mulDiv(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    return static_cast<std::uint64_t>(static_cast<Uint128>(a) * b / c);
}

} // namespace gtx
