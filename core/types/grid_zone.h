#pragma once

// Grid zones: where on the Thai grid something is. A zone is a 16-bit id.
// The table below names the zones built in; the grid model may add zones
// (ids from kFirstCustomZoneId) from its data file, so decoding accepts any id.

#include "core/codec/codec.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gtx {

struct GridZone
{
    std::uint16_t id = 0;   // 0: not assigned

    auto operator<=>(const GridZone &) const = default;
    bool operator==(const GridZone &) const = default;
};

struct GridZoneInfo
{
    std::uint16_t id;
    std::string_view code;   // stable short name, e.g. "PEA-NE"
    std::string_view name;   // English description
};

namespace zones {
constexpr GridZone kUnassigned{0};
constexpr GridZone kEgatTransmission{1};
constexpr GridZone kMeaMetropolitan{2};
constexpr GridZone kPeaNorth{3};
constexpr GridZone kPeaNortheast{4};
constexpr GridZone kPeaCentral{5};
constexpr GridZone kPeaSouth{6};
constexpr GridZone kPeaEast{7};
constexpr GridZone kPeaWest{8};
} // namespace zones

// Ids below this are reserved for the built-in table.
constexpr std::uint16_t kFirstCustomZoneId = 256;

// The built-in zones (not including "unassigned").
std::span<const GridZoneInfo> knownGridZones();
// The built-in entry for a zone, or nullptr for unassigned or custom zones.
const GridZoneInfo *findKnownZone(GridZone zone);
// The zone's code, or "zone-<id>" for zones not in the table.
std::string gridZoneCode(GridZone zone);
// Parses a built-in zone code (exact match).
std::optional<GridZone> parseGridZone(std::string_view code);

void encodeTo(codec::Writer &w, const GridZone &v);
void decodeFrom(codec::Reader &r, GridZone &v);

} // namespace gtx
