#pragma once

// Grid-state updates: what EGAT, the transmission system operator, reports
// for an interval as an authority transaction (frequency, reserve margin,
// the flow on each tie line), and what follows from it against the grid
// model: each line's loading, the congested lines, and the corridors that
// would be overloaded if their largest circuit tripped (N-1).

#include "core/codec/codec.h"
#include "core/common/result.h"
#include "core/energy/grid_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gtx::energy {

// One MW held for one 15-minute interval, in Wh.
constexpr std::int64_t kWhPerMwInterval = 250'000;

// A line's average flow over the interval, in MW; positive from the line's
// `from` zone to its `to` zone.
// A tie line in EGAT's report: its average flow over the interval, and
// whether it is out of service (maintenance, a trip) at the interval's end.
// A circuit that tripped during the interval has both a flow and the flag.
struct LineFlow
{
    std::string lineId;
    std::int32_t flowMw = 0;
    bool outOfService = false;
    bool operator==(const LineFlow &) const = default;
};

// Invariants once checked (checkGridState): the interval end is a 15-minute
// boundary, not after the block's time and at most maxAgeMs before it; the
// frequency is between 45 and 55 Hz; the reserve margin between -100 % and
// 1,000 %; each line is in the model, once, with |flow| at most ten times
// its capacity.
struct GridStateReport
{
    std::int64_t intervalEndMs = 0;
    std::uint32_t frequencyMilliHz = 50'000;
    std::int32_t reserveMarginBps = 0;   // spare generation over demand
    std::vector<LineFlow> flows;         // at most kMaxTieLines
    bool operator==(const GridStateReport &) const = default;
};

struct LineLoading
{
    const TieLine *line = nullptr;
    std::int32_t flowMw = 0;
    std::uint32_t loadingBps = 0;   // |flow| / capacity
    bool congested = false;         // loading above 100 %
};

// A corridor's parallel circuits together, in the direction of its flow.
struct CorridorLoading
{
    std::string corridor;
    std::int64_t flowMw = 0;          // the circuits' flows summed (from -> to of its first circuit)
    std::uint64_t capacityMw = 0;     // the circuits in service
    std::uint64_t n1CapacityMw = 0;   // firm capacity (corridorCapacity)
    bool n1Violated = false;          // |flow| above it, or no circuit left in service
};

// A corridor's capacity as a report leaves it (the one rule for the grid
// page's N-1 and for the trades' line-capacity check). The corridor is a
// line's corridor name, or the line's own id when it names none (the
// model never lets the two collide). Circuits count unless the report has
// them out of service (every circuit counts without a report). Firm
// capacity is N-1 while two or more circuits are in service: their
// capacity without the largest of them. With one in service it is that
// circuit's capacity, as for a one-circuit corridor (N-1 is not applied to
// a radial line); with none, 0.
struct CorridorCapacity
{
    std::uint64_t capacityMw = 0;
    std::uint64_t firmCapacityMw = 0;
    std::size_t circuits = 0;            // in the model
    std::size_t circuitsInService = 0;
};
CorridorCapacity corridorCapacity(const GridModel &model, const std::string &corridor, const GridStateReport *report);

// Errors: "grid.bad_interval", "grid.bad_frequency", "grid.unknown_line",
// "grid.duplicate_line", "grid.implausible" (a flow above ten times the
// line's capacity, a reserve margin outside -100 % to 1,000 %).
Status checkGridState(const GridModel &model, const GridStateReport &report, std::int64_t nowMs,
                      std::int64_t maxAgeMs);
std::vector<LineLoading> lineLoadings(const GridModel &model, const GridStateReport &report);
// Corridors of two or more circuits that the report has flows for.
std::vector<CorridorLoading> corridorLoadings(const GridModel &model, const GridStateReport &report);

void encodeTo(codec::Writer &w, const LineFlow &v);
void decodeFrom(codec::Reader &r, LineFlow &v);
void encodeTo(codec::Writer &w, const GridStateReport &v);
void decodeFrom(codec::Reader &r, GridStateReport &v);

} // namespace gtx::energy
