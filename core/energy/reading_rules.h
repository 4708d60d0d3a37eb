#pragma once

// The validation rules for meter readings: what every honest node checks
// before a reading counts as verified energy. Each rule refuses with its
// own reason (the error code), so a caught fault names what was wrong.
//
// The rules are pure functions of the grid model, the meter's registry
// record, what the chain already accepted from that meter (MeterProgress)
// and the reading; integer arithmetic only, so every node agrees. Reasons,
// in the order they are checked (the first that fails is reported):
//
//   energy.unknown_meter         no registry record for the meter id
//   energy.bad_signature         the meter's signature does not verify
//   energy.meter_suspended       its grid operator suspended the meter
//   energy.meter_retired         the meter was removed from service
//   energy.tampered              the reading has the tamper flag set
//   energy.off_boundary          the timestamp is not within the tolerance
//                                of a 15-minute boundary (a drifted clock)
//   energy.future                the interval ends after the node's clock
//                                plus the tolerance
//   energy.too_old               the interval ended more than maxAgeMs
//                                before the node's clock
//   energy.over_capacity         interval energy above rated power x 0.25 h
//   energy.export_not_registered export from a meter registered as consumer
//   energy.off_zone              the GPS fix lies outside the meter's zone
//   energy.far_from_grid_node    ... or outside its grid node's service radius
//   energy.replayed              the same signed reading again
//   energy.duplicate_interval    a different reading for an interval the
//                                meter already reported (evidence)
//   energy.out_of_order          an interval before the last one accepted
//                                (also under an earlier key of the meter)
//   energy.register_backwards    a cumulative register went down
//   energy.register_mismatch     the registers moved by other than the
//                                interval energy (next interval), or by less
//                                (after a gap): a gap hidden by a jump
//   energy.register_jump         the registers moved by more than the rated
//                                power could deliver over the gap
//   energy.spike                 interval energy above spikeFactor times the
//                                meter's recent peak and above
//                                spikeFloorPercent of its capacity
//   energy.frozen_register       neither register moved for frozenIntervals
//
// Batch rules (checkBatch), for the witness:
//   energy.empty_batch, energy.unknown_zone,
//   energy.bad_witness           the witness is not the zone's grid operator
//   energy.bad_witness_signature
//   energy.wrong_zone            (per reading) the meter is not in the batch's zone

#include "core/common/result.h"
#include "core/crypto/signature_verifier.h"
#include "core/energy/reading.h"

#include <cstdint>
#include <map>
#include <optional>

namespace gtx::energy {

struct ReadingRules
{
    std::int64_t boundaryToleranceMs = 60'000;   // a meter clock within one minute
    std::int64_t futureToleranceMs = 60'000;     // against the node's clock
    // How late a reading may arrive: a meter catching up after an outage
    // has a week. It also bounds what a meter can fill in after the fact.
    std::int64_t maxAgeMs = 7ll * 24 * 3600 * 1000;
    std::uint32_t frozenIntervals = 16;          // four hours with no register moving
    std::uint32_t spikeFactor = 4;
    std::uint32_t spikeFloorPercent = 60;
    std::uint32_t spikeHistory = 8;              // accepted readings before spikes are judged
    // Spikes are judged only against a meter whose last accepted reading is
    // at most this many intervals old: a refused spike holds a meter back
    // for an hour at most, and a meter back from an outage starts afresh.
    std::uint32_t spikeRecentIntervals = 4;

    bool operator==(const ReadingRules &) const = default;
};

// What the chain accepted last from one meter. Invariants: the registers
// never decrease; lastIntervalEndMs is a 15-minute boundary and never goes
// back, not even when the meter is re-keyed (a new meter's registers are
// unknown until its first reading: registersKnown false, nothing else kept).
struct MeterProgress
{
    std::int64_t lastIntervalEndMs = 0;
    bool registersKnown = true;
    std::uint64_t importRegisterWh = 0;
    std::uint64_t exportRegisterWh = 0;
    Hash256 lastReadingId;
    std::uint32_t unchangedIntervals = 0;   // consecutive intervals with no register moving
    std::uint32_t readings = 0;             // accepted so far (saturates)
    // Recent peaks of interval energy (Wh): the larger of this interval's
    // energy and the last peak less 1/32 of it.
    std::uint64_t importPeakWh = 0;
    std::uint64_t exportPeakWh = 0;

    bool operator==(const MeterProgress &) const = default;
};

void encodeTo(codec::Writer &w, const MeterProgress &v);
void decodeFrom(codec::Reader &r, MeterProgress &v);

// What a zone's meters reported for one interval, from the readings the
// chain accepted: the figures conservation is judged on. Invariant: the sums
// of the accepted readings' interval energy, never overflowing.
struct ZoneTotals
{
    std::uint32_t readings = 0;
    std::uint64_t importWh = 0;   // consumption taken from the grid
    std::uint64_t exportWh = 0;   // production fed into the grid
    bool operator==(const ZoneTotals &) const = default;
};
void encodeTo(codec::Writer &w, const ZoneTotals &v);
void decodeFrom(codec::Reader &r, ZoneTotals &v);

// A meter's progress once it is re-keyed (a replaced meter): its registers
// start afresh, but no interval up to the last one accepted can be reported
// again, under any key. Nothing when it had no progress.
std::optional<MeterProgress> progressAfterRekey(const std::optional<MeterProgress> &progress);

// The keys of the grid-operator authorities (EGAT, MEA, PEA) that witness.
using GridOperatorKeys = std::map<AuthorityType, PublicKey>;

// energy.bad_signature unless the reading verifies under the record's key
// (through `verifier` when given, else libsodium directly).
Status checkReadingSignature(std::uint32_t networkId, const MeterRecord &record, const MeterReading &reading,
                             crypto::SignatureVerifier *verifier = nullptr);

// Every rule after the signature; on success, the meter's progress with
// this reading accepted.
Result<MeterProgress> checkReading(const ReadingRules &rules, const GridModel &model, const MeterRecord &record,
                                   const std::optional<MeterProgress> &progress, const MeterReading &reading,
                                   std::int64_t nowMs);

// The batch as a whole: not empty, a zone of the model, witnessed by that
// zone's grid operator.
Status checkBatch(std::uint32_t networkId, const GridModel &model, const GridOperatorKeys &operators,
                  const ReadingBatch &batch, crypto::SignatureVerifier *verifier = nullptr);

// One reading of a checked batch, every rule in order: the meter is
// registered (`record` is its record or null), the signature (checked here,
// or already known: `signatureValid`), the meter is in the batch's zone, then
// checkReading. The one sequence for the ingest and the state machine.
struct BatchReadingContext
{
    const ReadingRules &rules;
    const GridModel &model;
    std::uint32_t networkId;
    GridZone batchZone;
    std::int64_t nowMs;
    crypto::SignatureVerifier *verifier = nullptr;
};
Result<MeterProgress> checkBatchReading(const BatchReadingContext &context, const MeterRecord *record,
                                        const std::optional<MeterProgress> &progress, const MeterReading &reading,
                                        std::optional<bool> signatureValid = std::nullopt);

} // namespace gtx::energy
