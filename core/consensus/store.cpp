#include "core/consensus/store.h"

namespace gtx::consensus {

namespace {
constexpr std::size_t kMaxAuthoritiesInRecord = 64;
} // namespace

void encodeTo(codec::Writer &w, const SignerRecord &v)
{
    w.u64(v.proposedSlot);
    w.u64(v.linkTargetSlot);
    w.u64(v.linkSourceSlot);
    w.u64(v.attestedSlot);
    w.u64(v.emergencyProposedSeq);
    w.u32(static_cast<std::uint32_t>(v.emergencyVotedSeq.size()));
    for (auto seq : v.emergencyVotedSeq)
        w.u64(seq);
}

void decodeFrom(codec::Reader &r, SignerRecord &v)
{
    v.proposedSlot = r.u64();
    v.linkTargetSlot = r.u64();
    v.linkSourceSlot = r.u64();
    v.attestedSlot = r.u64();
    v.emergencyProposedSeq = r.u64();
    const std::uint32_t n = r.u32();
    if (r.ok() && (n > kMaxAuthoritiesInRecord || n > r.remaining() / 8)) {
        r.fail("signer record lists too many authorities");
        return;
    }
    v.emergencyVotedSeq.assign(r.ok() ? n : 0, 0);
    for (auto &seq : v.emergencyVotedSeq)
        seq = r.u64();
}

Status MemoryConsensusStore::saveSignerRecord(const SignerRecord &record, std::int64_t)
{
    if (m_failWrites)
        return makeError("store.write_failed", "The signer record could not be written.");
    m_record = record;
    ++m_saves;
    return Status::success();
}

Status MemoryConsensusStore::appendFinalized(const Block &block, std::span<const state::StateChange> /*changes*/)
{
    if (m_failWrites || m_failFinalized)
        return makeError("store.write_failed", "The finalized block could not be written.");
    m_finalized.push_back(block);
    return Status::success();
}

Result<RestoredChain> MemoryConsensusStore::loadFinalized()
{
    RestoredChain chain;
    chain.blocks = m_finalized;
    if (!m_finalized.empty()) {
        const BlockHeader &h = m_finalized.back().header;
        chain.anchor = {h.height, h.slot, blockHash(h)};
    }
    return chain;
}

Status MemoryConsensusStore::recordAudit(const std::string &action, const std::string &details,
                                         std::int64_t)
{
    if (m_failWrites || m_failAudit)
        return makeError("store.write_failed", "The audit record could not be written.");
    m_audit.emplace_back(action, details);
    return Status::success();
}

Status MemoryConsensusStore::logMessages(const std::vector<LogEntry> &entries)
{
    if (m_failWrites)
        return makeError("store.write_failed", "The consensus log could not be written.");
    m_log.insert(m_log.end(), entries.begin(), entries.end());
    return Status::success();
}

Status MemoryConsensusStore::pruneLog(std::uint64_t throughSlot)
{
    std::erase_if(m_log, [throughSlot](const LogEntry &entry) { return entry.slot <= throughSlot; });
    return Status::success();
}

Result<std::vector<Bytes>> MemoryConsensusStore::loadLog()
{
    std::vector<Bytes> out;
    for (const LogEntry &e : m_log)
        out.push_back(e.message);
    return out;
}

} // namespace gtx::consensus
