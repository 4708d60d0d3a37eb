#pragma once

// ledger.kdf: how the database key is derived from the passphrase.
//
// A small versioned binary file (112 bytes, integers little-endian):
//   8  magic "GTXLKDF\0"
//   4  u32 format version (1)
//   4  u32 algorithm (1 = Argon2id v1.3, libsodium crypto_pwhash)
//   8  u64 Argon2id opsLimit
//   8  u64 Argon2id memLimitBytes
//  16  salt
//  32  key check = hash("gtx/ledger-keycheck/v1", key)
//  32  checksum  = hash("gtx/ledger-kdf-file/v1", all bytes above)
// The key check lets a wrong passphrase be told apart before SQLCipher
// touches the database; the checksum tells a damaged file ("ledger.corrupt")
// apart from a wrong passphrase. Neither reveals the key: the key check is
// a one-way hash of a 256-bit Argon2id output.
//
// The checksum has no key: whoever can write the file can recompute it. So
// everything read from the file is still untrusted: Argon2id parameters
// beyond crypto::kArgon2MaxOpsLimit / kArgon2MaxMemLimitBytes are refused
// as damage before any key is derived, and only a regular file is read (a
// FIFO or device in its place would block or never end).
//
// A new file (create, passphrase change) is written only with parameters at
// or above crypto::Argon2Params::floor() and a passphrase that passes
// crypto::checkNewPassphrase; reading accepts anything within the bounds.
//
// The file is written atomically: a temporary file in the same directory,
// fsync, rename over the target, fsync of the directory. Mode 0600.

#include "core/common/bytes.h"
#include "core/common/result.h"
#include "core/crypto/hash.h"
#include "core/crypto/kdf.h"
#include "core/crypto/secure_buffer.h"

#include <array>
#include <filesystem>

namespace gtx::ledger {

struct KeyFile
{
    crypto::Argon2Params params;
    std::array<std::uint8_t, crypto::kArgon2SaltBytes> salt{};
    crypto::Hash256 keyCheck;

    bool operator==(const KeyFile &) const = default;
};

constexpr std::size_t kKeyFileBytes = 112;

// The key check stored for a database key.
crypto::Hash256 keyCheckOf(ByteView key);

// A new key file with a fresh random salt, and the 32-byte key it describes.
// Parameters beyond the accepted maximum are refused ("crypto.kdf_params"):
// a file written with them could not be read back.
struct NewKey
{
    KeyFile file;
    crypto::SecureBuffer key;
};
Result<NewKey> makeNewKey(ByteView passphrase, const crypto::Argon2Params &params);

// Derives the key from the passphrase and compares it with the key check;
// `matches` is false for a wrong passphrase.
struct DerivedKey
{
    bool matches = false;
    crypto::SecureBuffer key;
};
Result<DerivedKey> deriveKey(const KeyFile &file, ByteView passphrase);

Bytes encodeKeyFile(const KeyFile &file);
// Errors: "ledger.corrupt" naming `fileName` for a malformed or damaged file,
// including one whose Argon2id parameters are out of the accepted range.
Result<KeyFile> decodeKeyFile(ByteView data, const std::string &fileName);

// Reads and decodes; "ledger.not_found" when missing, "ledger.io" when
// unreadable, "ledger.corrupt" when it is not a regular file (a symbolic
// link, FIFO, device or directory) or is damaged. Never blocks on a FIFO.
Result<KeyFile> readKeyFile(const std::filesystem::path &path);
// Writes atomically (temporary file, fsync, rename, fsync of the directory).
Status writeKeyFile(const std::filesystem::path &path, const KeyFile &file);

// Small POSIX file helpers shared by the ledger.
Status syncDirectory(const std::filesystem::path &dir);
// rename(2) alone: atomic, but not yet durable until the directory is synced.
Status renameFile(const std::filesystem::path &from, const std::filesystem::path &to);
// renameFile(), then syncDirectory() of the target's directory. A failure of
// the sync is reported although the rename has happened.
Status renameDurably(const std::filesystem::path &from, const std::filesystem::path &to);
// "ledger.disk_full" when the file system holding `dir` has fewer than
// `bytes` bytes free for `purpose` (e.g. "to re-encrypt the ledger"). When
// the free space cannot be determined, the check passes.
Status requireFreeSpace(const std::filesystem::path &dir, std::uint64_t bytes,
                        const std::string &purpose);

} // namespace gtx::ledger
