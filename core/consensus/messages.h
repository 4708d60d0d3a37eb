#pragma once

// The consensus records and the messages nodes exchange (docs/protocol.md,
// "Votes", "Emergency override", "Evidence"). Everything is encoded with the
// canonical codec; every signature is domain separated.
//
//  - LinkVote: an authority's finality vote, a link from a justified source
//    checkpoint to a target checkpoint (Casper-FFG style).
//  - Stake attestation: a gtx::Vote of kind StakeAttestation for one block
//    (height, slot, hash); it covers the block and all its ancestors.
//  - Emergency vote: a gtx::Vote of kind Emergency for one emergency block;
//    height = the proposing authority's emergency sequence number, round =
//    the proposing authority's index in the authority list.
//  - ConsensusBlock: a block as proposed and gossiped. header.txRoot commits
//    to the transactions, header.evidenceRoot to the evidence, the carried
//    votes and attestations and the emergency records.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/block_header.h"
#include "core/types/certificate.h"
#include "core/types/evidence.h"
#include "core/types/grid_zone.h"
#include "core/types/transaction.h"
#include "core/types/vote.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gtx::consensus {

class SignatureVerifier;

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::string_view kLinkVoteDomain = "gtx/link-vote/v1";
constexpr std::string_view kRandaoDomain = "gtx/randao/v1";
constexpr std::string_view kEmergencyApprovalDomain = "gtx/emergency-approval/v1";
constexpr std::string_view kBlockRecordDomain = "gtx/block-record/v1";

// For unordered containers keyed by hashes (the bytes are uniform already).
struct Hash256Hasher
{
    std::size_t operator()(const Hash256 &h) const
    {
        std::size_t v = 0;
        for (std::size_t i = 0; i < sizeof(v); ++i)
            v = (v << 8) | h.bytes[i];
        return v;
    }
};

// A block named by its slot and hash.
struct Checkpoint
{
    std::uint64_t slot = 0;
    Hash256 hash;

    auto operator<=>(const Checkpoint &) const = default;
    bool operator==(const Checkpoint &) const = default;
};

struct LinkVote
{
    Checkpoint source;     // the highest justified block the voter knows
    Checkpoint target;     // the block proposed in the current slot
    PublicKey voter;
    Signature signature;   // over linkVoteSigningBytes(), domain "gtx/link-vote/v1"

    bool operator==(const LinkVote &) const = default;
};

Bytes linkVoteSigningBytes(const LinkVote &vote);
void signLinkVote(LinkVote &vote, const crypto::KeyPair &key);
bool verifyLinkVote(const LinkVote &vote, SignatureVerifier &verifier);
// hash over the whole vote, signature included.
Hash256 linkVoteId(const LinkVote &vote);

// Stake attestation and emergency votes are gtx::Vote; these go through the
// verifier (gtx::verifyVote always calls libsodium).
bool verifyVoteWith(const Vote &vote, SignatureVerifier &verifier);
Hash256 voteId(const Vote &vote);

// RANDAO reveal: the proposer's signature over the epoch number.
Signature randaoReveal(const crypto::KeyPair &key, std::uint64_t epoch);
bool verifyRandaoReveal(const PublicKey &key, std::uint64_t epoch, const Signature &reveal,
                        SignatureVerifier &verifier);

// --- emergency override ----------------------------------------------------

// A zone id meaning "every zone" (nationwide halt).
constexpr std::uint16_t kNationwideZoneId = 0xFFFF;
constexpr std::size_t kMaxOrderZones = 64;
constexpr std::size_t kMaxOrderLifts = 64;
constexpr std::size_t kMaxOrderApprovals = 8;
constexpr std::size_t kMaxOrderReasonBytes = 512;

struct OperatorApproval
{
    PublicKey operatorKey;
    Signature signature;   // over emergencyApprovalBytes(), domain "gtx/emergency-approval/v1"

    bool operator==(const OperatorApproval &) const = default;
};

// The payload of an EmergencyHalt or EmergencyResume transaction. The
// transaction's sender is the authority's node key; the approvals are from
// two (or more) of that authority's registered operators.
struct EmergencyOrder
{
    std::vector<GridZone> zones;        // kNationwideZoneId for all zones
    std::vector<Hash256> lifts;         // resume: ids of the halt orders lifted
    std::string reason;
    std::vector<OperatorApproval> approvals;

    bool operator==(const EmergencyOrder &) const = default;
};

// What each operator signs: the transaction's kind, sender, nonce and
// timestamp and the order without its approvals.
Bytes emergencyApprovalBytes(const Transaction &tx, const EmergencyOrder &order);
// Builds a signed order transaction (kind EmergencyHalt or EmergencyResume).
Transaction makeEmergencyOrder(TransactionKind kind, std::uint64_t nonce, std::int64_t timeMs,
                               EmergencyOrder order, const crypto::KeyPair &authorityKey,
                               const std::vector<const crypto::KeyPair *> &operatorKeys);

// An emergency block: one order, proposed by an authority out of slot.
// header.kind = Emergency, header.height = the proposer's emergency sequence
// number, header.txRoot = the Merkle root over the order.
struct EmergencyBlock
{
    BlockHeader header;
    Transaction order;
    Signature signature;   // the proposer's, domain "gtx/block/v1"

    bool operator==(const EmergencyBlock &) const = default;
};

// A certified emergency block, carried by regular blocks so the order is on
// every chain.
struct EmergencyRecord
{
    EmergencyBlock block;
    Certificate certificate;   // kind Emergency, a quorum of authority signatures

    bool operator==(const EmergencyRecord &) const = default;
};

// --- evidence ----------------------------------------------------------------

enum class OffenceKind : std::uint8_t {
    DoubleProposal = 0,       // two blocks signed by one proposer for one slot
    DoubleLinkVote = 1,       // two authority votes with the same target slot
    SurroundLinkVote = 2,     // s1 < s2 < t2 < t1
    DoubleAttestation = 3,    // two attestations for one slot
    DoubleEmergencyVote = 4,  // two emergency votes for one (proposer, sequence)
};
constexpr OffenceKind kLastOffenceKind = OffenceKind::DoubleEmergencyVote;
std::string_view toString(OffenceKind kind);

// Two signed messages that together prove an offence. Only the pair of the
// kind is set; the other pairs stay default. Pairs are in canonical order
// (the lower id first), so one offence has one encoding.
struct ConsensusEvidence
{
    OffenceKind kind = OffenceKind::DoubleLinkVote;
    SignedHeader headerA;
    SignedHeader headerB;
    LinkVote linkA;
    LinkVote linkB;
    Vote voteA;
    Vote voteB;

    bool operator==(const ConsensusEvidence &) const = default;
};

ConsensusEvidence makeDoubleProposal(const SignedHeader &a, const SignedHeader &b);
ConsensusEvidence makeLinkEvidence(OffenceKind kind, const LinkVote &a, const LinkVote &b);
ConsensusEvidence makeVoteEvidence(OffenceKind kind, const Vote &a, const Vote &b);

PublicKey offenderOf(const ConsensusEvidence &evidence);
Hash256 evidenceIdOf(const ConsensusEvidence &evidence);
// The offence's identity: kind, offender and position (slot, or target slot,
// or sequence). Two pieces of evidence of one offence share it.
Hash256 offenceKey(const ConsensusEvidence &evidence);

// True when the two link votes conflict (double or surround), in either order.
bool linkVotesConflict(const LinkVote &a, const LinkVote &b, OffenceKind *kind = nullptr);

// Objective check from the two signed messages alone. Whether the offender
// is an authority or validator is for the caller. Errors: "evidence.malformed",
// "evidence.different_signers", "evidence.not_conflicting", "evidence.unordered",
// "evidence.bad_signature".
Status verifyConsensusEvidence(const ConsensusEvidence &evidence, SignatureVerifier &verifier);

// --- blocks ------------------------------------------------------------------

constexpr std::size_t kMaxCarriedLinkVotes = 4096;
constexpr std::size_t kMaxCarriedAttestations = 16384;
constexpr std::size_t kMaxCarriedEvidence = 1024;
constexpr std::size_t kMaxCarriedEmergencyRecords = 256;

struct ConsensusBlock
{
    BlockHeader header;
    std::vector<Transaction> transactions;
    std::vector<ConsensusEvidence> evidence;
    std::vector<LinkVote> linkVotes;
    std::vector<Vote> attestations;
    std::vector<EmergencyRecord> emergencyRecords;
    Signature proposerSignature;   // over blockHash(header), domain "gtx/block/v1"

    bool operator==(const ConsensusBlock &) const = default;
};

Hash256 transactionsRoot(const std::vector<Transaction> &transactions);
Hash256 recordsRoot(const ConsensusBlock &block);

// --- messages ----------------------------------------------------------------

struct BlockRequest
{
    Hash256 hash;
    bool operator==(const BlockRequest &) const = default;
};

// Asks a peer for the authority votes it holds whose target is this block.
struct VotesRequest
{
    Hash256 target;
    bool operator==(const VotesRequest &) const = default;
};

enum class MessageType : std::uint8_t {
    Proposal = 0,
    LinkVote = 1,
    Vote = 2,               // stake attestation or emergency vote
    EmergencyProposal = 3,
    EmergencyCertified = 4,
    Evidence = 5,
    Transaction = 6,
    BlockRequest = 7,
    VotesRequest = 8,
};
constexpr MessageType kLastMessageType = MessageType::VotesRequest;

// Alternatives in MessageType order.
using Message = std::variant<ConsensusBlock, LinkVote, Vote, EmergencyBlock, EmergencyRecord,
                             ConsensusEvidence, Transaction, BlockRequest, VotesRequest>;

Bytes encodeMessage(const Message &message);
// Errors: "codec.malformed", "codec.too_large".
Result<Message> decodeMessage(ByteView bytes);

void encodeTo(codec::Writer &w, const Checkpoint &v);
void decodeFrom(codec::Reader &r, Checkpoint &v);
void encodeTo(codec::Writer &w, const LinkVote &v);
void decodeFrom(codec::Reader &r, LinkVote &v);
void encodeTo(codec::Writer &w, const OperatorApproval &v);
void decodeFrom(codec::Reader &r, OperatorApproval &v);
void encodeTo(codec::Writer &w, const EmergencyOrder &v);
void decodeFrom(codec::Reader &r, EmergencyOrder &v);
void encodeTo(codec::Writer &w, const EmergencyBlock &v);
void decodeFrom(codec::Reader &r, EmergencyBlock &v);
void encodeTo(codec::Writer &w, const EmergencyRecord &v);
void decodeFrom(codec::Reader &r, EmergencyRecord &v);
void encodeTo(codec::Writer &w, OffenceKind v);
void decodeFrom(codec::Reader &r, OffenceKind &v);
void encodeTo(codec::Writer &w, const ConsensusEvidence &v);
void decodeFrom(codec::Reader &r, ConsensusEvidence &v);
void encodeTo(codec::Writer &w, const ConsensusBlock &v);
void decodeFrom(codec::Reader &r, ConsensusBlock &v);
void encodeTo(codec::Writer &w, const BlockRequest &v);
void decodeFrom(codec::Reader &r, BlockRequest &v);
void encodeTo(codec::Writer &w, const VotesRequest &v);
void decodeFrom(codec::Reader &r, VotesRequest &v);

} // namespace gtx::consensus

