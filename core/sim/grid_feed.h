#pragma once

// A synthetic but physically consistent grid that feeds a running network
// (`gtx-node meters feed`): bulk meters in each zone the tie lines reach
// (feeder meters for the load, generator meters for the plants), a daily
// system-load shape, EGAT's report of every interval (frequency, reserve
// margin, each tie line's flow) and one batch per zone witnessed by its
// grid operator. Zone by zone the figures close: generation + imports =
// consumption + exports + losses, the losses 1.2 to 2.4 % of the inflow
// (inside the default model's band), so honest data reads as balanced.
//
// Every figure is a pure function of (seed, interval), and the registers of
// (seed, registersFromIntervalEndMs, interval): a feed restarted later
// continues the same meters' registers exactly (advanceTo()).
// The figures are illustrative, of the order of Thailand's (a system peak
// of about 30 GW); they are not a forecast.

#include "core/common/result.h"
#include "core/crypto/signature.h"
#include "core/energy/grid_model.h"
#include "core/energy/meter.h"
#include "core/types/transaction.h"

#include <cstdint>
#include <map>
#include <vector>

namespace gtx::sim {

struct GridFeedOptions
{
    std::uint64_t seed = 1;
    std::uint32_t networkId = 0;
    // The end of the first interval the meters report (a 15-minute boundary).
    std::int64_t firstIntervalEndMs = 0;
    // Where the registers count from (at or before the first interval; 0:
    // the first interval). Feeds that share it, and the seed, give every
    // interval the same registers, whichever interval each starts from.
    std::int64_t registersFromIntervalEndMs = 0;
    const energy::GridModel *model = nullptr;   // the default model when null
};

class GridFeed
{
public:
    // `operators`: the EGAT, MEA and PEA authorities' keys (grid state and
    // witnesses). Errors: "feed.bad_model" (a zone the lines reach has no
    // grid node, or the corridors form a loop: flows are solved on a tree),
    // "feed.bad_start", "feed.no_operator".
    static Result<GridFeed> make(const GridFeedOptions &options, std::map<AuthorityType, crypto::KeyPair> operators);

    const std::vector<energy::MeterRecord> &meters() const { return m_meters; }
    // The registrations of every meter, each from its zone's grid operator.
    std::vector<Transaction> registrations(std::int64_t nowMs);
    // Moves the registers on to the end of `intervalEndMs` without sending
    // it (a feed that resumes after the chain already has those intervals).
    Status advanceTo(std::int64_t intervalEndMs);
    // The next interval's transactions: EGAT's report, then one batch per
    // zone. Intervals come in order, from firstIntervalEndMs.
    std::vector<Transaction> next(std::int64_t nowMs);
    std::int64_t nextIntervalEndMs() const { return m_nextEndMs; }

    // Figures of one interval (a pure function of the seed and interval).
    struct ZoneFigures
    {
        GridZone zone;
        std::uint64_t generationWh = 0;
        std::uint64_t consumptionWh = 0;
    };
    struct IntervalFigures
    {
        std::int64_t intervalEndMs = 0;
        std::uint32_t frequencyMilliHz = 50'000;
        std::int32_t reserveMarginBps = 0;
        std::vector<std::pair<std::string, std::int32_t>> flows;   // line id, MW
        std::vector<ZoneFigures> zones;
    };
    IntervalFigures figures(std::int64_t intervalEndMs) const;

private:
    struct FedZone
    {
        const energy::ZoneModel *model = nullptr;
        std::uint32_t peakLoadMw = 0;
        std::uint32_t generationMw = 0;          // available generation
        std::vector<std::size_t> feeders;        // meters' positions
        std::vector<std::size_t> generators;
    };
    struct Corridor
    {
        std::size_t a = 0, b = 0;                // fed zones' positions; flow positive a -> b
        std::vector<const energy::TieLine *> lines;
    };
    GridFeed() = default;
    std::vector<std::pair<std::size_t, std::uint64_t>> readingsOf(const IntervalFigures &f) const;   // meter -> Wh
    Transaction signedTx(TransactionKind kind, const crypto::KeyPair &sender, Bytes payload, std::int64_t nowMs);

    GridFeedOptions m_options;
    const energy::GridModel *m_model = nullptr;
    std::map<AuthorityType, crypto::KeyPair> m_operators;
    std::vector<FedZone> m_zones;
    std::vector<Corridor> m_corridors;
    std::vector<std::size_t> m_eliminationOrder;   // corridor positions, leaves first
    std::vector<bool> m_eliminationLeafIsA;
    std::vector<energy::MeterRecord> m_meters;
    std::vector<crypto::KeyPair> m_meterKeys;
    std::vector<std::uint64_t> m_importRegister;
    std::vector<std::uint64_t> m_exportRegister;
    std::int64_t m_nextEndMs = 0;
    std::uint64_t m_nonce = 0;
};

} // namespace gtx::sim
