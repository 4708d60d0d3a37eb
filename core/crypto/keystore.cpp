#include "core/crypto/keystore.h"
#include "core/crypto/passphrase_policy.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace gtx::crypto {

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'G', 'T', 'X', 'K', 'E', 'Y', '\r', '\n'};
constexpr std::size_t kSeedBytes = 32;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kSealedBytes = kSeedBytes + kTagBytes;
constexpr std::size_t kChecksumBytes = 32;
// magic, version, role length
constexpr std::size_t kPrefixBytes = kMagic.size() + 2 + 1;
// public key, opsLimit, memLimit, salt, nonce
constexpr std::size_t kHeaderTailBytes = 32 + 8 + 8 + kArgon2SaltBytes + kNonceBytes;

static_assert(kArgon2SaltBytes == crypto_pwhash_SALTBYTES);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

std::size_t fileSizeFor(std::size_t roleLength)
{
    return kPrefixBytes + roleLength + kHeaderTailBytes + kSealedBytes + kChecksumBytes;
}

std::string quoted(const std::filesystem::path &file)
{
    return file.string();
}

std::string systemMessage(int error)
{
    return std::error_code(error, std::generic_category()).message();
}

Error corrupt(const std::filesystem::path &file)
{
    return makeError("keystore.corrupt",
                     "The key file " + quoted(file) + " is damaged or has been altered.");
}

Error truncated(const std::filesystem::path &file)
{
    return makeError("keystore.truncated",
                     "The key file " + quoted(file) + " is truncated (incomplete).");
}

bool validRole(std::string_view role)
{
    if (role.empty() || role.size() > kKeystoreMaxRoleLength)
        return false;
    for (char c : role) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

bool validParams(const Argon2Params &kdf)
{
    return kdf.opsLimit >= crypto_pwhash_OPSLIMIT_MIN && kdf.opsLimit <= kKeystoreMaxOpsLimit
           && kdf.memLimitBytes >= crypto_pwhash_MEMLIMIT_MIN
           && kdf.memLimitBytes <= kKeystoreMaxMemLimitBytes;
}

void putLe(Bytes &out, std::uint64_t v, std::size_t width)
{
    for (std::size_t i = 0; i < width; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint64_t getLe(const std::uint8_t *in, std::size_t width)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i)
        v |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    return v;
}

std::array<std::uint8_t, kChecksumBytes> checksumOf(ByteView data)
{
    std::array<std::uint8_t, kChecksumBytes> out{};
    crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
    return out;
}

// A key file split into its parts; the views point into the file's bytes.
struct ParsedKeystore
{
    KeystoreInfo info;
    ByteView associatedData; // magic .. nonce
    ByteView salt;
    ByteView nonce;
    ByteView sealedSeed;
};

Result<Bytes> readWholeFile(const std::filesystem::path &file)
{
    // O_NONBLOCK: a FIFO in place of the file opens at once (and is then
    // refused as not a regular file) instead of waiting for a writer.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return makeError("keystore.not_found",
                             "The key file " + quoted(file) + " does not exist.");
        return makeError("keystore.read", "Could not read the key file " + quoted(file) + ": "
                                              + systemMessage(error) + ".");
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError("keystore.read",
                         "Could not read the key file " + quoted(file) + ": not a regular file.");
    }
    Error tooLarge = makeError("keystore.too_large",
                               "The file " + quoted(file)
                                   + " is larger than 64 KiB, so it is not a key file.");
    if (st.st_size < 0 || static_cast<std::uint64_t>(st.st_size) > kKeystoreMaxFileBytes) {
        ::close(fd);
        return tooLarge;
    }
    // Read at most one byte past the limit, in case the file grew meanwhile.
    Bytes data(kKeystoreMaxFileBytes + 1);
    std::size_t got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return makeError("keystore.read", "Could not read the key file " + quoted(file)
                                                  + ": " + systemMessage(error) + ".");
        }
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got > kKeystoreMaxFileBytes)
        return tooLarge;
    data.resize(got);
    return data;
}

Result<ParsedKeystore> parseKeystore(const std::filesystem::path &file, const Bytes &data)
{
    // Magic first, so that any other file is named as such; an empty file or
    // a bare prefix of the magic is a truncated key file.
    const std::size_t magicSeen = std::min(data.size(), kMagic.size());
    if (magicSeen > 0 && std::memcmp(data.data(), kMagic.data(), magicSeen) != 0)
        return makeError("keystore.not_keystore",
                         "The file " + quoted(file) + " is not a GridTokenX key file.");
    if (data.size() < kPrefixBytes)
        return truncated(file);

    const auto version = static_cast<std::uint16_t>(getLe(data.data() + kMagic.size(), 2));
    if (version != kKeystoreVersion)
        return makeError("keystore.unsupported_version",
                         "The key file " + quoted(file) + " has format version "
                             + std::to_string(version) + "; this program reads only version "
                             + std::to_string(kKeystoreVersion) + ".");

    const std::size_t roleLength = data[kPrefixBytes - 1];
    const std::size_t expected = fileSizeFor(roleLength);
    if (data.size() < expected)
        return truncated(file);
    if (data.size() > expected)
        return corrupt(file);

    const ByteView body(data.data(), expected - kChecksumBytes);
    const auto checksum = checksumOf(body);
    if (std::memcmp(checksum.data(), data.data() + body.size(), kChecksumBytes) != 0)
        return corrupt(file);

    ParsedKeystore out;
    const std::uint8_t *p = data.data() + kPrefixBytes;
    out.info.version = version;
    out.info.role.assign(reinterpret_cast<const char *>(p), roleLength);
    p += roleLength;
    std::memcpy(out.info.publicKey.data(), p, PublicKey::size());
    p += PublicKey::size();
    out.info.kdf.opsLimit = getLe(p, 8);
    p += 8;
    out.info.kdf.memLimitBytes = getLe(p, 8);
    p += 8;
    out.salt = ByteView(p, kArgon2SaltBytes);
    p += kArgon2SaltBytes;
    out.nonce = ByteView(p, kNonceBytes);
    p += kNonceBytes;
    out.associatedData = ByteView(data.data(), static_cast<std::size_t>(p - data.data()));
    out.sealedSeed = ByteView(p, kSealedBytes);

    // The checksum matched, yet the content is invalid: written by something
    // else, or altered with a recomputed checksum.
    if (!validRole(out.info.role))
        return corrupt(file);
    if (!validParams(out.info.kdf))
        return makeError("keystore.bad_params",
                         "The key file " + quoted(file)
                             + " asks for key-derivation costs outside the accepted range.");
    return out;
}

// A temporary file that is removed unless it was published.
struct TempFile
{
    std::string path;
    int fd = -1;
    bool published = false;

    ~TempFile()
    {
        if (fd >= 0)
            ::close(fd);
        if (!path.empty() && !published)
            ::unlink(path.c_str());
    }
};

// Writes all of `data`; returns 0 or an errno value.
int writeAll(int fd, ByteView data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// Moves `from` to `to` unless `to` exists; returns 0 or an errno value.
int renameNoReplace(const std::string &from, const std::filesystem::path &to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    // The file system cannot rename without replacing: a hard link fails on
    // an existing name just the same.
    if (::link(from.c_str(), to.c_str()) != 0)
        return errno;
    ::unlink(from.c_str());
    return 0;
}

} // namespace

Status saveKeystore(const std::filesystem::path &file, const KeyPair &key, std::string_view role,
                    ByteView passphrase, const Argon2Params &kdf)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    if (!key.valid())
        return makeError("keystore.no_key", "There is no signing key to save.");
    if (!validRole(role))
        return makeError("keystore.bad_role",
                         "The key role must be 1 to 32 ASCII letters, digits, '-', '_' or '.', "
                         "such as \"node\" or \"operator\".");
    if (Status weak = checkNewKdfParams(kdf); !weak)
        return weak;
    if (Status policy = checkNewPassphrase(passphrase); !policy)
        return policy;

    struct stat st{};
    if (::lstat(file.c_str(), &st) == 0)
        return makeError("keystore.exists",
                         "The key file " + quoted(file) + " already exists; it was not replaced.");

    // Header, which is also the associated data.
    Bytes out;
    out.reserve(fileSizeFor(role.size()));
    out.insert(out.end(), kMagic.begin(), kMagic.end());
    putLe(out, kKeystoreVersion, 2);
    out.push_back(static_cast<std::uint8_t>(role.size()));
    out.insert(out.end(), role.begin(), role.end());
    out.insert(out.end(), key.publicKey().bytes.begin(), key.publicKey().bytes.end());
    putLe(out, kdf.opsLimit, 8);
    putLe(out, kdf.memLimitBytes, 8);
    std::array<std::uint8_t, kArgon2SaltBytes> salt{};
    randomBytes(salt);
    out.insert(out.end(), salt.begin(), salt.end());
    std::array<std::uint8_t, kNonceBytes> nonce{};
    randomBytes(nonce);
    out.insert(out.end(), nonce.begin(), nonce.end());
    const std::size_t headerBytes = out.size();

    auto wrappingKey = deriveFromPassphrase(passphrase, salt, kdf, 32);
    if (!wrappingKey)
        return wrappingKey.error();
    const SecureBuffer seed = key.seed();
    out.resize(headerBytes + kSealedBytes);
    unsigned long long sealedLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + headerBytes, &sealedLength,
                                               seed.data(), seed.size(), out.data(), headerBytes,
                                               nullptr, nonce.data(), wrappingKey->data());
    if (sealedLength != kSealedBytes)
        return makeError("keystore.internal", "The key could not be encrypted.");
    const auto checksum = checksumOf(out);
    out.insert(out.end(), checksum.begin(), checksum.end());

    // Write a temporary file beside the target, flush it, then publish it.
    const std::filesystem::path dir =
        file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const auto writeError = [&file](const std::string &reason) {
        return makeError("keystore.write",
                         "Could not write the key file " + quoted(file) + ": " + reason + ".");
    };
    TempFile temp;
    std::string pattern = (dir / ("." + file.filename().string() + ".tmp-XXXXXX")).string();
    temp.fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (temp.fd < 0)
        return writeError(systemMessage(errno));
    temp.path = pattern;
    if (::fchmod(temp.fd, S_IRUSR | S_IWUSR) != 0)
        return writeError(systemMessage(errno));
    if (const int error = writeAll(temp.fd, out); error != 0)
        return writeError(systemMessage(error));
    if (::fsync(temp.fd) != 0)
        return writeError(systemMessage(errno));
    const int closeResult = ::close(temp.fd);
    temp.fd = -1;
    if (closeResult != 0)
        return writeError(systemMessage(errno));

    if (const int error = renameNoReplace(temp.path, file); error != 0) {
        if (error == EEXIST)
            return makeError("keystore.exists", "The key file " + quoted(file)
                                                    + " already exists; it was not replaced.");
        return writeError(systemMessage(error));
    }
    temp.published = true;

    // Make the new directory entry durable too (best effort: the file is
    // complete and in place either way).
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return Status::success();
}

Result<KeystoreInfo> readKeystoreInfo(const std::filesystem::path &file)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    auto data = readWholeFile(file);
    if (!data)
        return data.error();
    auto parsed = parseKeystore(file, *data);
    if (!parsed)
        return parsed.error();
    return std::move(parsed->info);
}

Result<KeyPair> loadKeystore(const std::filesystem::path &file, ByteView passphrase,
                             KeystoreInfo *info)
{
    if (!initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    auto data = readWholeFile(file);
    if (!data)
        return data.error();
    auto parsed = parseKeystore(file, *data);
    if (!parsed)
        return parsed.error();

    auto wrappingKey = deriveFromPassphrase(passphrase, parsed->salt, parsed->info.kdf, 32);
    if (!wrappingKey)
        return wrappingKey.error();
    SecureBuffer seed(kSeedBytes);
    unsigned long long seedLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            seed.data(), &seedLength, nullptr, parsed->sealedSeed.data(),
            parsed->sealedSeed.size(), parsed->associatedData.data(),
            parsed->associatedData.size(), parsed->nonce.data(), wrappingKey->data())
            != 0
        || seedLength != kSeedBytes)
        return makeError("keystore.wrong_passphrase",
                         "Wrong passphrase for the key file " + quoted(file) + ".");

    KeyPair key =
        KeyPair::fromSeed(std::span<const std::uint8_t, kSeedBytes>(seed.data(), kSeedBytes));
    if (key.publicKey() != parsed->info.publicKey)
        return corrupt(file);
    if (info)
        *info = std::move(parsed->info);
    return key;
}

} // namespace gtx::crypto
