#pragma once

// The node embedded in this process: the ledger today; consensus, energy,
// staking and the peer network join it as they are built.

#include "core/common/clock.h"
#include "core/ledger/ledger.h"
#include "core/node/genesis.h"
#include "core/node/interface.h"

#include <map>
#include <memory>
#include <mutex>

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
    Status recordAudit(const std::string &actor, const std::string &action,
                       const std::string &reason, const std::string &details) override;
    std::unique_ptr<interfaces::Handler> handleStatusChanged(StatusChangedFn fn) override;

private:
    class StatusHandler;
    interfaces::NodeStatus statusLocked() const;
    void notifyStatus();
    crypto::Argon2Params kdfParams() const;

    const interfaces::NodeOptions m_options;
    const std::shared_ptr<const Clock> m_clock;

    mutable std::mutex m_mutex;
    std::unique_ptr<ledger::Ledger> m_ledger;

    std::shared_ptr<std::mutex> m_handlersMutex = std::make_shared<std::mutex>();
    std::shared_ptr<std::map<int, StatusChangedFn>> m_handlers =
        std::make_shared<std::map<int, StatusChangedFn>>();
    int m_nextHandlerId = 1;
};

} // namespace gtx::node
