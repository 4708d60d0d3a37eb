#pragma once

// gtx-node simulate: runs whole simulated networks from seeds and checks the
// consensus invariants (docs/protocol.md, "The simulator").
//
//   gtx-node simulate --seed S --runs N [--authorities 5] [--stake-validators 4]
//       [--energy-validators 2] [--byzantine-authorities 1] [--byzantine-validators 1]
//       [--slots 96] [--faults all|none|CLASS,...] [--adversary all|NAME,...] [--ledger] [--long]
//       [--weaken-quorum] [--no-double-sign-protection] [--jobs N] [--verbose]
//
// The last line is
//   simulate: runs=N violations=V slots=... fast_p50=... fast_p99=... full_p50=...
// and the exit status is 0 only when V is 0. With --mutation NAME the runs
// break one protection on purpose, stop at the first run whose violations
// include the kind the mutation must cause, the line ends with
// "mutation=NAME caught=1 seed=S kind=K" (or caught=0), and the exit status
// is 0 only when it was caught.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace gtx::app {

struct SimulateOptions
{
    std::uint64_t seed = 1;
    std::uint64_t runs = 0;              // 0: 100 runs, or 20,000 with --long
    int authorities = 5;
    int stakeValidators = 4;
    int energyValidators = 2;
    int byzantineAuthorities = 1;
    int byzantineValidators = 1;
    std::uint64_t slots = 96;
    std::string faults = "all";
    std::string adversaries = "none";    // --adversary: all, none, or names (sim::adversaryNames())
    bool ledger = false;                 // crash-restart nodes keep a real encrypted ledger
    bool longMode = false;               // nightly: 20,000 runs unless --runs is given
    bool weakenQuorum = false;           // mutation check: quorum 2 authorities
    bool noDoubleSignProtection = false; // mutation check: signer record kept in memory only
    std::string mutation;                // --mutation NAME (sim::mutations()); exit 0 only when caught
    bool verbose = false;
    unsigned jobs = 1;                   // runs simulated at once (each run is single-threaded)
    int maxReports = 3;                  // violating runs printed in full
};

void addSimulateOptions(CLI::App *sub, SimulateOptions &o);
int runSimulate(const SimulateOptions &o);

} // namespace gtx::app
