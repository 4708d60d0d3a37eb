#pragma once

// gtx-node bench state: the authenticated state commit at national scale.
//
//   gtx-node bench state [--entries N] [--small S] [--dir DIR]
//
// In one run: the raw SQLCipher row-insert rate of this machine (the same
// page size, cipher and pragmas as the ledger, no state tree), and the rate
// of state changes committed with their authenticated root in blocks of
// 1,000 and 10,000 changes (half updates of existing entries, half new
// ones) on a state of S and of N entries. The last line is
//   state: entries=N commit_changes_per_s=X raw_rows_per_s=Y ratio=X/Y large_small_ratio=Z
// where X is the rate on N entries and Z the cost per change on N entries
// over that on S. Figures, not checks: the exit status is 0 unless the
// benchmark could not run.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace gtx::app {

struct BenchOptions
{
    std::uint64_t entries = 2'000'000;
    std::uint64_t small = 20'000;
    std::string dir;   // default: the system's temporary directory
};

void addBenchOptions(CLI::App *bench, BenchOptions &options);
int runBenchState(const BenchOptions &options);

} // namespace gtx::app
