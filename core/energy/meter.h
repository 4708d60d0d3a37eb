#pragma once

// The meter registry's record of one smart meter. Grid-operator authorities
// register, suspend and re-key meters; the record is what every reading is
// checked against. Meter ids are pseudonymous (PDPA): the record holds no
// customer identity, only the owner's account key.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/energy/grid_model.h"

#include <cstdint>

namespace gtx::energy {

using crypto::Hash256;
using crypto::PublicKey;

enum class MeterRegistration : std::uint8_t {
    Consumer = 0,   // imports only: an export figure is refused
    Prosumer = 1,   // imports and exports (rooftop solar, storage)
};
constexpr codec::EnumRange<MeterRegistration> codecEnumRange(MeterRegistration)
{
    return {MeterRegistration::Prosumer, "meter registration"};
}

enum class MeterStatus : std::uint8_t {
    Active = 0,
    Suspended = 1,   // tampered or reported stolen: readings refused until re-keyed
    Retired = 2,     // removed from service for good
};
constexpr codec::EnumRange<MeterStatus> codecEnumRange(MeterStatus) { return {MeterStatus::Retired, "meter status"}; }

// The largest meter the registry takes: a generator's revenue meter.
constexpr std::uint32_t kMaxMeterCapacityW = 2'000'000'000;

// Invariants (checkMeterRecord): the zone and grid node are in the grid
// model, the node belongs to the zone, the registered location lies inside
// the zone and within the node's service radius, and
// 0 < ratedCapacityW <= kMaxMeterCapacityW.
struct MeterRecord
{
    Hash256 id;
    PublicKey key;              // the meter's Ed25519 key
    PublicKey owner;            // the account its energy belongs to
    GridZone zone;
    std::uint32_t gridNode = 0;
    GeoPoint location;          // where it was installed
    std::uint32_t ratedCapacityW = 0;
    MeterRegistration registration = MeterRegistration::Consumer;
    MeterStatus status = MeterStatus::Active;

    // The most energy one 15-minute interval can hold: rated power x 0.25 h.
    std::uint64_t maxIntervalWh() const { return ratedCapacityW / 4; }

    bool operator==(const MeterRecord &) const = default;
};

// The payload of a MeterRegistry transaction, sent by the grid operator of
// the meter's zone. Register takes the whole record (status active);
// Suspend and Retire name record.id; Rekey names record.id and the new
// record.key (a replaced meter: active again, its registers start afresh).
enum class MeterRegistryAction : std::uint8_t {
    Register = 0,
    Suspend = 1,
    Rekey = 2,
    Retire = 3,
};
constexpr codec::EnumRange<MeterRegistryAction> codecEnumRange(MeterRegistryAction)
{
    return {MeterRegistryAction::Retire, "meter registry action"};
}

struct MeterRegistryChange
{
    MeterRegistryAction action = MeterRegistryAction::Register;
    MeterRecord record;
    bool operator==(const MeterRegistryChange &) const = default;
};

// Error "energy.bad_registration", saying which invariant fails.
Status checkMeterRecord(const GridModel &model, const MeterRecord &record);

std::string_view toString(MeterRegistration registration);
std::string_view toString(MeterStatus status);

void encodeTo(codec::Writer &w, const GeoPoint &v);
void decodeFrom(codec::Reader &r, GeoPoint &v);
void encodeTo(codec::Writer &w, const MeterRecord &v);
void decodeFrom(codec::Reader &r, MeterRecord &v);
void encodeTo(codec::Writer &w, const MeterRegistryChange &v);
void decodeFrom(codec::Reader &r, MeterRegistryChange &v);

} // namespace gtx::energy
