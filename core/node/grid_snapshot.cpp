#include "core/node/grid_snapshot.h"

#include "core/energy/reading.h"
#include "core/types/emergency.h"

#include <map>

namespace gtx::node {

namespace {

interfaces::Conservation conservationOf(const std::optional<energy::ConservationFigures> &c)
{
    if (!c)
        return interfaces::Conservation::Unjudged;
    switch (c->verdict) {
    case energy::ConservationVerdict::Balanced:
        return interfaces::Conservation::Balanced;
    case energy::ConservationVerdict::LossesLow:
        return interfaces::Conservation::LossesLow;
    case energy::ConservationVerdict::LossesHigh:
        return interfaces::Conservation::LossesHigh;
    }
    return interfaces::Conservation::Unjudged;
}

bool hasData(const energy::GridModel &model, const state::State &state, std::int64_t intervalEndMs)
{
    if (state.gridState(intervalEndMs))
        return true;
    for (const auto &z : model.zones)
        if (state.zoneTotals(z.zone, intervalEndMs).readings > 0)
            return true;
    return false;
}

} // namespace

interfaces::GridSnapshot gridSnapshot(const energy::GridModel &model, const state::State &state,
                                      const std::set<std::uint16_t> &haltedZones, std::int64_t nowMs)
{
    interfaces::GridSnapshot s;
    s.joined = true;
    s.modelName = model.name;
    s.lossMinBps = model.lossMinBps;
    s.lossMaxBps = model.lossMaxBps;
    s.chainTimeMs = nowMs;
    s.nationwideHalt = haltedZones.count(kNationwideZoneId) > 0;
    const std::int64_t lastEnded = nowMs / energy::kIntervalMs * energy::kIntervalMs;
    s.intervalEndMs = lastEnded;
    for (int back = 0; back < kGridTrendIntervals; ++back) {
        const std::int64_t end = lastEnded - back * energy::kIntervalMs;
        if (hasData(model, state, end)) {
            s.intervalEndMs = end;
            break;
        }
    }
    const auto report = state.gridState(s.intervalEndMs);
    s.reported = report.has_value();
    if (report) {
        s.frequencyMilliHz = report->frequencyMilliHz;
        s.reserveMarginBps = report->reserveMarginBps;
    }

    for (const auto &z : model.zones) {
        interfaces::ZoneRow row;
        row.key = gridZoneCode(z.zone);
        row.operatorName = std::string(toString(z.gridOperator));
        const energy::ZoneTotals totals = state.zoneTotals(z.zone, s.intervalEndMs);
        row.readings = totals.readings;
        row.generationWh = totals.exportWh;
        row.consumptionWh = totals.importWh;
        if (report) {
            const energy::ZoneExchange x = energy::zoneExchange(model, *report, z.zone);
            row.importsWh = x.importsWh;
            row.exportsWh = x.exportsWh;
        }
        const auto c = state.conservation(z.zone, s.intervalEndMs);
        row.conservation = conservationOf(c);
        if (c) {
            row.lossesWh = c->lossesWh;
            row.lossBps = c->lossBps;
        }
        row.halted = s.nationwideHalt || haltedZones.count(z.zone.id) > 0;
        s.zones.push_back(row);

        interfaces::ZoneTrend trend;
        trend.zone = row.key;
        for (int i = kGridTrendIntervals - 1; i >= 0; --i) {
            const std::int64_t end = s.intervalEndMs - i * energy::kIntervalMs;
            const energy::ZoneTotals t = state.zoneTotals(z.zone, end);
            trend.points.push_back({end, t.exportWh, t.importWh});
        }
        s.trends.push_back(std::move(trend));
    }

    std::map<std::string, energy::LineLoading> loadings;
    std::map<std::string, bool> n1;
    std::set<std::string> outOfService;
    if (report) {
        for (const auto &f : report->flows)
            if (f.outOfService)
                outOfService.insert(f.lineId);
        for (const auto &l : energy::lineLoadings(model, *report))
            loadings.emplace(l.line->id, l);
        for (const auto &c : energy::corridorLoadings(model, *report))
            n1[c.corridor] = c.n1Violated;
    }
    for (const auto &l : model.lines) {
        interfaces::TieLineRow row;
        row.key = l.id;
        row.fromZone = gridZoneCode(l.from);
        row.toZone = gridZoneCode(l.to);
        row.corridor = l.corridor;
        row.capacityMw = l.capacityMw;
        if (const auto it = loadings.find(l.id); it != loadings.end()) {
            row.reported = true;
            row.flowMw = it->second.flowMw;
            row.loadingBps = it->second.loadingBps;
            row.congested = it->second.congested;
        }
        row.outOfService = outOfService.count(l.id) > 0;
        if (const auto it = n1.find(l.corridor); it != n1.end())
            row.n1Violated = it->second;
        // A one-circuit corridor out of service: the zones it joined are
        // no longer joined by it (no N-1 applies, but it is lost).
        if (row.outOfService && l.corridor.empty())
            row.n1Violated = true;
        s.lines.push_back(row);
    }
    return s;
}

} // namespace gtx::node
