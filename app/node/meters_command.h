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
};

// Adds "meters" with its "check" subcommand to app; returns "meters".
CLI::App *addMetersCommand(CLI::App &app, MetersOptions &o);
int runMetersCheck(const MetersOptions &o);

} // namespace gtx::app
