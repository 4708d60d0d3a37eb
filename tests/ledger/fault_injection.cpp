// Fault injection for the ledger tests: a library that test_ledger preloads
// (LD_PRELOAD) into the ledger_fault helper to make one file-system call
// fail. The environment variable GTX_FAULT chooses the fault:
//   dir-sync-after-commit  fsync() of a directory fails with EIO once the
//                          directory holds ledger.kdf and neither
//                          ledger.kdf.new nor ledger.kdf.creating: the sync
//                          right after the rename that completes a creation
//                          or a passphrase change.
//   rename-pending         rename() of ledger.kdf.new to ledger.kdf fails
//                          with EIO.
// Every other call goes to the C library unchanged.

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool faultIs(std::string_view name)
{
    const char *value = std::getenv("GTX_FAULT");
    return value && name == value;
}

bool exists(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string pathOf(int fd)
{
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    char buffer[4096];
    const ssize_t n = ::readlink(link.c_str(), buffer, sizeof buffer);
    if (n <= 0 || static_cast<std::size_t>(n) >= sizeof buffer)
        return {};
    return std::string(buffer, static_cast<std::size_t>(n));
}

template<typename Function>
Function next(const char *name)
{
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" int fsync(int fd)
{
    static const auto real = next<int (*)(int)>("fsync");
    struct stat st;
    if (faultIs("dir-sync-after-commit") && ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        const std::string dir = pathOf(fd);
        if (!dir.empty() && exists(dir + "/ledger.kdf") && !exists(dir + "/ledger.kdf.new")
            && !exists(dir + "/ledger.kdf.creating")) {
            errno = EIO;
            return -1;
        }
    }
    return real(fd);
}

extern "C" int rename(const char *from, const char *to) noexcept
{
    static const auto real = next<int (*)(const char *, const char *)>("rename");
    if (faultIs("rename-pending") && endsWith(from, "/ledger.kdf.new")
        && endsWith(to, "/ledger.kdf")) {
        errno = EIO;
        return -1;
    }
    return real(from, to);
}
