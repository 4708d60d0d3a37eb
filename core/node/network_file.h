#pragma once

// A network's description in one TOML file: the consensus parameters (a
// preset and the fields that differ between networks of that preset) and
// the genesis (authorities, initial validators, accounts, RANDAO seed).
// Every node of a network reads the same file; `gtx-node devnet` writes
// one. The format, with an example, is in docs/network.md.
//
//   preset = "devnet"            # the parameter set (devnetParams())
//   network_id = 4474198         # u32
//   genesis_time_ms = 1767225600000
//   seed = "<64 hex digits>"
//
//   [[authority]]
//   type = "EGAT"                # EGAT, MEA, PEA, NEPO, ERC (each once)
//   key = "<64 hex digits>"      # its node key (Ed25519)
//   operators = ["<hex>", "<hex>"]
//   nationwide = true            # optional; zones = [2] for the zones it may halt
//
//   [[validator]]
//   key = "<hex>"
//   role = "stake"               # or "energy" (then energy_wh = ...)
//   stake_gt = 20000
//   zone = 1
//
//   [[account]]
//   key = "<hex>"
//   balance_gt = 1000
//
// Reading is total: a missing or malformed field is "network.bad_file"
// naming it, never a crash; the genesis must then pass the same checks a
// node applies when it starts.

#include "core/common/result.h"
#include "core/consensus/params.h"
#include "core/consensus/validators.h"

#include <filesystem>
#include <memory>
#include <string>

namespace gtx::node {

struct NetworkFile
{
    std::string preset = "devnet";
    consensus::ConsensusParams params;
    std::shared_ptr<consensus::ConsensusGenesis> genesis;
};

// The devnet's parameters: the simulator's, with one-second slots and a
// short checkpoint depth, so Economic finality comes within a minute.
consensus::ConsensusParams devnetParams();

Result<NetworkFile> readNetworkFile(const std::filesystem::path &file);
Result<NetworkFile> parseNetworkFile(const std::string &text);
std::string formatNetworkFile(const NetworkFile &network);
// Written whole or not at all (a temporary file renamed over it).
Status writeNetworkFile(const std::filesystem::path &file, const NetworkFile &network);

} // namespace gtx::node
