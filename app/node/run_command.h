#pragma once

// gtx-node run --config FILE: the node as a daemon. It unlocks its key and
// ledger with the passphrase file, joins the network of its network file
// over ZeroMQ (core/net), and runs until SIGINT or SIGTERM, when it stops
// cleanly (exit status 0). While it runs it rewrites its status file
// every half second: one JSON object with the head height and the heights
// finalized at each level.
//
// gtx-node devnet --dir DIR [--duration SECONDS]: a local network of
// separate `gtx-node run` processes on loopback (5 authorities, 4 stake
// validators, 2 energy validators by default), each with its own key,
// encrypted ledger, configuration and log under DIR. DIR is created on the
// first run and reused after. Stops every node cleanly on Ctrl-C, or after
// --duration; then compares the nodes' finalized chains and prints
//   devnet: nodes=N height=H fast=F full=U economic=E divergent=D
// (the lowest head and finalized heights over the nodes; D the number of
// nodes whose finalized chain differs from the others'). Exit status 0 only
// when every node ran to the end and D is 0. With --init it only creates
// the directory (or checks an existing one) and lists the nodes.

#include "app/node/devnet.h"

#include <CLI/CLI.hpp>

#include <string>

namespace gtx::app {

struct RunOptions
{
    std::string config;
};

// gtx-node status --config FILE [--json]: asks the running node (its local
// control endpoint, core/net/control.h) for its heights.
int runStatusQuery(const std::string &config, bool json);

struct DevnetOptions
{
    std::string dir;
    double durationSeconds = 0;   // 0: until Ctrl-C
    DevnetLayout layout;
    bool initOnly = false;        // create (or check) the directory, start nothing
};

void addRunOptions(CLI::App *run, RunOptions &options);
void addDevnetOptions(CLI::App *devnet, DevnetOptions &options);
int runNodeDaemon(const RunOptions &options);
int runDevnet(const DevnetOptions &options, const std::string &self);

} // namespace gtx::app
