#include "core/ledger/audit.h"

namespace gtx::ledger {

crypto::Hash256 auditHash(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                          const AuditEntry &entry)
{
    codec::Writer w;
    w.u64(sequence);
    w.fixed(previousHash);
    encodeTo(w, entry);
    return crypto::hash("gtx/audit/v1", w.data());
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
