#include "core/energy/reading.h"

#include "core/common/arith.h"
#include "core/crypto/merkle.h"

namespace gtx::energy {

namespace {

void encodeFields(codec::Writer &w, const MeterReading &v)
{
    w.fixed(v.meterId);
    w.i64(v.timestampMs);
    w.u64(v.importRegisterWh);
    w.u64(v.exportRegisterWh);
    w.u64(v.importWh);
    w.u64(v.exportWh);
    w.value(v.location);
    w.boolean(v.tampered);
}

} // namespace

std::int64_t intervalEndOf(std::int64_t timestampMs)
{
    // Round half up to the nearest boundary, for negative times too, in 128
    // bits: any 64-bit timestamp (a hostile one too) has an answer, clamped
    // to the boundaries that fit in 64 bits.
    const Int128 shifted = static_cast<Int128>(timestampMs) + kIntervalMs / 2;
    Int128 q = shifted / kIntervalMs;
    if (shifted % kIntervalMs < 0)
        --q;
    const Int128 end = q * kIntervalMs;
    const Int128 highest = INT64_MAX / kIntervalMs * kIntervalMs;
    const Int128 lowest = INT64_MIN / kIntervalMs * kIntervalMs;
    return static_cast<std::int64_t>(end > highest ? highest : end < lowest ? lowest : end);
}

Bytes readingSigningBytes(std::uint32_t networkId, const MeterReading &reading)
{
    codec::Writer w;
    w.u32(networkId);
    encodeFields(w, reading);
    return w.take();
}

void signReading(MeterReading &reading, std::uint32_t networkId, const crypto::KeyPair &meterKey)
{
    reading.signature = meterKey.sign(kReadingDomain, readingSigningBytes(networkId, reading));
}

bool verifyReadingSignature(std::uint32_t networkId, const MeterReading &reading, const PublicKey &meterKey)
{
    return crypto::verify(meterKey, kReadingDomain, readingSigningBytes(networkId, reading), reading.signature);
}

Hash256 readingId(const MeterReading &reading)
{
    return crypto::merkleLeafHash(codec::encode(reading));
}

Hash256 batchRoot(const std::vector<MeterReading> &readings)
{
    std::vector<Hash256> leaves;
    leaves.reserve(readings.size());
    for (const auto &r : readings)
        leaves.push_back(readingId(r));
    return crypto::merkleRoot(leaves);
}

Bytes batchWitnessBytes(std::uint32_t networkId, const ReadingBatch &batch)
{
    codec::Writer w;
    w.u32(networkId);
    w.value(batch.zone);
    w.u32(static_cast<std::uint32_t>(batch.readings.size()));
    w.fixed(batchRoot(batch.readings));
    return w.take();
}

void witnessBatch(ReadingBatch &batch, std::uint32_t networkId, const crypto::KeyPair &gridOperator)
{
    batch.witness = gridOperator.publicKey();
    batch.witnessSignature = gridOperator.sign(kBatchWitnessDomain, batchWitnessBytes(networkId, batch));
}

Status verifyDuplicateReadingEvidence(std::uint32_t networkId, const DuplicateReadingEvidence &e,
                                      const PublicKey &meterKey)
{
    auto bad = [](const char *why) {
        return makeError("energy.bad_evidence", std::string("The duplicate-reading evidence is invalid: ") + why + ".");
    };
    if (e.first.meterId != e.second.meterId)
        return bad("the readings are from different meters");
    const std::int64_t end = intervalEndOf(e.first.timestampMs);
    auto near = [end](std::int64_t t) {
        const Int128 d = static_cast<Int128>(t) - end;
        return d <= kIntervalMs / 2 && -d <= kIntervalMs / 2;   // false only past the 64-bit boundaries
    };
    if (end != intervalEndOf(e.second.timestampMs) || !near(e.first.timestampMs) || !near(e.second.timestampMs))
        return bad("the readings are for different intervals");
    if (readingId(e.first) == readingId(e.second))
        return bad("the readings are the same");
    // A meter that sends an interval again (a retry, a later timestamp, a
    // new GPS fix) tells no lie: only different figures are evidence.
    if (e.first.importWh == e.second.importWh && e.first.exportWh == e.second.exportWh
        && e.first.importRegisterWh == e.second.importRegisterWh && e.first.exportRegisterWh == e.second.exportRegisterWh)
        return bad("the readings report the same figures");
    if (!verifyReadingSignature(networkId, e.first, meterKey) || !verifyReadingSignature(networkId, e.second, meterKey))
        return bad("a reading is not signed by the meter's key");
    return Status::success();
}

void encodeTo(codec::Writer &w, const MeterReading &v)
{
    encodeFields(w, v);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, MeterReading &v)
{
    r.fixed(v.meterId);
    v.timestampMs = r.i64();
    v.importRegisterWh = r.u64();
    v.exportRegisterWh = r.u64();
    v.importWh = r.u64();
    v.exportWh = r.u64();
    r.value(v.location);
    v.tampered = r.boolean();
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const ReadingBatch &v)
{
    w.value(v.zone);
    w.list(v.readings);
    w.fixed(v.witness);
    w.fixed(v.witnessSignature);
}

void decodeFrom(codec::Reader &r, ReadingBatch &v)
{
    r.value(v.zone);
    // A reading encodes to 32 + 8 * 5 + 8 + 1 + 64 = 145 bytes.
    r.list(v.readings, kMaxReadingsPerBatch, "reading batch", 145);
    r.fixed(v.witness);
    r.fixed(v.witnessSignature);
}

void encodeTo(codec::Writer &w, const DuplicateReadingEvidence &v)
{
    w.value(v.first);
    w.value(v.second);
}

void decodeFrom(codec::Reader &r, DuplicateReadingEvidence &v)
{
    r.value(v.first);
    r.value(v.second);
}

} // namespace gtx::energy
