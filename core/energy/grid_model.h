#pragma once

// The grid model: the zones of the Thai grid with their boundaries and grid
// operators, the grid nodes (substations, connection points) meters hang
// from, and the tie lines between zones with their capacities. It is data,
// loaded from a TOML file a utility can replace; the default model
// (resources/grid/thailand.toml) is built into the binary and holds
// illustrative figures, not a utility's survey.
//
// Everything here is integer arithmetic on micro-degrees, so every node
// answers "is this point inside that zone" the same way.

#include "core/common/result.h"
#include "core/types/authority.h"
#include "core/types/grid_zone.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gtx::energy {

// Bounds on a model file (it is untrusted input like any other file).
constexpr std::size_t kMaxGridModelBytes = 1u << 20;
constexpr std::size_t kMaxZones = 64;
constexpr std::size_t kMaxBoundaryPoints = 256;
constexpr std::size_t kMaxGridNodes = 4096;
constexpr std::size_t kMaxTieLines = 512;

// WGS 84 position in micro-degrees. Invariant: |lat| <= 90e6, |lon| <= 180e6.
struct GeoPoint
{
    std::int32_t latMicroDeg = 0;
    std::int32_t lonMicroDeg = 0;
    bool operator==(const GeoPoint &) const = default;
};

// Distance in metres between two points, equirectangular with the cosine of
// the mean latitude taken per whole degree (table to 30 degrees, clamped
// beyond). Over Thailand (5.6 to 20.5 degrees north) and distances of a
// few hundred kilometres this is within 1 % of the great-circle distance.
std::uint64_t distanceMetres(GeoPoint a, GeoPoint b);
// distanceMetres(a, b) <= metres, decided exactly in integers (the rules
// use this: no floating point decides a verdict).
bool withinMetres(GeoPoint a, GeoPoint b, std::uint64_t metres);

// Inside or on the boundary of a simple polygon (even-odd rule, exact in
// 64-bit integers).
bool insidePolygon(const std::vector<GeoPoint> &polygon, GeoPoint p);

struct ZoneModel
{
    GridZone zone;                 // a built-in zone or a custom id
    std::string code;              // e.g. "PEA-S"
    AuthorityType gridOperator = AuthorityType::PEA;   // witnesses the zone's readings
    std::vector<GeoPoint> boundary;                    // at least 3 points
};

// A substation or connection point. Invariant: location lies inside its
// zone's boundary; serviceRadiusMetres > 0.
struct GridNodeModel
{
    std::uint32_t id = 0;
    std::string name;
    GridZone zone;
    GeoPoint location;
    std::uint32_t serviceRadiusMetres = 0;   // a meter of this node lies within it
};

// A tie line between two different zones. Lines of one corridor are
// parallel circuits: N-1 on a corridor means it must carry its flow with
// its largest circuit out.
struct TieLine
{
    std::string id;
    GridZone from;
    GridZone to;
    std::uint32_t capacityMw = 0;
    std::string corridor;   // empty: a corridor of its own
};

struct GridModel
{
    std::string name;
    std::vector<ZoneModel> zones;
    std::vector<GridNodeModel> nodes;
    std::vector<TieLine> lines;
    // Conservation's loss band, in basis points of a zone's inflow.
    std::uint32_t lossMinBps = 0;
    std::uint32_t lossMaxBps = 0;

    // Lookups by id, in O(log n): every reading looks up its zone and its
    // grid node, every grid-state report and conservation verdict its
    // lines. They use the indexes index() builds (parseGridModel does).
    const ZoneModel *zone(GridZone zone) const;
    const GridNodeModel *node(std::uint32_t id) const;
    const TieLine *line(const std::string &id) const;
    // True when the zone's boundary holds p (edges belong to both sides).
    bool inZone(GridZone zone, GeoPoint p) const;
    void index();

    std::map<std::uint16_t, std::size_t> zoneIndex;   // zone id -> position in zones
    std::map<std::uint32_t, std::size_t> nodeIndex;   // node id -> position in nodes
    std::map<std::string, std::size_t> lineIndex;     // line id -> position in lines
};

// Parses and checks a model. Error: "grid.bad_model", naming the line or
// the entry at fault.
Result<GridModel> parseGridModel(std::string_view text);
// Reads at most kMaxGridModelBytes from a regular file. Errors:
// "grid.bad_model", "grid.unreadable".
Result<GridModel> readGridModel(const std::filesystem::path &path);
// The built-in model (resources/grid/thailand.toml).
const GridModel &defaultGridModel();
std::string_view defaultGridModelText();

} // namespace gtx::energy
