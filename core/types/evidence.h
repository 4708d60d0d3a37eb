#pragma once

// Evidence of misbehaviour that anyone can check from the two signed
// messages alone (docs/protocol.md, "Evidence"): two blocks signed by one
// proposer for one slot, two conflicting authority link votes (same target
// slot, or one surrounding the other), two stake attestations for one slot,
// or two emergency votes for one (proposer, sequence).
//
// Representation: `kind` plus the pair that kind uses. Only that pair is
// encoded; the other pairs must stay default (verification rejects them
// otherwise), so an Evidence value has exactly one encoding. Pairs are in
// canonical order (the lower content id first), so one offence has one
// encoding too. Verification needs the consensus SignatureVerifier and lives
// in core/consensus/messages.h (verifyConsensusEvidence()).

#include "core/codec/codec.h"
#include "core/types/block_header.h"
#include "core/types/vote.h"

#include <cstdint>
#include <string_view>

namespace gtx {

enum class OffenceKind : std::uint8_t {
    DoubleProposal = 0,       // two blocks signed by one proposer for one slot
    DoubleLinkVote = 1,       // two authority votes with the same target slot
    SurroundLinkVote = 2,     // s1 < s2 < t2 < t1
    DoubleAttestation = 3,    // two attestations for one slot
    DoubleEmergencyVote = 4,  // two emergency votes for one (proposer, sequence)
};
constexpr OffenceKind kLastOffenceKind = OffenceKind::DoubleEmergencyVote;
std::string_view toString(OffenceKind kind);

// A header with its proposer's signature (domain "gtx/block/v1").
struct SignedHeader
{
    BlockHeader header;
    Signature signature;

    bool operator==(const SignedHeader &) const = default;
};

// Two signed messages that together prove an offence. Only the pair of the
// kind is set; the other pairs stay default.
struct Evidence
{
    OffenceKind kind = OffenceKind::DoubleLinkVote;
    SignedHeader headerA;
    SignedHeader headerB;
    LinkVote linkA;
    LinkVote linkB;
    Vote voteA;
    Vote voteB;

    bool operator==(const Evidence &) const = default;
};

// Build evidence from two conflicting items, in canonical order.
Evidence makeDoubleProposal(const SignedHeader &a, const SignedHeader &b);
Evidence makeLinkEvidence(OffenceKind kind, const LinkVote &a, const LinkVote &b);
Evidence makeVoteEvidence(OffenceKind kind, const Vote &a, const Vote &b);

// The ids that order a pair: a vote's content without its signature.
Hash256 linkVoteContentId(const LinkVote &vote);
Hash256 voteContentId(const Vote &vote);

// The key that misbehaved (the voter or the proposer).
PublicKey offenderOf(const Evidence &evidence);
// hash("gtx/consensus-evidence/v1", encode(evidence)).
Hash256 evidenceIdOf(const Evidence &evidence);
// The offence's identity: kind, offender and position (slot, or target slot,
// or sequence). Two pieces of evidence of one offence share it.
Hash256 offenceKey(const Evidence &evidence);

// The slot an offence is dated by: the later of its two messages' slots
// (target slots for link votes). The evidence window counts from here.
std::uint64_t offenceSlot(const Evidence &evidence);

// True when the two link votes conflict (double or surround), in either order.
bool linkVotesConflict(const LinkVote &a, const LinkVote &b, OffenceKind *kind = nullptr);

// The smallest encoded Evidence (a vote pair: kind and two votes).
constexpr std::size_t kMinEvidenceEncodedBytes = 1 + 2 * kMinVoteEncodedBytes;

constexpr codec::EnumRange<OffenceKind> codecEnumRange(OffenceKind) { return {kLastOffenceKind, "offence kind"}; }
void encodeTo(codec::Writer &w, const SignedHeader &v);
void decodeFrom(codec::Reader &r, SignedHeader &v);
void encodeTo(codec::Writer &w, const Evidence &v);
void decodeFrom(codec::Reader &r, Evidence &v);

} // namespace gtx
