#pragma once

// Energy proofs: a smart meter's signed 15-minute reading, witnessed by the
// grid operator that owns the meter's connection point. Meter ids are
// pseudonymous hashes: 15-minute readings are personal data (PDPA), so no
// customer identity goes on chain.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/grid_zone.h"

#include <cstdint>
#include <string_view>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

// Readings are integrated over 15-minute intervals.
constexpr std::uint64_t kMeterIntervalMs = 15ull * 60ull * 1000ull;
// The longest interval one reading may cover (a meter catching up): one day.
constexpr std::uint64_t kMaxMeterIntervalMs = 24ull * 60ull * 60ull * 1000ull;

constexpr std::int32_t kMaxLatitudeMicroDeg = 90'000'000;
constexpr std::int32_t kMaxLongitudeMicroDeg = 180'000'000;

// Domains of the meter's signature and the grid operator's witness.
constexpr std::string_view kMeterReadingDomain = "gtx/meter-reading/v1";
constexpr std::string_view kGridWitnessDomain = "gtx/grid-witness/v1";

struct MeterData
{
    Hash256 meterId;                  // pseudonymous meter id (not personal data)
    std::int64_t intervalStartMs = 0; // UTC ms, on a 15-minute boundary
    std::uint64_t intervalLengthMs = kMeterIntervalMs;
    std::uint64_t energyProducedWh = 0;
    std::uint64_t energyConsumedWh = 0;
    std::uint64_t sequence = 0;       // the meter's reading counter
    GridZone zone;

    // Interval aligned to 15 minutes, a whole number of intervals, at most a
    // day. Error: "energy.bad_interval".
    Status validate() const;

    bool operator==(const MeterData &) const = default;
};

struct GridCoordinate
{
    std::int32_t latitudeMicroDeg = 0;    // WGS 84, -90e6 .. 90e6
    std::int32_t longitudeMicroDeg = 0;   // WGS 84, -180e6 .. 180e6
    std::uint32_t gridNodeId = 0;         // connection point in the grid model

    bool operator==(const GridCoordinate &) const = default;
};

// A signature by an authority key (e.g. the distribution utility's).
struct AuthoritySignature
{
    PublicKey authority;
    Signature signature;

    bool operator==(const AuthoritySignature &) const = default;
};

struct EnergyProof
{
    MeterData meterReading;
    std::int64_t timestampMs = 0;             // UTC ms when the meter signed
    GridCoordinate location;
    Signature energySignature;                // the meter's Ed25519 signature
    AuthoritySignature gridOperatorWitness;   // the grid operator's witness

    bool operator==(const EnergyProof &) const = default;
};

// What the meter signs: encode(meterReading) || timestamp || encode(location).
Bytes meterSigningBytes(const EnergyProof &proof);
// What the grid operator signs: the meter's signing bytes and its signature.
Bytes witnessSigningBytes(const EnergyProof &proof);

void signAsMeter(EnergyProof &proof, const crypto::KeyPair &meterKey);
void witnessAsGridOperator(EnergyProof &proof, const crypto::KeyPair &operatorKey);
// The meter's key comes from the meter registry (it is not in the proof).
bool verifyMeterSignature(const EnergyProof &proof, const PublicKey &meterKey);
// Checks the witness signature; whether its key is an authority is for the caller.
bool verifyGridWitness(const EnergyProof &proof);

void encodeTo(codec::Writer &w, const MeterData &v);
void decodeFrom(codec::Reader &r, MeterData &v);
void encodeTo(codec::Writer &w, const GridCoordinate &v);
void decodeFrom(codec::Reader &r, GridCoordinate &v);
void encodeTo(codec::Writer &w, const AuthoritySignature &v);
void decodeFrom(codec::Reader &r, AuthoritySignature &v);
void encodeTo(codec::Writer &w, const EnergyProof &v);
void decodeFrom(codec::Reader &r, EnergyProof &v);

} // namespace gtx
