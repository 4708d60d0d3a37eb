#include "app/node/passphrase_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include <cerrno>
#include <cstring>

namespace gtx::app {

namespace {

// Reads one line from fd into a secure buffer; strips "\n" or "\r\n".
Result<crypto::SecureBuffer> readLine(int fd, const std::string &what)
{
    crypto::SecureBuffer buf(kMaxPassphraseBytes + 2);
    std::size_t n = 0;
    bool ended = false;
    while (n < buf.size()) {
        char c = 0;
        const ssize_t r = ::read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (c == '\n') {
            ended = true;
            break;
        }
        buf.data()[n++] = static_cast<std::uint8_t>(c);
    }
    if (!ended && n == buf.size())
        return makeError("passphrase.too_long", "The passphrase from " + what + " is longer than "
                                                    + std::to_string(kMaxPassphraseBytes)
                                                    + " bytes.");
    if (n > 0 && buf.data()[n - 1] == '\r')
        --n;
    if (n > kMaxPassphraseBytes)
        return makeError("passphrase.too_long", "The passphrase from " + what + " is longer than "
                                                    + std::to_string(kMaxPassphraseBytes)
                                                    + " bytes.");
    if (n == 0)
        return makeError("passphrase.empty", "The passphrase from " + what + " is empty.");
    return crypto::SecureBuffer::copyOf(buf.view().first(n));
}

} // namespace

Result<crypto::SecureBuffer> readPassphraseFile(const std::filesystem::path &file)
{
    const std::string what = "'" + file.string() + "'";
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError("passphrase.file", "Cannot read the passphrase file " + what + ": "
                                                + std::strerror(errno) + ".");
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError("passphrase.file", "The passphrase file " + what + " is not a regular file.");
    }
    auto line = readLine(fd, what);
    ::close(fd);
    return line;
}

Result<crypto::SecureBuffer> askPassphrase(const std::string &prompt, bool confirm)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return makeError("passphrase.no_terminal",
                         "No terminal to ask for the passphrase: use --passphrase-file FILE.");
    termios saved{};
    if (::tcgetattr(fd, &saved) != 0) {
        ::close(fd);
        return makeError("passphrase.no_terminal",
                         "No terminal to ask for the passphrase: use --passphrase-file FILE.");
    }
    termios quiet = saved;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(fd, TCSAFLUSH, &quiet);

    auto ask = [&](const std::string &text) {
        const std::string shown = text + ": ";
        [[maybe_unused]] auto w = ::write(fd, shown.data(), shown.size());
        return readLine(fd, "the terminal");
    };
    auto first = ask(prompt);
    Result<crypto::SecureBuffer> result = std::move(first);
    if (result.ok() && confirm) {
        auto second = ask("Repeat the passphrase");
        if (!second.ok())
            result = second.error();
        else if (second->size() != result->size()
                 || sodium_memcmp(second->data(), result->data(), result->size()) != 0)
            result = makeError("passphrase.mismatch", "The two passphrases differ.");
    }
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    return result;
}

Result<crypto::SecureBuffer> obtainPassphrase(const std::string &file, const std::string &prompt,
                                              bool confirm)
{
    if (!file.empty())
        return readPassphraseFile(file);
    return askPassphrase(prompt, confirm);
}

} // namespace gtx::app
