#include "core/types/energy_proof.h"

namespace gtx {

Status MeterData::validate() const
{
    const auto interval = static_cast<std::int64_t>(kMeterIntervalMs);
    if (intervalStartMs % interval != 0)
        return makeError("energy.bad_interval",
                         "The meter interval does not start on a 15-minute boundary.");
    if (intervalLengthMs == 0 || intervalLengthMs % kMeterIntervalMs != 0
        || intervalLengthMs > kMaxMeterIntervalMs)
        return makeError("energy.bad_interval",
                         "The meter interval must be a whole number of 15-minute intervals, at most one day.");
    return Status::success();
}

Bytes meterSigningBytes(const EnergyProof &proof)
{
    codec::Writer w;
    w.value(proof.meterReading);
    w.i64(proof.timestampMs);
    w.value(proof.location);
    return w.take();
}

Bytes witnessSigningBytes(const EnergyProof &proof)
{
    Bytes out = meterSigningBytes(proof);
    out.insert(out.end(), proof.energySignature.bytes.begin(), proof.energySignature.bytes.end());
    return out;
}

void signAsMeter(EnergyProof &proof, const crypto::KeyPair &meterKey)
{
    proof.energySignature = meterKey.sign(kMeterReadingDomain, meterSigningBytes(proof));
}

void witnessAsGridOperator(EnergyProof &proof, const crypto::KeyPair &operatorKey)
{
    proof.gridOperatorWitness.authority = operatorKey.publicKey();
    proof.gridOperatorWitness.signature = operatorKey.sign(kGridWitnessDomain, witnessSigningBytes(proof));
}

bool verifyMeterSignature(const EnergyProof &proof, const PublicKey &meterKey)
{
    return crypto::verify(meterKey, kMeterReadingDomain, meterSigningBytes(proof), proof.energySignature);
}

bool verifyGridWitness(const EnergyProof &proof)
{
    return crypto::verify(proof.gridOperatorWitness.authority, kGridWitnessDomain,
                          witnessSigningBytes(proof), proof.gridOperatorWitness.signature);
}

void encodeTo(codec::Writer &w, const MeterData &v)
{
    w.fixed(v.meterId);
    w.i64(v.intervalStartMs);
    w.u64(v.intervalLengthMs);
    w.u64(v.energyProducedWh);
    w.u64(v.energyConsumedWh);
    w.u64(v.sequence);
    w.value(v.zone);
}

void decodeFrom(codec::Reader &r, MeterData &v)
{
    r.fixed(v.meterId);
    v.intervalStartMs = r.i64();
    v.intervalLengthMs = r.u64();
    v.energyProducedWh = r.u64();
    v.energyConsumedWh = r.u64();
    v.sequence = r.u64();
    r.value(v.zone);
}

void encodeTo(codec::Writer &w, const GridCoordinate &v)
{
    w.i32(v.latitudeMicroDeg);
    w.i32(v.longitudeMicroDeg);
    w.u32(v.gridNodeId);
}

void decodeFrom(codec::Reader &r, GridCoordinate &v)
{
    v.latitudeMicroDeg = r.i32InRange(-kMaxLatitudeMicroDeg, kMaxLatitudeMicroDeg, "latitude (micro-degrees)");
    v.longitudeMicroDeg = r.i32InRange(-kMaxLongitudeMicroDeg, kMaxLongitudeMicroDeg, "longitude (micro-degrees)");
    v.gridNodeId = r.u32();
}

void encodeTo(codec::Writer &w, const AuthoritySignature &v)
{
    w.fixed(v.authority);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, AuthoritySignature &v)
{
    r.fixed(v.authority);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const EnergyProof &v)
{
    w.value(v.meterReading);
    w.i64(v.timestampMs);
    w.value(v.location);
    w.fixed(v.energySignature);
    w.value(v.gridOperatorWitness);
}

void decodeFrom(codec::Reader &r, EnergyProof &v)
{
    r.value(v.meterReading);
    v.timestampMs = r.i64();
    r.value(v.location);
    r.fixed(v.energySignature);
    r.value(v.gridOperatorWitness);
}

} // namespace gtx
