#pragma once

// The node embedded in this process: its ledger and, when it joins a
// network (NodeOptions::joinDevnet), a consensus node over the peer
// transport as an observer (a full, non-voting node), whose view of the
// chain consensus() hands out, and the grid that chain records, which
// grid() hands out.
//
// Its audit records are signed by the node's key: on a network the key in
// the console's node.toml; without one, the key file node.key in the data
// directory (role "node"), made with the ledger and sealed under the
// ledger's passphrase.

#include "core/common/clock.h"
#include "core/consensus/ledger_store.h"
#include "core/net/peer_host.h"
#include "core/ledger/ledger.h"
#include "core/node/genesis.h"
#include "core/node/interface.h"
#include "core/node/operator_desk.h"
#include "core/node/subscription.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace gtx::node {

class LocalNode final : public interfaces::Node
{
public:
    LocalNode(interfaces::NodeOptions options, std::shared_ptr<const Clock> clock);
    ~LocalNode() override;

    std::filesystem::path dataDir() const override;
    bool ledgerExists() const override;
    Status createLedger(ByteView passphrase, const std::string &actor) override;
    Status unlock(ByteView passphrase, const std::string &actor) override;
    void shutdown() override;
    interfaces::NodeStatus status() const override;
    std::unique_ptr<interfaces::Handler> handleStatusChanged(StatusChangedFn fn) override;
    interfaces::ConsensusView &consensus() override;
    interfaces::GridView &grid() override;
    interfaces::SlashingView &slashing() override;
    interfaces::GovernanceView &governance() override;
    interfaces::Operators &operators() override;
    interfaces::AuditView &audit() override;

private:
    class Consensus;
    class Grid;
    class Slashing;
    class Governance;
    class Audit;
    interfaces::NodeStatus statusLocked() const;
    void notifyStatus();
    crypto::Argon2Params kdfParams() const;
    // Opens (or, with `create`, creates) the ledger of the joined network
    // and starts the observer node. Called with m_mutex held.
    Status joinLocked(ByteView passphrase, const std::string &actor, bool create);
    // The data directory's own node key (without a network).
    std::filesystem::path nodeKeyFile() const;
    // Appends under m_mutex, signed by `signer` or else m_nodeKey.
    Result<ledger::AuditRecord> appendAuditLocked(const ledger::AuditEntry &entry,
                                                  const crypto::KeyPair *signer = nullptr);
    // Opens the operator desk on the unlocked ledger (without m_mutex held).
    Status openOperators();
    // openOperators(), closing the ledger again when it fails.
    Status openOperatorsOrClose();
    // Reads audit records under m_mutex (the read function the desk and
    // the audit area share).
    Result<std::vector<ledger::AuditRecord>> readAudit(std::uint64_t first, std::size_t max) const;

    const interfaces::NodeOptions m_options;
    const std::shared_ptr<const Clock> m_clock;

    mutable std::mutex m_mutex;
    std::unique_ptr<ledger::Ledger> m_ledger;                       // without a network
    std::unique_ptr<consensus::LedgerConsensusStore> m_store;      // on a network
    std::unique_ptr<net::PeerHost> m_host;
    crypto::KeyPair m_nodeKey;   // signs this node's audit records while unlocked
    std::uint64_t m_slotMs = 0;
    std::unique_ptr<Consensus> m_consensus;
    std::unique_ptr<Grid> m_grid;
    std::unique_ptr<Slashing> m_slashing;
    std::unique_ptr<Governance> m_governance;
    OperatorDesk m_operators;
    std::unique_ptr<Audit> m_audit;   // before m_mutex in the lock order (core/node/operator_desk.h)

    Subscribers<StatusChangedFn> m_statusSubscribers;
};

} // namespace gtx::node
