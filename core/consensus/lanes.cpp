#include "core/consensus/lanes.h"

#include <algorithm>

namespace gtx::consensus {

bool Mempool::live(const Entry &e) const
{
    const auto it = m_ids.find(e.id);
    return it != m_ids.end() && it->second.first == e.sequence;
}

void Mempool::compact()
{
    for (auto &queue : m_lanes) {
        std::deque<Entry> kept;
        for (auto &e : queue)
            if (live(e))
                kept.push_back(std::move(e));
        queue.swap(kept);
    }
    m_stale = 0;
}

Status Mempool::roomFor(const Transaction &tx) const
{
    const Lane lane = laneOf(tx.kind);
    if (lane == Lane::Emergency)
        return makeError("mempool.emergency_lane", "Emergency orders do not go through the mempool.");
    if (m_counts[laneIndex(lane)] >= m_limits.mempoolPerLane)
        return makeError("mempool.lane_full",
                         "The " + std::string(toString(lane)) + " lane of the mempool is full; try again later.");
    return Status::success();
}

Status Mempool::add(const Transaction &tx)
{
    const crypto::Hash256 id = transactionId(tx);
    if (m_ids.count(id))
        return makeError("mempool.duplicate", "The transaction is already pending.");
    GTX_TRY(roomFor(tx));
    const Lane lane = laneOf(tx.kind);
    const std::size_t index = laneIndex(lane);
    const std::uint64_t sequence = m_nextSequence++;
    m_lanes[index].push_back({id, sequence, tx});
    m_ids.emplace(id, std::make_pair(sequence, lane));
    ++m_counts[index];
    return Status::success();
}

void Mempool::remove(const crypto::Hash256 &id)
{
    const auto it = m_ids.find(id);
    if (it == m_ids.end())
        return;
    --m_counts[laneIndex(it->second.second)];
    m_ids.erase(it);
    if (++m_stale > 1024 && m_stale > m_ids.size())
        compact();
}

void Mempool::expire(std::int64_t oldestMs)
{
    std::vector<crypto::Hash256> expired;
    for (const auto &queue : m_lanes)
        for (const auto &e : queue)
            if (e.tx.timestampMs < oldestMs && live(e))
                expired.push_back(e.id);
    for (const auto &id : expired)
        remove(id);
    if (!expired.empty())
        compact();
}

std::vector<Transaction> Mempool::assemble(const Filter &include) const
{
    std::vector<Transaction> out;
    const std::size_t capacity = m_limits.maxTransactions;
    std::array<std::size_t, kLaneCount> next{};    // position reached in each lane
    std::array<std::size_t, kLaneCount> taken{};   // picked from each lane

    auto take = [&](Lane lane, std::size_t budget) {
        const auto &queue = m_lanes[laneIndex(lane)];
        std::size_t &pos = next[laneIndex(lane)];
        std::size_t &count = taken[laneIndex(lane)];
        const std::size_t cap = laneCap(m_limits, lane);
        std::size_t now = 0;
        while (pos < queue.size() && now < budget && count < cap && out.size() < capacity) {
            const Entry &e = queue[pos++];
            if (live(e) && include(e.tx, e.id)) {
                out.push_back(e.tx);
                ++now;
                ++count;
            }
        }
    };

    std::size_t left = capacity;
    auto reserve = [&](std::uint32_t r) {
        const std::size_t got = std::min<std::size_t>(r, left);
        left -= got;
        return got;
    };
    const std::size_t authorityReserve = reserve(m_limits.authorityReserve);
    const std::size_t governanceReserve = reserve(m_limits.governanceReserve);
    const std::size_t stakingReserve = reserve(m_limits.stakingReserve);
    take(Lane::Authority, authorityReserve);
    take(Lane::Governance, governanceReserve);
    take(Lane::Staking, stakingReserve);
    take(Lane::Energy, left);
    // Unused reserved space, in priority order.
    take(Lane::Authority, capacity);
    take(Lane::Energy, capacity);
    take(Lane::Staking, capacity);
    take(Lane::Governance, capacity);
    return out;
}

} // namespace gtx::consensus
