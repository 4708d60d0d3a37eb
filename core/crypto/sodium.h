#pragma once

#include <cstdint>
#include <span>

namespace gtx::crypto {

// Initialises libsodium once; safe to call from several threads. Returns
// false if the library cannot be initialised (then nothing here may be used).
bool initialize();

// Cryptographically secure random bytes (for keys and salts only; consensus
// randomness comes from the node's injected random source).
void randomBytes(std::span<std::uint8_t> out);

} // namespace gtx::crypto
