#include "app/node/passphrase_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include <cerrno>
#include <csignal>
#include <iterator>
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

// While alive: echo is restored if SIGINT, SIGTERM or SIGHUP arrive, and the
// signal is then delivered as usual.
int g_terminalFd = -1;
termios g_savedTerminal{};

extern "C" void restoreTerminalAndRaise(int sig)
{
    if (g_terminalFd >= 0)
        ::tcsetattr(g_terminalFd, TCSANOW, &g_savedTerminal);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

class TerminalGuard
{
public:
    TerminalGuard(int fd, const termios &saved)
    {
        g_terminalFd = fd;
        g_savedTerminal = saved;
        struct sigaction sa{};
        sa.sa_handler = restoreTerminalAndRaise;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &sa, &m_old[i]);
    }
    ~TerminalGuard() { restore(); }
    void restore()
    {
        if (g_terminalFd < 0)
            return;
        ::tcsetattr(g_terminalFd, TCSAFLUSH, &g_savedTerminal);
        for (std::size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &m_old[i], nullptr);
        g_terminalFd = -1;
    }

private:
    static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction m_old[std::size(kSignals)]{};
};

} // namespace

Result<crypto::SecureBuffer> readPassphraseFile(const std::filesystem::path &file)
{
    const std::string what = "'" + file.string() + "'";
    // O_NONBLOCK: a FIFO in place of the file must not hang us.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
    // Ctrl-C at the prompt must not leave the terminal without echo.
    TerminalGuard guard(fd, saved);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);

    auto ask = [&](const std::string &text) {
        const std::string shown = text + ": ";
        [[maybe_unused]] auto w = ::write(fd, shown.data(), shown.size());
        return readLine(fd, "the terminal");
    };
    auto first = ask(prompt);
    Result<crypto::SecureBuffer> result = std::move(first);
    // A new passphrase: say at once what the policy wants, before asking
    // to repeat it (the ledger or key file refuses it anyway).
    if (result.ok() && confirm) {
        if (Status policy = crypto::checkNewPassphrase(result->view()); !policy)
            result = policy.error();
    }
    if (result.ok() && confirm) {
        auto second = ask("Repeat the passphrase");
        if (!second.ok())
            result = second.error();
        else if (second->size() != result->size()
                 || sodium_memcmp(second->data(), result->data(), result->size()) != 0)
            result = makeError("passphrase.mismatch", "The two passphrases differ.");
    }
    guard.restore();
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
