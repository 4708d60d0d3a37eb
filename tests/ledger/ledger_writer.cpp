// Crash-test helper: opens a ledger and commits blocks with state changes in
// a loop until it is killed, printing "begin <height>" before each commit
// and "<height>" once it is committed (stdout is flushed after each line);
// every third block, the state log is also folded before "<height>".
//
//   ledger_writer <dir> <passphrase> <seed> [self-kill-at-block self-kill-after-us]
//
// With the optional pair, a second thread sends SIGKILL to this process
// `self-kill-after-us` microseconds after the commit of block
// `self-kill-at-block` begins: a kill in the middle of a commit.
// It stops by itself after 60 seconds so a failed test leaves no process.

#include "ledger_support.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace ledgertest;

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 6) {
        std::fprintf(stderr, "usage: ledger_writer <dir> <passphrase> <seed> "
                             "[self-kill-at-block self-kill-after-us]\n");
        return 2;
    }
    const std::string dir = argv[1];
    const std::string passphrase = argv[2];
    const std::uint64_t seed = std::strtoull(argv[3], nullptr, 10);
    const bool selfKill = argc == 6;
    const std::uint64_t killAtBlock = selfKill ? std::strtoull(argv[4], nullptr, 10) : 0;
    const long killAfterUs = selfKill ? std::strtol(argv[5], nullptr, 10) : 0;

    auto opened = Ledger::open(dir, gtx::asBytes(passphrase));
    if (!opened) {
        std::fprintf(stderr, "open failed: %s %s\n", opened.error().code.c_str(),
                     opened.error().message.c_str());
        return 1;
    }
    Ledger &ledger = **opened;
    std::printf("opened %llu\n", static_cast<unsigned long long>(ledger.height()));
    std::fflush(stdout);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::uint64_t height = ledger.height() + 1;
        std::mt19937_64 rng(seed * 1000003u + height);
        const auto changes = randomChanges(rng, 2000, 20000, 5, 200);
        auto block = makeNextBlock(ledger, changes);
        if (!block) {
            std::fprintf(stderr, "block failed: %s\n", block.error().message.c_str());
            return 1;
        }
        const gtx::ledger::AuditEntry audit{block->header.timestampMs, "ledger_writer",
                                            "test.block", "crash test",
                                            "height=" + std::to_string(height)};
        std::printf("begin %llu\n", static_cast<unsigned long long>(height));
        std::fflush(stdout);
        if (selfKill && height == killAtBlock) {
            std::thread([killAfterUs] {
                std::this_thread::sleep_for(std::chrono::microseconds(killAfterUs));
                std::raise(SIGKILL);
            }).detach();
        }
        const gtx::Status committed = ledger.commitBlock(
            *block, changes, std::span<const gtx::ledger::AuditEntry>(&audit, 1), &testSigner());
        if (!committed.ok()) {
            std::fprintf(stderr, "commit failed: %s %s\n", committed.error().code.c_str(),
                         committed.error().message.c_str());
            return 1;
        }
        // Every third block the state log is folded too, so that kills land
        // in folds as well as in appends.
        if (height % 3 == 0) {
            const gtx::Status folded = ledger.flushState();
            if (!folded.ok()) {
                std::fprintf(stderr, "fold failed: %s %s\n", folded.error().code.c_str(),
                             folded.error().message.c_str());
                return 1;
            }
        }
        std::printf("%llu\n", static_cast<unsigned long long>(height));
        std::fflush(stdout);
    }
    return 0;
}
