#pragma once

// Conservation of energy per zone and interval: what a zone's meters
// produced and the tie lines brought in must equal what its meters consumed,
// what the tie lines took out, and the losses, with the losses inside the
// grid model's band:
//
//     generation + imports = consumption + exports + losses
//
// generation and consumption are the zone's accepted readings (its export
// and import registers, ZoneTotals); imports and exports are EGAT's measured
// tie-line flows for the interval (GridStateReport). A verdict outside the
// band is a finding about the zone's data as a whole: it names no one meter
// or witness, so it is recorded with its figures (the state's 'c' table)
// and raised to operators, never slashed on its own.

#include "core/codec/codec.h"
#include "core/energy/grid_model.h"
#include "core/energy/grid_state.h"
#include "core/energy/reading_rules.h"

#include <cstdint>

namespace gtx::energy {

enum class ConservationVerdict : std::uint8_t {
    Balanced = 0,      // losses inside the band
    LossesLow = 1,     // below the band: more went out than came in (energy from nowhere)
    LossesHigh = 2,    // above the band: energy came in and vanished
};

// Invariants (judgeConservation): lossesWh = generationWh + importsWh -
// consumptionWh - exportsWh exactly; lossBps = lossesWh * 10,000 / inflow
// rounded toward zero, clamped to [-1,000,000, 10,000] (losses can never
// exceed the inflow); with no inflow, lossBps is 0 when nothing went out and
// -1,000,000 otherwise.
struct ConservationFigures
{
    std::uint32_t readings = 0;        // accepted readings the figures rest on
    std::uint64_t generationWh = 0;    // the zone's metered export
    std::uint64_t consumptionWh = 0;   // the zone's metered import
    std::uint64_t importsWh = 0;       // tie-line flow into the zone
    std::uint64_t exportsWh = 0;       // tie-line flow out of the zone
    std::int64_t lossesWh = 0;
    std::int32_t lossBps = 0;          // of the inflow (generation + imports)
    ConservationVerdict verdict = ConservationVerdict::Balanced;
    bool operator==(const ConservationFigures &) const = default;
};

constexpr std::int32_t kMinLossBps = -1'000'000;

// The zone's tie-line imports and exports in the report, in Wh (a flow of
// F MW over the interval is F x 250,000 Wh). Lines not in the model are
// ignored (checkGridState refuses them before a report is stored).
struct ZoneExchange
{
    std::uint64_t importsWh = 0;
    std::uint64_t exportsWh = 0;
};
ZoneExchange zoneExchange(const GridModel &model, const GridStateReport &report, GridZone zone);

// The verdict against the model's loss band [lossMinBps, lossMaxBps].
ConservationFigures judgeConservation(const GridModel &model, const ZoneTotals &totals, const ZoneExchange &exchange);

const char *conservationVerdictName(ConservationVerdict v);

void encodeTo(codec::Writer &w, const ConservationFigures &v);
void decodeFrom(codec::Reader &r, ConservationFigures &v);

} // namespace gtx::energy
