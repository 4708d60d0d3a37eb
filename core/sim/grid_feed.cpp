#include "core/sim/grid_feed.h"

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/energy/grid_state.h"
#include "core/energy/reading.h"
#include "core/sim/load_shape.h"

#include <algorithm>
#include <array>
#include <deque>
#include <string_view>

namespace gtx::sim {

using namespace energy;

namespace {

constexpr std::uint64_t kWhPerMw = 250'000;               // 1 MW over 15 minutes
constexpr std::uint32_t kMeterMw = 800;                   // what one bulk meter carries at most, about
constexpr std::uint32_t kMeterRatedW = 2'000'000'000;     // each bulk meter's rating (the registry's maximum)

// Thailand's system load through the day, in per mille of the peak at each
// local hour: lowest before dawn, an afternoon peak (air conditioning) and
// an evening one.
constexpr std::array<std::uint32_t, 24> kSystemLoadPermille{700, 680, 660, 650, 650, 660, 700, 780,
                                                             860, 920, 960, 980, 970, 990, 1000, 990,
                                                             960, 940, 950, 960, 930, 880, 820, 760};

// Illustrative peak load and available generation per built-in zone, MW.
struct ZoneSize
{
    std::string_view code;
    std::uint32_t peakLoadMw;
    std::uint32_t generationMw;
};
constexpr std::array<ZoneSize, 7> kZoneSizes{{
    {"MEA-METRO", 9500, 2000},
    {"PEA-C", 5500, 10000},
    {"PEA-E", 4500, 7500},
    {"PEA-W", 1800, 3600},
    {"PEA-S", 3000, 2200},
    {"PEA-N", 2500, 3000},
    {"PEA-NE", 3200, 3200},
}};

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// A value in [lo, hi], a pure function of its arguments.
std::int64_t noise(std::uint64_t seed, std::int64_t intervalEndMs, std::uint64_t tag, std::int64_t lo, std::int64_t hi)
{
    const std::uint64_t h = splitmix(splitmix(splitmix(seed) ^ static_cast<std::uint64_t>(intervalEndMs)) ^ tag);
    return lo + static_cast<std::int64_t>(h % static_cast<std::uint64_t>(hi - lo + 1));
}


crypto::KeyPair derivedKey(std::uint64_t seed, std::string_view what, std::uint64_t index)
{
    codec::Writer w;
    w.u64(seed);
    w.string(what);
    w.u64(index);
    const Hash256 h = crypto::hash("gtx/grid-feed-key/v1", w.data());
    return crypto::KeyPair::fromSeed(std::span<const std::uint8_t, 32>(h.bytes.data(), 32));
}

std::uint64_t ceilDiv(std::uint64_t a, std::uint64_t b)
{
    return (a + b - 1) / b;
}

} // namespace

Result<GridFeed> GridFeed::make(const GridFeedOptions &options, std::map<AuthorityType, crypto::KeyPair> operators)
{
    if (options.firstIntervalEndMs <= 0 || options.firstIntervalEndMs % kIntervalMs != 0)
        return makeError("feed.bad_start", "The first interval must end on a 15-minute boundary.");
    const std::int64_t registersFrom =
        options.registersFromIntervalEndMs == 0 ? options.firstIntervalEndMs : options.registersFromIntervalEndMs;
    if (registersFrom <= 0 || registersFrom % kIntervalMs != 0 || registersFrom > options.firstIntervalEndMs)
        return makeError("feed.bad_start", "The registers count from a 15-minute boundary at or before the first interval.");
    GridFeed f;
    f.m_options = options;
    f.m_model = options.model ? options.model : &defaultGridModel();
    f.m_operators = std::move(operators);
    f.m_nextEndMs = registersFrom;
    const GridModel &model = *f.m_model;

    // The zones the tie lines reach; a zone without lines has nowhere to
    // send its energy and is not fed.
    std::map<std::uint16_t, std::size_t> position;
    auto fed = [&](GridZone z) -> Result<std::size_t> {
        if (const auto it = position.find(z.id); it != position.end())
            return it->second;
        const ZoneModel *zm = model.zone(z);
        if (!zm)
            return makeError("feed.bad_model", "A tie line names a zone the model lacks.");
        if (!f.m_operators.count(zm->gridOperator))
            return makeError("feed.no_operator", "No key of the grid operator of " + zm->code + ".");
        FedZone zone;
        zone.model = zm;
        zone.peakLoadMw = 1000;
        zone.generationMw = 1000;
        for (const auto &s : kZoneSizes)
            if (s.code == zm->code) {
                zone.peakLoadMw = s.peakLoadMw;
                zone.generationMw = s.generationMw;
            }
        position[z.id] = f.m_zones.size();
        f.m_zones.push_back(zone);
        return f.m_zones.size() - 1;
    };
    std::map<std::string, std::size_t> corridorOf;
    for (const auto &line : model.lines) {
        auto a = fed(line.from);
        if (!a)
            return a.error();
        auto b = fed(line.to);
        if (!b)
            return b.error();
        const std::string name = line.corridor.empty() ? "line:" + line.id : line.corridor;
        auto it = corridorOf.find(name);
        if (it == corridorOf.end()) {
            it = corridorOf.emplace(name, f.m_corridors.size()).first;
            f.m_corridors.push_back({*a, *b, {}});
        }
        f.m_corridors[it->second].lines.push_back(&line);
    }
    if (!f.m_operators.count(AuthorityType::EGAT))
        return makeError("feed.no_operator", "No key of EGAT, which reports the grid state.");

    // Flows are solved leaves first: each corridor carries what the zones
    // beyond it put in. Every corridor must be eliminated, or there is a loop.
    std::vector<std::size_t> degree(f.m_zones.size(), 0);
    for (const auto &c : f.m_corridors) {
        ++degree[c.a];
        ++degree[c.b];
    }
    std::vector<bool> used(f.m_corridors.size(), false);
    std::deque<std::size_t> leaves;
    for (std::size_t z = 0; z < degree.size(); ++z)
        if (degree[z] == 1)
            leaves.push_back(z);
    while (!leaves.empty()) {
        const std::size_t z = leaves.front();
        leaves.pop_front();
        if (degree[z] != 1)
            continue;
        for (std::size_t c = 0; c < f.m_corridors.size(); ++c) {
            if (used[c] || (f.m_corridors[c].a != z && f.m_corridors[c].b != z))
                continue;
            used[c] = true;
            f.m_eliminationOrder.push_back(c);
            f.m_eliminationLeafIsA.push_back(f.m_corridors[c].a == z);
            const std::size_t other = f.m_corridors[c].a == z ? f.m_corridors[c].b : f.m_corridors[c].a;
            --degree[z];
            if (--degree[other] == 1)
                leaves.push_back(other);
            break;
        }
    }
    if (f.m_eliminationOrder.size() != f.m_corridors.size())
        return makeError("feed.bad_model", "The model's corridors form a loop; the feed solves flows on a tree.");

    // Bulk meters at the zone's grid nodes, in turn.
    for (auto &zone : f.m_zones) {
        std::vector<const GridNodeModel *> nodes;
        for (const auto &n : model.nodes)
            if (n.zone == zone.model->zone)
                nodes.push_back(&n);
        if (nodes.empty())
            return makeError("feed.bad_model", "The zone " + zone.model->code + " has no grid node.");
        const std::size_t feeders = ceilDiv(zone.peakLoadMw * 12ull / 10, kMeterMw);
        const std::size_t generators = ceilDiv(zone.generationMw * 15ull / 10, kMeterMw);
        for (std::size_t i = 0; i < feeders + generators; ++i) {
            const std::size_t index = f.m_meters.size();
            const GridNodeModel &node = *nodes[i % nodes.size()];
            MeterRecord m;
            codec::Writer w;
            w.u64(options.seed);
            w.u64(index);
            m.id = crypto::hash("gtx/grid-feed-meter/v1", w.data());
            f.m_meterKeys.push_back(derivedKey(options.seed, "meter", index));
            m.key = f.m_meterKeys.back().publicKey();
            m.owner = derivedKey(options.seed, "owner", index).publicKey();
            m.zone = zone.model->zone;
            m.gridNode = node.id;
            m.location = node.location;
            m.ratedCapacityW = kMeterRatedW;
            m.registration = i < feeders ? MeterRegistration::Consumer : MeterRegistration::Prosumer;
            (i < feeders ? zone.feeders : zone.generators).push_back(index);
            f.m_meters.push_back(m);
        }
    }
    f.m_importRegister.assign(f.m_meters.size(), 0);
    f.m_exportRegister.assign(f.m_meters.size(), 0);
    for (std::size_t i = 0; i < f.m_meters.size(); ++i) {
        f.m_importRegister[i] = static_cast<std::uint64_t>(noise(options.seed, 0, 1000 + i, 1'000'000, 50'000'000));
        f.m_exportRegister[i] = static_cast<std::uint64_t>(noise(options.seed, 0, 2000 + i, 1'000'000, 50'000'000));
    }
    // The intervals before the first move the registers on, unsent.
    if (registersFrom < options.firstIntervalEndMs)
        GTX_TRY(f.advanceTo(options.firstIntervalEndMs - kIntervalMs));
    return f;
}

GridFeed::IntervalFigures GridFeed::figures(std::int64_t endMs) const
{
    const std::uint64_t seed = m_options.seed;
    IntervalFigures out;
    out.intervalEndMs = endMs;
    const std::uint64_t shape = shapeAt(kSystemLoadPermille, endMs);
    // Each zone's load (with its losses, planned at 2 %) and the dispatch
    // of the generation in proportion to what each zone has.
    std::vector<std::int64_t> load(m_zones.size()), generation(m_zones.size());
    std::int64_t totalLoad = 0, totalGeneration = 0;
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        load[z] = static_cast<std::int64_t>(m_zones[z].peakLoadMw * shape / 1000)
            * noise(seed, endMs, 10 + z, 980, 1020) / 1000;
        totalLoad += load[z];
        totalGeneration += m_zones[z].generationMw;
    }
    const std::int64_t planned = totalLoad * 102 / 100;
    for (std::size_t z = 0; z < m_zones.size(); ++z)
        generation[z] = static_cast<std::int64_t>(m_zones[z].generationMw) * planned / std::max<std::int64_t>(1, totalGeneration);

    // Flows, leaves first; the zone left of each tree (the slack) makes up
    // the difference with its own generation.
    std::vector<std::int64_t> net(m_zones.size());
    for (std::size_t z = 0; z < m_zones.size(); ++z)
        net[z] = generation[z] - load[z] * 102 / 100;
    std::vector<std::int64_t> corridorFlow(m_corridors.size(), 0);   // a -> b
    std::vector<bool> eliminated(m_zones.size(), false);
    for (std::size_t k = 0; k < m_eliminationOrder.size(); ++k) {
        const Corridor &c = m_corridors[m_eliminationOrder[k]];
        const bool leafIsA = m_eliminationLeafIsA[k];
        const std::size_t leaf = leafIsA ? c.a : c.b, other = leafIsA ? c.b : c.a;
        corridorFlow[m_eliminationOrder[k]] = leafIsA ? net[leaf] : -net[leaf];
        net[other] += net[leaf];
        net[leaf] = 0;
        eliminated[leaf] = true;
    }
    for (std::size_t z = 0; z < m_zones.size(); ++z)
        if (!eliminated[z])
            generation[z] = std::max<std::int64_t>(0, generation[z] - net[z]);

    // Each corridor's flow over its circuits, in proportion to their ratings.
    std::map<std::string, std::int32_t> lineFlow;
    for (std::size_t c = 0; c < m_corridors.size(); ++c) {
        std::int64_t capacity = 0;
        for (const TieLine *l : m_corridors[c].lines)
            capacity += l->capacityMw;
        std::int64_t left = corridorFlow[c];
        for (std::size_t i = 0; i < m_corridors[c].lines.size(); ++i) {
            const TieLine *l = m_corridors[c].lines[i];
            const std::int64_t share = i + 1 == m_corridors[c].lines.size()
                ? left
                : corridorFlow[c] * static_cast<std::int64_t>(l->capacityMw) / std::max<std::int64_t>(1, capacity);
            left -= share;
            // Oriented as the line is (from -> to), the corridor as its first zone pair.
            const bool sameWay = l->from == m_zones[m_corridors[c].a].model->zone;
            lineFlow[l->id] = static_cast<std::int32_t>(sameWay ? share : -share);
        }
    }
    for (const auto &line : m_model->lines)
        out.flows.emplace_back(line.id, lineFlow[line.id]);

    // Zone by zone: inflow = generation + imports; consumption = inflow -
    // exports - losses, the losses 1.2 to 2.4 % of the inflow.
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        std::uint64_t importsWh = 0, exportsWh = 0;
        for (const auto &line : m_model->lines) {
            const std::int64_t flow = lineFlow[line.id];
            const bool in = (line.to == m_zones[z].model->zone && flow > 0) || (line.from == m_zones[z].model->zone && flow < 0);
            const bool out = (line.from == m_zones[z].model->zone && flow > 0) || (line.to == m_zones[z].model->zone && flow < 0);
            const std::uint64_t wh = static_cast<std::uint64_t>(flow < 0 ? -flow : flow) * kWhPerMw;
            if (in)
                importsWh += wh;
            if (out)
                exportsWh += wh;
        }
        ZoneFigures zf;
        zf.zone = m_zones[z].model->zone;
        zf.generationWh = static_cast<std::uint64_t>(generation[z]) * kWhPerMw;
        const std::uint64_t inflow = zf.generationWh + importsWh;
        const std::uint64_t losses = inflow * static_cast<std::uint64_t>(noise(seed, endMs, 100 + z, 120, 240)) / 10'000;
        zf.consumptionWh = inflow > exportsWh + losses ? inflow - exportsWh - losses : 0;
        out.zones.push_back(zf);
    }
    out.frequencyMilliHz = static_cast<std::uint32_t>(noise(seed, endMs, 1, 49'960, 50'040));
    const std::int64_t installed = totalGeneration * 13 / 10;
    out.reserveMarginBps = static_cast<std::int32_t>((installed - totalLoad) * 10'000 / std::max<std::int64_t>(1, totalLoad));
    return out;
}

std::vector<std::pair<std::size_t, std::uint64_t>> GridFeed::readingsOf(const IntervalFigures &f) const
{
    std::vector<std::pair<std::size_t, std::uint64_t>> out;
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        const FedZone &zone = m_zones[z];
        const auto split = [&](const std::vector<std::size_t> &meters, std::uint64_t wh) {
            for (std::size_t i = 0; i < meters.size(); ++i) {
                const std::uint64_t share = wh / meters.size() + (i == 0 ? wh % meters.size() : 0);
                out.emplace_back(meters[i], share);
            }
        };
        split(zone.feeders, f.zones[z].consumptionWh);
        split(zone.generators, f.zones[z].generationWh);
    }
    return out;
}

Transaction GridFeed::signedTx(TransactionKind kind, const crypto::KeyPair &sender, Bytes payload, std::int64_t nowMs)
{
    Transaction tx;
    tx.kind = kind;
    tx.networkId = m_options.networkId;
    // Unique and rising per sender across restarts of the feed.
    m_nonce = std::max(m_nonce + 1, static_cast<std::uint64_t>(nowMs) * 1000);
    tx.nonce = m_nonce;
    tx.timestampMs = nowMs;
    tx.payload = std::move(payload);
    signTransaction(tx, sender);
    return tx;
}

std::vector<Transaction> GridFeed::registrations(std::int64_t nowMs)
{
    std::vector<Transaction> out;
    for (const auto &m : m_meters) {
        const ZoneModel *zone = m_model->zone(m.zone);
        out.push_back(signedTx(TransactionKind::MeterRegistry, m_operators.at(zone->gridOperator),
                               codec::encode(MeterRegistryChange{MeterRegistryAction::Register, m}), nowMs));
    }
    return out;
}

Status GridFeed::advanceTo(std::int64_t intervalEndMs)
{
    if (intervalEndMs % kIntervalMs != 0)
        return makeError("feed.bad_start", "An interval ends on a 15-minute boundary.");
    for (; m_nextEndMs <= intervalEndMs; m_nextEndMs += kIntervalMs)
        for (const auto &[meter, wh] : readingsOf(figures(m_nextEndMs))) {
            if (m_meters[meter].registration == MeterRegistration::Consumer)
                m_importRegister[meter] += wh;
            else
                m_exportRegister[meter] += wh;
        }
    return Status::success();
}

std::vector<Transaction> GridFeed::next(std::int64_t nowMs)
{
    const std::int64_t endMs = m_nextEndMs;
    m_nextEndMs += kIntervalMs;
    const IntervalFigures f = figures(endMs);
    std::vector<Transaction> out;
    GridStateReport report;
    report.intervalEndMs = endMs;
    report.frequencyMilliHz = f.frequencyMilliHz;
    report.reserveMarginBps = f.reserveMarginBps;
    for (const auto &[line, mw] : f.flows)
        report.flows.push_back({line, mw});
    out.push_back(signedTx(TransactionKind::GridState, m_operators.at(AuthorityType::EGAT), codec::encode(report), nowMs));

    std::map<std::uint16_t, ReadingBatch> batches;
    for (const auto &[meter, wh] : readingsOf(f)) {
        const MeterRecord &m = m_meters[meter];
        MeterReading r;
        r.meterId = m.id;
        // A meter clock within 20 s of the boundary.
        r.timestampMs = endMs + noise(m_options.seed, endMs, 5000 + meter, -20'000, 20'000);
        if (m.registration == MeterRegistration::Consumer) {
            r.importWh = wh;
            m_importRegister[meter] += wh;
        } else {
            r.exportWh = wh;
            m_exportRegister[meter] += wh;
        }
        r.importRegisterWh = m_importRegister[meter];
        r.exportRegisterWh = m_exportRegister[meter];
        r.location = m.location;
        signReading(r, m_options.networkId, m_meterKeys[meter]);
        ReadingBatch &b = batches[m.zone.id];
        b.zone = m.zone;
        b.readings.push_back(r);
    }
    for (auto &[zone, batch] : batches) {
        const crypto::KeyPair &witness = m_operators.at(m_model->zone(batch.zone)->gridOperator);
        witnessBatch(batch, m_options.networkId, witness);
        out.push_back(signedTx(TransactionKind::MeterReading, witness, codec::encode(batch), nowMs));
    }
    return out;
}

} // namespace gtx::sim
