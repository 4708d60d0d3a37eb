#pragma once

// The consensus records and the messages nodes exchange (docs/protocol.md,
// "Votes", "Emergency override", "Evidence"). Everything is encoded with the
// canonical codec; every signature is domain separated.
//
//  - LinkVote (core/types/vote.h): an authority's finality vote, a link from
//    a justified source checkpoint to a target checkpoint (Casper-FFG style).
//  - Stake attestation: a gtx::Vote of kind StakeAttestation for one block
//    (height, slot, hash); it covers the block and all its ancestors.
//  - Emergency vote: a gtx::Vote of kind Emergency for one emergency block;
//    height = the proposing authority's emergency sequence number, round =
//    the proposing authority's index in the authority list.
//  - Block (core/types/block.h): a block as proposed, gossiped and stored.
//  - Evidence (core/types/evidence.h) and the emergency records
//    (core/types/emergency.h); evidence is verified here.

#include "core/crypto/signature_verifier.h"
#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/block.h"
#include "core/types/emergency.h"
#include "core/types/evidence.h"
#include "core/types/transaction.h"
#include "core/types/vote.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gtx::consensus {

using SignatureVerifier = crypto::SignatureVerifier;

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::string_view kRandaoDomain = "gtx/randao/v1";
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

// A link vote's signature, through the verifier (signLinkVote() and
// linkVoteSigningBytes() are in core/types/vote.h).
bool verifyLinkVote(const LinkVote &vote, SignatureVerifier &verifier);

// Stake attestation and emergency votes are gtx::Vote; these go through the
// verifier (gtx::verifyVote always calls libsodium).
bool verifyVoteWith(const Vote &vote, SignatureVerifier &verifier);
Hash256 voteId(const Vote &vote);

// RANDAO reveal: the proposer's signature over the network id and the
// epoch number (a reveal from one network is worthless on another).
Signature randaoReveal(const crypto::KeyPair &key, std::uint32_t networkId, std::uint64_t epoch);
bool verifyRandaoReveal(const PublicKey &key, std::uint32_t networkId, std::uint64_t epoch, const Signature &reveal,
                        SignatureVerifier &verifier);

// --- evidence ----------------------------------------------------------------

// Objective check from the two signed messages alone. Whether the offender
// is an authority or validator is for the caller. Errors: "evidence.malformed",
// "evidence.different_signers", "evidence.not_conflicting", "evidence.unordered",
// "evidence.bad_signature".
Status verifyConsensusEvidence(const Evidence &evidence, SignatureVerifier &verifier);

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

// Block sync (docs/protocol.md, "Block sync"): asks a peer for up to
// `count` blocks of its chain from `fromHeight` up, sent back in height
// order as Proposal messages (their finality proofs are the link votes the
// later blocks carry).
struct BlockRangeRequest
{
    std::uint64_t fromHeight = 0;
    std::uint32_t count = 0;   // at most kMaxBlockRange
    bool operator==(const BlockRangeRequest &) const = default;
};
constexpr std::uint32_t kMaxBlockRange = 64;

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
    BlockRangeRequest = 9,
};
constexpr MessageType kLastMessageType = MessageType::BlockRangeRequest;

// Alternatives in MessageType order.
using Message = std::variant<Block, LinkVote, Vote, EmergencyBlock, EmergencyRecord, Evidence,
                             Transaction, BlockRequest, VotesRequest, BlockRangeRequest>;

Bytes encodeMessage(const Message &message);
// Errors: "codec.malformed", "codec.too_large".
Result<Message> decodeMessage(ByteView bytes);

void encodeTo(codec::Writer &w, const BlockRequest &v);
void decodeFrom(codec::Reader &r, BlockRequest &v);
void encodeTo(codec::Writer &w, const VotesRequest &v);
void decodeFrom(codec::Reader &r, VotesRequest &v);
void encodeTo(codec::Writer &w, const BlockRangeRequest &v);
void decodeFrom(codec::Reader &r, BlockRangeRequest &v);

} // namespace gtx::consensus

