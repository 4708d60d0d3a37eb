#pragma once

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/secure_buffer.h"

#include <cstdint>
#include <string_view>

namespace gtx::crypto {

// Argon2id cost parameters (libsodium crypto_pwhash, ALG_ARGON2ID13).
struct Argon2Params
{
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimitBytes = 0;

    static Argon2Params interactive();  // ~65 ms here; tests and devnet
    static Argon2Params moderate();     // ~400 ms here; the default for operators
    static Argon2Params floor();        // the least a new file may use (below)
    // libsodium's own minimum (1 pass, 8 KiB): accepted when an existing
    // file is read, never written. Unit tests of the reading path only.
    static Argon2Params minimum();
    bool operator==(const Argon2Params &) const = default;
};

constexpr std::size_t kArgon2SaltBytes = 16;

// The most work a stored key-derivation header may demand. Parameters read
// from a file are refused beyond these (and new files are never written
// with more), so a hostile file cannot make unlocking run for hours or
// claim gigabytes of memory. Every preset above fits well within them.
constexpr std::uint64_t kArgon2MaxOpsLimit = 16;
constexpr std::uint64_t kArgon2MaxMemLimitBytes = std::uint64_t{1} << 30;   // 1 GiB

// The floor for new ledgers and key files: 2 passes over 19 MiB, the
// least OWASP's Password Storage Cheat Sheet recommends for Argon2id
// (about 20 ms here). A new ledger, a change of passphrase and a new key
// file with less are refused ("crypto.kdf_weak"); files written before
// the floor existed are still opened.
constexpr std::uint64_t kArgon2FloorOpsLimit = 2;
constexpr std::uint64_t kArgon2FloorMemLimitBytes = std::uint64_t{19} << 20;

// Empty when `params` may seal a new secret: at least the floor, at most
// the maximum above.
Status checkNewKdfParams(const Argon2Params &params);

// Derives `outBytes` bytes from a passphrase with Argon2id. Fails with a clear
// error on out-of-range parameters or when the memory cannot be allocated.
Result<SecureBuffer> deriveFromPassphrase(ByteView passphrase, ByteView salt,
                                          const Argon2Params &params, std::size_t outBytes = 32);

// A 32-byte sub-key of a 32-byte master key (libsodium crypto_kdf). `context`
// is exactly 8 ASCII characters naming the purpose (e.g. "ledgerdb").
Result<SecureBuffer> deriveSubkey(const SecureBuffer &masterKey, std::uint64_t subkeyId,
                                  std::string_view context);

} // namespace gtx::crypto
