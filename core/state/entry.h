#pragma once

// Reading the state's own entries (inside core/state only).

#include "core/codec/codec.h"

#include <optional>

namespace gtx::state {

// A stored entry's value, or nothing when absent (or, never for entries the
// state machine wrote, undecodable).
template<typename T>
std::optional<T> entryOf(const std::optional<Bytes> &value, const char *what)
{
    if (!value)
        return std::nullopt;
    auto decoded = codec::decode<T>(*value, what);
    return decoded ? std::optional<T>(*decoded) : std::nullopt;
}

} // namespace gtx::state
