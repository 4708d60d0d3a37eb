#include "core/types/vote.h"

namespace gtx {

namespace {

void encodeUnsigned(codec::Writer &w, const Vote &v)
{
    w.value(v.kind);
    w.u64(v.height);
    w.u32(v.round);
    w.u64(v.slot);
    w.fixed(v.blockHash);
    w.fixed(v.voter);
}

} // namespace

std::string_view toString(VoteKind kind)
{
    switch (kind) {
    case VoteKind::AuthorityPrecommit:
        return "authority-precommit";
    case VoteKind::StakeAttestation:
        return "stake-attestation";
    case VoteKind::Emergency:
        return "emergency";
    }
    return "unknown";
}

Bytes voteSigningBytes(const Vote &vote)
{
    codec::Writer w;
    encodeUnsigned(w, vote);
    return w.take();
}

void signVote(Vote &vote, const crypto::KeyPair &key)
{
    vote.voter = key.publicKey();
    vote.signature = key.sign(kVoteDomain, voteSigningBytes(vote));
}

bool verifyVote(const Vote &vote)
{
    return crypto::verify(vote.voter, kVoteDomain, voteSigningBytes(vote), vote.signature);
}

void encodeTo(codec::Writer &w, const Vote &v)
{
    encodeUnsigned(w, v);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, Vote &v)
{
    r.value(v.kind);
    v.height = r.u64();
    v.round = r.u32();
    v.slot = r.u64();
    r.fixed(v.blockHash);
    r.fixed(v.voter);
    r.fixed(v.signature);
}

// --- link votes ----------------------------------------------------------------

Bytes linkVoteSigningBytes(const LinkVote &vote)
{
    codec::Writer w;
    w.value(vote.source);
    w.value(vote.target);
    w.fixed(vote.voter);
    return w.take();
}

void signLinkVote(LinkVote &vote, const crypto::KeyPair &key)
{
    vote.voter = key.publicKey();
    vote.signature = key.sign(kLinkVoteDomain, linkVoteSigningBytes(vote));
}

Hash256 linkVoteId(const LinkVote &vote)
{
    return crypto::hash("gtx/link-vote-id/v1", codec::encode(vote));
}

void encodeTo(codec::Writer &w, const Checkpoint &v)
{
    w.u64(v.slot);
    w.fixed(v.hash);
}

void decodeFrom(codec::Reader &r, Checkpoint &v)
{
    v.slot = r.u64();
    r.fixed(v.hash);
}

void encodeTo(codec::Writer &w, const LinkVote &v)
{
    w.value(v.source);
    w.value(v.target);
    w.fixed(v.voter);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, LinkVote &v)
{
    r.value(v.source);
    r.value(v.target);
    r.fixed(v.voter);
    r.fixed(v.signature);
}

} // namespace gtx
