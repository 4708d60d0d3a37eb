#include "core/types/emergency.h"

namespace gtx {

Bytes emergencyApprovalBytes(const Transaction &tx, const EmergencyOrder &order)
{
    codec::Writer w;
    w.value(tx.kind);
    w.u32(tx.networkId);
    w.fixed(tx.sender);
    w.u64(tx.nonce);
    w.i64(tx.timestampMs);
    w.list(order.zones);
    w.u32(static_cast<std::uint32_t>(order.lifts.size()));
    for (const auto &id : order.lifts)
        w.fixed(id);
    w.string(order.reason);
    return w.take();
}

Transaction makeEmergencyOrder(TransactionKind kind, std::uint32_t networkId, std::uint64_t nonce, std::int64_t timeMs,
                               EmergencyOrder order, const crypto::KeyPair &authorityKey,
                               const std::vector<const crypto::KeyPair *> &operatorKeys)
{
    Transaction tx;
    tx.kind = kind;
    tx.networkId = networkId;
    tx.nonce = nonce;
    tx.sender = authorityKey.publicKey();
    tx.timestampMs = timeMs;
    order.approvals.clear();
    const Bytes approvalBytes = emergencyApprovalBytes(tx, order);
    for (const auto *op : operatorKeys)
        order.approvals.push_back({op->publicKey(), op->sign(kEmergencyApprovalDomain, approvalBytes)});
    tx.payload = codec::encode(order);
    signTransaction(tx, authorityKey);
    return tx;
}

void encodeTo(codec::Writer &w, const OperatorApproval &v)
{
    w.fixed(v.operatorKey);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, OperatorApproval &v)
{
    r.fixed(v.operatorKey);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const EmergencyOrder &v)
{
    w.list(v.zones);
    w.u32(static_cast<std::uint32_t>(v.lifts.size()));
    for (const auto &id : v.lifts)
        w.fixed(id);
    w.string(v.reason);
    w.list(v.approvals);
}

void decodeFrom(codec::Reader &r, EmergencyOrder &v)
{
    r.list(v.zones, kMaxOrderZones, "order zones", 2);
    const std::uint32_t lifts = r.u32();
    if (r.ok() && (lifts > kMaxOrderLifts || lifts > r.remaining() / 32)) {
        r.fail("order lifts more halts than its limit of " + std::to_string(kMaxOrderLifts));
        return;
    }
    v.lifts.assign(r.ok() ? lifts : 0, Hash256{});
    for (auto &id : v.lifts)
        r.fixed(id);
    v.reason = r.string(kMaxOrderReasonBytes, "order reason");
    r.list(v.approvals, kMaxOrderApprovals, "order approvals", 96);
}

void encodeTo(codec::Writer &w, const EmergencyBlock &v)
{
    w.value(v.header);
    w.value(v.order);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, EmergencyBlock &v)
{
    r.value(v.header);
    r.value(v.order);
    r.fixed(v.signature);
}

void encodeTo(codec::Writer &w, const EmergencyRecord &v)
{
    w.value(v.block);
    w.value(v.certificate);
}

void decodeFrom(codec::Reader &r, EmergencyRecord &v)
{
    r.value(v.block);
    r.value(v.certificate);
}

} // namespace gtx
