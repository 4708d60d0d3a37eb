#include "core/sim/byzantine.h"

#include "core/energy/reading.h"

#include <algorithm>

namespace gtx::sim {

using namespace gtx::consensus;

Hash256 fakeTarget(const Hash256 &real, std::uint64_t salt)
{
    codec::Writer w;
    w.fixed(real);
    w.u64(salt);
    return crypto::hash("gtx/sim-conflicting-target/v1", w.data());
}

ByzantineHooks::ByzantineHooks(ByzantineBehaviour behaviour, std::uint64_t seed,
                               std::function<void(const Hash256 &)> invalidBlock)
    : m_behaviour(behaviour), m_rng(seed), m_invalidBlock(std::move(invalidBlock))
{
}

void ByzantineHooks::sendSplit(NodeHookAccess &node, const Message &a, const Message &b)
{
    std::vector<PeerId> peers = node.peers();
    std::shuffle(peers.begin(), peers.end(), m_rng);
    const auto half = static_cast<std::ptrdiff_t>(peers.size() / 2);
    node.sendTo(std::vector<PeerId>(peers.begin(), peers.begin() + half), a);
    node.sendTo(std::vector<PeerId>(peers.begin() + half, peers.end()), b);
}

bool ByzantineHooks::replaceProposal(NodeHookAccess &node, BlockNode *parent, std::uint64_t slot)
{
    if (m_behaviour.lateVoteSlots > 0) {
        // A valid block on the highest block the others can know to be
        // justified (the highest it has sent its vote for): a fork they
        // prefer, as their fork choice takes the highest slot above their
        // highest justified block and they do not know yet that the newer
        // blocks are justified.
        BlockNode *base = node.findBlock(m_released.hash);
        if (!base || base == parent || base->slot >= slot)
            return false;
        // With its vote for the fork, sent at once: the others' quorum for
        // it is complete (a surround of its own late votes, which it does
        // not mind).
        const Block fork = node.buildBlock(base, slot);
        LinkVote vote{base->checkpoint(), {slot, blockHash(fork.header)}, {}, {}};
        signLinkVote(vote, node.signingKey());
        node.send(fork);
        node.send(vote);
        node.acceptOwn(fork);
        node.acceptOwn(vote);
        return true;
    }
    const bool breakRule = m_behaviour.invalidBlocks && m_rng() % 2 == 0;
    const bool forgeEnergy = !breakRule && m_behaviour.invalidEnergyData && m_rng() % 2 == 0;
    if (!breakRule && !forgeEnergy)
        return false;
    const ConsensusParams &params = node.consensusParams();
    Block bad = node.buildBlock(parent, slot);
    if (breakRule) {
        switch (m_rng() % 3) {
        case 0:
            bad.header.stateRoot = fakeTarget(bad.header.stateRoot, slot);
            break;
        case 1:
            bad.header.height += 1;
            break;
        default:
            bad.transactions.push_back(bad.transactions.empty() ? Transaction{} : bad.transactions.front());
            break;
        }
    } else {
        // A reading batch of made-up readings, witnessed by the node itself,
        // for a zone the grid model does not have: refused whether or not the
        // node is an authority (tx.not_authority, energy.unknown_zone).
        energy::ReadingBatch batch;
        batch.zone = GridZone{999};
        energy::MeterReading r;
        r.meterId = fakeTarget(parent->hash, slot);
        r.timestampMs = params.slotStartMs(slot) + 7;   // not on a 15-minute boundary
        r.exportWh = 1'000'000'000;
        batch.readings = {r};
        energy::witnessBatch(batch, params.networkId, node.signingKey());
        Transaction t;
        t.kind = TransactionKind::MeterReading;
        t.networkId = params.networkId;
        t.nonce = slot;
        t.timestampMs = params.slotStartMs(slot);
        t.payload = codec::encode(batch);
        signTransaction(t, node.signingKey());
        bad.transactions.push_back(t);
    }
    node.finishBlock(bad);
    if (m_invalidBlock)
        m_invalidBlock(blockHash(bad.header));
    node.send(bad);
    return true;
}

bool ByzantineHooks::sendProposal(NodeHookAccess &node, const Block &block, BlockNode *parent)
{
    if (!m_behaviour.equivocateProposals || !parent->parent)
        return false;
    // The other block forks from the grandparent: a fork that skips the
    // newest block, which voters who have not yet seen its parent justified
    // may prefer (it has the higher slot).
    const Block other = node.buildBlock(parent->parent, block.header.slot);
    sendSplit(node, block, other);
    return true;
}

bool ByzantineHooks::sendLinkVote(NodeHookAccess &node, const LinkVote &vote, const BlockNode *source,
                                  const BlockNode *target)
{
    if (m_behaviour.lateVoteSlots > 0) {
        m_lateVotes.push_back({vote.target.slot + m_behaviour.lateVoteSlots, vote});
        auto due = std::stable_partition(m_lateVotes.begin(), m_lateVotes.end(),
                                         [&](const auto &v) { return v.first > vote.target.slot; });
        for (auto it = due; it != m_lateVotes.end(); ++it) {
            node.send(it->second);
            if (it->second.target.slot > m_released.slot)
                m_released = it->second.target;
        }
        m_lateVotes.erase(due, m_lateVotes.end());
        return true;
    }
    if (!m_behaviour.doubleVote && !m_behaviour.surroundVote)
        return false;
    if (m_behaviour.doubleVote) {
        LinkVote other{source->checkpoint(), {target->slot, fakeTarget(target->hash, 1)}, {}, {}};
        signLinkVote(other, node.signingKey());
        sendSplit(node, vote, other);
    } else {
        node.send(vote);
    }
    if (m_behaviour.surroundVote && target->slot % 5 == 0 && source->slot > 0) {
        // Surrounds the vote above (genesis < source < target < target + 2).
        LinkVote wide{node.genesisBlock()->checkpoint(), {target->slot + 2, fakeTarget(target->hash, 2)}, {}, {}};
        signLinkVote(wide, node.signingKey());
        node.send(wide);
    }
    return true;
}

bool ByzantineHooks::sendAttestation(NodeHookAccess &node, const Vote &vote, const BlockNode *target)
{
    if (!m_behaviour.doubleAttest)
        return false;
    Vote other = vote;
    other.blockHash = fakeTarget(target->hash, 3);
    signVote(other, node.signingKey());
    sendSplit(node, vote, other);
    return true;
}

} // namespace gtx::sim
