#include "core/node/audit_query.h"

#include <algorithm>
#include <string_view>

namespace gtx::node {

namespace {

// "zone=X" or "zones=A,B" among the space-separated details.
bool namesZone(std::string_view details, std::string_view zone)
{
    while (!details.empty()) {
        const std::size_t space = details.find(' ');
        std::string_view token = details.substr(0, space);
        details = space == std::string_view::npos ? std::string_view() : details.substr(space + 1);
        std::string_view list;
        if (token.starts_with("zone="))
            list = token.substr(5);
        else if (token.starts_with("zones="))
            list = token.substr(6);
        else
            continue;
        while (!list.empty()) {
            const std::size_t comma = list.find(',');
            if (list.substr(0, comma) == zone)
                return true;
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        }
    }
    return false;
}

} // namespace

bool auditRecordMatches(const interfaces::AuditFilter &filter, const ledger::AuditEntry &entry)
{
    if (filter.fromMs != 0 && entry.timeMs < filter.fromMs)
        return false;
    if (filter.toMs != 0 && entry.timeMs >= filter.toMs)
        return false;
    if (!filter.actor.empty() && entry.actor != filter.actor)
        return false;
    if (!filter.action.empty()) {
        const bool prefix = filter.action.back() == '.';
        if (prefix ? !entry.action.starts_with(filter.action) : entry.action != filter.action)
            return false;
    }
    if (!filter.zone.empty() && !namesZone(entry.details, filter.zone))
        return false;
    return true;
}

Result<interfaces::AuditPage> queryAudit(const AuditReadFn &read, std::uint64_t count,
                                         const interfaces::AuditFilter &filter, std::uint64_t beforeSequence,
                                         std::size_t limit, const std::vector<interfaces::OperatorRow> &operators)
{
    limit = std::clamp<std::size_t>(limit, 1, interfaces::AuditView::kMaxAuditPage);
    std::map<std::string, const interfaces::OperatorRow *, std::less<>> byId;
    for (const auto &o : operators)
        byId[o.id] = &o;

    interfaces::AuditPage page;
    page.total = count;
    // Sequences 1..count; read [end - batch, end) backwards.
    std::uint64_t end = beforeSequence == 0 || beforeSequence > count + 1 ? count + 1 : beforeSequence;
    std::uint64_t scanned = 0;
    while (end > 1 && page.rows.size() < limit) {
        if (scanned >= kMaxAuditScan) {
            page.nextBefore = end;   // go on from here
            return page;
        }
        const std::uint64_t first = end > kAuditReadBatch ? end - kAuditReadBatch : 1;
        auto batch = read(first, static_cast<std::size_t>(end - first));
        if (!batch)
            return batch.error();
        if (batch->size() != end - first)
            return makeError("audit.short_read", "The audit trail ended before record " + std::to_string(end - 1) + ".");
        scanned += batch->size();
        for (auto it = batch->rbegin(); it != batch->rend(); ++it) {
            const ledger::AuditRecord &r = *it;
            if (!auditRecordMatches(filter, r.entry))
                continue;
            if (page.rows.size() == limit) {
                page.nextBefore = r.sequence + 1;   // a match is left: older ones remain
                return page;
            }
            interfaces::AuditRow row;
            row.sequence = r.sequence;
            row.timeMs = r.entry.timeMs;
            row.actor = r.entry.actor;
            row.action = r.entry.action;
            row.reason = r.entry.reason;
            row.details = r.entry.details;
            row.signer = r.isSigned() ? r.signer.hex() : std::string();
            if (const auto o = byId.find(r.entry.actor); o != byId.end()) {
                row.actorName = o->second->displayName;
                row.byOperator = r.isSigned() && o->second->key == row.signer;
            }
            page.rows.push_back(std::move(row));
        }
        end = first;
    }
    // Filled exactly at a batch's end, or ran out: older matches may remain
    // only in the first case.
    if (page.rows.size() == limit && end > 1)
        page.nextBefore = end;
    return page;
}

} // namespace gtx::node
