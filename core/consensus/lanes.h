#pragma once

// Priority lanes (docs/protocol.md, "Lanes"). The mempool keeps one bounded
// queue per lane, so a flood of energy traffic can neither evict nor delay
// authority traffic; block assembly reserves space per lane and hands unused
// reserved space to the other lanes in priority order.

#include "core/consensus/params.h"
#include "core/crypto/hash.h"
#include "core/types/transaction.h"

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <vector>

namespace gtx::consensus {

class Mempool
{
public:
    explicit Mempool(const LaneLimits &limits) : m_limits(limits) {}

    // Errors: "mempool.duplicate", "mempool.lane_full", "mempool.emergency_lane".
    Status add(const Transaction &tx);
    // Whether add() would find room for it (its lane is not full), before
    // a caller spends a signature check on it. Errors: "mempool.emergency_lane",
    // "mempool.lane_full".
    Status roomFor(const Transaction &tx) const;
    void remove(const crypto::Hash256 &id);
    bool contains(const crypto::Hash256 &id) const { return m_ids.count(id) > 0; }
    std::size_t size(Lane lane) const { return m_counts[laneIndex(lane)]; }
    std::size_t size() const { return m_ids.size(); }
    // Drops transactions older than `oldestMs` (their validity period ended).
    void expire(std::int64_t oldestMs);

    using Filter = std::function<bool(const Transaction &, const crypto::Hash256 &)>;
    // Picks at most limits.maxTransactions transactions that pass `include`:
    // first each lane's reserve (Authority, Governance, Staking; Energy gets
    // the rest), then unused space in priority order Authority, Energy,
    // Staking, Governance; no lane beyond its cap (laneCap()).
    std::vector<Transaction> assemble(const Filter &include) const;

private:
    // Removal is lazy: an entry is live while m_ids maps its id to its sequence.
    struct Entry
    {
        crypto::Hash256 id;
        std::uint64_t sequence = 0;
        Transaction tx;
    };
    static std::size_t laneIndex(Lane lane) { return static_cast<std::size_t>(lane); }
    bool live(const Entry &e) const;
    void compact();

    LaneLimits m_limits;
    std::array<std::deque<Entry>, kLaneCount> m_lanes;
    std::array<std::size_t, kLaneCount> m_counts{};
    std::map<crypto::Hash256, std::pair<std::uint64_t, Lane>> m_ids;
    std::uint64_t m_nextSequence = 1;
    std::size_t m_stale = 0;
};

} // namespace gtx::consensus
