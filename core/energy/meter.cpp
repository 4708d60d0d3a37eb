#include "core/energy/meter.h"

namespace gtx::energy {

namespace {

Error badRegistration(const std::string &why)
{
    return makeError("energy.bad_registration", "The meter cannot be registered: " + why + ".");
}

} // namespace

Status checkMeterRecord(const GridModel &model, const MeterRecord &record)
{
    if (record.ratedCapacityW == 0 || record.ratedCapacityW > kMaxMeterCapacityW)
        return badRegistration("its rated capacity must be from 1 W to 2,000 MW");
    if (!model.zone(record.zone))
        return badRegistration("its zone " + gridZoneCode(record.zone) + " is not in the grid model");
    const GridNodeModel *node = model.node(record.gridNode);
    if (!node)
        return badRegistration("its grid node " + std::to_string(record.gridNode) + " is not in the grid model");
    if (node->zone != record.zone)
        return badRegistration("its grid node " + node->name + " is not in its zone " + gridZoneCode(record.zone));
    if (!model.inZone(record.zone, record.location))
        return badRegistration("its location lies outside its zone " + gridZoneCode(record.zone));
    if (!withinMetres(record.location, node->location, node->serviceRadiusMetres))
        return badRegistration("its location lies outside the service radius of " + node->name);
    return Status::success();
}

std::string_view toString(MeterRegistration registration)
{
    return registration == MeterRegistration::Prosumer ? "prosumer" : "consumer";
}

std::string_view toString(MeterStatus status)
{
    switch (status) {
    case MeterStatus::Active:
        return "active";
    case MeterStatus::Suspended:
        return "suspended";
    case MeterStatus::Retired:
        return "retired";
    }
    return "unknown";
}

void encodeTo(codec::Writer &w, const GeoPoint &v)
{
    w.i32(v.latMicroDeg);
    w.i32(v.lonMicroDeg);
}

void decodeFrom(codec::Reader &r, GeoPoint &v)
{
    v.latMicroDeg = r.i32InRange(-90'000'000, 90'000'000, "latitude");
    v.lonMicroDeg = r.i32InRange(-180'000'000, 180'000'000, "longitude");
}

void encodeTo(codec::Writer &w, const MeterRecord &v)
{
    w.fixed(v.id);
    w.fixed(v.key);
    w.fixed(v.owner);
    w.value(v.zone);
    w.u32(v.gridNode);
    w.value(v.location);
    w.u32(v.ratedCapacityW);
    w.value(v.registration);
    w.value(v.status);
}

void decodeFrom(codec::Reader &r, MeterRecord &v)
{
    r.fixed(v.id);
    r.fixed(v.key);
    r.fixed(v.owner);
    r.value(v.zone);
    v.gridNode = r.u32();
    r.value(v.location);
    v.ratedCapacityW = r.u32();
    r.value(v.registration);
    r.value(v.status);
}

void encodeTo(codec::Writer &w, const MeterRegistryChange &v)
{
    w.value(v.action);
    w.value(v.record);
}

void decodeFrom(codec::Reader &r, MeterRegistryChange &v)
{
    r.value(v.action);
    r.value(v.record);
}

} // namespace gtx::energy
