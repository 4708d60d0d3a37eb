#include "core/energy/grid_state.h"

#include "core/common/arith.h"
#include "core/energy/reading.h"

#include <algorithm>
#include <map>
#include <set>

namespace gtx::energy {

namespace {

std::int64_t magnitude(std::int64_t v)
{
    return v < 0 ? -v : v;
}

} // namespace

Status checkGridState(const GridModel &model, const GridStateReport &report, std::int64_t nowMs,
                      std::int64_t maxAgeMs)
{
    if (report.intervalEndMs % kIntervalMs != 0 || report.intervalEndMs > nowMs
        || static_cast<Int128>(report.intervalEndMs) < static_cast<Int128>(nowMs) - maxAgeMs)
        return makeError("grid.bad_interval", "A grid-state report is for an interval that has ended, on a 15-minute "
                                              "boundary, within the last seven days.");
    if (report.frequencyMilliHz < 45'000 || report.frequencyMilliHz > 55'000)
        return makeError("grid.bad_frequency", "A grid-state report's frequency lies between 45 and 55 Hz.");
    if (report.reserveMarginBps < -10'000 || report.reserveMarginBps > 100'000)
        return makeError("grid.implausible", "A grid-state report's reserve margin lies between -100 % and 1,000 %.");
    std::set<std::string> seen;
    for (const auto &f : report.flows) {
        const TieLine *line = model.line(f.lineId);
        if (!line)
            return makeError("grid.unknown_line", "The tie line " + f.lineId + " is not in the grid model.");
        // An overload is a finding; ten times a line's rating is no measurement.
        if (static_cast<std::uint64_t>(magnitude(f.flowMw)) > 10ull * line->capacityMw)
            return makeError("grid.implausible", "The flow reported on " + f.lineId
                                                     + " is more than ten times its capacity.");
        if (!seen.insert(f.lineId).second)
            return makeError("grid.duplicate_line", "The tie line " + f.lineId + " is reported twice.");
    }
    return Status::success();
}

std::vector<LineLoading> lineLoadings(const GridModel &model, const GridStateReport &report)
{
    std::vector<LineLoading> out;
    for (const auto &f : report.flows) {
        const TieLine *l = model.line(f.lineId);
        if (!l)
            continue;
        LineLoading x;
        x.line = l;
        x.flowMw = f.flowMw;
        x.loadingBps = static_cast<std::uint32_t>(
            std::min<std::uint64_t>(mulDiv(static_cast<std::uint64_t>(magnitude(f.flowMw)), 10'000, l->capacityMw),
                                    UINT32_MAX));
        x.congested = static_cast<std::uint64_t>(magnitude(f.flowMw)) > l->capacityMw;
        out.push_back(x);
    }
    return out;
}

CorridorCapacity corridorCapacity(const GridModel &model, const std::string &corridor, const GridStateReport *report)
{
    CorridorCapacity c;
    std::uint64_t largest = 0;
    for (const auto &l : model.lines) {
        if ((l.corridor.empty() ? l.id : l.corridor) != corridor)
            continue;
        ++c.circuits;
        bool inService = true;
        if (report)
            for (const auto &f : report->flows)
                if (f.lineId == l.id)
                    inService = !f.outOfService;
        if (!inService)
            continue;
        ++c.circuitsInService;
        c.capacityMw += l.capacityMw;
        largest = std::max<std::uint64_t>(largest, l.capacityMw);
    }
    c.firmCapacityMw = c.circuitsInService >= 2 ? c.capacityMw - largest : c.capacityMw;
    return c;
}

std::vector<CorridorLoading> corridorLoadings(const GridModel &model, const GridStateReport &report)
{
    std::map<std::string, std::vector<const TieLine *>> circuits;
    for (const auto &l : model.lines)
        if (!l.corridor.empty())
            circuits[l.corridor].push_back(&l);
    std::map<std::string, std::int32_t> flowOf;
    for (const auto &f : report.flows)
        flowOf[f.lineId] = f.flowMw;
    std::vector<CorridorLoading> out;
    for (const auto &[name, lines] : circuits) {
        if (lines.size() < 2)
            continue;
        CorridorLoading c;
        c.corridor = name;
        bool reported = false;
        for (const TieLine *l : lines) {
            const auto it = flowOf.find(l->id);
            if (it == flowOf.end())
                continue;
            reported = true;
            // In the direction of the corridor's first circuit.
            const bool same = l->from == lines.front()->from;
            c.flowMw += same ? it->second : -static_cast<std::int64_t>(it->second);
        }
        if (!reported)
            continue;
        const CorridorCapacity capacity = corridorCapacity(model, name, &report);
        c.capacityMw = capacity.capacityMw;
        c.n1CapacityMw = capacity.firmCapacityMw;
        // A corridor with no circuit left in service fails N-1 whatever its flow.
        c.n1Violated = static_cast<std::uint64_t>(magnitude(c.flowMw)) > c.n1CapacityMw || capacity.circuitsInService == 0;
        out.push_back(c);
    }
    return out;
}

void encodeTo(codec::Writer &w, const LineFlow &v)
{
    w.string(v.lineId);
    w.i32(v.flowMw);
    w.boolean(v.outOfService);
}

void decodeFrom(codec::Reader &r, LineFlow &v)
{
    v.lineId = r.string(64, "tie line id");
    v.flowMw = r.i32();
    v.outOfService = r.boolean();
}

void encodeTo(codec::Writer &w, const GridStateReport &v)
{
    w.i64(v.intervalEndMs);
    w.u32(v.frequencyMilliHz);
    w.i32(v.reserveMarginBps);
    w.list(v.flows);
}

void decodeFrom(codec::Reader &r, GridStateReport &v)
{
    v.intervalEndMs = r.i64();
    v.frequencyMilliHz = r.u32();
    v.reserveMarginBps = r.i32();
    r.list(v.flows, kMaxTieLines, "line flows", 9);
}

} // namespace gtx::energy
