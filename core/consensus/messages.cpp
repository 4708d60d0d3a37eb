#include "core/consensus/messages.h"

#include "core/consensus/verifier.h"
#include "core/crypto/merkle.h"
#include "core/types/block.h"

#include <algorithm>

namespace gtx::consensus {

namespace {

constexpr std::size_t kMinVoteBytes = 1 + 8 + 4 + 8 + 32 + 32 + 64;
constexpr std::size_t kMinLinkVoteBytes = 2 * (8 + 32) + 32 + 64;

Hash256 contentId(const LinkVote &v)
{
    return crypto::hash("gtx/link-vote-content/v1", linkVoteSigningBytes(v));
}

Hash256 contentId(const Vote &v)
{
    return crypto::hash("gtx/vote-content/v1", voteSigningBytes(v));
}

bool wellFormed(const LinkVote &v)
{
    return v.source.slot < v.target.slot;
}

Status checkOnlyPair(const ConsensusEvidence &e)
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

Status verifyDoubleProposal(const ConsensusEvidence &e, SignatureVerifier &verifier)
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

Status verifyLinkPair(const ConsensusEvidence &e, SignatureVerifier &verifier)
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
    if (!(contentId(a) < contentId(b)))
        return makeError("evidence.unordered", "The two votes are not in canonical order.");
    if (!verifyLinkVote(a, verifier) || !verifyLinkVote(b, verifier))
        return makeError("evidence.bad_signature", "A vote signature in the evidence does not verify.");
    return Status::success();
}

Status verifyVotePair(const ConsensusEvidence &e, SignatureVerifier &verifier)
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
    const Hash256 ia = contentId(a);
    const Hash256 ib = contentId(b);
    if (ia == ib)
        return makeError("evidence.not_conflicting", "The two votes are the same vote.");
    if (!(ia < ib))
        return makeError("evidence.unordered", "The two votes are not in canonical order.");
    if (!verifyVoteWith(a, verifier) || !verifyVoteWith(b, verifier))
        return makeError("evidence.bad_signature", "A vote signature in the evidence does not verify.");
    return Status::success();
}

template<typename T>
void writeTagged(codec::Writer &w, std::uint8_t tag, const T &value)
{
    w.u8(tag);
    w.value(value);
}

} // namespace

// --- votes -------------------------------------------------------------------

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

bool verifyLinkVote(const LinkVote &vote, SignatureVerifier &verifier)
{
    return verifier.verify(vote.voter, kLinkVoteDomain, linkVoteSigningBytes(vote), vote.signature);
}

Hash256 linkVoteId(const LinkVote &vote)
{
    return crypto::hash("gtx/link-vote-id/v1", codec::encode(vote));
}

bool verifyVoteWith(const Vote &vote, SignatureVerifier &verifier)
{
    return verifier.verify(vote.voter, kVoteDomain, voteSigningBytes(vote), vote.signature);
}

Hash256 voteId(const Vote &vote)
{
    return crypto::hash("gtx/vote-id/v1", codec::encode(vote));
}

Signature randaoReveal(const crypto::KeyPair &key, std::uint64_t epoch)
{
    codec::Writer w;
    w.u64(epoch);
    return key.sign(kRandaoDomain, w.data());
}

bool verifyRandaoReveal(const PublicKey &key, std::uint64_t epoch, const Signature &reveal,
                        SignatureVerifier &verifier)
{
    codec::Writer w;
    w.u64(epoch);
    return verifier.verify(key, kRandaoDomain, w.data(), reveal);
}

// --- emergency ---------------------------------------------------------------

Bytes emergencyApprovalBytes(const Transaction &tx, const EmergencyOrder &order)
{
    codec::Writer w;
    w.value(tx.kind);
    w.fixed(tx.sender);
    w.u64(tx.nonce);
    w.i64(tx.timestampMs);
    w.list(order.zones);
    w.u32(static_cast<std::uint32_t>(order.lifts.size()));
    for (const auto &id : order.lifts)
        w.fixed(id);
    w.string(order.reason);
    return w.take();
}

Transaction makeEmergencyOrder(TransactionKind kind, std::uint64_t nonce, std::int64_t timeMs,
                               EmergencyOrder order, const crypto::KeyPair &authorityKey,
                               const std::vector<const crypto::KeyPair *> &operatorKeys)
{
    Transaction tx;
    tx.kind = kind;
    tx.nonce = nonce;
    tx.sender = authorityKey.publicKey();
    tx.timestampMs = timeMs;
    order.approvals.clear();
    const Bytes approvalBytes = emergencyApprovalBytes(tx, order);
    for (const auto *op : operatorKeys)
        order.approvals.push_back({op->publicKey(), op->sign(kEmergencyApprovalDomain, approvalBytes)});
    tx.payload = codec::encode(order);
    signTransaction(tx, authorityKey);
    return tx;
}

// --- evidence ----------------------------------------------------------------

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

ConsensusEvidence makeDoubleProposal(const SignedHeader &a, const SignedHeader &b)
{
    ConsensusEvidence e;
    e.kind = OffenceKind::DoubleProposal;
    const bool swap = blockHash(b.header) < blockHash(a.header);
    e.headerA = swap ? b : a;
    e.headerB = swap ? a : b;
    return e;
}

ConsensusEvidence makeLinkEvidence(OffenceKind kind, const LinkVote &a, const LinkVote &b)
{
    ConsensusEvidence e;
    e.kind = kind;
    const bool swap = contentId(b) < contentId(a);
    e.linkA = swap ? b : a;
    e.linkB = swap ? a : b;
    return e;
}

ConsensusEvidence makeVoteEvidence(OffenceKind kind, const Vote &a, const Vote &b)
{
    ConsensusEvidence e;
    e.kind = kind;
    const bool swap = contentId(b) < contentId(a);
    e.voteA = swap ? b : a;
    e.voteB = swap ? a : b;
    return e;
}

PublicKey offenderOf(const ConsensusEvidence &e)
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

Hash256 evidenceIdOf(const ConsensusEvidence &evidence)
{
    return crypto::hash("gtx/consensus-evidence/v1", codec::encode(evidence));
}

Hash256 offenceKey(const ConsensusEvidence &e)
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

Status verifyConsensusEvidence(const ConsensusEvidence &evidence, SignatureVerifier &verifier)
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

// --- blocks ------------------------------------------------------------------

Hash256 transactionsRoot(const std::vector<Transaction> &transactions)
{
    std::vector<Hash256> leaves;
    leaves.reserve(transactions.size());
    for (const auto &tx : transactions)
        leaves.push_back(crypto::merkleLeafHash(codec::encode(tx)));
    return crypto::merkleRoot(leaves);
}

Hash256 recordsRoot(const ConsensusBlock &block)
{
    std::vector<Hash256> leaves;
    leaves.reserve(block.evidence.size() + block.linkVotes.size() + block.attestations.size()
                   + block.emergencyRecords.size());
    auto add = [&](auto tag, const auto &item) {
        codec::Writer one;
        writeTagged(one, tag, item);
        leaves.push_back(crypto::merkleLeafHash(one.data()));
    };
    for (const auto &e : block.evidence)
        add(std::uint8_t{0}, e);
    for (const auto &v : block.linkVotes)
        add(std::uint8_t{1}, v);
    for (const auto &v : block.attestations)
        add(std::uint8_t{2}, v);
    for (const auto &r : block.emergencyRecords)
        add(std::uint8_t{3}, r);
    return crypto::merkleRoot(leaves);
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
            read(ConsensusBlock{});
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
            read(ConsensusEvidence{});
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
        }
    }
    if (r.ok() && !r.atEnd())
        r.fail("trailing bytes after the message");
    if (!r.ok())
        return makeError("codec.malformed", "message: " + r.error());
    return message;
}

// --- codec -------------------------------------------------------------------

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

void encodeTo(codec::Writer &w, const OperatorApproval &v)
{
    w.fixed(v.operatorKey);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, OperatorApproval &v)
{
    r.fixed(v.operatorKey);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const EmergencyOrder &v)
{
    w.list(v.zones);
    w.u32(static_cast<std::uint32_t>(v.lifts.size()));
    for (const auto &id : v.lifts)
        w.fixed(id);
    w.string(v.reason);
    w.list(v.approvals);
}

void decodeFrom(codec::Reader &r, EmergencyOrder &v)
{
    r.list(v.zones, kMaxOrderZones, "order zones", 2);
    const std::uint32_t lifts = r.u32();
    if (r.ok() && (lifts > kMaxOrderLifts || lifts > r.remaining() / 32)) {
        r.fail("order lifts more halts than its limit of " + std::to_string(kMaxOrderLifts));
        return;
    }
    v.lifts.assign(r.ok() ? lifts : 0, Hash256{});
    for (auto &id : v.lifts)
        r.fixed(id);
    v.reason = r.string(kMaxOrderReasonBytes, "order reason");
    r.list(v.approvals, kMaxOrderApprovals, "order approvals", 96);
}

void encodeTo(codec::Writer &w, const EmergencyBlock &v)
{
    w.value(v.header);
    w.value(v.order);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, EmergencyBlock &v)
{
    r.value(v.header);
    r.value(v.order);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const EmergencyRecord &v)
{
    w.value(v.block);
    w.value(v.certificate);
}

void decodeFrom(codec::Reader &r, EmergencyRecord &v)
{
    r.value(v.block);
    r.value(v.certificate);
}

void encodeTo(codec::Writer &w, OffenceKind v)
{
    w.enumeration(v);
}

void decodeFrom(codec::Reader &r, OffenceKind &v)
{
    v = r.enumeration(kLastOffenceKind, "offence kind");
}

void encodeTo(codec::Writer &w, const ConsensusEvidence &v)
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

void decodeFrom(codec::Reader &r, ConsensusEvidence &v)
{
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

void encodeTo(codec::Writer &w, const ConsensusBlock &v)
{
    w.value(v.header);
    w.list(v.transactions);
    w.list(v.evidence);
    w.list(v.linkVotes);
    w.list(v.attestations);
    w.list(v.emergencyRecords);
    w.fixed(v.proposerSignature);
}

void decodeFrom(codec::Reader &r, ConsensusBlock &v)
{
    r.value(v.header);
    r.list(v.transactions, kMaxBlockTransactions, "block transactions", kMinTransactionEncodedBytes);
    r.list(v.evidence, kMaxCarriedEvidence, "block evidence", 1 + 2 * kMinVoteBytes);
    r.list(v.linkVotes, kMaxCarriedLinkVotes, "block link votes", kMinLinkVoteBytes);
    r.list(v.attestations, kMaxCarriedAttestations, "block attestations", kMinVoteBytes);
    r.list(v.emergencyRecords, kMaxCarriedEmergencyRecords, "block emergency records", 256);
    r.fixed(v.proposerSignature);
}

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

} // namespace gtx::consensus
