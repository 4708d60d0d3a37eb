#include "core/consensus/tx_rules.h"

#include "core/consensus/verifier.h"
#include "core/energy/reading.h"

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
        auto trade = codec::decode<EnergyTrade>(tx.payload, "energy trade");
        if (!trade)
            return makeError("tx.bad_payload", trade.error().message);
        if (trade->energyWh == 0)
            return makeError("tx.bad_energy_data", "A trade must move a positive amount of energy.");
        return Status::success();
    }
    default:
        return Status::success();
    }
}

std::optional<GridZone> transactionZone(const Transaction &tx)
{
    if (tx.kind == TransactionKind::EnergyTrade) {
        auto trade = codec::decode<EnergyTrade>(tx.payload, "energy trade");
        if (trade)
            return trade->zone;
    }
    return std::nullopt;
}

std::optional<GridZone> haltedZoneOf(const Transaction &tx, const HaltState &halts)
{
    if (!halts.anyHalted())
        return std::nullopt;
    auto zone = transactionZone(tx);
    if (zone && halts.isHalted(*zone))
        return zone;
    return std::nullopt;
}

Error zoneHaltedError(GridZone zone)
{
    return makeError("tx.zone_halted", "Trading is halted in zone " + gridZoneCode(zone) + ".");
}

void encodeTo(codec::Writer &w, const EnergyTrade &v)
{
    w.value(v.zone);
    w.u64(v.energyWh);
    w.u64(v.priceMicroGtPerKWh);
}

void decodeFrom(codec::Reader &r, EnergyTrade &v)
{
    r.value(v.zone);
    v.energyWh = r.u64();
    v.priceMicroGtPerKWh = r.u64();
}

} // namespace gtx::consensus
