#pragma once

// gtx-node double-sign --devnet DIR --node NAME [--slot S] [--to NAME]: a test of
// slashing on a live devnet. The named node's key (from the devnet's
// directory) signs two different blocks for one slot (core/sim/offence.h),
// and the evidence is handed to another running node of the devnet
// ("evidence HEX" on its control endpoint), which verifies it, gossips it,
// and a later block carries it: the chain opens the offence's case.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace gtx::app {

struct OffenceOptions
{
    std::string devnetDir;
    std::string node;         // the offender: node-1 ...
    std::int64_t slot = -1;   // the offence's slot; -1: the current one
    std::string to;           // the node handed the evidence; empty: the first other one
};

CLI::App *addOffenceCommand(CLI::App &app, OffenceOptions &o);
int runOffence(const OffenceOptions &o);

} // namespace gtx::app
