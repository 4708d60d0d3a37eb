#include "core/energy/trade.h"

#include "core/common/arith.h"
#include "core/crypto/hash.h"
#include "core/energy/reading.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace gtx::energy {

namespace {

void encodeTerms(codec::Writer &w, const EnergyTrade &v)
{
    w.fixed(v.seller);
    w.fixed(v.buyer);
    w.value(v.sellerZone);
    w.value(v.buyerZone);
    w.i64(v.intervalEndMs);
    w.u64(v.energyWh);
    w.u64(v.priceMicroGtPerKWh);
    w.u64(v.offerNonce);
}

// A line's corridor: its own id when it names none.
const std::string &corridorOf(const TieLine &line)
{
    return line.corridor.empty() ? line.id : line.corridor;
}

struct Corridor
{
    std::vector<const TieLine *> circuits;   // in model order; the first sets the direction
};

std::map<std::string, Corridor> corridors(const GridModel &model)
{
    std::map<std::string, Corridor> out;
    for (const auto &l : model.lines)
        out[corridorOf(l)].circuits.push_back(&l);
    return out;
}

Error refuse(const char *code, std::string message)
{
    return makeError(code, std::move(message));
}

} // namespace

Bytes tradeOfferSigningBytes(std::uint32_t networkId, const EnergyTrade &trade)
{
    codec::Writer w;
    w.u32(networkId);
    encodeTerms(w, trade);
    return w.take();
}

void signTradeOffer(EnergyTrade &trade, std::uint32_t networkId, const crypto::KeyPair &seller)
{
    trade.sellerSignature = seller.sign(kTradeOfferDomain, tradeOfferSigningBytes(networkId, trade));
}

Hash256 tradeOfferId(const EnergyTrade &trade)
{
    codec::Writer w;
    encodeTerms(w, trade);
    return crypto::hash(kTradeOfferDomain, w.data());
}

std::optional<std::uint64_t> tradePayment(const EnergyTrade &trade)
{
    const Uint128 payment = static_cast<Uint128>(trade.energyWh) * trade.priceMicroGtPerKWh / 1000;
    if (payment > UINT64_MAX)
        return std::nullopt;
    return static_cast<std::uint64_t>(payment);
}

Status checkTradeTerms(std::uint32_t networkId, const GridModel &model, const EnergyTrade &trade,
                       std::int64_t nowMs, std::int64_t settlementWindowMs, crypto::SignatureVerifier *verifier)
{
    if (trade.seller == trade.buyer)
        return refuse("trade.self_trade", "A trade needs a seller and a buyer that are different accounts.");
    if (!model.zone(trade.sellerZone) || !model.zone(trade.buyerZone))
        return refuse("trade.unknown_zone", "The trade names a zone that is not in the grid model.");
    if (trade.energyWh == 0)
        return refuse("trade.zero_energy", "A trade must move a positive amount of energy.");
    const auto payment = tradePayment(trade);
    if (!payment)
        return refuse("trade.overflow", "The trade's payment does not fit an amount of GT.");
    if (*payment == 0)
        return refuse("trade.zero_payment", "A trade must pay at least one micro-GT for its energy.");
    if (trade.intervalEndMs % kIntervalMs != 0)
        return refuse("trade.bad_interval", "A trade names its interval by the interval's end, a 15-minute boundary.");
    if (trade.intervalEndMs > nowMs)
        return refuse("trade.interval_open",
                      "The interval has not ended: energy is traded once it has been metered.");
    if (static_cast<Int128>(nowMs) - trade.intervalEndMs > settlementWindowMs)
        return refuse("trade.too_old", "The interval ended before the settlement window.");
    const Bytes signed_ = tradeOfferSigningBytes(networkId, trade);
    const bool valid = verifier ? verifier->verify(trade.seller, kTradeOfferDomain, signed_, trade.sellerSignature)
                                : crypto::verify(trade.seller, kTradeOfferDomain, signed_, trade.sellerSignature);
    if (!valid)
        return refuse("trade.bad_seller_signature", "The seller's signature on the offer does not verify.");
    return Status::success();
}

Result<std::vector<RouteStep>> tradeRoute(const GridModel &model, GridZone sellerZone, GridZone buyerZone)
{
    if (sellerZone == buyerZone)
        return std::vector<RouteStep>{};
    // Breadth first over zones; each zone's corridors in name order.
    const auto all = corridors(model);
    std::map<std::uint16_t, std::vector<const std::pair<const std::string, Corridor> *>> adjacent;
    for (const auto &entry : all) {
        const TieLine &first = *entry.second.circuits.front();
        adjacent[first.from.id].push_back(&entry);
        adjacent[first.to.id].push_back(&entry);
    }
    std::map<std::uint16_t, std::pair<std::uint16_t, const std::pair<const std::string, Corridor> *>> cameFrom;
    std::deque<std::uint16_t> queue{sellerZone.id};
    std::set<std::uint16_t> seen{sellerZone.id};
    while (!queue.empty() && !seen.count(buyerZone.id)) {
        const std::uint16_t here = queue.front();
        queue.pop_front();
        for (const auto *entry : adjacent[here]) {
            const TieLine &first = *entry->second.circuits.front();
            const std::uint16_t next = first.from.id == here ? first.to.id : first.from.id;
            if (seen.insert(next).second) {
                cameFrom[next] = {here, entry};
                queue.push_back(next);
            }
        }
    }
    if (!seen.count(buyerZone.id))
        return refuse("trade.no_route", "No tie lines join the seller's zone to the buyer's.");
    std::vector<RouteStep> route;
    for (std::uint16_t z = buyerZone.id; z != sellerZone.id;) {
        const auto &[previous, entry] = cameFrom.at(z);
        const TieLine &first = *entry->second.circuits.front();
        RouteStep step;
        step.corridor = entry->first;
        step.from = GridZone{previous};
        step.to = GridZone{z};
        step.forward = first.from.id == previous;
        step.firmCapacityMw = corridorCapacity(model, entry->first, nullptr).firmCapacityMw;
        route.push_back(std::move(step));
        z = previous;
    }
    std::reverse(route.begin(), route.end());
    return route;
}

std::int64_t reportedCorridorFlowWh(const GridModel &model, const std::string &corridor, const GridStateReport *report)
{
    if (!report)
        return 0;
    const TieLine *first = nullptr;
    std::int64_t flowMw = 0;
    for (const auto &l : model.lines) {
        if (corridorOf(l) != corridor)
            continue;
        if (!first)
            first = &l;
        for (const auto &f : report->flows)
            if (f.lineId == l.id)
                flowMw += l.from == first->from ? f.flowMw : -static_cast<std::int64_t>(f.flowMw);
    }
    return flowMw * kWhPerMwInterval;   // |flow| <= 10 x capacity (checkGridState): no overflow
}

void encodeTo(codec::Writer &w, const EnergyTrade &v)
{
    encodeTerms(w, v);
    w.fixed(v.sellerSignature);
}

void decodeFrom(codec::Reader &r, EnergyTrade &v)
{
    r.fixed(v.seller);
    r.fixed(v.buyer);
    r.value(v.sellerZone);
    r.value(v.buyerZone);
    v.intervalEndMs = r.i64();
    v.energyWh = r.u64();
    v.priceMicroGtPerKWh = r.u64();
    v.offerNonce = r.u64();
    r.fixed(v.sellerSignature);
}

} // namespace gtx::energy
