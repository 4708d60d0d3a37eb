#pragma once

// What a node must remember across a crash (docs/protocol.md, "Double-sign
// protection"): the last position it signed at for each kind of message,
// written durably BEFORE the signature leaves the node, and the blocks it saw
// finalized.

#include "core/codec/codec.h"
#include "core/common/result.h"
#include "core/consensus/messages.h"
#include "core/state/state.h"

#include <span>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gtx::consensus {

struct SignerRecord
{
    std::uint64_t proposedSlot = 0;          // last slot a block was proposed for
    std::uint64_t linkTargetSlot = 0;        // last authority vote: target slot
    std::uint64_t linkSourceSlot = 0;        //                     source slot
    std::uint64_t attestedSlot = 0;          // last stake attestation: block slot
    std::uint64_t emergencyProposedSeq = 0;  // own emergency blocks proposed
    std::vector<std::uint64_t> emergencyVotedSeq;   // per proposing authority index

    bool operator==(const SignerRecord &) const = default;
};

void encodeTo(codec::Writer &w, const SignerRecord &v);
void decodeFrom(codec::Reader &r, SignerRecord &v);

// The highest block a store knows to be Fast-final.
struct FinalizedAnchor
{
    std::uint64_t height = 0;
    std::uint64_t slot = 0;
    Hash256 hash;
};

// What a node restarts from: whole finalized blocks (when the store keeps
// them) and the anchor, which may be above the last whole block; the node
// then fetches the missing blocks from its peers and accepts only a chain
// through the anchor.
struct RestoredChain
{
    std::vector<Block> blocks;
    FinalizedAnchor anchor;
};

class ConsensusStore
{
public:
    virtual ~ConsensusStore() = default;
    // A default record when nothing was saved yet.
    virtual Result<SignerRecord> loadSignerRecord() = 0;
    // Durable when it returns success.
    virtual Status saveSignerRecord(const SignerRecord &record, std::int64_t nowMs) = 0;
    // Fast-final blocks with the state changes they made, appended in height
    // order, each committed atomically with its changes.
    virtual Status appendFinalized(const Block &block, std::span<const state::StateChange> changes) = 0;
    virtual Result<RestoredChain> loadFinalized() = 0;
    // Appends to the node's audit trail (emergency actions).
    virtual Status recordAudit(const std::string &action, const std::string &details,
                               std::int64_t nowMs) = 0;

    // The consensus log (docs/protocol.md, "Restart"): what the node knows
    // above Fast finality and nothing else keeps, the blocks it accepted and
    // the link votes it counted, as encoded messages tagged with their
    // slot. A node that restarts together with the whole network replays
    // it, so it still knows which blocks were justified: an authority that
    // voted from a justified source can only vote again from that source or
    // a later one, and without the log nobody could show that source
    // justified again. logMessages() writes a batch, durable when it
    // returns; pruneLog() drops what is at or below a slot (what finality
    // covers); loadLog() gives the messages in the order they were logged.
    struct LogEntry
    {
        std::uint64_t slot = 0;
        Bytes message;
    };
    virtual Status logMessages(const std::vector<LogEntry> &entries) = 0;
    virtual Status pruneLog(std::uint64_t throughSlot) = 0;
    virtual Result<std::vector<Bytes>> loadLog() = 0;
};

// Keeps everything in memory; survives the destruction of the node that uses
// it, which is how the simulator models a crash with an intact disk.
class MemoryConsensusStore final : public ConsensusStore
{
public:
    Result<SignerRecord> loadSignerRecord() override { return m_record; }
    Status saveSignerRecord(const SignerRecord &record, std::int64_t nowMs) override;
    Status appendFinalized(const Block &block, std::span<const state::StateChange> changes) override;
    Result<RestoredChain> loadFinalized() override;
    Status recordAudit(const std::string &action, const std::string &details,
                       std::int64_t nowMs) override;
    Status logMessages(const std::vector<LogEntry> &entries) override;
    Status pruneLog(std::uint64_t throughSlot) override;
    Result<std::vector<Bytes>> loadLog() override;
    const std::vector<std::pair<std::string, std::string>> &audit() const { return m_audit; }
    std::size_t logSize() const { return m_log.size(); }

    // Test hooks: make every later save fail (a full or failing disk), or
    // only the finalized blocks, or only the audit trail.
    void failWrites(bool fail) { m_failWrites = fail; }
    void failFinalizedWrites(bool fail) { m_failFinalized = fail; }
    void failAuditWrites(bool fail) { m_failAudit = fail; }
    std::size_t saves() const { return m_saves; }

private:
    SignerRecord m_record;
    std::vector<Block> m_finalized;
    std::vector<std::pair<std::string, std::string>> m_audit;
    std::vector<LogEntry> m_log;
    bool m_failWrites = false;
    bool m_failFinalized = false;
    bool m_failAudit = false;
    std::size_t m_saves = 0;
};

} // namespace gtx::consensus
