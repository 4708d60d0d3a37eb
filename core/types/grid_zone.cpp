#include "core/types/grid_zone.h"

#include <array>

namespace gtx {

namespace {

constexpr std::array<GridZoneInfo, 8> kKnownZones{{
    {zones::kEgatTransmission.id, "EGAT-TX", "EGAT transmission network"},
    {zones::kMeaMetropolitan.id, "MEA-METRO", "MEA metropolitan (Bangkok, Nonthaburi, Samut Prakan)"},
    {zones::kPeaNorth.id, "PEA-N", "PEA north"},
    {zones::kPeaNortheast.id, "PEA-NE", "PEA northeast"},
    {zones::kPeaCentral.id, "PEA-C", "PEA central"},
    {zones::kPeaSouth.id, "PEA-S", "PEA south"},
    {zones::kPeaEast.id, "PEA-E", "PEA east"},
    {zones::kPeaWest.id, "PEA-W", "PEA west"},
}};

} // namespace

std::span<const GridZoneInfo> knownGridZones()
{
    return kKnownZones;
}

const GridZoneInfo *findKnownZone(GridZone zone)
{
    for (const auto &info : kKnownZones)
        if (info.id == zone.id)
            return &info;
    return nullptr;
}

std::string gridZoneCode(GridZone zone)
{
    if (const auto *info = findKnownZone(zone))
        return std::string(info->code);
    return "zone-" + std::to_string(zone.id);
}

std::optional<GridZone> parseGridZone(std::string_view code)
{
    for (const auto &info : kKnownZones)
        if (info.code == code)
            return GridZone{info.id};
    return std::nullopt;
}

void encodeTo(codec::Writer &w, const GridZone &v)
{
    w.u16(v.id);
}

void decodeFrom(codec::Reader &r, GridZone &v)
{
    v.id = r.u16();
}

} // namespace gtx
