#pragma once

// Votes: a validator's signed statement about one block at one height,
// round and slot. Authorities precommit; stakers attest; the authority
// quorum signs emergency blocks.

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

void encodeTo(codec::Writer &w, VoteKind v);
void decodeFrom(codec::Reader &r, VoteKind &v);
void encodeTo(codec::Writer &w, const Vote &v);
void decodeFrom(codec::Reader &r, Vote &v);

} // namespace gtx
