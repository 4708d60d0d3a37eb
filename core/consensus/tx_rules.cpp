#include "core/consensus/tx_rules.h"

#include "core/consensus/verifier.h"
#include "core/energy/reading.h"
#include "core/energy/trade.h"

namespace gtx::consensus {

namespace {

bool isAuthority(const TxContext &c, const PublicKey &key)
{
    return authorityIndex(*c.authorities, key) < c.authorities->size();
}

Status checkReadingBatch(const Transaction &tx, const TxContext &c)
{
    auto batch = codec::decode<energy::ReadingBatch>(tx.payload, "reading batch");
    if (!batch)
        return makeError("tx.bad_payload", batch.error().message);
    if (!isAuthority(c, tx.sender) || batch->witness != tx.sender)
        return makeError("tx.not_authority", "A reading batch is sent by the grid-operator authority that witnessed it.");
    return Status::success();
}

} // namespace

Status checkTransaction(const Transaction &tx, const TxContext &c)
{
    if (laneOf(tx.kind) == Lane::Emergency)
        return makeError("tx.emergency_lane",
                         "Emergency orders travel as emergency blocks, not as plain transactions.");
    if (tx.networkId != c.networkId)
        return makeError("tx.wrong_network", "The transaction is for another network.");
    if (!c.verifier->verify(tx.sender, kTransactionDomain, transactionSigningBytes(tx), tx.signature))
        return makeError("tx.bad_signature", "The transaction signature does not verify.");
    if (c.halts)
        if (auto zone = haltedZoneOf(tx, *c.halts))
            return zoneHaltedError(*zone);
    switch (tx.kind) {
    case TransactionKind::RegulatoryEnforcement:
    case TransactionKind::AuthorityRegistration:
    case TransactionKind::MeterRegistry:
    case TransactionKind::GridState:
        if (!isAuthority(c, tx.sender))
            return makeError("tx.not_authority", "Only an authority may send this transaction.");
        return Status::success();
    case TransactionKind::MeterReading:
        return checkReadingBatch(tx, c);
    case TransactionKind::EnergyTrade: {
        // What a trade is worth is the state machine's to judge (energy::checkTradeTerms).
        auto trade = codec::decode<energy::EnergyTrade>(tx.payload, "energy trade");
        if (!trade)
            return makeError("tx.bad_payload", trade.error().message);
        return Status::success();
    }
    default:
        return Status::success();
    }
}

std::vector<GridZone> transactionZones(const Transaction &tx)
{
    if (tx.kind == TransactionKind::EnergyTrade) {
        auto trade = codec::decode<energy::EnergyTrade>(tx.payload, "energy trade");
        if (trade) {
            if (trade->sellerZone == trade->buyerZone)
                return {trade->sellerZone};
            return {trade->sellerZone, trade->buyerZone};
        }
    }
    return {};
}

std::optional<GridZone> haltedZoneOf(const Transaction &tx, const HaltState &halts)
{
    if (!halts.anyHalted())
        return std::nullopt;
    for (GridZone zone : transactionZones(tx))
        if (halts.isHalted(zone))
            return zone;
    return std::nullopt;
}

Error zoneHaltedError(GridZone zone)
{
    return makeError("tx.zone_halted", "Trading is halted in zone " + gridZoneCode(zone) + ".");
}

} // namespace gtx::consensus
