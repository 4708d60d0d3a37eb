#pragma once

// Key files: an operator's or node's Ed25519 signing key at rest, encrypted
// under a passphrase.
//
// File layout, version 1 (integers little-endian):
//
//   magic       8 bytes   "GTXKEY\r\n"
//   version     u16       1
//   roleLength  u8        1..32
//   role        roleLength bytes: ASCII letters, digits, '-', '_', '.'
//                         (e.g. "node", "operator")
//   publicKey   32 bytes  Ed25519 public key
//   opsLimit    u64       Argon2id passes
//   memLimit    u64       Argon2id memory in bytes
//   salt        16 bytes  Argon2id salt
//   nonce       24 bytes  XChaCha20-Poly1305 nonce
//   sealedSeed  48 bytes  the 32-byte Ed25519 seed encrypted, then a 16-byte tag
//   checksum    32 bytes  unkeyed BLAKE2b-256 of all preceding bytes
//
// The seed is sealed with XChaCha20-Poly1305 (IETF) under a 32-byte key that
// Argon2id derives from the passphrase and salt. The associated data is every
// byte from magic to nonce, so the role, public key, KDF parameters and salt
// cannot be altered without the decryption failing. After decryption the
// seed must reproduce the stored public key.
//
// The trailing checksum only tells a damaged file ("keystore.corrupt") from a
// wrong passphrase ("keystore.wrong_passphrase"). It is advisory, not a
// security control: it has no key, so whoever alters the file can recompute
// it. Such a file passes the checksum but still fails the authenticated
// decryption, which is then reported as a wrong passphrase; no altered file
// ever yields a key. The checksum can be checked by hand with
//   head -c -32 FILE | b2sum -l 256
//
// KDF parameters read from a file are bounded (kKeystoreMaxOpsLimit,
// kKeystoreMaxMemLimitBytes) so a hostile file cannot demand unbounded work.
//
// The plaintext seed is only ever held in a SecureBuffer.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/kdf.h"
#include "core/crypto/signature.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace gtx::crypto {

constexpr std::uint16_t kKeystoreVersion = 1;
constexpr std::size_t kKeystoreMaxRoleLength = 32;
constexpr std::size_t kKeystoreMaxFileBytes = 64 * 1024;
constexpr std::uint64_t kKeystoreMaxOpsLimit = kArgon2MaxOpsLimit;
constexpr std::uint64_t kKeystoreMaxMemLimitBytes = kArgon2MaxMemLimitBytes;

// What a key file says about itself, readable without the passphrase.
struct KeystoreInfo
{
    std::string role;
    PublicKey publicKey;
    Argon2Params kdf;
    std::uint16_t version = 0;
};

// Writes `key` to a new key file with mode 0600. Refuses to replace an
// existing file ("keystore.exists"). The file appears atomically: it is
// written to a temporary file in the same directory, flushed to disk, then
// renamed into place. `role` is 1..32 ASCII letters, digits, '-', '_' or
// '.'; the passphrase must not be empty.
Status saveKeystore(const std::filesystem::path &file, const KeyPair &key, std::string_view role,
                    ByteView passphrase, const Argon2Params &kdf);

// Reads the unencrypted header of a key file and checks its checksum.
Result<KeystoreInfo> readKeystoreInfo(const std::filesystem::path &file);

// Decrypts the key in `file`. On success fills `info` when given.
Result<KeyPair> loadKeystore(const std::filesystem::path &file, ByteView passphrase,
                             KeystoreInfo *info = nullptr);

} // namespace gtx::crypto
