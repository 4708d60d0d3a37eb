#include "core/types/evidence.h"

#include <algorithm>

namespace gtx {

std::string_view toString(OffenceKind kind)
{
    switch (kind) {
    case OffenceKind::DoubleProposal:
        return "double-proposal";
    case OffenceKind::DoubleLinkVote:
        return "double-vote";
    case OffenceKind::SurroundLinkVote:
        return "surround-vote";
    case OffenceKind::DoubleAttestation:
        return "double-attestation";
    case OffenceKind::DoubleEmergencyVote:
        return "double-emergency-vote";
    }
    return "unknown";
}

Hash256 linkVoteContentId(const LinkVote &vote)
{
    return crypto::hash("gtx/link-vote-content/v1", linkVoteSigningBytes(vote));
}

Hash256 voteContentId(const Vote &vote)
{
    return crypto::hash("gtx/vote-content/v1", voteSigningBytes(vote));
}

bool linkVotesConflict(const LinkVote &a, const LinkVote &b, OffenceKind *kind)
{
    if (a.voter != b.voter || a == b)
        return false;
    if (a.target.slot == b.target.slot) {
        if (linkVoteSigningBytes(a) == linkVoteSigningBytes(b))
            return false;   // the same vote with another signature encoding
        if (kind)
            *kind = OffenceKind::DoubleLinkVote;
        return true;
    }
    const bool aSurroundsB = a.source.slot < b.source.slot && b.target.slot < a.target.slot;
    const bool bSurroundsA = b.source.slot < a.source.slot && a.target.slot < b.target.slot;
    if (aSurroundsB || bSurroundsA) {
        if (kind)
            *kind = OffenceKind::SurroundLinkVote;
        return true;
    }
    return false;
}

Evidence makeDoubleProposal(const SignedHeader &a, const SignedHeader &b)
{
    Evidence e;
    e.kind = OffenceKind::DoubleProposal;
    const bool swap = blockHash(b.header) < blockHash(a.header);
    e.headerA = swap ? b : a;
    e.headerB = swap ? a : b;
    return e;
}

Evidence makeLinkEvidence(OffenceKind kind, const LinkVote &a, const LinkVote &b)
{
    Evidence e;
    e.kind = kind;
    const bool swap = linkVoteContentId(b) < linkVoteContentId(a);
    e.linkA = swap ? b : a;
    e.linkB = swap ? a : b;
    return e;
}

Evidence makeVoteEvidence(OffenceKind kind, const Vote &a, const Vote &b)
{
    Evidence e;
    e.kind = kind;
    const bool swap = voteContentId(b) < voteContentId(a);
    e.voteA = swap ? b : a;
    e.voteB = swap ? a : b;
    return e;
}

PublicKey offenderOf(const Evidence &e)
{
    switch (e.kind) {
    case OffenceKind::DoubleProposal:
        return e.headerA.header.proposer;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        return e.linkA.voter;
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        return e.voteA.voter;
    }
    return {};
}

Hash256 evidenceIdOf(const Evidence &evidence)
{
    return crypto::hash("gtx/consensus-evidence/v1", codec::encode(evidence));
}

std::uint64_t offenceSlot(const Evidence &e)
{
    switch (e.kind) {
    case OffenceKind::DoubleProposal:
        return e.headerA.header.slot;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        return std::max(e.linkA.target.slot, e.linkB.target.slot);
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        return std::max(e.voteA.slot, e.voteB.slot);
    }
    return 0;
}

Hash256 offenceKey(const Evidence &e)
{
    codec::Writer w;
    w.value(e.kind);
    w.fixed(offenderOf(e));
    switch (e.kind) {
    case OffenceKind::DoubleProposal:
        w.u64(e.headerA.header.slot);
        break;
    case OffenceKind::DoubleLinkVote:
        w.u64(e.linkA.target.slot);
        break;
    case OffenceKind::SurroundLinkVote:
        w.u64(std::min(e.linkA.target.slot, e.linkB.target.slot));
        w.u64(std::max(e.linkA.target.slot, e.linkB.target.slot));
        break;
    case OffenceKind::DoubleAttestation:
        w.u64(e.voteA.slot);
        break;
    case OffenceKind::DoubleEmergencyVote:
        w.u64(e.voteA.height);
        w.u32(e.voteA.round);
        break;
    }
    return crypto::hash("gtx/offence/v1", w.data());
}

void encodeTo(codec::Writer &w, const SignedHeader &v)
{
    w.value(v.header);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, SignedHeader &v)
{
    r.value(v.header);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const Evidence &v)
{
    w.value(v.kind);
    switch (v.kind) {
    case OffenceKind::DoubleProposal:
        w.value(v.headerA);
        w.value(v.headerB);
        break;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        w.value(v.linkA);
        w.value(v.linkB);
        break;
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        w.value(v.voteA);
        w.value(v.voteB);
        break;
    }
}

void decodeFrom(codec::Reader &r, Evidence &v)
{
    v = Evidence{};
    r.value(v.kind);
    if (!r.ok())
        return;
    switch (v.kind) {
    case OffenceKind::DoubleProposal:
        r.value(v.headerA);
        r.value(v.headerB);
        break;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        r.value(v.linkA);
        r.value(v.linkB);
        break;
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        r.value(v.voteA);
        r.value(v.voteB);
        break;
    }
}

} // namespace gtx
