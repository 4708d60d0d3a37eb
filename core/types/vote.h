#pragma once

// Votes: a validator's signed statement about one block at one height,
// round and slot. Authorities precommit; stakers attest; the authority
// quorum signs emergency blocks. Also the authorities' finality votes
// (LinkVote, from a source checkpoint to a target checkpoint).

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"

#include <cstdint>
#include <string_view>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

enum class VoteKind : std::uint8_t {
    AuthorityPrecommit = 0,
    StakeAttestation = 1,
    Emergency = 2,
};
constexpr VoteKind kLastVoteKind = VoteKind::Emergency;

std::string_view toString(VoteKind kind);

constexpr std::string_view kVoteDomain = "gtx/vote/v1";

struct Vote
{
    VoteKind kind = VoteKind::AuthorityPrecommit;
    std::uint64_t height = 0;
    std::uint32_t round = 0;
    std::uint64_t slot = 0;
    Hash256 blockHash;       // the block voted for
    PublicKey voter;
    Signature signature;     // voter's, over voteSigningBytes(), domain "gtx/vote/v1"

    bool operator==(const Vote &) const = default;
};

// The encoding of every field except the signature.
Bytes voteSigningBytes(const Vote &vote);
// Sets vote.voter to the key's public key and signs.
void signVote(Vote &vote, const crypto::KeyPair &key);
bool verifyVote(const Vote &vote);

// --- link votes ------------------------------------------------------------

constexpr std::string_view kLinkVoteDomain = "gtx/link-vote/v1";

// A block named by its slot and hash.
struct Checkpoint
{
    std::uint64_t slot = 0;
    Hash256 hash;

    auto operator<=>(const Checkpoint &) const = default;
    bool operator==(const Checkpoint &) const = default;
};

// An authority's finality vote: a link from a justified source checkpoint to
// a target checkpoint (docs/protocol.md, "Votes"). Verified through the
// consensus SignatureVerifier (core/consensus/messages.h, verifyLinkVote()).
struct LinkVote
{
    Checkpoint source;     // the highest justified block the voter knows
    Checkpoint target;     // the block proposed in the current slot
    PublicKey voter;
    Signature signature;   // over linkVoteSigningBytes(), domain "gtx/link-vote/v1"

    bool operator==(const LinkVote &) const = default;
};

// The encoded sizes of a Vote and a LinkVote (all fields are fixed size).
constexpr std::size_t kMinVoteEncodedBytes = 1 + 8 + 4 + 8 + 32 + 32 + 64;
constexpr std::size_t kMinLinkVoteEncodedBytes = 2 * (8 + 32) + 32 + 64;

Bytes linkVoteSigningBytes(const LinkVote &vote);
void signLinkVote(LinkVote &vote, const crypto::KeyPair &key);
// hash over the whole vote, signature included.
Hash256 linkVoteId(const LinkVote &vote);

void encodeTo(codec::Writer &w, const Checkpoint &v);
void decodeFrom(codec::Reader &r, Checkpoint &v);
void encodeTo(codec::Writer &w, const LinkVote &v);
void decodeFrom(codec::Reader &r, LinkVote &v);

constexpr codec::EnumRange<VoteKind> codecEnumRange(VoteKind) { return {kLastVoteKind, "vote kind"}; }
void encodeTo(codec::Writer &w, const Vote &v);
void decodeFrom(codec::Reader &r, Vote &v);

} // namespace gtx
