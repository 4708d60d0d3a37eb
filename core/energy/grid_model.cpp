#include "core/energy/grid_model.h"

#include "core/common/arith.h"
#include "core/common/text_file.h"

#include <toml++/toml.h>

#include <array>
#include <cmath>
#include <numeric>
#include <set>

namespace gtx::energy {

namespace {

// cos(d degrees) in parts per million, d = 0..30.
constexpr std::array<std::int64_t, 31> kCosPpm{
    1000000, 999848, 999391, 998630, 997564, 996195, 994522, 992546, 990268, 987688, 984808,
    981627,  978148, 974370, 970296, 965926, 961262, 956305, 951057, 945519, 939693, 933580,
    927184,  920505, 913545, 906308, 898794, 891007, 882948, 874620, 866025};

// Metres per micro-degree of latitude: 111,320 m per degree, times 1000.
constexpr std::int64_t kMilliMetresPerMicroDeg = 111;   // 0.11132 m, see distanceMetres

Error bad(const std::string &what)
{
    return makeError("grid.bad_model", "The grid model is invalid: " + what + ".");
}

Error badAt(const toml::node &at, const std::string &what)
{
    return bad("line " + std::to_string(at.source().begin.line) + ": " + what);
}

std::optional<std::int32_t> microDegrees(const toml::node *node, std::int32_t limit)
{
    if (!node)
        return std::nullopt;
    double degrees = 0;
    if (auto f = node->value<double>(); f && (node->is_floating_point() || node->is_integer()))
        degrees = *f;
    else
        return std::nullopt;
    if (!std::isfinite(degrees))
        return std::nullopt;
    const double micro = std::round(degrees * 1e6);
    if (micro < -static_cast<double>(limit) || micro > static_cast<double>(limit))
        return std::nullopt;
    return static_cast<std::int32_t>(micro);
}

std::optional<GeoPoint> pointOf(const toml::node *node)
{
    const toml::array *a = node ? node->as_array() : nullptr;
    if (!a || a->size() != 2)
        return std::nullopt;
    auto lat = microDegrees(a->get(0), 90'000'000);
    auto lon = microDegrees(a->get(1), 180'000'000);
    if (!lat || !lon)
        return std::nullopt;
    return GeoPoint{*lat, *lon};
}

std::optional<std::uint64_t> unsignedOf(const toml::node *node, std::uint64_t max)
{
    if (!node || !node->is_integer())
        return std::nullopt;
    const std::int64_t v = node->value_or(std::int64_t{-1});
    if (v < 0 || static_cast<std::uint64_t>(v) > max)
        return std::nullopt;
    return static_cast<std::uint64_t>(v);
}

Result<GridZone> zoneNamed(const GridModel &m, const toml::node &at, const toml::node *node)
{
    const auto code = node ? node->value<std::string>() : std::nullopt;
    if (!code)
        return badAt(at, "an entry needs a zone code");
    for (const auto &z : m.zones)
        if (z.code == *code)
            return z.zone;
    return badAt(at, "the zone " + *code + " is not in the model");
}

Status parseZones(const toml::table &root, GridModel &m)
{
    const toml::array *zones = root["zone"].as_array();
    if (!zones || zones->empty())
        return bad("it has no [[zone]] entries");
    if (zones->size() > kMaxZones)
        return bad("it has more than " + std::to_string(kMaxZones) + " zones");
    std::set<std::uint16_t> ids;
    std::set<std::string> codes;
    for (const toml::node &entry : *zones) {
        const toml::table *t = entry.as_table();
        if (!t)
            return badAt(entry, "each [[zone]] is a table");
        ZoneModel z;
        z.code = (*t)["code"].value_or(std::string());
        if (z.code.empty() || z.code.size() > 32)
            return badAt(entry, "a zone needs a code of 1 to 32 characters");
        if (auto known = parseGridZone(z.code)) {
            z.zone = *known;
        } else {
            auto id = unsignedOf((*t)["id"].node(), 0xFFFF);
            if (!id || *id < kFirstCustomZoneId)
                return badAt(entry, "the zone " + z.code + " is not built in, so it needs an id from "
                                        + std::to_string(kFirstCustomZoneId) + " to 65535");
            z.zone = GridZone{static_cast<std::uint16_t>(*id)};
        }
        auto op = parseAuthorityType((*t)["operator"].value_or(std::string()));
        if (!op || (*op != AuthorityType::EGAT && *op != AuthorityType::MEA && *op != AuthorityType::PEA))
            return badAt(entry, "the zone " + z.code + " needs a grid operator: EGAT, MEA or PEA");
        z.gridOperator = *op;
        const toml::array *boundary = (*t)["boundary"].as_array();
        if (!boundary || boundary->size() < 3 || boundary->size() > kMaxBoundaryPoints)
            return badAt(entry, "the zone " + z.code + " needs a boundary of 3 to "
                                    + std::to_string(kMaxBoundaryPoints) + " [latitude, longitude] points");
        for (const toml::node &p : *boundary) {
            auto point = pointOf(&p);
            if (!point)
                return badAt(p, "a boundary point is [latitude, longitude] in degrees");
            z.boundary.push_back(*point);
        }
        if (!ids.insert(z.zone.id).second || !codes.insert(z.code).second)
            return badAt(entry, "the zone " + z.code + " appears twice");
        m.zones.push_back(std::move(z));
    }
    return Status::success();
}

Status parseNodes(const toml::table &root, GridModel &m)
{
    const toml::array *nodes = root["node"].as_array();
    if (!nodes || nodes->empty())
        return bad("it has no [[node]] entries");
    if (nodes->size() > kMaxGridNodes)
        return bad("it has more than " + std::to_string(kMaxGridNodes) + " grid nodes");
    std::set<std::uint32_t> ids;
    for (const toml::node &entry : *nodes) {
        const toml::table *t = entry.as_table();
        if (!t)
            return badAt(entry, "each [[node]] is a table");
        GridNodeModel n;
        auto id = unsignedOf((*t)["id"].node(), 0xFFFFFFFFu);
        if (!id || *id == 0)
            return badAt(entry, "a grid node needs an id from 1 to 4294967295");
        n.id = static_cast<std::uint32_t>(*id);
        n.name = (*t)["name"].value_or(std::string());
        if (n.name.empty() || n.name.size() > 64)
            return badAt(entry, "a grid node needs a name of 1 to 64 characters");
        auto nodeZone = zoneNamed(m, entry, (*t)["zone"].node());
        if (!nodeZone)
            return nodeZone.error();
        n.zone = *nodeZone;
        auto location = pointOf((*t)["location"].node());
        if (!location)
            return badAt(entry, "the grid node " + n.name + " needs a location [latitude, longitude]");
        n.location = *location;
        auto radius = unsignedOf((*t)["service_radius_km"].node(), 500);
        if (!radius || *radius == 0)
            return badAt(entry, "the grid node " + n.name + " needs a service_radius_km from 1 to 500");
        n.serviceRadiusMetres = static_cast<std::uint32_t>(*radius * 1000);
        if (!m.inZone(n.zone, n.location))
            return badAt(entry, "the grid node " + n.name + " lies outside its zone's boundary");
        if (!ids.insert(n.id).second)
            return badAt(entry, "the grid node id " + std::to_string(n.id) + " appears twice");
        m.nodes.push_back(std::move(n));
    }
    return Status::success();
}

Status parseLines(const toml::table &root, GridModel &m)
{
    const toml::array *lines = root["line"].as_array();
    if (!lines)
        return Status::success();
    if (lines->size() > kMaxTieLines)
        return bad("it has more than " + std::to_string(kMaxTieLines) + " tie lines");
    std::set<std::string> ids;
    for (const toml::node &entry : *lines) {
        const toml::table *t = entry.as_table();
        if (!t)
            return badAt(entry, "each [[line]] is a table");
        TieLine l;
        l.id = (*t)["id"].value_or(std::string());
        if (l.id.empty() || l.id.size() > 64)
            return badAt(entry, "a tie line needs an id of 1 to 64 characters");
        auto fromZone = zoneNamed(m, entry, (*t)["from"].node());
        if (!fromZone)
            return fromZone.error();
        l.from = *fromZone;
        auto toZone = zoneNamed(m, entry, (*t)["to"].node());
        if (!toZone)
            return toZone.error();
        l.to = *toZone;
        if (l.from == l.to)
            return badAt(entry, "the tie line " + l.id + " joins a zone to itself");
        auto capacity = unsignedOf((*t)["capacity_mw"].node(), 100'000);
        if (!capacity || *capacity == 0)
            return badAt(entry, "the tie line " + l.id + " needs a capacity_mw from 1 to 100000");
        l.capacityMw = static_cast<std::uint32_t>(*capacity);
        l.corridor = (*t)["corridor"].value_or(std::string());
        if (!ids.insert(l.id).second)
            return badAt(entry, "the tie line " + l.id + " appears twice");
        // The circuits of a corridor run in parallel between the same two zones.
        for (const auto &other : m.lines)
            if (!l.corridor.empty() && other.corridor == l.corridor
                && !((other.from == l.from && other.to == l.to) || (other.from == l.to && other.to == l.from)))
                return badAt(entry, "the tie line " + l.id + " is in corridor " + l.corridor
                                        + " but does not join the same two zones as " + other.id);
        // A line of no corridor is a corridor of its own, named by its id:
        // no id may be another line's corridor name, nor the other way round.
        for (const auto &other : m.lines)
            if ((l.corridor.empty() && other.corridor == l.id) || (other.corridor.empty() && l.corridor == other.id))
                return badAt(entry, "the tie line " + l.id + " and " + other.id
                                        + " confuse a line's id with a corridor's name");
        m.lines.push_back(std::move(l));
    }
    return Status::success();
}

} // namespace

namespace {

// The equirectangular offsets between two points, in millimetres.
std::pair<std::int64_t, std::int64_t> offsetsMm(GeoPoint a, GeoPoint b)
{
    const std::int64_t meanLat = (static_cast<std::int64_t>(a.latMicroDeg) + b.latMicroDeg) / 2;
    std::int64_t degree = (meanLat < 0 ? -meanLat : meanLat) / 1'000'000;
    if (degree > 30)
        degree = 30;
    const std::int64_t dLat = static_cast<std::int64_t>(a.latMicroDeg) - b.latMicroDeg;
    const std::int64_t dLon = static_cast<std::int64_t>(a.lonMicroDeg) - b.lonMicroDeg;
    // 0.111 m per micro-degree (111,320 m per degree; the 0.3 % left out is
    // far inside the tolerance of a service radius).
    const std::int64_t y = dLat * kMilliMetresPerMicroDeg;
    const std::int64_t x = dLon * kMilliMetresPerMicroDeg / 1000 * kCosPpm[static_cast<std::size_t>(degree)] / 1000;
    return {x, y};
}

Uint128 squared(std::int64_t v)
{
    const Uint128 m = static_cast<Uint128>(v < 0 ? -static_cast<Int128>(v) : v);
    return m * m;
}

} // namespace

std::uint64_t distanceMetres(GeoPoint a, GeoPoint b)
{
    // For people and tools; verdicts use withinMetres(). |x|, |y| < 4e10 mm.
    const auto [x, y] = offsetsMm(a, b);
    const long double d = std::sqrt(static_cast<long double>(x) * x + static_cast<long double>(y) * y);
    return static_cast<std::uint64_t>(d / 1000.0L);
}

bool withinMetres(GeoPoint a, GeoPoint b, std::uint64_t metres)
{
    const auto [x, y] = offsetsMm(a, b);
    // Below metres + 1 (the distance truncated to whole metres is at most metres).
    const Uint128 limit = static_cast<Uint128>(metres + 1) * 1000;
    return squared(x) + squared(y) < limit * limit;
}

bool insidePolygon(const std::vector<GeoPoint> &polygon, GeoPoint p)
{
    const std::size_t n = polygon.size();
    if (n < 3)
        return false;
    bool inside = false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const std::int64_t xi = polygon[i].lonMicroDeg, yi = polygon[i].latMicroDeg;
        const std::int64_t xj = polygon[j].lonMicroDeg, yj = polygon[j].latMicroDeg;
        const std::int64_t px = p.lonMicroDeg, py = p.latMicroDeg;
        // On the edge (i, j): collinear and within its box.
        const std::int64_t cross = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
        if (cross == 0 && std::min(xi, xj) <= px && px <= std::max(xi, xj) && std::min(yi, yj) <= py
            && py <= std::max(yi, yj))
            return true;
        // The edge crosses the horizontal ray to the east of p.
        if ((yi > py) != (yj > py)) {
            // px < xi + (py - yi) * (xj - xi) / (yj - yi), without division.
            const std::int64_t lhs = (px - xi) * (yj - yi);
            const std::int64_t rhs = (py - yi) * (xj - xi);
            if (yj > yi ? lhs < rhs : lhs > rhs)
                inside = !inside;
        }
    }
    return inside;
}

const ZoneModel *GridModel::zone(GridZone z) const
{
    const auto it = zoneIndex.find(z.id);
    return it == zoneIndex.end() ? nullptr : &zones[it->second];
}

const GridNodeModel *GridModel::node(std::uint32_t id) const
{
    const auto it = nodeIndex.find(id);
    return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

const TieLine *GridModel::line(const std::string &id) const
{
    const auto it = lineIndex.find(id);
    return it == lineIndex.end() ? nullptr : &lines[it->second];
}

void GridModel::index()
{
    zoneIndex.clear();
    nodeIndex.clear();
    for (std::size_t i = 0; i < zones.size(); ++i)
        zoneIndex.emplace(zones[i].zone.id, i);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        nodeIndex.emplace(nodes[i].id, i);
    lineIndex.clear();
    for (std::size_t i = 0; i < lines.size(); ++i)
        lineIndex.emplace(lines[i].id, i);
}

bool GridModel::inZone(GridZone z, GeoPoint p) const
{
    const ZoneModel *entry = zone(z);
    return entry && insidePolygon(entry->boundary, p);
}

Result<GridModel> parseGridModel(std::string_view text)
{
    if (text.size() > kMaxGridModelBytes)
        return bad("it is larger than 1 MiB");
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error &e) {
        return bad("line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    GridModel m;
    m.name = root["name"].value_or(std::string());
    if (m.name.empty() || m.name.size() > 128)
        return bad("it needs a name of 1 to 128 characters");
    auto lossMin = unsignedOf(root["losses"]["min_bps"].node(), 10'000);
    auto lossMax = unsignedOf(root["losses"]["max_bps"].node(), 10'000);
    if (!lossMin || !lossMax || *lossMin > *lossMax)
        return bad("[losses] needs min_bps <= max_bps, both from 0 to 10000");
    m.lossMinBps = static_cast<std::uint32_t>(*lossMin);
    m.lossMaxBps = static_cast<std::uint32_t>(*lossMax);
    GTX_TRY(parseZones(root, m));
    m.index();   // the nodes are checked against their zones
    GTX_TRY(parseNodes(root, m));
    m.index();
    GTX_TRY(parseLines(root, m));
    m.index();
    return m;
}

Result<GridModel> readGridModel(const std::filesystem::path &path)
{
    auto text = readTextFile(path, kMaxGridModelBytes);
    if (!text) {
        if (text.error().code == "file.too_large")
            return bad("it is larger than 1 MiB");
        return makeError("grid.unreadable", "Cannot read the grid model: " + text.error().message + ".");
    }
    return parseGridModel(*text);
}

const GridModel &defaultGridModel()
{
    // The built-in file is checked by test_energy; a defect in it is a build
    // defect, so it is parsed once and never fails at run time.
    static const GridModel model = [] {
        auto parsed = parseGridModel(defaultGridModelText());
        return parsed ? std::move(*parsed) : GridModel{};
    }();
    return model;
}

} // namespace gtx::energy
