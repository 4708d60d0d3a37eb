#pragma once

// A certificate: the collected signatures of one vote (kind, height, round,
// slot, block hash) by many validators. Signatures are kept strictly sorted
// by signer, so a set of signers has exactly one encoding; decoding rejects
// unsorted or repeated signers. Whether the signers form a quorum is decided
// by consensus, which knows the validator set.

#include "core/codec/codec.h"
#include "core/types/vote.h"

#include <cstdint>
#include <vector>

namespace gtx {

constexpr std::size_t kMaxCertificateSignatures = 1024;

struct CertificateSignature
{
    PublicKey signer;
    Signature signature;    // the signer's vote signature

    bool operator==(const CertificateSignature &) const = default;
};

struct Certificate
{
    VoteKind kind = VoteKind::AuthorityPrecommit;
    std::uint64_t height = 0;
    std::uint32_t round = 0;
    std::uint64_t slot = 0;
    Hash256 blockHash;
    std::vector<CertificateSignature> signatures;   // strictly sorted by signer

    bool operator==(const Certificate &) const = default;
};

// The vote a certificate signature stands for.
Vote certificateVote(const Certificate &certificate, const CertificateSignature &entry);
// An empty certificate for the position (kind, height, round, slot, block) of `vote`.
Certificate certificateFor(const Vote &vote);
// True when the vote matches the certificate's kind, height, round, slot and block.
bool voteMatches(const Certificate &certificate, const Vote &vote);
// Adds a vote's signature in sorted position. Errors: "certificate.vote_mismatch",
// "certificate.duplicate_signer", "certificate.full".
Status addVote(Certificate &certificate, const Vote &vote);
// Sorted, no repeated signer, within the limit, every signature valid.
// Errors: "certificate.unsorted", "certificate.too_many", "certificate.bad_signature".
Status verifyCertificateSignatures(const Certificate &certificate);

void encodeTo(codec::Writer &w, const CertificateSignature &v);
void decodeFrom(codec::Reader &r, CertificateSignature &v);
void encodeTo(codec::Writer &w, const Certificate &v);
void decodeFrom(codec::Reader &r, Certificate &v);

} // namespace gtx
