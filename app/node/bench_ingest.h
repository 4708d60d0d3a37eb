#pragma once

// gtx-node bench ingest: signed meter readings validated, applied and
// persisted, against the machine's raw signature-verification ceiling.
//
//   gtx-node bench ingest [--seconds S] [--meters N] [--threads T] [--dir DIR]
//
// In one run, on the same pre-signed readings of N meters (each 15 minutes,
// in batches of at most 400 witnessed by the zone's grid operator, as blocks
// carry them):
//   - the ceiling C: libsodium Ed25519 verifications per second of the
//     readings' signatures on T threads, nothing else;
//   - the end-to-end rate R: one block per interval, as a node applies it:
//     the batches decoded and every signature (readings and witnesses)
//     checked on T threads, then the state machine applying every rule of
//     docs/protocol.md section 19 to each reading in order, and the block
//     committed with its state changes to an encrypted ledger. The next
//     block's signatures are checked while a block is applied and committed
//     (a node checks gossiped batches while it executes).
// The last line is
//   ingest: readings_per_s=R verify_ceiling_per_s=C ratio=R/C
// Figures, not checks: the exit status is 0 unless the benchmark could not
// run, or a reading it made valid was refused (a defect).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace gtx::app {

struct BenchIngestOptions
{
    double seconds = 10;        // about how long each of the two measurements runs
    std::uint64_t meters = 20'000;
    unsigned threads = 0;       // 0: every core
    std::string dir;            // where the temporary ledger goes
};

void addBenchIngestOptions(CLI::App *bench, BenchIngestOptions &options);
int runBenchIngest(const BenchIngestOptions &options);

} // namespace gtx::app
