#pragma once

// Energy trades: a seller's signed offer of metered energy for one closed
// 15-minute interval, which the buyer accepts by sending it as its own
// transaction. The state machine settles it only against energy that was
// really there (docs/protocol.md, section 20): the seller's verified export
// in its zone and interval covers every Wh sold, the buyer's verified
// import covers every Wh bought, an inter-zone trade fits the tie lines'
// firm capacity, and the payment moves GT from buyer to seller in the same
// step.
//
// What is here is pure: the payload, its signature, the terms every node
// checks the same way, and the route and firm capacity of an inter-zone
// trade. The positions it is settled against live in the state
// (core/state/state.h).

#include "core/codec/codec.h"
#include "core/common/result.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/crypto/signature_verifier.h"
#include "core/energy/grid_model.h"
#include "core/energy/grid_state.h"
#include "core/types/grid_zone.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtx::energy {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::string_view kTradeOfferDomain = "gtx/energy-trade-offer/v1";

// The EnergyTrade transaction's payload. The transaction's sender is the
// buyer; the seller's signature covers the network id and every other
// field, so the buyer can change nothing of the offer and an offer made for
// one network settles on no other.
//
// Invariants once checked (checkTradeTerms): seller != buyer, both zones in
// the grid model, energyWh > 0, a payment of at least one micro-GT, the
// interval end on a 15-minute boundary, closed at the block's time and at
// most the settlement window old.
struct EnergyTrade
{
    PublicKey seller;
    PublicKey buyer;
    GridZone sellerZone;               // where the seller's export was metered
    GridZone buyerZone;                // where the buyer's import was metered
    std::int64_t intervalEndMs = 0;    // the interval traded, by its end
    std::uint64_t energyWh = 0;
    std::uint64_t priceMicroGtPerKWh = 0;
    std::uint64_t offerNonce = 0;      // tells apart two offers on the same terms
    Signature sellerSignature;

    bool operator==(const EnergyTrade &) const = default;
};

Bytes tradeOfferSigningBytes(std::uint32_t networkId, const EnergyTrade &trade);
void signTradeOffer(EnergyTrade &trade, std::uint32_t networkId, const crypto::KeyPair &seller);
// The offer's identity: a settled offer is recorded under it and never settles again.
Hash256 tradeOfferId(const EnergyTrade &trade);

// energyWh x price / 1,000 micro-GT, rounded down; nothing on overflow.
std::optional<std::uint64_t> tradePayment(const EnergyTrade &trade);

// Errors, in the order they are checked: "trade.self_trade", "trade.unknown_zone",
// "trade.zero_energy", "trade.zero_payment" (no price, or a payment below
// one micro-GT), "trade.overflow", "trade.bad_interval" (not on a boundary),
// "trade.interval_open" (the interval has not ended at the block's time),
// "trade.too_old" (ended more than settlementWindowMs before it),
// "trade.bad_seller_signature". With `verifier` the signature goes through it.
Status checkTradeTerms(std::uint32_t networkId, const GridModel &model, const EnergyTrade &trade,
                       std::int64_t nowMs, std::int64_t settlementWindowMs,
                       crypto::SignatureVerifier *verifier = nullptr);

// One corridor of a route: its tie lines in parallel, crossed from zone
// `from` to zone `to`. `forward` is true when that is the direction of the
// corridor's first circuit (the sign convention of grid-state flows).
struct RouteStep
{
    std::string corridor;
    GridZone from;
    GridZone to;
    bool forward = true;
    // With every circuit in service (corridorCapacity without a report).
    // The state machine checks a trade against the interval's report, which
    // may have circuits out: never pre-check a trade with this figure.
    std::uint64_t firmCapacityMw = 0;
};

// The path an inter-zone trade's energy takes: the fewest corridors from
// the seller's zone to the buyer's, ties broken by corridor name, so every
// node routes alike. Empty when the zones are one zone. Error:
// "trade.no_route" (no tie lines join them).
Result<std::vector<RouteStep>> tradeRoute(const GridModel &model, GridZone sellerZone, GridZone buyerZone);

// A corridor's flow over one interval, in Wh, positive in its forward
// direction: what EGAT's grid-state report measured on its circuits, or 0
// without a report.
std::int64_t reportedCorridorFlowWh(const GridModel &model, const std::string &corridor,
                                    const GridStateReport *report);

void encodeTo(codec::Writer &w, const EnergyTrade &v);
void decodeFrom(codec::Reader &r, EnergyTrade &v);

} // namespace gtx::energy
