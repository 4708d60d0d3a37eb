#pragma once

// Evidence of misbehaviour that anyone can check from the two signed
// messages alone: a proposer who signed two different headers for the same
// height and slot, or a validator who signed two different votes for the
// same kind, height, round and slot.
//
// Representation: `kind` plus the pair that kind uses. Only that pair is
// encoded; the other pair must stay default (verifyEvidence() rejects it
// otherwise), so an Evidence value has exactly one encoding. The pair is
// ordered (A's block hash below B's) so one offence has one encoding too.

#include "core/codec/codec.h"
#include "core/types/block_header.h"
#include "core/types/vote.h"

#include <cstdint>
#include <string_view>

namespace gtx {

enum class EvidenceKind : std::uint8_t {
    DoubleProposal = 0,
    DoubleVote = 1,
};
constexpr EvidenceKind kLastEvidenceKind = EvidenceKind::DoubleVote;

std::string_view toString(EvidenceKind kind);

// A header with its proposer's signature (domain "gtx/block/v1").
struct SignedHeader
{
    BlockHeader header;
    Signature signature;

    bool operator==(const SignedHeader &) const = default;
};

struct Evidence
{
    EvidenceKind kind = EvidenceKind::DoubleVote;
    // DoubleVote: the two conflicting votes.
    Vote voteA;
    Vote voteB;
    // DoubleProposal: the two conflicting signed headers.
    SignedHeader headerA;
    SignedHeader headerB;

    bool operator==(const Evidence &) const = default;
};

// Build evidence from two conflicting items, in canonical order.
Evidence makeDoubleVoteEvidence(const Vote &a, const Vote &b);
Evidence makeDoubleProposalEvidence(const SignedHeader &a, const SignedHeader &b);

// The key that misbehaved (the voter or the proposer).
PublicKey offender(const Evidence &evidence);
// hash("gtx/evidence/v1", encode(evidence)).
Hash256 evidenceId(const Evidence &evidence);

// Objective check from the two signed messages alone: same signer, same
// position (height/round/slot; for votes also the same kind), different
// content, canonical order, both signatures valid. Errors:
// "evidence.malformed", "evidence.different_signers",
// "evidence.different_position", "evidence.not_conflicting",
// "evidence.unordered", "evidence.bad_signature".
Status verifyEvidence(const Evidence &evidence);

// The smallest encoded Evidence (a double vote: kind and two votes).
constexpr std::size_t kMinEvidenceEncodedBytes = 1 + 2 * (1 + 8 + 4 + 8 + 32 + 32 + 64);

void encodeTo(codec::Writer &w, EvidenceKind v);
void decodeFrom(codec::Reader &r, EvidenceKind &v);
void encodeTo(codec::Writer &w, const SignedHeader &v);
void decodeFrom(codec::Reader &r, SignedHeader &v);
void encodeTo(codec::Writer &w, const Evidence &v);
void decodeFrom(codec::Reader &r, Evidence &v);

} // namespace gtx
