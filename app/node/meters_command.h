#pragma once

// gtx-node meters: the grid and meter simulator against the reading rules.
//
//   gtx-node meters check [--seed S] [--meters N] [--intervals K] [--fault-ppm P]
//       [--batch-fault-ppm P] [--threads T] [--grid FILE] [--json]
//
// Runs a fleet of N simulated meters for K 15-minute intervals in this
// process, injects faults (core/sim/meter_sim.h), validates every batch
// with the rules every node applies (core/energy/reading_rules.h) and ends
// with the line
//   meters: readings=N injected=I caught=C missed=M false_rejects=F
// (with --json, one JSON object that also counts each caught fault under
// its reason). The exit status is 0 only when M and F are 0.
//
//   gtx-node meters feed --devnet DIR [--seed S] [--backfill-hours H] [--once]
//
// Feeds a running devnet (gtx-node devnet --dir DIR) with a synthetic but
// consistent grid (core/sim/grid_feed.h): registers its bulk meters, then
// sends every 15-minute interval from H hours before the devnet's genesis
// (EGAT's report and one witnessed batch per zone, signed with the
// authorities' keys in DIR), one interval at a time, each once the chain
// holds the one before; then each new interval as it ends, until SIGINT or
// SIGTERM (or, with --once, when it has caught up). Restarted, it resumes
// after the last interval the chain holds.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace gtx::app {

struct MetersOptions
{
    std::uint64_t seed = 1;
    std::size_t meters = 500;
    std::size_t intervals = 96;
    std::uint32_t faultPpm = 20'000;
    std::uint32_t batchFaultPpm = 10'000;
    unsigned threads = 1;
    std::string gridFile;   // empty: the built-in model
    bool json = false;
    // meters feed
    std::string devnetDir;
    unsigned backfillHours = 24;
    bool once = false;
};

// Adds "meters" with its "check" and "feed" subcommands to app; returns "meters".
CLI::App *addMetersCommand(CLI::App &app, MetersOptions &o);
// Runs the subcommand parsed.
int runMeters(CLI::App &meters, const MetersOptions &o);

} // namespace gtx::app
