#pragma once

// One node's configuration file (TOML), as `gtx-node run --config FILE`
// reads it. Relative paths are relative to the file's own directory.
//
//   network = "../network.toml"            # the network file (network_file.h)
//   data_dir = "."                         # the ledger goes to data_dir/ledger
//   key_file = "node.key"                  # the node's key (gtx-node keygen)
//   passphrase_file = "passphrase"         # unlocks the key and the ledger, or
//   passphrase_credential = "gtx-passphrase"  # systemd's LoadCredential= name
//   listen_consensus = "tcp://127.0.0.1:24100"
//   listen_bulk = "tcp://127.0.0.1:24101"
//   status_file = "status.json"            # optional: heights, rewritten every half second
//   metrics_file = "metrics.prom"          # optional: Prometheus text format, likewise
//
//   observers = ["<64 hex digits>"]       # optional: keys admitted besides the members
//
//   [[peer]]
//   key = "<64 hex digits>"
//   consensus = "tcp://127.0.0.1:24102"
//   bulk = "tcp://127.0.0.1:24103"

#include "core/common/result.h"
#include "core/net/peer_host.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gtx::node {

struct NodeConfig
{
    std::filesystem::path network;
    std::filesystem::path dataDir;
    std::filesystem::path keyFile;
    // From passphrase_file, or $CREDENTIALS_DIRECTORY/NAME for
    // passphrase_credential = NAME (systemd's credentials); exactly one is set.
    std::filesystem::path passphraseFile;
    std::string passphraseCredential;   // the credential's name, when it came from one
    std::string listenConsensus;
    std::string listenBulk;
    std::filesystem::path statusFile;   // empty: none
    std::filesystem::path metricsFile;  // Prometheus text format; empty: none
    std::vector<net::PeerAddress> peers;
    std::vector<PublicKey> observers;   // admitted besides the network's members (consoles)
};

// Errors: "config.no_file", "config.bad_file" naming the field,
// "config.no_credentials" (a credential named, but systemd passed none).
Result<NodeConfig> readNodeConfig(const std::filesystem::path &file);

// The peer host of the node this configuration describes, on `network`
// (the network file's parameters and genesis), keeping its chain in `store`.
net::PeerHost::Setup hostSetup(const NodeConfig &config, const consensus::ConsensusParams &params,
                               std::shared_ptr<const consensus::ConsensusGenesis> genesis,
                               consensus::ConsensusStore *store);

// A passphrase file's contents without its line ending (errors: "config.no_file").
Result<std::string> readPassphraseFile(const std::filesystem::path &file);
// Paths are written as given (make them relative to the file's directory).
std::string formatNodeConfig(const NodeConfig &config);

} // namespace gtx::node
