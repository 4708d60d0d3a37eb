#include "core/consensus/performance.h"

#include <algorithm>
#include <vector>

namespace gtx::consensus {

std::map<PublicKey, ValidatorPerformance> chainPerformance(BlockTree &tree, BlockNode *tip, std::uint64_t fromSlot)
{
    std::map<PublicKey, ValidatorPerformance> out;
    std::vector<BlockNode *> chain;   // ascending, the last one at or below fromSlot first
    for (BlockNode *b = tip; b; b = b->parent) {
        chain.push_back(b);
        if (b->slot <= fromSlot)
            break;
    }
    std::reverse(chain.begin(), chain.end());
    if (chain.empty())
        return out;
    std::size_t next = 1;   // the next chain block above the current slot
    BlockNode *parent = chain.front();
    for (std::uint64_t slot = std::max(fromSlot, chain.front()->slot) + 1; slot <= tip->slot; ++slot) {
        const PublicKey expected = tree.expectedProposer(parent, slot);
        if (next < chain.size() && chain[next]->slot == slot) {
            ++out[chain[next]->header().proposer].blocksProduced;
            for (const auto &e : chain[next]->block->evidence)
                ++out[offenderOf(e)].slashingIncidents;
            parent = chain[next++];
        } else {
            ++out[expected].blocksMissed;
        }
    }
    return out;
}

void LocalPerformance::blockAccepted(const Hash256 &block, std::int64_t nowMs)
{
    m_acceptedAt.emplace(block, nowMs);
}

void LocalPerformance::voteReceived(const PublicKey &signer, const Hash256 &block, std::int64_t nowMs)
{
    const auto it = m_acceptedAt.find(block);
    if (it == m_acceptedAt.end() || nowMs < it->second)
        return;
    Stats &s = m_stats[signer];
    s.responseTotalMs += static_cast<std::uint64_t>(nowMs - it->second);
    ++s.responses;
}

void LocalPerformance::signedMessage(const PublicKey &signer)
{
    ++m_stats[signer].messages;
    ++m_messages;
}

void LocalPerformance::energyChecked(const PublicKey &proposer, std::uint64_t valid, std::uint64_t invalid)
{
    Stats &s = m_stats[proposer];
    s.energyValid += valid;
    s.energyInvalid += invalid;
}

void LocalPerformance::fill(const PublicKey &key, ValidatorPerformance &into) const
{
    into.energyAccuracyPpm = kPpmFull;   // nothing found false
    const auto it = m_stats.find(key);
    if (it == m_stats.end())
        return;
    const Stats &s = it->second;
    into.responseTimeAvgMs = s.responses ? s.responseTotalMs / s.responses : 0;
    into.networkContributionPpm =
        m_messages ? static_cast<std::uint32_t>(s.messages * kPpmFull / m_messages) : 0;
    const std::uint64_t checked = s.energyValid + s.energyInvalid;
    into.energyAccuracyPpm = checked ? static_cast<std::uint32_t>(s.energyValid * kPpmFull / checked) : kPpmFull;
}

void LocalPerformance::prune(std::int64_t olderThanMs)
{
    for (auto it = m_acceptedAt.begin(); it != m_acceptedAt.end();)
        it = it->second < olderThanMs ? m_acceptedAt.erase(it) : std::next(it);
}

} // namespace gtx::consensus
