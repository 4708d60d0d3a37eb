// Benchmark: the cost of committing a 100-change block on a small and on a
// large state, and their ratio. With Merkle buckets the cost follows the
// size of the change, not of the state, so the ratio should stay near 1
// (only B-tree depth and cache misses grow, logarithmically).
//
//   bench_ledger [small-entries=10000] [large-entries=1000000] [commits=20]
//
// Prints timings; asserts only correctness (the incremental root equals the
// root verify() recomputes from the whole state). Exit code 0 on success.

#include "ledger_support.h"

#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace ledgertest;

namespace {

struct Measurement
{
    double commitMs = 0;    // mean commitBlock() time
    double previewMs = 0;   // mean previewStateRoot() time
    bool ok = false;
};

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

Measurement measure(std::uint64_t entries, int commits)
{
    Measurement m;
    QTemporaryDir tmp(tempBase() + "/bench-ledger-XXXXXX");
    if (!tmp.isValid())
        return m;
    const std::filesystem::path dir = std::filesystem::path(tmp.path().toStdString()) / "ledger";
    const std::string passphrase = "benchmark passphrase";
    auto created = Ledger::create(dir, gtx::asBytes(passphrase), makeGenesis({}), {},
                                  gtx::crypto::Argon2Params::floor(), testSigner());
    if (!created) {
        std::fprintf(stderr, "create: %s\n", created.error().message.c_str());
        return m;
    }
    Ledger &ledger = **created;

    // Fill: blocks of up to 50,000 new entries.
    std::mt19937_64 rng(entries);
    const auto fillStart = std::chrono::steady_clock::now();
    for (std::uint64_t next = 0; next < entries;) {
        const std::uint64_t count = std::min<std::uint64_t>(50000, entries - next);
        std::vector<StateChange> changes;
        changes.reserve(count);
        for (std::uint64_t i = 0; i < count; ++i)
            changes.push_back({keyFor(next + i), randomValue(rng, 24, 48)});
        auto block = makeNextBlock(ledger, changes);
        if (!block || !ledger.commitBlock(*block, changes).ok()) {
            std::fprintf(stderr, "fill failed at %llu\n", static_cast<unsigned long long>(next));
            return m;
        }
        next += count;
    }
    std::printf("  filled %llu entries in %.1f s\n", static_cast<unsigned long long>(entries),
                msSince(fillStart) / 1000.0);

    // Timed: blocks of 100 changes (mostly updates of existing meters, some
    // new meters, a few removals).
    double previewTotal = 0;
    double commitTotal = 0;
    for (int i = 0; i < commits; ++i) {
        std::vector<StateChange> changes;
        for (int c = 0; c < 100; ++c) {
            const std::uint64_t n = rng() % (entries + entries / 10 + 1);
            StateChange change{keyFor(n), randomValue(rng, 24, 48)};
            if (c % 25 == 0)
                change.value.reset();
            changes.push_back(std::move(change));
        }
        const auto previewStart = std::chrono::steady_clock::now();
        auto block = makeNextBlock(ledger, changes);
        previewTotal += msSince(previewStart);
        if (!block)
            return m;
        const auto commitStart = std::chrono::steady_clock::now();
        const gtx::Status status = ledger.commitBlock(*block, changes);
        commitTotal += msSince(commitStart);
        if (!status.ok()) {
            std::fprintf(stderr, "commit: %s\n", status.error().message.c_str());
            return m;
        }
    }
    m.previewMs = previewTotal / commits;
    m.commitMs = commitTotal / commits;

    const auto verifyStart = std::chrono::steady_clock::now();
    const auto report = ledger.verify();
    std::printf("  verify() over the whole state: %.1f s, %s\n", msSince(verifyStart) / 1000.0,
                report.ok ? "ok" : report.problem.c_str());
    m.ok = report.ok;
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    const std::uint64_t small = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000;
    const std::uint64_t large = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1000000;
    const int commits = argc > 3 ? std::atoi(argv[3]) : 20;
    if (small == 0 || large == 0 || commits <= 0) {
        std::fprintf(stderr, "usage: bench_ledger [small-entries] [large-entries] [commits]\n");
        return 2;
    }

    std::printf("state of %llu entries:\n", static_cast<unsigned long long>(small));
    const Measurement a = measure(small, commits);
    std::printf("state of %llu entries:\n", static_cast<unsigned long long>(large));
    const Measurement b = measure(large, commits);
    if (!a.ok || !b.ok) {
        std::fprintf(stderr, "FAILED: the incremental state root did not verify\n");
        return 1;
    }
    std::printf("100-change block, %llu entries: commit %.2f ms, preview %.2f ms\n",
                static_cast<unsigned long long>(small), a.commitMs, a.previewMs);
    std::printf("100-change block, %llu entries: commit %.2f ms, preview %.2f ms\n",
                static_cast<unsigned long long>(large), b.commitMs, b.previewMs);
    std::printf("ratio large/small (state %.0fx larger): commit %.2f, preview %.2f\n",
                double(large) / double(small), b.commitMs / a.commitMs,
                b.previewMs / a.previewMs);
    return 0;
}
