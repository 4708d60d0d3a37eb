#pragma once

// A local devnet of separate `gtx-node run` processes on loopback, shared
// by `gtx-node devnet` and `gtx-node bench devnet`: the directory's making
// (keys, passphrases, the network file, one configuration per node), the
// processes' start and clean stop, and the comparison of their finalized
// chains afterwards.

#include "core/crypto/signature.h"
#include "core/common/result.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace gtx::app {

// The number after "name": in a node's status JSON (its status file or
// the reply to "status"); 0 when absent.
std::uint64_t statusField(const std::string &json, const std::string &name);

struct DevnetLayout
{
    int authorities = 5;
    int stakeValidators = 4;
    int energyValidators = 2;
    int basePort = 24100;   // each node takes two ports, the console's place two more
};

// Creates a new devnet under `dir`: node-1 ... node-N (the authorities
// first, in the order EGAT, MEA, PEA, NEPO, ERC, each with two operator
// keys), then console/ for an observer. Errors: "devnet.io", the keystore's.
Status createDevnet(const DevnetLayout &layout, const std::filesystem::path &dir);

struct DevnetNode
{
    std::string name;   // node-1 ...
    std::string role;   // "EGAT authority", "stake validator", ...
    std::filesystem::path dir;
    std::filesystem::path config;
    crypto::PublicKey key;
    std::string listenConsensus;
    std::string listenBulk;
    pid_t pid = -1;
    bool exited = false;
    int status = 0;
};

class DevnetProcesses
{
public:
    // Reads the node configurations of the devnet in `dir`. Errors: those of
    // the files, "devnet.empty" when there is no node.
    static Result<DevnetProcesses> open(const std::filesystem::path &dir);

    const std::vector<DevnetNode> &nodes() const { return m_nodes; }
    // Starts every node (`self` is the gtx-node executable), each logging
    // to node.log in its directory. Errors: "devnet.running" when a node of
    // this directory already answers on its control endpoint,
    // "devnet.start" when a process cannot be made.
    Status start(const std::string &self);
    // Whether some node has exited (it is then reaped).
    bool anyExited();
    // The lowest value of a status-file field ("head", "fast", ...) over the nodes.
    std::uint64_t lowest(const std::string &field) const;
    // SIGTERM, up to 15 s for a clean exit, then SIGKILL; true when every
    // node exited by itself with status 0. Reasons go to `errors`.
    bool stop(std::ostream &errors);
    // After stop(): how many nodes' finalized chains differ from the
    // majority's at the lowest height all ledgers reached.
    int divergent(std::ostream &errors) const;

private:
    std::vector<DevnetNode> m_nodes;
};

} // namespace gtx::app
