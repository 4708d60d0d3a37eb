#include "core/types/units.h"

#include <algorithm>

namespace gtx {

std::string formatGt(std::uint64_t micro)
{
    std::string out = std::to_string(micro / kMicroGtPerGt);
    std::uint64_t frac = micro % kMicroGtPerGt;
    if (frac != 0) {
        std::string digits = std::to_string(frac);
        digits.insert(0, 6 - digits.size(), '0');
        while (digits.back() == '0')
            digits.pop_back();
        out += "." + digits;
    }
    return out;
}

Result<std::uint64_t> parseGt(const std::string &text)
{
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string frac = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    auto digitsOnly = [](const std::string &d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 13 || frac.size() > 6 || !digitsOnly(whole) || !digitsOnly(frac)
        || (dot != std::string::npos && frac.empty()))
        return makeError("amount.invalid", "'" + text + "' is not an amount in GT (like \"12.5\", at most 6 decimals)");
    std::uint64_t micro = std::stoull(whole) * kMicroGtPerGt;
    if (!frac.empty())
        micro += std::stoull(frac + std::string(6 - frac.size(), '0'));
    return micro;
}

} // namespace gtx
