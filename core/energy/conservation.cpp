#include "core/energy/conservation.h"

#include "core/common/arith.h"

#include <algorithm>

namespace gtx::energy {

ZoneExchange zoneExchange(const GridModel &model, const GridStateReport &report, GridZone zone)
{
    // |flow| <= 10 x capacity <= 10 x 2^32 MW (checkGridState), and at most
    // kMaxTieLines lines: the sums fit in 64 bits.
    ZoneExchange x;
    for (const auto &f : report.flows) {
        const TieLine *line = model.line(f.lineId);
        if (!line || f.flowMw == 0)
            continue;
        const std::uint64_t wh = static_cast<std::uint64_t>(f.flowMw < 0 ? -static_cast<std::int64_t>(f.flowMw)
                                                                          : f.flowMw)
                                 * static_cast<std::uint64_t>(kWhPerMwInterval);
        const GridZone source = f.flowMw > 0 ? line->from : line->to;
        const GridZone sink = f.flowMw > 0 ? line->to : line->from;
        if (source == zone)
            x.exportsWh += wh;
        if (sink == zone)
            x.importsWh += wh;
    }
    return x;
}

ConservationFigures judgeConservation(const GridModel &model, const ZoneTotals &totals, const ZoneExchange &exchange)
{
    ConservationFigures c;
    c.readings = totals.readings;
    c.generationWh = totals.exportWh;
    c.consumptionWh = totals.importWh;
    c.importsWh = exchange.importsWh;
    c.exportsWh = exchange.exportsWh;
    const Int128 inflow = static_cast<Int128>(c.generationWh) + c.importsWh;
    const Int128 outflow = static_cast<Int128>(c.consumptionWh) + c.exportsWh;
    const Int128 losses = inflow - outflow;
    // Each side is below 2^65; the losses of a real zone are far inside 64
    // bits, and a figure beyond them is clamped (its verdict is unchanged).
    c.lossesWh = static_cast<std::int64_t>(std::clamp<Int128>(losses, INT64_MIN, INT64_MAX));
    Int128 bps = 0;
    if (inflow > 0)
        bps = losses * 10'000 / inflow;   // |losses| * 10^4 < 2^80
    else if (outflow > 0)
        bps = kMinLossBps;
    c.lossBps = static_cast<std::int32_t>(std::clamp<Int128>(bps, kMinLossBps, 10'000));
    // Decided on the exact figures, not the rounded ratio: losses * 10^4
    // against the band's ends times the inflow.
    const Int128 scaled = losses * 10'000;
    if (scaled < inflow * model.lossMinBps)
        c.verdict = ConservationVerdict::LossesLow;
    else if (scaled > inflow * model.lossMaxBps)
        c.verdict = ConservationVerdict::LossesHigh;
    else
        c.verdict = ConservationVerdict::Balanced;
    return c;
}

const char *conservationVerdictName(ConservationVerdict v)
{
    switch (v) {
    case ConservationVerdict::Balanced:
        return "balanced";
    case ConservationVerdict::LossesLow:
        return "losses_low";
    case ConservationVerdict::LossesHigh:
        return "losses_high";
    }
    return "unknown";
}

void encodeTo(codec::Writer &w, const ConservationFigures &v)
{
    w.u32(v.readings);
    w.u64(v.generationWh);
    w.u64(v.consumptionWh);
    w.u64(v.importsWh);
    w.u64(v.exportsWh);
    w.i64(v.lossesWh);
    w.i32(v.lossBps);
    w.u8(static_cast<std::uint8_t>(v.verdict));
}

void decodeFrom(codec::Reader &r, ConservationFigures &v)
{
    v.readings = r.u32();
    v.generationWh = r.u64();
    v.consumptionWh = r.u64();
    v.importsWh = r.u64();
    v.exportsWh = r.u64();
    v.lossesWh = r.i64();
    v.lossBps = r.i32InRange(kMinLossBps, 10'000, "loss");
    v.verdict = r.enumeration(ConservationVerdict::LossesHigh, "conservation verdict");
}

} // namespace gtx::energy
