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
// Each record is signed by the key that wrote it: an operator's key for a
// person's action, the node's key for the node's own (core/ledger/ledger.h,
// appendAudit). The hash covers the signer, the signature covers the hash,
// so a record cannot be rewritten, nor claimed by another key, without the
// writer's secret key. Ledger::verify() checks every signature. Records
// written before records were signed (schema version 5 and older) carry no
// signer; they may only come before the first signed record, and verify()
// counts them.
//
// The limit of a local chain: whoever holds the database key can drop the
// triggers, delete the newest N records and recreate the triggers as they
// were; what is left is a valid, shorter chain, which nothing local can
// tell from the original. Likewise, a whole trail can be rewritten and
// re-signed under keys of the attacker's own making: a signature proves
// which key wrote a record, not that the key is a legitimate operator's.
// Detecting that needs the audit head (count and hash) anchored outside
// this database, e.g. in signed checkpoints; that is future work.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"

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
    // The Ed25519 key that wrote the record; all zero for a record written
    // before records were signed.
    crypto::PublicKey signer;
    // auditHash(sequence, previousHash, signer, entry)
    crypto::Hash256 hash;
    // verify(signer, kAuditSignatureDomain, hash, signature); all zero for an
    // unsigned record.
    crypto::Signature signature;

    bool isSigned() const { return !signer.isZero(); }
    bool operator==(const AuditRecord &) const = default;
};

constexpr std::size_t kMaxAuditFieldBytes = 4096;
constexpr std::string_view kAuditSignatureDomain = "gtx/audit-record/v1";

// A signed record's hash:
//   hash("gtx/audit/v2", u64 sequence || previousHash || signer || encode(entry))
// an unsigned one's (a zero signer, schema version 5 and older):
//   hash("gtx/audit/v1", u64 sequence || previousHash || encode(entry))
crypto::Hash256 auditHash(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                          const crypto::PublicKey &signer, const AuditEntry &entry);

// The record of `entry` at `sequence` after `previousHash`, signed by `signer`.
AuditRecord signAuditRecord(std::uint64_t sequence, const crypto::Hash256 &previousHash,
                            const AuditEntry &entry, const crypto::KeyPair &signer);

// Why a record's hash or signature does not hold, or an empty string when
// both do. An unsigned record passes when its hash holds.
std::string auditRecordProblem(const AuditRecord &record);

// Why an entry cannot be recorded (a field over kMaxAuditFieldBytes, or no
// action), or an empty string when it can.
std::string auditEntryProblem(const AuditEntry &entry);

void encodeTo(codec::Writer &w, const AuditEntry &v);
void decodeFrom(codec::Reader &r, AuditEntry &v);

} // namespace gtx::ledger
