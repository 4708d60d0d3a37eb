#pragma once

// Validator performance (docs/protocol.md, "Performance monitoring").
//
// Chain-derived, the same on every node that has the same chain:
//   blocksProduced, blocksMissed (slots whose drawn proposer has no block on
//   the chain), slashingIncidents (evidence on the chain naming the key).
// Measured locally by each node, marked as such and never used by consensus:
//   responseTimeAvgMs (from accepting a block to receiving a validator's vote
//   or attestation for it), networkContributionPpm (share of the valid
//   signed messages this node received that the validator signed),
//   energyAccuracyPpm (share of the validator's checked meter readings that
//   were valid; blocks refused for bad transactions count as failures).

#include "core/consensus/chain.h"
#include "core/types/validator.h"

#include <cstdint>
#include <map>

namespace gtx::consensus {

struct PerformanceRecord
{
    ValidatorPerformance performance;
    bool measuredLocally = false;   // response time, contribution and energy accuracy are local
};

// Produced, missed and slashing incidents for slots (fromSlot, tip->slot]
// of the chain ending at `tip`.
std::map<PublicKey, ValidatorPerformance> chainPerformance(BlockTree &tree, BlockNode *tip,
                                                           std::uint64_t fromSlot);

class LocalPerformance
{
public:
    void blockAccepted(const Hash256 &block, std::int64_t nowMs);
    void voteReceived(const PublicKey &signer, const Hash256 &block, std::int64_t nowMs);
    void signedMessage(const PublicKey &signer);
    void energyChecked(const PublicKey &proposer, std::uint64_t valid, std::uint64_t invalid);
    // Fills the locally measured fields of `into`.
    void fill(const PublicKey &key, ValidatorPerformance &into) const;
    void prune(std::int64_t olderThanMs);

private:
    struct Stats
    {
        std::uint64_t responseTotalMs = 0;
        std::uint64_t responses = 0;
        std::uint64_t messages = 0;
        std::uint64_t energyValid = 0;
        std::uint64_t energyInvalid = 0;
    };
    std::map<PublicKey, Stats> m_stats;
    std::map<Hash256, std::int64_t> m_acceptedAt;
    std::uint64_t m_messages = 0;
};

} // namespace gtx::consensus
