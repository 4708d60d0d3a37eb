#include "core/types/certificate.h"

#include <algorithm>

namespace gtx {

namespace {

bool strictlySorted(const std::vector<CertificateSignature> &signatures)
{
    for (std::size_t i = 1; i < signatures.size(); ++i)
        if (!(signatures[i - 1].signer < signatures[i].signer))
            return false;
    return true;
}

} // namespace

Certificate certificateFor(const Vote &vote)
{
    Certificate c;
    c.kind = vote.kind;
    c.height = vote.height;
    c.round = vote.round;
    c.slot = vote.slot;
    c.blockHash = vote.blockHash;
    return c;
}

Vote certificateVote(const Certificate &certificate, const CertificateSignature &entry)
{
    Vote vote;
    vote.kind = certificate.kind;
    vote.height = certificate.height;
    vote.round = certificate.round;
    vote.slot = certificate.slot;
    vote.blockHash = certificate.blockHash;
    vote.voter = entry.signer;
    vote.signature = entry.signature;
    return vote;
}

bool voteMatches(const Certificate &certificate, const Vote &vote)
{
    return vote.kind == certificate.kind && vote.height == certificate.height
        && vote.round == certificate.round && vote.slot == certificate.slot
        && vote.blockHash == certificate.blockHash;
}

Status addVote(Certificate &certificate, const Vote &vote)
{
    if (!voteMatches(certificate, vote))
        return makeError("certificate.vote_mismatch",
                         "The vote is for a different block, height, round or slot than the certificate.");
    auto &sigs = certificate.signatures;
    const auto pos = std::lower_bound(sigs.begin(), sigs.end(), vote.voter,
                                      [](const CertificateSignature &s, const PublicKey &key) {
                                          return s.signer < key;
                                      });
    if (pos != sigs.end() && pos->signer == vote.voter)
        return makeError("certificate.duplicate_signer",
                         "The certificate already holds a signature from validator "
                             + vote.voter.shortHex() + ".");
    if (sigs.size() >= kMaxCertificateSignatures)
        return makeError("certificate.full", "The certificate already holds the maximum number of signatures.");
    sigs.insert(pos, CertificateSignature{vote.voter, vote.signature});
    return Status::success();
}

Status verifyCertificateSignatures(const Certificate &certificate)
{
    if (certificate.signatures.size() > kMaxCertificateSignatures)
        return makeError("certificate.too_many", "The certificate holds more signatures than allowed.");
    if (!strictlySorted(certificate.signatures))
        return makeError("certificate.unsorted",
                         "The certificate's signers are not strictly sorted (unsorted or repeated).");
    for (const auto &entry : certificate.signatures) {
        if (!verifyVote(certificateVote(certificate, entry)))
            return makeError("certificate.bad_signature",
                             "The certificate signature of validator " + entry.signer.shortHex()
                                 + " does not verify.");
    }
    return Status::success();
}

void encodeTo(codec::Writer &w, const CertificateSignature &v)
{
    w.fixed(v.signer);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, CertificateSignature &v)
{
    r.fixed(v.signer);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const Certificate &v)
{
    w.value(v.kind);
    w.u64(v.height);
    w.u32(v.round);
    w.u64(v.slot);
    w.fixed(v.blockHash);
    w.list(v.signatures);
}

void decodeFrom(codec::Reader &r, Certificate &v)
{
    r.value(v.kind);
    v.height = r.u64();
    v.round = r.u32();
    v.slot = r.u64();
    r.fixed(v.blockHash);
    r.list(v.signatures, kMaxCertificateSignatures, "certificate signatures",
           PublicKey::size() + Signature::size());
    if (r.ok() && !strictlySorted(v.signatures))
        r.fail("certificate signers are not strictly sorted");
}

} // namespace gtx
