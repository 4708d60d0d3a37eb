#pragma once

// A daily shape given at each local hour (Bangkok time), read at an
// interval: what the meter simulator and the grid feed draw loads and solar
// output from.

#include "core/energy/reading.h"

#include <array>
#include <cstdint>

namespace gtx::sim {

constexpr std::int64_t kThaiOffsetMs = 7 * 3600 * 1000;   // UTC+7

// Linear between the hourly figures, at the interval's middle (local time).
inline std::uint64_t shapeAt(const std::array<std::uint32_t, 24> &table, std::int64_t intervalEndMs)
{
    const std::int64_t dayMs = 24 * 3600 * 1000;
    const std::int64_t local = intervalEndMs - energy::kIntervalMs / 2 + kThaiOffsetMs;
    const std::int64_t inDay = ((local % dayMs) + dayMs) % dayMs;
    const std::int64_t hour = inDay / 3600000;
    const std::int64_t frac = inDay % 3600000;   // of 3,600,000
    const std::int64_t a = table[static_cast<std::size_t>(hour)];
    const std::int64_t b = table[static_cast<std::size_t>((hour + 1) % 24)];
    return static_cast<std::uint64_t>(a + (b - a) * frac / 3600000);
}

} // namespace gtx::sim
