#include "core/ledger/key_file.h"

#include "core/codec/codec.h"
#include "core/crypto/passphrase_policy.h"
#include "core/crypto/sodium.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace gtx::ledger {

namespace {

constexpr char kMagic[8] = {'G', 'T', 'X', 'L', 'K', 'D', 'F', '\0'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kAlgorithmArgon2id13 = 1;

Error ioError(const std::filesystem::path &path, const char *what)
{
    return makeError("ledger.io", path.filename().string() + ": " + what + ": "
                                      + std::strerror(errno));
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// Parameters at most as costly as the accepted maximum, and valid for libsodium.
bool withinAcceptedLimits(const crypto::Argon2Params &params)
{
    const crypto::Argon2Params minimum = crypto::Argon2Params::minimum();
    return params.opsLimit >= minimum.opsLimit && params.opsLimit <= crypto::kArgon2MaxOpsLimit
           && params.memLimitBytes >= minimum.memLimitBytes
           && params.memLimitBytes <= crypto::kArgon2MaxMemLimitBytes;
}

} // namespace

crypto::Hash256 keyCheckOf(ByteView key)
{
    return crypto::hash("gtx/ledger-keycheck/v1", key);
}

Result<NewKey> makeNewKey(ByteView passphrase, const crypto::Argon2Params &params)
{
    if (Status weak = crypto::checkNewKdfParams(params); !weak)
        return weak.error();
    if (Status policy = crypto::checkNewPassphrase(passphrase); !policy)
        return policy.error();
    if (!crypto::initialize())
        return makeError("crypto.init", "The cryptography library could not be initialised.");
    NewKey out;
    out.file.params = params;
    crypto::randomBytes(out.file.salt);
    auto key = crypto::deriveFromPassphrase(passphrase, out.file.salt, params, 32);
    if (!key)
        return key.error();
    out.key = std::move(key).value();
    out.file.keyCheck = keyCheckOf(out.key.view());
    return out;
}

Result<DerivedKey> deriveKey(const KeyFile &file, ByteView passphrase)
{
    auto key = crypto::deriveFromPassphrase(passphrase, file.salt, file.params, 32);
    if (!key)
        return key.error();
    DerivedKey out;
    out.matches = keyCheckOf(key->view()) == file.keyCheck;
    out.key = std::move(key).value();
    return out;
}

Bytes encodeKeyFile(const KeyFile &file)
{
    codec::Writer w;
    w.raw(asBytes(std::string_view(kMagic, sizeof kMagic)));
    w.u32(kFormatVersion);
    w.u32(kAlgorithmArgon2id13);
    w.u64(file.params.opsLimit);
    w.u64(file.params.memLimitBytes);
    w.raw(file.salt);
    w.fixed(file.keyCheck);
    const crypto::Hash256 checksum = crypto::hash("gtx/ledger-kdf-file/v1", w.data());
    w.fixed(checksum);
    return w.take();
}

Result<KeyFile> decodeKeyFile(ByteView data, const std::string &fileName)
{
    auto corrupt = [&](const std::string &why) {
        return makeError("ledger.corrupt",
                         fileName + " is damaged (" + why
                             + "); the ledger cannot be decrypted without it. Restore it "
                               "from a backup.");
    };
    if (data.size() != kKeyFileBytes)
        return corrupt("size " + std::to_string(data.size()) + " bytes, expected "
                       + std::to_string(kKeyFileBytes));
    if (std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return corrupt("not a ledger key file");
    const ByteView body = data.first(kKeyFileBytes - 32);
    crypto::Hash256 stored;
    std::memcpy(stored.data(), data.data() + body.size(), 32);
    if (crypto::hash("gtx/ledger-kdf-file/v1", body) != stored)
        return corrupt("checksum mismatch");

    codec::Reader r(body.subspan(sizeof kMagic));
    const std::uint32_t version = r.u32();
    const std::uint32_t algorithm = r.u32();
    KeyFile file;
    file.params.opsLimit = r.u64();
    file.params.memLimitBytes = r.u64();
    r.raw(file.salt.data(), file.salt.size());
    r.fixed(file.keyCheck);
    if (!r.ok() || !r.atEnd())
        return corrupt("malformed");
    if (version != kFormatVersion)
        return makeError("ledger.unsupported_version",
                         fileName + " has format version " + std::to_string(version)
                             + ", which this program does not know; upgrade the program.");
    if (algorithm != kAlgorithmArgon2id13)
        return corrupt("unknown key-derivation algorithm " + std::to_string(algorithm));
    // The checksum has no key: a hostile file can carry any parameters.
    if (!withinAcceptedLimits(file.params))
        return corrupt("Argon2id parameters out of range: " + std::to_string(file.params.opsLimit)
                       + " passes, " + std::to_string(file.params.memLimitBytes)
                       + " bytes of memory");
    return file;
}

Result<KeyFile> readKeyFile(const std::filesystem::path &path)
{
    const std::string fileName = path.filename().string();
    const auto notRegular = [&] {
        return makeError("ledger.corrupt",
                         fileName + " is not a regular file; the ledger cannot be decrypted "
                                    "without it. Restore it from a backup.");
    };
    // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: the
    // file is replaced by rename, which would not follow a link anyway.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return makeError("ledger.not_found", fileName + " does not exist.");
        if (errno == ELOOP)
            return notRegular();
        return ioError(path, "cannot open");
    }
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        return ioError(path, "cannot read");
    if (!S_ISREG(st.st_mode))
        return notRegular();
    // Read at most one byte more than a valid file so the size check can fail.
    std::uint8_t buffer[kKeyFileBytes + 1];
    std::size_t total = 0;
    while (total < sizeof buffer) {
        const ssize_t n = ::read(fd.get(), buffer + total, sizeof buffer - total);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(path, "cannot read");
        }
        if (n == 0)
            break;
        total += static_cast<std::size_t>(n);
    }
    return decodeKeyFile(ByteView(buffer, total), fileName);
}

Status syncDirectory(const std::filesystem::path &dir)
{
    FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return ioError(dir, "cannot open the directory");
    if (::fsync(fd.get()) != 0)
        return ioError(dir, "cannot sync the directory");
    return Status::success();
}

Status renameFile(const std::filesystem::path &from, const std::filesystem::path &to)
{
    if (::rename(from.c_str(), to.c_str()) != 0)
        return ioError(to, "cannot rename into place");
    return Status::success();
}

Status renameDurably(const std::filesystem::path &from, const std::filesystem::path &to)
{
    GTX_TRY(renameFile(from, to));
    return syncDirectory(to.parent_path().empty() ? std::filesystem::path(".")
                                                  : to.parent_path());
}

Status requireFreeSpace(const std::filesystem::path &dir, std::uint64_t bytes,
                        const std::string &purpose)
{
    struct statvfs fs;
    if (::statvfs(dir.c_str(), &fs) != 0)
        return Status::success();
    const std::uint64_t blockBytes = fs.f_frsize ? fs.f_frsize : fs.f_bsize;
    const std::uint64_t freeBlocks = fs.f_bavail;
    const std::uint64_t freeBytes =
        blockBytes != 0 && freeBlocks > UINT64_MAX / blockBytes ? UINT64_MAX
                                                                : freeBlocks * blockBytes;
    if (freeBytes >= bytes)
        return Status::success();
    constexpr std::uint64_t kMiB = 1u << 20;
    return makeError("ledger.disk_full",
                     "Not enough free space in " + dir.string() + " " + purpose + ": "
                         + std::to_string(bytes / kMiB + (bytes % kMiB != 0)) + " MiB are needed, "
                         + std::to_string(freeBytes / kMiB) + " MiB are free.");
}

Status writeKeyFile(const std::filesystem::path &path, const KeyFile &file)
{
    const Bytes data = encodeKeyFile(file);
    std::filesystem::path temp = path;
    temp += ".tmp";
    ::unlink(temp.c_str());
    {
        FileDescriptor fd(
            ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR));
        if (fd.get() < 0)
            return ioError(temp, "cannot create");
        std::size_t written = 0;
        while (written < data.size()) {
            const ssize_t n = ::write(fd.get(), data.data() + written, data.size() - written);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                const Error error = ioError(temp, "cannot write");
                ::unlink(temp.c_str());
                return error;
            }
            written += static_cast<std::size_t>(n);
        }
        if (::fsync(fd.get()) != 0) {
            const Error error = ioError(temp, "cannot sync");
            ::unlink(temp.c_str());
            return error;
        }
        if (::close(fd.release()) != 0) {
            const Error error = ioError(temp, "cannot close");
            ::unlink(temp.c_str());
            return error;
        }
    }
    const Status renamed = renameDurably(temp, path);
    if (!renamed.ok())
        ::unlink(temp.c_str());
    return renamed;
}

} // namespace gtx::ledger
