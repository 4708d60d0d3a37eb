#pragma once

// Signed meter readings, the grid operator's witnessed batches of them, and
// the evidence two conflicting readings make.
//
// A reading covers one 15-minute interval. The meter stamps it when the
// interval closes, so its timestamp lies on the interval's end boundary
// (within ReadingRules::boundaryToleranceMs of it), and signs the canonical
// encoding together with the network id: a reading never replays from one
// network to another. The zone's grid operator collects its meters'
// readings and signs the Merkle root of each batch (docs/protocol.md,
// "Energy data").

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/energy/meter.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace gtx::energy {

using crypto::Signature;

constexpr std::int64_t kIntervalMs = 15 * 60 * 1000;
constexpr std::size_t kMaxReadingsPerBatch = 8192;

constexpr std::string_view kReadingDomain = "gtx/meter-reading/v2";
constexpr std::string_view kBatchWitnessDomain = "gtx/reading-batch/v1";

struct MeterReading
{
    Hash256 meterId;
    std::int64_t timestampMs = 0;           // UTC ms, the interval's end (15-minute boundary)
    std::uint64_t importRegisterWh = 0;     // cumulative registers at the interval's end
    std::uint64_t exportRegisterWh = 0;
    std::uint64_t importWh = 0;             // energy in this interval
    std::uint64_t exportWh = 0;
    GeoPoint location;                      // the meter's GPS fix
    bool tampered = false;                  // the meter's tamper switch
    Signature signature;                    // the meter's, over readingSigningBytes

    bool operator==(const MeterReading &) const = default;
};

// The interval a timestamp belongs to: its end, the nearest 15-minute boundary.
std::int64_t intervalEndOf(std::int64_t timestampMs);

// u32 network id || the reading's fields without the signature.
Bytes readingSigningBytes(std::uint32_t networkId, const MeterReading &reading);
void signReading(MeterReading &reading, std::uint32_t networkId, const crypto::KeyPair &meterKey);
bool verifyReadingSignature(std::uint32_t networkId, const MeterReading &reading, const PublicKey &meterKey);
// Identifies a signed reading (its whole encoding, signature included): the
// Merkle leaf of a batch.
Hash256 readingId(const MeterReading &reading);

// Readings of one zone, witnessed by its grid operator. Invariant once
// witnessed: witnessSignature verifies over (network id, zone, count, root).
struct ReadingBatch
{
    GridZone zone;
    std::vector<MeterReading> readings;   // at most kMaxReadingsPerBatch
    PublicKey witness;
    Signature witnessSignature;

    bool operator==(const ReadingBatch &) const = default;
};

Hash256 batchRoot(const std::vector<MeterReading> &readings);
Bytes batchWitnessBytes(std::uint32_t networkId, const ReadingBatch &batch);
void witnessBatch(ReadingBatch &batch, std::uint32_t networkId, const crypto::KeyPair &gridOperator);

// Two different readings signed by one meter for one interval: objective
// evidence that the meter (or whoever holds its key) lied in one of them.
struct DuplicateReadingEvidence
{
    MeterReading first;
    MeterReading second;
    bool operator==(const DuplicateReadingEvidence &) const = default;
};

// Error "energy.bad_evidence" unless both readings are the same meter's,
// for the same interval, report different figures (energy or registers),
// and are both signed by meterKey.
Status verifyDuplicateReadingEvidence(std::uint32_t networkId, const DuplicateReadingEvidence &evidence,
                                      const PublicKey &meterKey);

void encodeTo(codec::Writer &w, const MeterReading &v);
void decodeFrom(codec::Reader &r, MeterReading &v);
void encodeTo(codec::Writer &w, const ReadingBatch &v);
void decodeFrom(codec::Reader &r, ReadingBatch &v);
void encodeTo(codec::Writer &w, const DuplicateReadingEvidence &v);
void decodeFrom(codec::Reader &r, DuplicateReadingEvidence &v);

} // namespace gtx::energy
