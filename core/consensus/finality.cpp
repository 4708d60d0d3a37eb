#include "core/consensus/finality.h"

#include <algorithm>
#include <bit>

namespace gtx::consensus {

namespace {

constexpr std::size_t kMaxPendingAttestationTargets = 4096;

// ceil(total * bps / 10000) without overflow.
std::uint64_t requiredShare(std::uint64_t total, std::uint32_t bps)
{
    const std::uint64_t whole = (total / kBasisPointsFull) * bps;
    const std::uint64_t rest = (total % kBasisPointsFull) * bps;
    return whole + (rest + kBasisPointsFull - 1) / kBasisPointsFull;
}

} // namespace

FinalityTracker::FinalityTracker(BlockTree &tree)
    : m_tree(tree), m_quorum(tree.quorum()), m_highestJustified(tree.genesisNode()),
      m_fast(tree.genesisNode()), m_full(tree.genesisNode()), m_economic(tree.genesisNode())
{
    const std::size_t authorities = tree.genesis().authorities.size();
    m_claimQuorum = authorities >= m_quorum ? authorities - m_quorum + 1 : 1;
}

BlockNode *FinalityTracker::tip(FinalityLevel level) const
{
    switch (level) {
    case FinalityLevel::None:
        return m_highestJustified;
    case FinalityLevel::Fast:
        return m_fast;
    case FinalityLevel::Full:
        return m_full;
    case FinalityLevel::Economic:
        return m_economic;
    }
    return m_fast;
}

std::size_t FinalityTracker::linkSigners(const Checkpoint &source, const Checkpoint &target) const
{
    const auto it = m_links.find({source, target});
    return it == m_links.end() ? 0 : static_cast<std::size_t>(std::popcount(it->second));
}

std::vector<FinalityEvent> FinalityTracker::takeEvents()
{
    std::vector<FinalityEvent> out;
    out.swap(m_events);
    return out;
}

FinalityTracker::VoterVotes &FinalityTracker::TargetVotes::of(std::size_t voter)
{
    for (auto &v : voters)
        if (v.voter == voter)
            return v;
    voters.push_back({voter, {}, {}, false});
    return voters.back();
}

VoteUse FinalityTracker::addLinkVote(const LinkVote &vote, std::size_t authorityIndex)
{
    if (authorityIndex >= 64 || vote.source.slot >= vote.target.slot || vote.target.slot <= m_fast->slot)
        return VoteUse::Dropped;
    BlockNode *target = m_tree.find(vote.target.hash);
    if (target && target->slot != vote.target.slot)
        return VoteUse::Dropped;   // names a known block with the wrong slot: it can never count
    auto it = m_targets.find(vote.target);
    if (it == m_targets.end()) {
        if (!target) {
            // A block this node has not seen (yet): each voter may name only
            // a few of those per slot.
            auto &opened = m_targetsPerVoterSlot[{vote.target.slot, authorityIndex}];
            if (opened >= kMaxUnknownTargetsPerVoterSlot)
                return VoteUse::Dropped;
            ++opened;
        }
        it = m_targets.emplace(vote.target, TargetVotes{}).first;
    }
    TargetVotes &t = it->second;
    VoterVotes &mine = t.of(authorityIndex);
    const std::uint64_t bit = std::uint64_t{1} << authorityIndex;
    BlockNode *source = m_tree.find(vote.source.hash);
    const bool realSource = target && source && source->slot == vote.source.slot && source != target
        && BlockTree::isAncestorOrSelf(source, target);
    if (realSource && !source->justified && source->slot > m_fast->slot) {
        std::uint64_t &claims = m_sourceClaims[source->checkpoint()];
        claims |= std::uint64_t{1} << authorityIndex;
        if (static_cast<std::size_t>(std::popcount(claims)) >= m_claimQuorum)
            justify(source);   // the vote below then counts as any other
    }
    const bool fromParent = realSource && source == target->parent;
    VoteUse use = VoteUse::Pending;
    if (realSource && source->justified) {
        use = VoteUse::Counted;
        if (t.countedVoters & bit) {
            if (!fromParent || mine.fromParent)
                return VoteUse::Dropped;   // counts already, and adds no exact link
        }
    } else if (fromParent) {
        if (mine.fromParent)
            return VoteUse::Dropped;
    } else if (realSource) {
        // A real ancestor, not justified yet: keep the highest few.
        auto &w = mine.waiting;
        if (std::find(w.begin(), w.end(), vote.source) != w.end())
            return VoteUse::Dropped;
        if (w.size() >= kMaxWaitingPerVoterTarget) {
            const auto lowest = std::min_element(w.begin(), w.end());
            if (!(*lowest < vote.source))
                return VoteUse::Dropped;
            w.erase(lowest);
        }
        w.push_back(vote.source);
    } else {
        if (std::find(mine.pending.begin(), mine.pending.end(), vote.source) != mine.pending.end()
            || mine.pending.size() >= kMaxPendingPerVoterTarget)
            return VoteUse::Dropped;
        mine.pending.push_back(vote.source);
    }
    mine.fromParent = mine.fromParent || fromParent;
    if (use == VoteUse::Counted)
        t.countedVoters |= bit;
    std::uint64_t &linkVoters = m_links[{vote.source, vote.target}];
    if (linkVoters == 0)
        m_bySource.emplace(vote.source.hash, vote.target);   // once per link, not per voter
    linkVoters |= bit;
    evaluate(vote.target);
    drainWork();
    return use;
}

void FinalityTracker::evaluate(const Checkpoint &checkpoint)
{
    BlockNode *target = m_tree.find(checkpoint.hash);
    if (!target || target->slot != checkpoint.slot)
        return;
    if (const auto it = m_targets.find(checkpoint); it != m_targets.end()) {
        TargetVotes &t = it->second;
        for (const VoterVotes &v : t.voters) {
            const std::uint64_t bit = std::uint64_t{1} << v.voter;
            if (t.countedVoters & bit)
                continue;
            bool counts = v.fromParent && target->parent && target->parent->justified;
            for (const auto *list : {&v.waiting, &v.pending})
                for (const Checkpoint &c : *list) {
                    const BlockNode *s = m_tree.find(c.hash);
                    counts = counts
                        || (s && s->slot == c.slot && s->justified && s != target
                            && BlockTree::isAncestorOrSelf(s, target));
                }
            if (counts)
                t.countedVoters |= bit;
        }
        if (static_cast<std::size_t>(std::popcount(t.countedVoters)) >= m_quorum)
            justify(target);
    }
    // The 2-chain: a justified parent and a quorum link parent -> target at the next slot.
    BlockNode *parent = target->parent;
    if (target->justified && parent && parent->justified && target->slot == parent->slot + 1) {
        const auto link = m_links.find({parent->checkpoint(), target->checkpoint()});
        if ((link != m_links.end() && static_cast<std::size_t>(std::popcount(link->second)) >= m_quorum)
            || m_tree.params().testOnlyNoExactLink)
            finalizeFast(parent);
    }
}

void FinalityTracker::pruneBelowFinality()
{
    const std::uint64_t floor = m_fast->slot;
    while (!m_targets.empty() && m_targets.begin()->first.slot <= floor)
        m_targets.erase(m_targets.begin());
    while (!m_targetsPerVoterSlot.empty() && m_targetsPerVoterSlot.begin()->first.first <= floor)
        m_targetsPerVoterSlot.erase(m_targetsPerVoterSlot.begin());
    for (auto it = m_links.begin(); it != m_links.end();)
        it = it->first.second.slot <= floor ? m_links.erase(it) : std::next(it);
    for (auto it = m_bySource.begin(); it != m_bySource.end();)
        it = it->second.slot <= floor ? m_bySource.erase(it) : std::next(it);
    while (!m_sourceClaims.empty() && m_sourceClaims.begin()->first.slot <= floor)
        m_sourceClaims.erase(m_sourceClaims.begin());
}

void FinalityTracker::justify(BlockNode *node)
{
    if (node->justified)
        return;
    node->justified = true;
    m_events.push_back({FinalityEvent::Type::Justified, FinalityLevel::None, node, nullptr});
    if (node->slot > m_highestJustified->slot
        || (node->slot == m_highestJustified->slot && node->hash < m_highestJustified->hash))
        m_highestJustified = node;
    m_work.push_back(node);
}

void FinalityTracker::drainWork()
{
    while (!m_work.empty()) {
        BlockNode *node = m_work.back();
        m_work.pop_back();
        std::vector<Checkpoint> targets;
        for (auto [it, end] = m_bySource.equal_range(node->hash); it != end; ++it)
            targets.push_back(it->second);
        targets.push_back(node->checkpoint());   // its own 2-chain with its parent
        for (const auto &target : targets)
            evaluate(target);
    }
    if (m_prunePending) {
        m_prunePending = false;
        pruneBelowFinality();
    }
}

void FinalityTracker::markLevel(BlockNode *from, const BlockNode *downTo, FinalityLevel level)
{
    std::vector<BlockNode *> chain;
    for (BlockNode *b = from; b && b != downTo; b = b->parent)
        chain.push_back(b);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        BlockNode *b = *it;
        if (b->level < level) {
            b->level = level;
            m_events.push_back({FinalityEvent::Type::Finalized, level, b, nullptr});
        }
    }
}

void FinalityTracker::finalizeFast(BlockNode *node)
{
    if (node->level >= FinalityLevel::Fast)
        return;
    if (!BlockTree::isAncestorOrSelf(m_fast, node)) {
        m_events.push_back({FinalityEvent::Type::Conflict, FinalityLevel::Fast, node, m_fast});
        return;
    }
    markLevel(node, m_fast, FinalityLevel::Fast);
    m_fast = node;
    m_prunePending = true;
    updateFull();
}

bool FinalityTracker::stakeMet(const BlockNode *node) const
{
    const std::uint64_t total = node->epoch->active.totalStake;
    if (total == 0)
        return true;   // no bonded stake: no stake veto
    return node->attestedStake >= requiredShare(total, m_tree.params().rules.stakeThresholdBps);
}

void FinalityTracker::updateFull()
{
    for (BlockNode *b = m_fast; b && b != m_full; b = b->parent) {
        if (b->level >= FinalityLevel::Full)
            break;
        if (stakeMet(b)) {
            markLevel(b, m_full, FinalityLevel::Full);
            m_full = b;
            updateEconomic();
            return;
        }
    }
}

void FinalityTracker::updateEconomic()
{
    const std::uint64_t depth = m_tree.params().checkpointBlocks;
    if (m_full->height < depth)
        return;
    const std::uint64_t height = m_full->height - depth;
    if (height <= m_economic->height)
        return;
    auto *target = const_cast<BlockNode *>(BlockTree::ancestorAtHeight(m_full, height));
    if (!target || !BlockTree::isAncestorOrSelf(m_economic, target))
        return;
    markLevel(target, m_economic, FinalityLevel::Economic);
    m_economic = target;
}

std::size_t FinalityTracker::validatorIndex(const PublicKey &key)
{
    const auto [it, inserted] = m_validatorIndex.try_emplace(key, m_validatorIndex.size());
    return it->second;
}

void FinalityTracker::applyAttestation(BlockNode *node, const Vote &a)
{
    const std::size_t index = validatorIndex(a.voter);
    const std::size_t word = index / 64;
    const std::uint64_t bit = std::uint64_t{1} << (index % 64);
    bool touchedFast = false;
    for (BlockNode *b = node; b; b = b->parent) {
        if (b->level >= FinalityLevel::Full)
            break;
        if (b->attesters.size() <= word)
            b->attesters.resize(word + 1, 0);
        if (b->attesters[word] & bit)
            break;
        b->attesters[word] |= bit;
        if (const ActiveValidator *v = b->epoch->active.find(a.voter))
            b->attestedStake += v->stake;
        touchedFast = touchedFast || b->level >= FinalityLevel::Fast;
    }
    if (touchedFast)
        updateFull();
}

void FinalityTracker::addAttestation(const Vote &attestation)
{
    if (attestation.kind != VoteKind::StakeAttestation)
        return;
    if (BlockNode *node = m_tree.find(attestation.blockHash)) {
        if (node->slot == attestation.slot)
            applyAttestation(node, attestation);
        return;
    }
    if (m_pendingAttestations.size() >= kMaxPendingAttestationTargets
        && !m_pendingAttestations.count(attestation.blockHash))
        m_pendingAttestations.erase(m_pendingAttestations.begin());
    auto &list = m_pendingAttestations[attestation.blockHash];
    if (list.size() < 4096)
        list.push_back(attestation);
}

void FinalityTracker::onBlockAdded(BlockNode *node)
{
    std::vector<Checkpoint> targets{node->checkpoint()};
    for (auto [it, end] = m_bySource.equal_range(node->hash); it != end; ++it)
        targets.push_back(it->second);
    for (const auto &target : targets)
        evaluate(target);
    drainWork();
    if (const auto it = m_pendingAttestations.find(node->hash); it != m_pendingAttestations.end()) {
        const std::vector<Vote> waiting = std::move(it->second);
        m_pendingAttestations.erase(it);
        for (const auto &a : waiting)
            if (a.slot == node->slot)
                applyAttestation(node, a);
    }
}

void FinalityTracker::markRestoredFinal(BlockNode *tip)
{
    if (!tip || !BlockTree::isAncestorOrSelf(m_fast, tip))
        return;
    for (BlockNode *b = tip; b && b != m_fast; b = b->parent) {
        b->justified = true;
        b->loadedFinal = true;
    }
    markLevel(tip, m_fast, FinalityLevel::Fast);
    m_fast = tip;
    if (tip->slot > m_highestJustified->slot)
        m_highestJustified = tip;
    updateFull();
    pruneBelowFinality();
    pruneBelowFinality();
}

} // namespace gtx::consensus
