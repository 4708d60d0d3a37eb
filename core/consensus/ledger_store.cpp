#include "core/consensus/ledger_store.h"

#include <algorithm>

namespace gtx::consensus {

Block ledgerGenesisBlock(const ConsensusParams &params, const ConsensusGenesis &genesis)
{
    Block block;
    block.header = genesisHeader(params, genesis);
    return block;
}

Result<std::unique_ptr<LedgerConsensusStore>> LedgerConsensusStore::open(
    const std::filesystem::path &dir, ByteView passphrase, const ConsensusParams &params,
    const ConsensusGenesis &genesis, const crypto::Argon2Params &kdf, const crypto::KeyPair &nodeKey)
{
    if (!nodeKey.valid())
        return makeError("ledger.no_signer", "The node needs its key to sign its audit records.");
    const Block genesisBlock = ledgerGenesisBlock(params, genesis);
    std::unique_ptr<ledger::Ledger> opened;
    if (ledger::Ledger::exists(dir)) {
        auto l = ledger::Ledger::open(dir, passphrase);
        if (!l)
            return l.error();
        opened = std::move(*l);
        auto first = opened->headerAt(0);
        if (!first)
            return first.error();
        if (blockHash(*first) != blockHash(genesisBlock.header))
            return makeError("store.wrong_network",
                             "The ledger in " + dir.string() + " belongs to another network (its genesis differs).");
    } else {
        auto state = genesisState(params, genesis);
        if (!state)
            return state.error();
        const auto entries = state->entries();
        auto l = ledger::Ledger::create(dir, passphrase, genesisBlock, entries, kdf, nodeKey);
        if (!l)
            return l.error();
        opened = std::move(*l);
    }
    return std::unique_ptr<LedgerConsensusStore>(new LedgerConsensusStore(std::move(opened), nodeKey.copy()));
}

Result<SignerRecord> LedgerConsensusStore::loadSignerRecord()
{
    std::lock_guard lock(m_mutex);
    // A failed read is an error, never "nothing signed yet": a node that
    // believed that could sign again what it signed before.
    auto local = m_ledger->getLocal(kSignerRecordKey);
    if (!local)
        return makeError("store.read_failed", "The signer record could not be read: " + local.error().message);
    if (*local) {
        auto record = codec::decode<SignerRecord>(**local, "signer record");
        if (!record)
            return makeError("store.corrupt", "The signer record is damaged: "
                                                  + record.error().message);
        return record;
    }
    // A ledger from before local records: the newest signer record in the
    // audit trail, searching from its end.
    constexpr std::uint64_t kChunk = 256;
    std::uint64_t end = m_ledger->auditCount();
    while (end > 0) {
        const std::uint64_t first = end > kChunk ? end - kChunk + 1 : 1;
        const auto records = m_ledger->auditRange(first, static_cast<std::size_t>(end - first + 1));
        if (!records)
            return makeError("store.read_failed", "The audit trail could not be read: " + records.error().message);
        for (auto it = records->rbegin(); it != records->rend(); ++it) {
            if (it->entry.action != kSignerRecordAction)
                continue;
            Bytes bytes;
            if (!fromHex(it->entry.details, bytes))
                return makeError("store.corrupt", "A signer record in the audit trail is not hex.");
            auto record = codec::decode<SignerRecord>(bytes, "signer record");
            if (!record)
                return makeError("store.corrupt", record.error().message);
            return record;
        }
        end = first - 1;
    }
    return SignerRecord{};
}

Status LedgerConsensusStore::saveSignerRecord(const SignerRecord &record, std::int64_t /*nowMs*/)
{
    std::lock_guard lock(m_mutex);
    return m_ledger->putLocal(kSignerRecordKey, codec::encode(record));
}

Status LedgerConsensusStore::logMessages(const std::vector<LogEntry> &entries)
{
    std::vector<ledger::Ledger::LogEntry> rows;
    rows.reserve(entries.size());
    for (const LogEntry &e : entries)
        rows.push_back({e.slot, e.message});
    std::lock_guard lock(m_mutex);
    return m_ledger->appendConsensusLog(rows);
}

Status LedgerConsensusStore::pruneLog(std::uint64_t throughSlot)
{
    std::lock_guard lock(m_mutex);
    return m_ledger->pruneConsensusLog(throughSlot);
}

Result<std::vector<Bytes>> LedgerConsensusStore::loadLog()
{
    std::lock_guard lock(m_mutex);
    return m_ledger->consensusLog();
}

Status LedgerConsensusStore::appendFinalized(const Block &block, std::span<const state::StateChange> changes)
{
    std::lock_guard lock(m_mutex);
    if (block.header.height <= m_ledger->height())
        return Status::success();   // already recorded (the anchor of a restart)
    // The ledger checks that the changes give the header's root before it
    // writes anything: the block and its state land together or not at all.
    return m_ledger->commitBlock(block, changes);
}

Result<RestoredChain> LedgerConsensusStore::loadFinalized()
{
    std::lock_guard lock(m_mutex);
    RestoredChain chain;
    const std::uint64_t height = m_ledger->height();
    if (height == 0)
        return chain;
    auto header = m_ledger->headerAt(height);
    if (!header)
        return header.error();
    chain.anchor = {height, header->slot, blockHash(*header)};
    // The node rebuilds its finalized chain from its own blocks (the block
    // tree starts at genesis), so it does not fetch them one by one again.
    chain.blocks.reserve(static_cast<std::size_t>(height));
    for (std::uint64_t h = 1; h <= height; ++h) {
        auto block = m_ledger->blockAt(h);
        if (!block)
            return block.error();
        chain.blocks.push_back(std::move(*block));
    }
    return chain;
}

Status LedgerConsensusStore::recordAudit(const std::string &action, const std::string &details,
                                         std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    ledger::AuditEntry entry;
    entry.timeMs = nowMs;
    entry.actor = "node " + m_nodeKey.publicKey().shortHex();
    entry.action = action;
    entry.details = details;
    auto appended = m_ledger->appendAudit(entry, m_nodeKey);
    if (!appended)
        return appended.error();
    return Status::success();
}

} // namespace gtx::consensus
