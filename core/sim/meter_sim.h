#pragma once

// The grid and meter simulator: a fleet of smart meters spread over the
// grid model's zones, with daily load shapes (night base, afternoon air
// conditioning, evening peak) and rooftop solar, reporting every 15 minutes
// in batches witnessed by their grid operators, with faults injected at a
// known rate. `gtx-node meters check` runs it against the reading rules in
// this process and counts what the rules caught.
//
// Faults, each with the reason the rules must give:
//   tampered            the tamper flag; the grid operator then suspends the
//                       meter (its next readings: energy.meter_suspended)
//                       and re-keys it three intervals later
//   drifted-clock       a timestamp 2 to 7 minutes off the boundary
//   future              a timestamp an hour or more ahead
//   duplicate-interval  a second, different reading for the same interval
//                       (and duplicate-reading evidence)
//   over-capacity       interval energy above rated power x 0.25 h
//   consumer-export     export from a meter registered as consumer
//   off-zone            a GPS fix in another zone
//   far-from-node       a GPS fix in its zone, far from its grid node
//   register-backwards  a cumulative register lower than before
//   hidden-gap          registers that jumped while the interval claims less
//   spike               interval energy at the meter's capacity from a low average
//   frozen-register     registers stuck for five hours (the rules' limit is four)
//   bad-signature       a corrupted meter signature
//   unknown-meter       a reading from a meter never registered
//   wrong-zone          a reading in another zone's batch
//   wrong-witness       a batch signed by another authority
//   bad-witness-signature
//   replayed-batch      the zone's previous batch sent again
//
// A frozen-register episode counts once: its first readings look like a
// quiet meter and pass, and it is caught when the rules refuse it as
// frozen and keep refusing it until it ends. A batch fault counts once and
// is caught when the batch's readings are all refused for the batch's
// reason. A replayed batch is caught when every reading it had counted is
// refused as replayed (or out of order, once the meter moved on); one that
// had counted nothing is no replay and is not counted.

#include "core/common/result.h"
#include "core/energy/grid_model.h"
#include "core/energy/reading_rules.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gtx::sim {

struct MeterCheckOptions
{
    std::uint64_t seed = 1;
    std::size_t meters = 500;
    std::size_t intervals = 96;           // one day
    std::uint32_t faultPpm = 20'000;      // per reading: 2 %
    std::uint32_t batchFaultPpm = 10'000; // per batch: 1 %
    unsigned threads = 1;                 // signature checks per batch
    const energy::GridModel *model = nullptr;   // the default model when null
    energy::ReadingRules rules;
};

struct MeterCheckReport
{
    std::size_t readings = 0;        // readings sent (replayed batches not counted again)
    std::size_t batches = 0;
    std::size_t accepted = 0;
    std::size_t injected = 0;
    std::size_t caught = 0;
    std::size_t missed = 0;
    std::size_t falseRejects = 0;
    std::size_t evidence = 0;        // duplicate-reading evidence, each verified
    std::map<std::string, std::size_t> injectedByFault;
    std::map<std::string, std::size_t> caughtByReason;
    std::vector<std::string> missedDetails;        // the first few
    std::vector<std::string> falseRejectDetails;   // the first few
};

Result<MeterCheckReport> runMeterCheck(const MeterCheckOptions &options);

// `meters: readings=N injected=I caught=C missed=M false_rejects=F`
std::string meterCheckLine(const MeterCheckReport &report);
std::string meterCheckJson(const MeterCheckReport &report);

} // namespace gtx::sim
