#pragma once

// gtx-node bench devnet: the live network under load.
//
//   gtx-node bench devnet [--duration S] [--rate R] [--halts N] [--dir DIR] [--base-port P]
//
// Makes a new default devnet (app/node/devnet.h; 5 authorities, 4 stake
// and 2 energy validators, separate processes on loopback), waits for Fast
// finality, then for S seconds offers R signed GT transfers per second,
// an equal share to each node's control endpoint from a client of its own
// ("txs", a batch every 50 ms, each node's account paying the others),
// while EGAT halts and resumes zone PEA South N times, one order at a time
// (each approved by its two operators). node-1's Fast-final blocks are
// followed with "trace fast-since"; each order's Instant finality is asked
// of all five authorities with "trace instant". The times come from the
// nodes themselves (wallClockUs() on one machine), so polling adds nothing
// to them. Reported, in its last line:
//   devnet-bench: tx_finalized_per_s=T fast_p50_ms=A fast_p99_ms=B halt_instant_p50_ms=C halt_instant_p99_ms=D
// T counts the transfers that became Fast-final from the 10th second of
// the load to its end, per second; A and B run from a transfer's handing
// over to node-1 seeing its block Fast-final; C and D from a halt's handing
// over to the last of the five authorities holding it Instant-final.
// Transfers not Fast-final 10 s after the load ended are counted
// (not_final) and left out of A and B. The halt's time includes its wait
// at node-1's control endpoint, which serves one request at a time, as an
// operator's console would wait. Figures, not checks: exit status 0 unless
// the benchmark could not run, a node did not stop cleanly, or the nodes'
// finalized chains diverged.

#include <CLI/CLI.hpp>

#include <string>

namespace gtx::app {

struct BenchDevnetOptions
{
    std::string dir;              // default: a temporary directory, removed afterwards
    double durationSeconds = 40;  // of load
    double rate = 3000;           // transfers offered per second
    int halts = 20;
    int basePort = 24500;
};

void addBenchDevnetOptions(CLI::App *bench, BenchDevnetOptions &options);
int runBenchDevnet(const BenchDevnetOptions &options, const std::string &self);

} // namespace gtx::app
