#pragma once

// Reading the audit trail for the console (interfaces::AuditView): which
// records a filter matches, and a page of matches found by reading the
// trail backwards in batches.
//
// A query reads at most kMaxAuditScan records; when it stops there before
// the page is full, the page says where to go on (nextBefore), so that a
// filter that matches little in a trail of years never holds the ledger for
// long. The trail has no index by actor, action or zone yet: each page is a
// scan.

#include "core/ledger/audit.h"
#include "core/node/interface.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace gtx::node {

inline constexpr std::size_t kAuditReadBatch = 512;
inline constexpr std::uint64_t kMaxAuditScan = 100'000;

bool auditRecordMatches(const interfaces::AuditFilter &filter, const ledger::AuditEntry &entry);

// Reads records [first, first + max) in sequence order.
using AuditReadFn = std::function<Result<std::vector<ledger::AuditRecord>>(std::uint64_t first, std::size_t max)>;

// The matches older than `beforeSequence` (0: from the newest, `count`),
// newest first, at most `limit`. `operators` names actors and tells an
// operator's own signature from another key's.
Result<interfaces::AuditPage> queryAudit(const AuditReadFn &read, std::uint64_t count,
                                         const interfaces::AuditFilter &filter, std::uint64_t beforeSequence,
                                         std::size_t limit, const std::vector<interfaces::OperatorRow> &operators);

} // namespace gtx::node
