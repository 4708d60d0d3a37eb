// Fault-test helper: one ledger operation in a process of its own, so that
// test_ledger can run it under a file-size limit or with a fault-injection
// library preloaded (fault_injection.cpp). Not a test itself.
//
//   ledger_fault create <dir> <passphrase>
//   ledger_fault passwd <dir> <old passphrase> <new passphrase> [file-size-limit-bytes]
//
// passwd with a limit opens the ledger, then sets RLIMIT_FSIZE to the limit
// with SIGXFSZ ignored, so that writes beyond it fail with EFBIG the way
// writes to a full disk fail, and changes the passphrase.
// Prints "ok", or "error <code>: <message>" and exits with 1.

#include "ledger_support.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

using namespace ledgertest;

namespace {

int report(const gtx::Status &status)
{
    if (status.ok()) {
        std::printf("ok\n");
        return 0;
    }
    std::printf("error %s: %s\n", status.error().code.c_str(), status.error().message.c_str());
    return 1;
}

int create(const std::string &dir, const std::string &passphrase)
{
    const std::vector<StateChange> state = {{gtx::toBytes("network/name"), gtx::toBytes("devnet")}};
    auto created = Ledger::create(dir, gtx::asBytes(passphrase), makeGenesis(state), state,
                                  gtx::crypto::Argon2Params::floor(), testSigner());
    if (!created)
        return report(created.error());
    return report(gtx::Status::success());
}

int changePassphrase(const std::string &dir, const std::string &oldPassphrase,
                     const std::string &newPassphrase, const char *limit)
{
    auto opened = Ledger::open(dir, gtx::asBytes(oldPassphrase));
    if (!opened)
        return report(opened.error());
    if (limit) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlim_t bytes = std::strtoull(limit, nullptr, 10);
        const rlimit fileSize{bytes, bytes};
        if (::setrlimit(RLIMIT_FSIZE, &fileSize) != 0) {
            std::printf("setrlimit failed\n");
            return 2;
        }
    }
    return report((*opened)->changePassphrase(gtx::asBytes(newPassphrase),
                                              gtx::crypto::Argon2Params::floor()));
}

} // namespace

int main(int argc, char **argv)
{
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "create" && argc == 4)
        return create(argv[2], argv[3]);
    if (command == "passwd" && (argc == 5 || argc == 6))
        return changePassphrase(argv[2], argv[3], argv[4], argc == 6 ? argv[5] : nullptr);
    std::fprintf(stderr, "usage: ledger_fault create <dir> <passphrase>\n"
                         "       ledger_fault passwd <dir> <old> <new> [file-size-limit-bytes]\n");
    return 2;
}
