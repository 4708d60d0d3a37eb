#pragma once

// The bounds ConsensusNode keeps on what it holds for its peers (internal to
// core/consensus/node*.cpp).

#include <cstddef>
#include <cstdint>

namespace gtx::consensus::limits {

constexpr std::size_t kMaxOrphans = 512;
constexpr std::size_t kMaxFutureBlocks = 64;
constexpr std::size_t kMaxRejected = 4096;
constexpr std::size_t kMaxPendingEvidence = 1024;
constexpr std::size_t kMaxEvidenceGossipPerSlot = 16;
// How far ahead of this node's slot a link vote's target may be (clock skew
// between honest nodes is bounded by maxClockDisparityMs, well below a slot).
constexpr std::uint64_t kMaxVoteLeadSlots = 2;
constexpr std::size_t kMaxUnknownEmergencyVotesPerVoter = 8;
constexpr std::uint32_t kMaxRangesPerPeerSlot = 4;
// Transactions given to this node directly that its consensus log may hold
// (each stays until it can no longer be included): half the log's room
// (ledger::kMaxConsensusLogEntries), so clients cannot crowd out blocks,
// votes and emergency records. More are refused, "mempool.busy".
constexpr std::size_t kMaxLoggedClientTransactions = 32'768;

} // namespace gtx::consensus::limits
