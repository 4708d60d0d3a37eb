#pragma once

// The local control endpoint of a running node: a ZeroMQ REP socket on
// ipc://<data dir>/control.sock, reachable only by the node's own user
// (the socket file is created under umask 077, mode 0600). One request,
// one reply; both are short texts:
//
//   "status"   ->  the node's status as one JSON object
//
// and the queries and transactions of gtx-node query and tx (their list is
// in app/node/control_command.h). Requests larger than 256 KiB (a
// transaction's largest payload, in hex) are refused by the socket itself
// (ZMQ_MAXMSGSIZE).

#include "core/common/result.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace gtx::net {

std::string controlEndpoint(const std::filesystem::path &dataDir);

class ControlServer
{
public:
    using Handler = std::function<std::string(const std::string &request)>;

    // Binds and serves on its own thread until destroyed. Errors: "net.control".
    static Result<std::unique_ptr<ControlServer>> start(const std::filesystem::path &dataDir, Handler handler);
    ~ControlServer();

private:
    struct State;
    explicit ControlServer(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

// A client that keeps its link to one node's control endpoint, for a caller
// that asks many times (the devnet benchmark). Errors as controlRequest().
class ControlClient
{
public:
    explicit ControlClient(std::filesystem::path dataDir);
    ~ControlClient();
    ControlClient(const ControlClient &) = delete;
    ControlClient &operator=(const ControlClient &) = delete;

    Result<std::string> request(const std::string &request, int timeoutMs = 2000);

private:
    struct State;
    std::filesystem::path m_dataDir;
    std::unique_ptr<State> m_state;   // null until the first request, and after a failed one
};

// Sends one request to the node whose data directory is `dataDir` and
// returns its reply. Errors: "net.no_node" when nothing answers within
// `timeoutMs` (the node is not running, or belongs to another user).
Result<std::string> controlRequest(const std::filesystem::path &dataDir, const std::string &request,
                                   int timeoutMs = 2000);

} // namespace gtx::net
