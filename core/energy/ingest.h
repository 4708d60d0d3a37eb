#pragma once

// Reading ingest: the meter registry and each meter's progress, and the
// application of witnessed batches to them. Signatures of a batch are
// checked in parallel (they depend on nothing but the registry), then every
// other rule is applied in order, reading by reading, because each
// reading's verdict depends on the ones accepted before it.
//
// One instance is one node's view; it is not thread-safe (the parallel
// signature phase runs inside ingest()).

#include "core/energy/reading_rules.h"

#include <cstdint>
#include <map>
#include <vector>

namespace gtx::energy {

struct BatchOutcome
{
    Status batch;                                  // the batch's own verdict
    std::vector<Status> readings;                  // one per reading (all refused when the batch is)
    std::vector<DuplicateReadingEvidence> evidence;
    std::size_t accepted = 0;
};

class ReadingIngest
{
public:
    ReadingIngest(std::uint32_t networkId, const GridModel &model, ReadingRules rules, GridOperatorKeys operators);

    // Errors: energy.bad_registration, energy.meter_exists.
    Status registerMeter(const MeterRecord &record);
    // A tampered or stolen meter: its readings are refused until re-keyed.
    // Error: energy.unknown_meter.
    Status suspendMeter(const Hash256 &id);
    // A replaced meter: the new key, active again, and its registers start
    // afresh (no interval it already reported can be reported again).
    // Errors: energy.unknown_meter, energy.meter_retired, energy.bad_registration.
    Status rekeyMeter(const Hash256 &id, const PublicKey &key);

    const MeterRecord *meter(const Hash256 &id) const;
    const MeterProgress *progress(const Hash256 &id) const;
    std::size_t meterCount() const { return m_meters.size(); }

    // Applies a batch at the node's time nowMs, verifying signatures on up to
    // `threads` threads.
    BatchOutcome ingest(const ReadingBatch &batch, std::int64_t nowMs, unsigned threads = 1);

private:
    std::uint32_t m_networkId;
    const GridModel &m_model;
    ReadingRules m_rules;
    GridOperatorKeys m_operators;
    std::map<Hash256, MeterRecord> m_meters;
    std::map<Hash256, MeterProgress> m_progress;
    std::map<Hash256, MeterReading> m_lastReading;   // for duplicate-interval evidence
};

} // namespace gtx::energy
