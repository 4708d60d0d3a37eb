#pragma once

// Units of the protocol. No floating point in consensus types: ratios are
// integers in basis points or parts per million, durations are u64
// milliseconds, times are i64 UTC milliseconds since 1970, and GridToken
// amounts are u64 micro-GT.

#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace gtx {

// 1 GT = 1,000,000 micro-GT.
constexpr std::uint64_t kMicroGtPerGt = 1'000'000;
// 10,000 basis points = 100%.
constexpr std::uint32_t kBasisPointsFull = 10'000;
// 1,000,000 parts per million = 100%.
constexpr std::uint32_t kPpmFull = 1'000'000;

constexpr std::uint64_t gtToMicro(std::uint64_t gt)
{
    return gt * kMicroGtPerGt;
}

// "12.5" for 12,500,000 micro-GT: whole GT, then at most six decimals
// without trailing zeros.
std::string formatGt(std::uint64_t micro);

// The reverse: digits, optionally a point and one to six decimals, at most
// 13 whole digits (errors: "amount.invalid" with a message naming the text).
Result<std::uint64_t> parseGt(const std::string &text);

} // namespace gtx
