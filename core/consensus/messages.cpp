#include "core/consensus/messages.h"

#include "core/consensus/verifier.h"

#include <algorithm>

namespace gtx::consensus {

namespace {

bool wellFormed(const LinkVote &v)
{
    return v.source.slot < v.target.slot;
}

Status checkOnlyPair(const Evidence &e)
{
    const bool headers = e.headerA != SignedHeader{} || e.headerB != SignedHeader{};
    const bool links = e.linkA != LinkVote{} || e.linkB != LinkVote{};
    const bool votes = e.voteA != Vote{} || e.voteB != Vote{};
    bool ok = false;
    switch (e.kind) {
    case OffenceKind::DoubleProposal:
        ok = !links && !votes;
        break;
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        ok = !headers && !votes;
        break;
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        ok = !headers && !links;
        break;
    }
    if (!ok)
        return makeError("evidence.malformed", "The evidence carries messages its kind does not use.");
    return Status::success();
}

Status verifyDoubleProposal(const Evidence &e, SignatureVerifier &verifier)
{
    const BlockHeader &a = e.headerA.header;
    const BlockHeader &b = e.headerB.header;
    if (a.kind != BlockKind::Regular || b.kind != BlockKind::Regular)
        return makeError("evidence.malformed", "Double-proposal evidence must hold two regular block headers.");
    if (a.proposer != b.proposer)
        return makeError("evidence.different_signers", "The two headers were proposed by different keys.");
    if (a.slot != b.slot)
        return makeError("evidence.not_conflicting", "The two headers are for different slots.");
    const Hash256 ha = blockHash(a);
    const Hash256 hb = blockHash(b);
    if (ha == hb)
        return makeError("evidence.not_conflicting", "The two headers are the same block.");
    if (!(ha < hb))
        return makeError("evidence.unordered", "The two headers are not in canonical order.");
    if (!verifier.verify(a.proposer, kBlockSignatureDomain, ha.view(), e.headerA.signature)
        || !verifier.verify(b.proposer, kBlockSignatureDomain, hb.view(), e.headerB.signature))
        return makeError("evidence.bad_signature", "A proposer signature in the evidence does not verify.");
    return Status::success();
}

Status verifyLinkPair(const Evidence &e, SignatureVerifier &verifier)
{
    const LinkVote &a = e.linkA;
    const LinkVote &b = e.linkB;
    if (a.voter != b.voter)
        return makeError("evidence.different_signers", "The two votes are by different authorities.");
    if (!wellFormed(a) || !wellFormed(b))
        return makeError("evidence.malformed", "A vote's source is not before its target.");
    OffenceKind found{};
    if (!linkVotesConflict(a, b, &found) || found != e.kind)
        return makeError("evidence.not_conflicting",
                         std::string("The two votes are not a ") + std::string(toString(e.kind)) + ".");
    if (!(linkVoteContentId(a) < linkVoteContentId(b)))
        return makeError("evidence.unordered", "The two votes are not in canonical order.");
    if (!verifyLinkVote(a, verifier) || !verifyLinkVote(b, verifier))
        return makeError("evidence.bad_signature", "A vote signature in the evidence does not verify.");
    return Status::success();
}

Status verifyVotePair(const Evidence &e, SignatureVerifier &verifier)
{
    const Vote &a = e.voteA;
    const Vote &b = e.voteB;
    const VoteKind kind = e.kind == OffenceKind::DoubleAttestation ? VoteKind::StakeAttestation
                                                                    : VoteKind::Emergency;
    if (a.kind != kind || b.kind != kind)
        return makeError("evidence.malformed", "The votes are not of the kind the offence names.");
    if (a.voter != b.voter)
        return makeError("evidence.different_signers", "The two votes are by different validators.");
    const bool samePosition = kind == VoteKind::StakeAttestation
        ? a.slot == b.slot
        : (a.height == b.height && a.round == b.round);
    if (!samePosition)
        return makeError("evidence.not_conflicting", "The two votes are for different positions.");
    const Hash256 ia = voteContentId(a);
    const Hash256 ib = voteContentId(b);
    if (ia == ib)
        return makeError("evidence.not_conflicting", "The two votes are the same vote.");
    if (!(ia < ib))
        return makeError("evidence.unordered", "The two votes are not in canonical order.");
    if (!verifyVoteWith(a, verifier) || !verifyVoteWith(b, verifier))
        return makeError("evidence.bad_signature", "A vote signature in the evidence does not verify.");
    return Status::success();
}

} // namespace

// --- votes -------------------------------------------------------------------

bool verifyLinkVote(const LinkVote &vote, SignatureVerifier &verifier)
{
    return verifier.verify(vote.voter, kLinkVoteDomain, linkVoteSigningBytes(vote), vote.signature);
}

bool verifyVoteWith(const Vote &vote, SignatureVerifier &verifier)
{
    return verifier.verify(vote.voter, kVoteDomain, voteSigningBytes(vote), vote.signature);
}

Hash256 voteId(const Vote &vote)
{
    return crypto::hash("gtx/vote-id/v1", codec::encode(vote));
}

Signature randaoReveal(const crypto::KeyPair &key, std::uint32_t networkId, std::uint64_t epoch)
{
    codec::Writer w;
    w.u32(networkId);
    w.u64(epoch);
    return key.sign(kRandaoDomain, w.data());
}

bool verifyRandaoReveal(const PublicKey &key, std::uint32_t networkId, std::uint64_t epoch, const Signature &reveal,
                        SignatureVerifier &verifier)
{
    codec::Writer w;
    w.u32(networkId);
    w.u64(epoch);
    return verifier.verify(key, kRandaoDomain, w.data(), reveal);
}

// --- evidence ----------------------------------------------------------------

Status verifyConsensusEvidence(const Evidence &evidence, SignatureVerifier &verifier)
{
    GTX_TRY(checkOnlyPair(evidence));
    switch (evidence.kind) {
    case OffenceKind::DoubleProposal:
        return verifyDoubleProposal(evidence, verifier);
    case OffenceKind::DoubleLinkVote:
    case OffenceKind::SurroundLinkVote:
        return verifyLinkPair(evidence, verifier);
    case OffenceKind::DoubleAttestation:
    case OffenceKind::DoubleEmergencyVote:
        return verifyVotePair(evidence, verifier);
    }
    return makeError("evidence.malformed", "Unknown offence kind.");
}

// --- messages ----------------------------------------------------------------

Bytes encodeMessage(const Message &message)
{
    codec::Writer w;
    w.u8(static_cast<std::uint8_t>(message.index()));
    std::visit([&](const auto &body) { w.value(body); }, message);
    return w.take();
}

Result<Message> decodeMessage(ByteView bytes)
{
    if (bytes.size() > codec::kMaxEncodedBytes)
        return makeError("codec.too_large", "message: input exceeds the size limit");
    codec::Reader r(bytes);
    const MessageType type = r.enumeration(kLastMessageType, "message type");
    Message message;
    auto read = [&](auto body) {
        r.value(body);
        message = std::move(body);
    };
    if (r.ok()) {
        switch (type) {
        case MessageType::Proposal:
            read(Block{});
            break;
        case MessageType::LinkVote:
            read(LinkVote{});
            break;
        case MessageType::Vote:
            read(Vote{});
            break;
        case MessageType::EmergencyProposal:
            read(EmergencyBlock{});
            break;
        case MessageType::EmergencyCertified:
            read(EmergencyRecord{});
            break;
        case MessageType::Evidence:
            read(Evidence{});
            break;
        case MessageType::Transaction:
            read(Transaction{});
            break;
        case MessageType::BlockRequest:
            read(BlockRequest{});
            break;
        case MessageType::VotesRequest:
            read(VotesRequest{});
            break;
        case MessageType::BlockRangeRequest:
            read(BlockRangeRequest{});
            break;
        }
    }
    if (r.ok() && !r.atEnd())
        r.fail("trailing bytes after the message");
    if (!r.ok())
        return makeError("codec.malformed", "message: " + r.error());
    return message;
}

// --- codec -------------------------------------------------------------------

void encodeTo(codec::Writer &w, const BlockRequest &v)
{
    w.fixed(v.hash);
}

void decodeFrom(codec::Reader &r, BlockRequest &v)
{
    r.fixed(v.hash);
}

void encodeTo(codec::Writer &w, const VotesRequest &v)
{
    w.fixed(v.target);
}

void decodeFrom(codec::Reader &r, VotesRequest &v)
{
    r.fixed(v.target);
}

void encodeTo(codec::Writer &w, const BlockRangeRequest &v)
{
    w.u64(v.fromHeight);
    w.u32(v.count);
}

void decodeFrom(codec::Reader &r, BlockRangeRequest &v)
{
    v.fromHeight = r.u64();
    v.count = r.u32();
    if (r.ok() && (v.count == 0 || v.count > kMaxBlockRange))
        r.fail("block range count out of range");
}

} // namespace gtx::consensus
