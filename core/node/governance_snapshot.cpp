#include "core/node/governance_snapshot.h"

namespace gtx::node {

interfaces::GovernanceSnapshot governanceSnapshot(const state::State &state, const consensus::ConsensusParams &params,
                                                  const state::StateRules &genesisRules,
                                                  const std::map<PublicKey, std::string> &authorityNames,
                                                  std::int64_t nowMs)
{
    interfaces::GovernanceSnapshot s;
    s.joined = true;
    s.chainTimeMs = nowMs;
    const state::StateRules rules = state.rulesInForce(genesisRules);
    const state::StakingParams &sp = rules.staking;
    const auto duration = [&](std::uint64_t slots) {
        return static_cast<std::int64_t>(std::min<std::uint64_t>(slots, INT64_MAX / params.slotMs) * params.slotMs);
    };
    const auto at = [&](std::uint64_t slot) { return params.slotStartMs(std::min<std::uint64_t>(slot, INT64_MAX / params.slotMs / 2)); };
    s.proposalDepositMicroGt = sp.proposalDeposit;
    s.classWeightsBps.assign(sp.classWeightsBps.begin(), sp.classWeightsBps.end());
    s.standardQuorumBps = sp.standardQuorumBps;
    s.standardPassBps = sp.standardPassBps;
    s.constitutionalQuorumBps = sp.constitutionalQuorumBps;
    s.constitutionalPassBps = sp.constitutionalPassBps;
    s.standardVotingMs = duration(sp.standardVotingSlots);
    s.standardWaitMs = duration(sp.standardWaitSlots);
    s.constitutionalVotingMs = duration(sp.constitutionalVotingSlots);
    s.constitutionalWaitMs = duration(sp.constitutionalWaitSlots);
    s.emergencyVotingMs = duration(sp.emergencyVotingSlots);
    s.softwareVersion = consensus::kChainRulesVersion;
    s.slotMs = params.slotMs;
    s.authorityQuorum = static_cast<std::uint32_t>(rules.authorityQuorum);
    s.authorityCount = static_cast<std::uint32_t>(rules.authorities.size());
    if (const auto u = state.scheduledUpgrade()) {
        s.upgradeVersion = u->version;
        s.upgradeMs = at(u->slot);
    }
    static const char *const kClasses[] = {"authorities", "stake-validators", "energy-validators", "community"};
    const auto &ids = state.proposalIds();
    for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
        const auto p = state.proposal(*id);
        if (!p)
            continue;
        interfaces::ProposalRow r;
        r.key = p->id.hex();
        r.type = std::string(toString(p->type));
        r.track = std::string(toString(p->track));
        r.status = static_cast<interfaces::ProposalStatus>(p->status);
        r.title = p->title;
        r.text = p->text;
        r.proposer = p->proposer.hex();
        if (const auto it = authorityNames.find(p->proposer); it != authorityNames.end())
            r.proposerName = it->second;
        r.depositMicroGt = p->deposit;
        r.depositFate = std::string(toString(p->depositFate));
        r.submittedMs = at(p->submittedSlot);
        r.votingEndMs = at(p->votingEndSlot);
        r.enactMs = at(p->enactSlot);
        r.closedMs = p->closedSlot ? at(p->closedSlot) : 0;
        r.enactedMs = p->enactedSlot ? at(p->enactedSlot) : 0;
        r.votes = p->voteCount;
        const state::ProjectedTally t = state.projectedTally(*p, genesisRules);
        for (std::size_t c = 0; c < state::kVoterClasses; ++c)
            r.classes.push_back({kClasses[c], p->rule.weightsBps[c], t.classes[c].yes, t.classes[c].no,
                                 t.classes[c].abstain, t.classes[c].eligible});
        r.quorumBps = p->rule.quorumBps;
        r.passBps = p->rule.passBps;
        r.supportAtLeast = !p->rule.strictlyAbove;
        r.turnoutBps = t.result.turnoutBps;
        r.supportBps = t.result.supportBps;
        r.quorumMet = t.result.quorumMet;
        r.passed = t.result.passed;
        for (const auto &setting : p->settings) {
            const auto &info = state::governedParams()[static_cast<std::size_t>(setting.param)];
            r.settings.push_back({std::string(info.name),
                                  state::paramValue(sp, rules.tradeSettlementWindowMs, setting.param), setting.value});
        }
        r.upgradeVersion = p->upgradeVersion;
        r.upgradeMs = p->upgradeSlot ? at(p->upgradeSlot) : 0;
        r.outcome = p->outcome;
        s.proposals.push_back(std::move(r));
    }
    return s;
}

} // namespace gtx::node
