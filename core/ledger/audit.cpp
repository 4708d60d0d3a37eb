#include "core/ledger/audit.h"

namespace gtx::ledger {

crypto::Hash256 auditHash(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                          const crypto::PublicKey &signer, const AuditEntry &entry)
{
    codec::Writer w;
    w.u64(sequence);
    w.fixed(previousHash);
    if (signer.isZero()) {
        encodeTo(w, entry);
        return crypto::hash("gtx/audit/v1", w.data());
    }
    w.fixed(signer);
    encodeTo(w, entry);
    return crypto::hash("gtx/audit/v2", w.data());
}

AuditRecord signAuditRecord(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                            const AuditEntry &entry, const crypto::KeyPair &signer)
{
    AuditRecord record;
    record.sequence = sequence;
    record.entry = entry;
    record.previousHash = previousHash;
    record.signer = signer.publicKey();
    record.hash = auditHash(sequence, previousHash, record.signer, entry);
    record.signature = signer.sign(kAuditSignatureDomain, record.hash.view());
    return record;
}

std::string auditRecordProblem(const AuditRecord &record)
{
    if (auditHash(record.sequence, record.previousHash, record.signer, record.entry)
        != record.hash)
        return "has been altered (its hash does not match its content)";
    if (!record.isSigned())
        return record.signature.isZero() ? "" : "carries a signature but no signer";
    if (!crypto::verify(record.signer, kAuditSignatureDomain, record.hash.view(),
                        record.signature))
        return "has a signature that does not verify under its signer's key "
               + record.signer.shortHex();
    return {};
}

void encodeTo(codec::Writer &w, const AuditEntry &v)
{
    w.i64(v.timeMs);
    w.string(v.actor);
    w.string(v.action);
    w.string(v.reason);
    w.string(v.details);
}

void decodeFrom(codec::Reader &r, AuditEntry &v)
{
    v.timeMs = r.i64();
    v.actor = r.string(kMaxAuditFieldBytes, "audit actor");
    v.action = r.string(kMaxAuditFieldBytes, "audit action");
    v.reason = r.string(kMaxAuditFieldBytes, "audit reason");
    v.details = r.string(kMaxAuditFieldBytes, "audit details");
}

std::string auditEntryProblem(const AuditEntry &entry)
{
    const auto tooLong = [](const std::string &field) {
        return field.size() > kMaxAuditFieldBytes;
    };
    if (tooLong(entry.actor))
        return "the actor is longer than " + std::to_string(kMaxAuditFieldBytes) + " bytes";
    if (tooLong(entry.action))
        return "the action is longer than " + std::to_string(kMaxAuditFieldBytes) + " bytes";
    if (tooLong(entry.reason))
        return "the reason is longer than " + std::to_string(kMaxAuditFieldBytes) + " bytes";
    if (tooLong(entry.details))
        return "the details are longer than " + std::to_string(kMaxAuditFieldBytes) + " bytes";
    if (entry.action.empty())
        return "the action is empty";
    return {};
}

} // namespace gtx::ledger
