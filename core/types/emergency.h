#pragma once

// The emergency records blocks carry (docs/protocol.md, "Emergency
// override"): an order approved by an authority's operators, the emergency
// block that proposes it out of slot, and that block certified by the
// authority quorum. The rules that check them live in
// core/consensus/emergency.h.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"
#include "core/types/block_header.h"
#include "core/types/certificate.h"
#include "core/types/grid_zone.h"
#include "core/types/transaction.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

constexpr std::string_view kEmergencyApprovalDomain = "gtx/emergency-approval/v1";

// A zone id meaning "every zone" (nationwide halt).
constexpr std::uint16_t kNationwideZoneId = 0xFFFF;
constexpr std::size_t kMaxOrderZones = 64;
constexpr std::size_t kMaxOrderLifts = 64;
constexpr std::size_t kMaxOrderApprovals = 8;
constexpr std::size_t kMaxOrderReasonBytes = 512;

struct OperatorApproval
{
    PublicKey operatorKey;
    Signature signature;   // over emergencyApprovalBytes(), domain "gtx/emergency-approval/v1"

    bool operator==(const OperatorApproval &) const = default;
};

// The payload of an EmergencyHalt or EmergencyResume transaction. The
// transaction's sender is the authority's node key; the approvals are from
// two (or more) of that authority's registered operators.
struct EmergencyOrder
{
    std::vector<GridZone> zones;        // kNationwideZoneId for all zones
    std::vector<Hash256> lifts;         // resume: ids of the halt orders lifted
    std::string reason;
    std::vector<OperatorApproval> approvals;

    bool operator==(const EmergencyOrder &) const = default;
};

// What each operator signs: the transaction's kind, network, sender, nonce
// and timestamp and the order without its approvals.
Bytes emergencyApprovalBytes(const Transaction &tx, const EmergencyOrder &order);
// Builds a signed order transaction (kind EmergencyHalt or EmergencyResume)
// for the network `networkId`.
Transaction makeEmergencyOrder(TransactionKind kind, std::uint32_t networkId, std::uint64_t nonce, std::int64_t timeMs,
                               EmergencyOrder order, const crypto::KeyPair &authorityKey,
                               const std::vector<const crypto::KeyPair *> &operatorKeys);

// An emergency block: one order, proposed by an authority out of slot.
// header.kind = Emergency, header.height = the proposer's emergency sequence
// number, header.txRoot = the Merkle root over the order.
struct EmergencyBlock
{
    BlockHeader header;
    Transaction order;
    Signature signature;   // the proposer's, domain "gtx/block/v1"

    bool operator==(const EmergencyBlock &) const = default;
};

// A certified emergency block, carried by regular blocks so the order is on
// every chain.
struct EmergencyRecord
{
    EmergencyBlock block;
    Certificate certificate;   // kind Emergency, a quorum of authority signatures

    bool operator==(const EmergencyRecord &) const = default;
};

void encodeTo(codec::Writer &w, const OperatorApproval &v);
void decodeFrom(codec::Reader &r, OperatorApproval &v);
void encodeTo(codec::Writer &w, const EmergencyOrder &v);
void decodeFrom(codec::Reader &r, EmergencyOrder &v);
void encodeTo(codec::Writer &w, const EmergencyBlock &v);
void decodeFrom(codec::Reader &r, EmergencyBlock &v);
void encodeTo(codec::Writer &w, const EmergencyRecord &v);
void decodeFrom(codec::Reader &r, EmergencyRecord &v);

} // namespace gtx
