#pragma once

// The simulator's Byzantine nodes: what they do differently, as hooks on an
// otherwise unchanged ConsensusNode (core/consensus/node.h, NodeHooks).

#include "core/consensus/node.h"

#include <functional>
#include <random>
#include <vector>

namespace gtx::sim {

// Misbehaviour switches, drawn per Byzantine node from the fault mix.
struct ByzantineBehaviour
{
    bool equivocateProposals = false;  // two blocks per slot, one to each half of the peers
    bool doubleVote = false;           // a second, conflicting vote for each target slot
    bool surroundVote = false;         // now and then a vote surrounding its own earlier vote
    bool doubleAttest = false;         // two attestations for one slot
    bool withholdVotes = false;        // never vote or attest
    bool invalidBlocks = false;        // sometimes propose a block that breaks a rule
    bool invalidEnergyData = false;    // sometimes put a forged meter reading in its block
    // Sends each link vote this many slots after its target's slot (while
    // counting it at once itself), and proposes on the highest block it has
    // sent a vote for, with its vote for the new block at once: where the
    // others' justification stands when its votes are the ones their quorum
    // needs (the late-votes adversary).
    std::uint32_t lateVoteSlots = 0;
    // Test-only mutation for honest nodes: keep the signer record in memory
    // only, so a restart forgets what was signed.
    bool volatileSignerRecord = false;
    bool volatileConsensusLog = false;   // mutation check: the consensus log is not replayed

    bool any() const
    {
        return equivocateProposals || doubleVote || surroundVote || doubleAttest || withholdVotes
            || invalidBlocks || invalidEnergyData || lateVoteSlots > 0;
    }
};

// A hash no real block has: the target of a conflicting vote.
consensus::Hash256 fakeTarget(const consensus::Hash256 &real, std::uint64_t salt);

class ByzantineHooks final : public consensus::NodeHooks
{
public:
    // `invalidBlock` is told the hash of every invalid block sent.
    ByzantineHooks(ByzantineBehaviour behaviour, std::uint64_t seed,
                   std::function<void(const consensus::Hash256 &)> invalidBlock);

    bool replaceProposal(consensus::NodeHookAccess &node, consensus::BlockNode *parent, std::uint64_t slot) override;
    bool sendProposal(consensus::NodeHookAccess &node, const Block &block, consensus::BlockNode *parent) override;
    bool sendLinkVote(consensus::NodeHookAccess &node, const LinkVote &vote, const consensus::BlockNode *source,
                      const consensus::BlockNode *target) override;
    bool sendAttestation(consensus::NodeHookAccess &node, const Vote &vote, const consensus::BlockNode *target) override;
    bool withholdsVotes() const override { return m_behaviour.withholdVotes; }
    bool forgetsSignerRecord() const override { return m_behaviour.volatileSignerRecord; }
    bool forgetsConsensusLog() const override { return m_behaviour.volatileConsensusLog; }

private:
    // `a` to one random half of the peers, `b` to the other.
    void sendSplit(consensus::NodeHookAccess &node, const consensus::Message &a, const consensus::Message &b);

    ByzantineBehaviour m_behaviour;
    std::mt19937_64 m_rng;
    std::vector<std::pair<std::uint64_t, LinkVote>> m_lateVotes;   // (slot due, vote)
    Checkpoint m_released;   // the highest target of the late votes sent so far
    std::function<void(const consensus::Hash256 &)> m_invalidBlock;
};

} // namespace gtx::sim
