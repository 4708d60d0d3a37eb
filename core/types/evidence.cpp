#include "core/types/evidence.h"

namespace gtx {

namespace {

constexpr std::string_view kEvidenceDomain = "gtx/evidence/v1";

Status verifyDoubleVote(const Evidence &e)
{
    const Vote &a = e.voteA;
    const Vote &b = e.voteB;
    if (a.voter != b.voter)
        return makeError("evidence.different_signers",
                         "The two votes were signed by different validators.");
    if (a.kind != b.kind || a.height != b.height || a.round != b.round || a.slot != b.slot)
        return makeError("evidence.different_position",
                         "The two votes are for different kinds, heights, rounds or slots.");
    if (a.blockHash == b.blockHash)
        return makeError("evidence.not_conflicting", "The two votes are for the same block.");
    if (!(a.blockHash < b.blockHash))
        return makeError("evidence.unordered",
                         "The two votes are not in canonical order (lower block hash first).");
    if (!verifyVote(a) || !verifyVote(b))
        return makeError("evidence.bad_signature", "A vote signature in the evidence does not verify.");
    return Status::success();
}

Status verifyDoubleProposal(const Evidence &e)
{
    const BlockHeader &a = e.headerA.header;
    const BlockHeader &b = e.headerB.header;
    if (a.proposer != b.proposer)
        return makeError("evidence.different_signers",
                         "The two headers were proposed by different validators.");
    if (a.height != b.height || a.slot != b.slot)
        return makeError("evidence.different_position",
                         "The two headers are for different heights or slots.");
    const Hash256 hashA = blockHash(a);
    const Hash256 hashB = blockHash(b);
    if (hashA == hashB)
        return makeError("evidence.not_conflicting", "The two headers are the same block.");
    if (!(hashA < hashB))
        return makeError("evidence.unordered",
                         "The two headers are not in canonical order (lower block hash first).");
    if (!verifyHeaderSignature(a, e.headerA.signature) || !verifyHeaderSignature(b, e.headerB.signature))
        return makeError("evidence.bad_signature",
                         "A proposer signature in the evidence does not verify.");
    return Status::success();
}

} // namespace

std::string_view toString(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::DoubleProposal:
        return "double-proposal";
    case EvidenceKind::DoubleVote:
        return "double-vote";
    }
    return "unknown";
}

Evidence makeDoubleVoteEvidence(const Vote &a, const Vote &b)
{
    Evidence e;
    e.kind = EvidenceKind::DoubleVote;
    const bool swap = b.blockHash < a.blockHash;
    e.voteA = swap ? b : a;
    e.voteB = swap ? a : b;
    return e;
}

Evidence makeDoubleProposalEvidence(const SignedHeader &a, const SignedHeader &b)
{
    Evidence e;
    e.kind = EvidenceKind::DoubleProposal;
    const bool swap = blockHash(b.header) < blockHash(a.header);
    e.headerA = swap ? b : a;
    e.headerB = swap ? a : b;
    return e;
}

PublicKey offender(const Evidence &evidence)
{
    return evidence.kind == EvidenceKind::DoubleVote ? evidence.voteA.voter
                                                     : evidence.headerA.header.proposer;
}

Hash256 evidenceId(const Evidence &evidence)
{
    return crypto::hash(kEvidenceDomain, codec::encode(evidence));
}

Status verifyEvidence(const Evidence &evidence)
{
    switch (evidence.kind) {
    case EvidenceKind::DoubleVote:
        if (evidence.headerA != SignedHeader{} || evidence.headerB != SignedHeader{})
            return makeError("evidence.malformed", "Double-vote evidence must not carry headers.");
        return verifyDoubleVote(evidence);
    case EvidenceKind::DoubleProposal:
        if (evidence.voteA != Vote{} || evidence.voteB != Vote{})
            return makeError("evidence.malformed", "Double-proposal evidence must not carry votes.");
        return verifyDoubleProposal(evidence);
    }
    return makeError("evidence.malformed", "Unknown evidence kind.");
}

void encodeTo(codec::Writer &w, EvidenceKind v)
{
    w.enumeration(v);
}

void decodeFrom(codec::Reader &r, EvidenceKind &v)
{
    v = r.enumeration(kLastEvidenceKind, "evidence kind");
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
    if (v.kind == EvidenceKind::DoubleVote) {
        w.value(v.voteA);
        w.value(v.voteB);
    } else {
        w.value(v.headerA);
        w.value(v.headerB);
    }
}

void decodeFrom(codec::Reader &r, Evidence &v)
{
    v = Evidence{};
    r.value(v.kind);
    if (!r.ok())
        return;
    if (v.kind == EvidenceKind::DoubleVote) {
        r.value(v.voteA);
        r.value(v.voteB);
    } else {
        r.value(v.headerA);
        r.value(v.headerB);
    }
}

} // namespace gtx
