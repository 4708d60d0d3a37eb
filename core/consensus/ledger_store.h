#pragma once

// A ConsensusStore kept in the node's encrypted ledger (core/ledger):
//
//  - the signer record is the ledger's local record kSignerRecordKey (its
//    canonical encoding), replaced, committed and fsynced before
//    saveSignerRecord() returns, so before any signature leaves the node.
//    It is not an audit record: the audit trail is for people's actions.
//    A ledger written before local records existed kept it in the audit
//    trail (action kSignerRecordAction); that newest record is still read
//    when there is no local one;
//  - each Fast-final block is committed, whole, to the ledger's block chain;
//  - emergency actions are audit records;
//  - the consensus log is the ledger's consensus log.
//
// On restart the node rebuilds its finalized chain from the ledger's blocks
// (the head is its anchor), then replays the consensus log.

#include "core/consensus/params.h"
#include "core/consensus/store.h"
#include "core/consensus/validators.h"
#include "core/crypto/kdf.h"
#include "core/ledger/ledger.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace gtx::consensus {

class LedgerConsensusStore final : public ConsensusStore
{
public:
    // Opens the ledger in `dir`, creating it with the network's genesis block
    // (and an empty state) when there is none. The node's own audit records
    // (its emergency actions) are signed by `nodeKey` and name the node as
    // "node " and the key's short hex. Errors: the ledger's,
    // "store.wrong_network".
    static Result<std::unique_ptr<LedgerConsensusStore>> open(const std::filesystem::path &dir,
                                                              ByteView passphrase,
                                                              const ConsensusParams &params,
                                                              const ConsensusGenesis &genesis,
                                                              const crypto::Argon2Params &kdf,
                                                              const crypto::KeyPair &nodeKey);

    Result<SignerRecord> loadSignerRecord() override;
    Status saveSignerRecord(const SignerRecord &record, std::int64_t nowMs) override;
    Status appendFinalized(const Block &block, std::span<const state::StateChange> changes) override;
    Result<RestoredChain> loadFinalized() override;
    Status recordAudit(const std::string &action, const std::string &details,
                       std::int64_t nowMs) override;
    Status logMessages(const std::vector<LogEntry> &entries) override;
    Status pruneLog(std::uint64_t throughSlot) override;
    Result<std::vector<Bytes>> loadLog() override;

    // The ledger itself, for a caller that knows no other thread uses the
    // store (tools, tests, after the node has stopped).
    ledger::Ledger &ledger() { return *m_ledger; }
    // Runs `f(ledger)` under the store's lock: how another thread (the
    // console's) reads the ledger while the node writes to it.
    template <class F>
    auto withLedger(F &&f)
    {
        std::lock_guard lock(m_mutex);
        return f(*m_ledger);
    }

private:
    LedgerConsensusStore(std::unique_ptr<ledger::Ledger> ledger, crypto::KeyPair nodeKey)
        : m_ledger(std::move(ledger)), m_nodeKey(std::move(nodeKey))
    {
    }

    std::mutex m_mutex;   // every use of m_ledger through this store
    std::unique_ptr<ledger::Ledger> m_ledger;
    crypto::KeyPair m_nodeKey;   // signs the node's audit records
};

// The ledger's genesis block for a consensus genesis: the consensus genesis
// header, no transactions; the ledger starts from genesisState()'s entries,
// whose root the header carries.
Block ledgerGenesisBlock(const ConsensusParams &params, const ConsensusGenesis &genesis);

constexpr std::string_view kSignerRecordKey = "consensus.signer_record";
// Where older ledgers kept the signer record (read only).
constexpr std::string_view kSignerRecordAction = "consensus.signer_record";

} // namespace gtx::consensus
