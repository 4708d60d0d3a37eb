#pragma once

// What the console's Grid page shows, read from one executed state: the
// interval shown (the newest of the last 24 hours with readings or EGAT's
// report, else the last one ended), each zone's figures and conservation
// verdict, each tie line's loading, and 24 hours of each zone's generation
// and consumption.

#include "core/energy/grid_model.h"
#include "core/node/interface.h"
#include "core/state/state.h"

#include <cstdint>
#include <set>

namespace gtx::node {

constexpr int kGridTrendIntervals = 96;   // 24 hours of 15 minutes

// `haltedZones` as HaltState::haltedZones() gives them (kNationwideZoneId
// for a nationwide halt); `nowMs` is the newest block's time.
interfaces::GridSnapshot gridSnapshot(const energy::GridModel &model, const state::State &state,
                                      const std::set<std::uint16_t> &haltedZones, std::int64_t nowMs);

} // namespace gtx::node
