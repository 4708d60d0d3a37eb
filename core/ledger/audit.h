#pragma once

// The append-only, hash-chained audit trail: who did what, when and why.
// Each record's hash covers its predecessor's hash, so removing or editing a
// record breaks the chain from that point on (Ledger::verify() finds it).
// Triggers in the database refuse UPDATE and DELETE of records and any
// INSERT other than the next sequence number on the last hash (INSERT OR
// REPLACE would otherwise delete and rewrite a record without firing the
// DELETE trigger), and Ledger::verify() checks that they (and the audit
// table) are exactly the ledger's own.
//
// The limit of a local chain: whoever holds the database key can drop the
// triggers, delete the newest N records and recreate the triggers as they
// were; what is left is a valid, shorter chain, which nothing local can
// tell from the original. Detecting that needs the audit head (count and
// hash) anchored outside this database, e.g. in signed checkpoints; that is
// future work.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"

#include <cstdint>
#include <string>

namespace gtx::ledger {

struct AuditEntry
{
    std::int64_t timeMs = 0;   // UTC milliseconds since 1970
    std::string actor;         // operator id or node key (hex) that acted
    std::string action;        // stable machine name, e.g. "ledger.created", "emergency.halt"
    std::string reason;        // the operator's stated reason (free text)
    std::string details;       // further facts, e.g. "zones=BKK,NON"

    bool operator==(const AuditEntry &) const = default;
};

struct AuditRecord
{
    std::uint64_t sequence = 0;     // 1, 2, 3, ...
    AuditEntry entry;
    crypto::Hash256 previousHash;   // zero for the first record
    // hash("gtx/audit/v1", u64 sequence || previousHash || encode(entry))
    crypto::Hash256 hash;

    bool operator==(const AuditRecord &) const = default;
};

constexpr std::size_t kMaxAuditFieldBytes = 4096;

crypto::Hash256 auditHash(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                          const AuditEntry &entry);

// Why an entry cannot be recorded (a field over kMaxAuditFieldBytes, or no
// action), or an empty string when it can.
std::string auditEntryProblem(const AuditEntry &entry);

void encodeTo(codec::Writer &w, const AuditEntry &v);
void decodeFrom(codec::Reader &r, AuditEntry &v);

} // namespace gtx::ledger
