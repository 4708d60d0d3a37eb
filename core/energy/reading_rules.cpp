#include "core/energy/reading_rules.h"

#include "core/common/arith.h"
#include <algorithm>

namespace gtx::energy {

namespace {

Error refuse(const char *code, const std::string &message)
{
    return makeError(code, message);
}

// The energy one register moved by since the last accepted reading, checked
// against the interval figure and what the meter could deliver in k intervals.
Status checkRegister(const char *name, std::uint64_t previous, std::uint64_t now, std::uint64_t intervalWh,
                     std::uint64_t intervals, std::uint64_t maxIntervalWh)
{
    if (now < previous)
        return refuse("energy.register_backwards", std::string("The ") + name + " register went backwards.");
    const std::uint64_t moved = now - previous;
    if (intervals == 1 ? moved != intervalWh : moved < intervalWh)
        return refuse("energy.register_mismatch", std::string("The ") + name
                                                      + " register moved by other than the interval's energy.");
    if (intervals <= UINT64_MAX / (maxIntervalWh ? maxIntervalWh : 1) && moved > intervals * maxIntervalWh)
        return refuse("energy.register_jump", std::string("The ") + name
                                                  + " register moved by more than the meter could deliver.");
    return Status::success();
}

// x (Wh) is a spike against a recent peak (Wh).
bool isSpike(const ReadingRules &rules, std::uint64_t x, std::uint64_t peak, std::uint64_t maxIntervalWh)
{
    // x <= maxIntervalWh < 2^31 here, so the products fit in 64 bits.
    return x > peak * rules.spikeFactor && x * 100 > maxIntervalWh * rules.spikeFloorPercent;
}

std::uint64_t nextPeak(std::uint64_t peak, std::uint64_t x)
{
    return std::max(x, peak - peak / 32);
}

} // namespace

Status checkReadingSignature(std::uint32_t networkId, const MeterRecord &record, const MeterReading &reading,
                             crypto::SignatureVerifier *verifier)
{
    const bool valid = verifier ? verifier->verify(record.key, kReadingDomain, readingSigningBytes(networkId, reading),
                                                   reading.signature)
                                : verifyReadingSignature(networkId, reading, record.key);
    if (!valid)
        return refuse("energy.bad_signature", "The reading is not signed by the meter's registered key.");
    return Status::success();
}

Result<MeterProgress> checkReading(const ReadingRules &rules, const GridModel &model, const MeterRecord &record,
                                   const std::optional<MeterProgress> &progress, const MeterReading &reading,
                                   std::int64_t nowMs)
{
    if (record.status == MeterStatus::Suspended)
        return refuse("energy.meter_suspended", "The meter is suspended by its grid operator.");
    if (record.status == MeterStatus::Retired)
        return refuse("energy.meter_retired", "The meter is retired.");
    if (reading.tampered)
        return refuse("energy.tampered", "The meter reports that it was tampered with.");

    // Time in 128 bits: a hostile timestamp near the 64-bit limits still
    // gets a verdict.
    const std::int64_t end = intervalEndOf(reading.timestampMs);
    const Int128 skew = static_cast<Int128>(reading.timestampMs) - end;
    if (skew > rules.boundaryToleranceMs || -skew > rules.boundaryToleranceMs)
        return refuse("energy.off_boundary",
                      skew > 86'400'000 || -skew > 86'400'000
                          ? std::string("The reading's time is far from any 15-minute boundary.")
                          : "The reading's time is " + std::to_string(static_cast<std::int64_t>(skew) / 1000)
                                + " s from a 15-minute boundary.");
    if (static_cast<Int128>(end) > static_cast<Int128>(nowMs) + rules.futureToleranceMs)
        return refuse("energy.future", "The reading's interval has not ended yet.");
    if (static_cast<Int128>(end) < static_cast<Int128>(nowMs) - rules.maxAgeMs)
        return refuse("energy.too_old", "The reading's interval ended too long ago to be reported now.");

    const std::uint64_t maxWh = record.maxIntervalWh();
    if (reading.importWh > maxWh || reading.exportWh > maxWh)
        return refuse("energy.over_capacity", "The interval's energy is more than the meter's rated capacity allows ("
                                                  + std::to_string(maxWh) + " Wh).");
    if (record.registration == MeterRegistration::Consumer
        && (reading.exportWh != 0
            || (progress && progress->registersKnown && reading.exportRegisterWh != progress->exportRegisterWh)))
        return refuse("energy.export_not_registered", "The meter is registered as a consumer but reports export.");

    if (!model.inZone(record.zone, reading.location))
        return refuse("energy.off_zone", "The meter's position lies outside its zone " + gridZoneCode(record.zone) + ".");
    const GridNodeModel *node = model.node(record.gridNode);
    if (!node || !withinMetres(reading.location, node->location, node->serviceRadiusMetres))
        return refuse("energy.far_from_grid_node", "The meter's position lies outside its grid node's service radius.");

    MeterProgress next;
    next.lastIntervalEndMs = end;
    next.importRegisterWh = reading.importRegisterWh;
    next.exportRegisterWh = reading.exportRegisterWh;
    next.lastReadingId = readingId(reading);
    if (progress && !progress->registersKnown && end <= progress->lastIntervalEndMs)
        return refuse("energy.out_of_order", "The meter (under an earlier key) already reported this interval or a later one.");
    if (!progress || !progress->registersKnown) {
        next.readings = 1;
        next.importPeakWh = reading.importWh;
        next.exportPeakWh = reading.exportWh;
        return next;
    }

    const MeterProgress &p = *progress;
    if (end == p.lastIntervalEndMs) {
        if (next.lastReadingId == p.lastReadingId)
            return refuse("energy.replayed", "The reading was already accepted.");
        return refuse("energy.duplicate_interval", "The meter already reported a different reading for this interval.");
    }
    if (end < p.lastIntervalEndMs)
        return refuse("energy.out_of_order", "The reading is for an interval before the meter's last accepted one.");
    // Both ends lie within the age window of some block's time, so the
    // difference fits; it is taken in 128 bits all the same.
    const auto intervals = static_cast<std::uint64_t>(
        (static_cast<Int128>(end) - p.lastIntervalEndMs) / kIntervalMs);
    GTX_TRY(checkRegister("import", p.importRegisterWh, reading.importRegisterWh, reading.importWh, intervals, maxWh));
    GTX_TRY(checkRegister("export", p.exportRegisterWh, reading.exportRegisterWh, reading.exportWh, intervals, maxWh));

    if (p.readings >= rules.spikeHistory && intervals <= rules.spikeRecentIntervals
        && (isSpike(rules, reading.importWh, p.importPeakWh, maxWh)
            || isSpike(rules, reading.exportWh, p.exportPeakWh, maxWh)))
        return refuse("energy.spike", "The interval's energy is far above the meter's recent peak.");

    const bool unchanged = reading.importRegisterWh == p.importRegisterWh && reading.exportRegisterWh == p.exportRegisterWh;
    if (unchanged) {
        const std::uint64_t run = p.unchangedIntervals + intervals;
        if (run >= rules.frozenIntervals)
            return refuse("energy.frozen_register", "Neither register has moved for " + std::to_string(run)
                                                        + " intervals.");
        next.unchangedIntervals = static_cast<std::uint32_t>(run);
    }
    next.readings = p.readings == UINT32_MAX ? p.readings : p.readings + 1;
    next.importPeakWh = nextPeak(p.importPeakWh, reading.importWh);
    next.exportPeakWh = nextPeak(p.exportPeakWh, reading.exportWh);
    return next;
}

std::optional<MeterProgress> progressAfterRekey(const std::optional<MeterProgress> &progress)
{
    if (!progress)
        return std::nullopt;
    MeterProgress fresh;
    fresh.lastIntervalEndMs = progress->lastIntervalEndMs;
    fresh.registersKnown = false;
    return fresh;
}

void encodeTo(codec::Writer &w, const MeterProgress &v)
{
    w.i64(v.lastIntervalEndMs);
    w.boolean(v.registersKnown);
    w.u64(v.importRegisterWh);
    w.u64(v.exportRegisterWh);
    w.fixed(v.lastReadingId);
    w.u32(v.unchangedIntervals);
    w.u32(v.readings);
    w.u64(v.importPeakWh);
    w.u64(v.exportPeakWh);
}

void decodeFrom(codec::Reader &r, MeterProgress &v)
{
    v.lastIntervalEndMs = r.i64();
    v.registersKnown = r.boolean();
    v.importRegisterWh = r.u64();
    v.exportRegisterWh = r.u64();
    r.fixed(v.lastReadingId);
    v.unchangedIntervals = r.u32();
    v.readings = r.u32();
    v.importPeakWh = r.u64();
    v.exportPeakWh = r.u64();
}

void encodeTo(codec::Writer &w, const ZoneTotals &v)
{
    w.u32(v.readings);
    w.u64(v.importWh);
    w.u64(v.exportWh);
}

void decodeFrom(codec::Reader &r, ZoneTotals &v)
{
    v.readings = r.u32();
    v.importWh = r.u64();
    v.exportWh = r.u64();
}

Status checkBatch(std::uint32_t networkId, const GridModel &model, const GridOperatorKeys &operators,
                  const ReadingBatch &batch, crypto::SignatureVerifier *verifier)
{
    if (batch.readings.empty())
        return refuse("energy.empty_batch", "The batch holds no readings.");
    if (batch.readings.size() > kMaxReadingsPerBatch)
        return refuse("energy.batch_too_large", "The batch holds more than 8192 readings.");
    const ZoneModel *zone = model.zone(batch.zone);
    if (!zone)
        return refuse("energy.unknown_zone", "The batch's zone " + gridZoneCode(batch.zone) + " is not in the grid model.");
    const auto op = operators.find(zone->gridOperator);
    if (op == operators.end() || op->second != batch.witness)
        return refuse("energy.bad_witness", "The batch is not witnessed by " + std::string(toString(zone->gridOperator))
                                                + ", the grid operator of " + zone->code + ".");
    const Bytes signed_ = batchWitnessBytes(networkId, batch);
    const bool valid = verifier ? verifier->verify(batch.witness, kBatchWitnessDomain, signed_, batch.witnessSignature)
                                : crypto::verify(batch.witness, kBatchWitnessDomain, signed_, batch.witnessSignature);
    if (!valid)
        return refuse("energy.bad_witness_signature", "The grid operator's signature on the batch does not verify.");
    return Status::success();
}

Result<MeterProgress> checkBatchReading(const BatchReadingContext &c, const MeterRecord *record,
                                        const std::optional<MeterProgress> &progress, const MeterReading &reading,
                                        std::optional<bool> signatureValid)
{
    if (!record)
        return refuse("energy.unknown_meter", "The reading is from an unregistered meter.");
    if (signatureValid) {
        if (!*signatureValid)
            return refuse("energy.bad_signature", "The reading is not signed by the meter's registered key.");
    } else {
        GTX_TRY(checkReadingSignature(c.networkId, *record, reading, c.verifier));
    }
    if (record->zone != c.batchZone)
        return refuse("energy.wrong_zone", "The meter is not in the batch's zone " + gridZoneCode(c.batchZone) + ".");
    return checkReading(c.rules, c.model, *record, progress, reading, c.nowMs);
}

} // namespace gtx::energy
