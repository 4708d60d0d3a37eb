#pragma once

// The one narrow interface between the operator console (ui/) and the node.
// Snapshots and commands go in; events come out through handlers. The
// console never reaches into core/ modules directly.
//
// Threading: every call may block (key derivation, disk) and must not be made
// on the GUI thread; event callbacks arrive on a node thread and must be
// marshalled to the GUI thread by the receiver.

#include "core/common/bytes.h"
#include "core/common/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace gtx::interfaces {

// Keeps an event subscription alive; destroying it unsubscribes.
class Handler
{
public:
    virtual ~Handler() = default;
    virtual void disconnect() = 0;
};

// What the console shows of the node at one moment.
struct NodeStatus
{
    bool unlocked = false;
    std::string networkName;          // "devnet", ...
    std::uint64_t height = 0;
    std::string headHash;             // hex
    std::string stateRoot;            // hex
    std::int64_t headTimeMs = 0;      // UTC ms of the head block
    std::uint64_t auditRecords = 0;
};

class Node
{
public:
    virtual ~Node() = default;

    virtual std::filesystem::path dataDir() const = 0;
    // True when the data directory already holds a ledger.
    virtual bool ledgerExists() const = 0;
    // First run: creates the encrypted ledger with its genesis block.
    virtual Status createLedger(ByteView passphrase, const std::string &actor) = 0;
    // Opens the ledger. Error code "ledger.wrong_passphrase" on a wrong one.
    virtual Status unlock(ByteView passphrase, const std::string &actor) = 0;
    // Closes the ledger and stops background work.
    virtual void shutdown() = 0;

    virtual NodeStatus status() const = 0;

    // Appends to the audit trail (who, what, why).
    virtual Status recordAudit(const std::string &actor, const std::string &action,
                               const std::string &reason, const std::string &details) = 0;

    using StatusChangedFn = std::function<void(const NodeStatus &)>;
    virtual std::unique_ptr<Handler> handleStatusChanged(StatusChangedFn fn) = 0;
};

struct NodeOptions
{
    std::filesystem::path dataDir;
    std::string networkName = "devnet";
    bool fastKdf = false;   // devnet/tests: Argon2id INTERACTIVE instead of MODERATE
};

// The node embedded in this process.
std::unique_ptr<Node> makeLocalNode(const NodeOptions &options);

} // namespace gtx::interfaces
