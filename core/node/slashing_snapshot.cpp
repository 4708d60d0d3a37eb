#include "core/node/slashing_snapshot.h"

#include "core/consensus/messages.h"
#include "core/consensus/verifier.h"
#include "core/types/block_header.h"

#include <algorithm>

namespace gtx::node {

namespace {

interfaces::SignedMessageRow headerRow(const SignedHeader &h)
{
    return {h.header.slot, 0, blockHash(h.header).hex(), h.signature.hex()};
}

interfaces::SignedMessageRow linkRow(const LinkVote &v)
{
    return {v.target.slot, v.source.slot, v.target.hash.hex(), v.signature.hex()};
}

interfaces::SignedMessageRow voteRow(const Vote &v)
{
    return {v.slot, 0, v.blockHash.hex(), v.signature.hex()};
}

} // namespace

interfaces::SlashingSnapshot slashingSnapshot(const state::State &state, const consensus::ConsensusParams &params,
                                              const std::map<PublicKey, std::string> &authorityNames,
                                              std::int64_t nowMs, EvidenceChecks *checks)
{
    interfaces::SlashingSnapshot s;
    s.joined = true;
    s.chainTimeMs = nowMs;
    const auto nameOf = [&](const PublicKey &key) {
        const auto it = authorityNames.find(key);
        return it == authorityNames.end() ? std::string() : it->second;
    };
    state::StateRules genesis;
    genesis.staking = params.staking;
    const std::uint64_t filingSlots = state.rulesInForce(genesis).staking.appealFilingSlots;   // governance's, if set
    const auto &ids = state.caseIds();
    for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
        const auto c = state.slashCase(*id);
        if (!c)
            continue;
        interfaces::SlashCaseRow r;
        r.key = c->id.hex();
        r.offender = c->offender.hex();
        r.offenderName = nameOf(c->offender);
        r.authority = c->authority;
        r.offence = c->kind == state::CaseKind::Downtime     ? std::string("downtime")
                    : c->kind == state::CaseKind::EnergyData ? std::string("double-reading")
                                                             : std::string(toString(c->offence));
        r.dutiesMissed = c->dutiesMissed;
        r.dutiesCounted = c->dutiesCounted;
        r.reason = std::string(toString(c->reason));
        r.severity = std::string(toString(c->severity));
        r.priorCases = c->priorCases;
        r.tier = std::string(toString(c->tier));
        r.fractionBps = c->fractionBps;
        r.suspension = std::string(toString(c->suspension));
        r.governmentReview = c->governmentReview;
        r.infractionSlot = c->infractionSlot;
        r.infractionTimeMs = params.slotStartMs(c->infractionSlot);
        r.recordedSlot = c->recordedSlot;
        r.recordedTimeMs = params.slotStartMs(c->recordedSlot);
        r.filingDeadlineMs = params.slotStartMs(c->recordedSlot + filingSlots);
        r.communityDeadlineMs = c->appeal.communityDeadline ? params.slotStartMs(c->appeal.communityDeadline) : 0;
        r.executeSlot = c->executeSlot;
        r.executeTimeMs = params.slotStartMs(c->executeSlot);
        r.bannedForever = c->suspendedUntilSlot == state::kBannedForever;
        r.suspendedUntilMs = c->suspendedUntilSlot == 0 || r.bannedForever ? 0 : params.slotStartMs(c->suspendedUntilSlot);
        r.stakeAtInfractionMicroGt = c->stakeAtInfraction;
        r.amountMicroGt = c->amount;
        r.uncollectedMicroGt = c->uncollected;
        r.status = static_cast<interfaces::CaseStatus>(c->status);
        r.appealStage = static_cast<interfaces::AppealStage>(c->appeal.stage);
        r.upholdStakeMicroGt = c->appeal.upholdStake;
        r.overturnStakeMicroGt = c->appeal.overturnStake;
        r.courtCase = c->appeal.courtCase;
        const Evidence &e = c->evidence;
        if (c->kind == state::CaseKind::EnergyData) {
            const auto reading = [&](const energy::MeterReading &m) {
                return interfaces::SignedMessageRow{params.slotAt(m.timestampMs), 0, energy::readingId(m).hex(),
                                                    m.signature.hex()};
            };
            r.first = reading(c->readings.first);
            r.second = reading(c->readings.second);
        } else if (c->kind == state::CaseKind::Evidence) {
            switch (e.kind) {
            case OffenceKind::DoubleProposal:
                r.first = headerRow(e.headerA);
                r.second = headerRow(e.headerB);
                break;
            case OffenceKind::DoubleLinkVote:
            case OffenceKind::SurroundLinkVote:
                r.first = linkRow(e.linkA);
                r.second = linkRow(e.linkB);
                break;
            case OffenceKind::DoubleAttestation:
            case OffenceKind::DoubleEmergencyVote:
                r.first = voteRow(e.voteA);
                r.second = voteRow(e.voteB);
                break;
            }
        }
        // The auditor sees the node's own check, not the chain's word for it
        // (downtime's evidence is the chain's own record of the duties).
        const auto known = checks ? checks->find(c->id) : EvidenceChecks::iterator{};
        if (checks && known != checks->end()) {
            r.evidenceProblem = known->second;
        } else {
            Status verified = Status::success();
            if (c->kind == state::CaseKind::EnergyData) {
                verified = energy::verifyDuplicateReadingEvidence(params.networkId, c->readings, c->meterKey);
            } else if (c->kind == state::CaseKind::Evidence) {
                consensus::DirectVerifier verifier;
                verified = consensus::verifyConsensusEvidence(e, verifier);
            }
            if (!verified)
                r.evidenceProblem = verified.error().message;
            if (checks)
                checks->emplace(c->id, r.evidenceProblem);
        }
        r.evidenceVerified = r.evidenceProblem.empty();
        for (const auto &p : state.slashParts(*c))
            r.parts.push_back({p.party.hex(), p.validator.hex(), p.source == state::StakeSource::Unbonding, p.amount});
        for (const auto &t : state.appealTrail(*c))
            r.trail.push_back({static_cast<interfaces::AppealStage>(t.stage), std::string(toString(t.action)), t.slot,
                               params.slotStartMs(t.slot), t.by.isZero() ? std::string() : t.by.hex(), nameOf(t.by),
                               t.uphold, t.weight, t.text});
        s.cases.push_back(std::move(r));
    }
    return s;
}

} // namespace gtx::node
