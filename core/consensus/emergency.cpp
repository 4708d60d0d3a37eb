#include "core/consensus/emergency.h"

#include "core/consensus/verifier.h"
#include "core/crypto/merkle.h"

#include <algorithm>

namespace gtx::consensus {

std::size_t authorityIndex(const std::vector<AuthorityMember> &authorities, const PublicKey &key)
{
    for (std::size_t i = 0; i < authorities.size(); ++i)
        if (authorities[i].key == key)
            return i;
    return authorities.size();
}

Result<EmergencyOrder> verifyEmergencyOrder(const Transaction &tx,
                                            const std::vector<AuthorityMember> &authorities,
                                            SignatureVerifier &verifier)
{
    if (tx.kind != TransactionKind::EmergencyHalt && tx.kind != TransactionKind::EmergencyResume)
        return makeError("emergency.not_an_order", "The transaction is not an emergency order.");
    const std::size_t index = authorityIndex(authorities, tx.sender);
    if (index == authorities.size())
        return makeError("emergency.not_authority", "Emergency orders must come from an authority's node key.");
    if (!verifier.verify(tx.sender, kTransactionDomain, transactionSigningBytes(tx), tx.signature))
        return makeError("emergency.bad_signature", "The emergency order's authority signature does not verify.");
    auto decoded = codec::decode<EmergencyOrder>(tx.payload, "emergency order");
    if (!decoded)
        return makeError("emergency.malformed", decoded.error().message);
    const EmergencyOrder &order = *decoded;
    const AuthorityMember &authority = authorities[index];

    const Bytes approvalBytes = emergencyApprovalBytes(tx, order);
    std::vector<PublicKey> approvers;
    for (const auto &approval : order.approvals) {
        if (std::find(authority.operators.begin(), authority.operators.end(), approval.operatorKey)
            == authority.operators.end())
            return makeError("emergency.approvals",
                             "An approval is not from one of " + std::string(toString(authority.type))
                                 + "'s registered operators.");
        if (std::find(approvers.begin(), approvers.end(), approval.operatorKey) != approvers.end())
            return makeError("emergency.approvals", "The same operator approved the order twice.");
        if (!verifier.verify(approval.operatorKey, kEmergencyApprovalDomain, approvalBytes,
                             approval.signature))
            return makeError("emergency.bad_signature", "An operator approval does not verify.");
        approvers.push_back(approval.operatorKey);
    }
    if (approvers.size() < kRequiredOperatorApprovals)
        return makeError("emergency.approvals",
                         "An emergency order needs the approval of two of the authority's operators.");

    if (tx.kind == TransactionKind::EmergencyHalt) {
        if (order.zones.empty())
            return makeError("emergency.malformed", "A halt order must name at least one zone.");
        for (const auto &zone : order.zones) {
            if (authority.nationwide)
                continue;
            const bool served = std::find(authority.servedZones.begin(), authority.servedZones.end(), zone)
                != authority.servedZones.end();
            if (zone.id == kNationwideZoneId || !served)
                return makeError("emergency.zone_not_served",
                                 std::string(toString(authority.type)) + " cannot halt zone "
                                     + gridZoneCode(zone) + " on its own; it needs the authority quorum.");
        }
    } else if (order.lifts.empty()) {
        return makeError("emergency.malformed", "A resume order must name the halts it lifts.");
    }
    return decoded;
}

EmergencyBlock makeEmergencyBlock(const Transaction &order, std::uint64_t sequence,
                                  std::uint64_t slot, std::uint32_t networkId,
                                  std::int64_t timeMs, const crypto::KeyPair &key)
{
    EmergencyBlock b;
    b.header.networkId = networkId;
    b.header.kind = BlockKind::Emergency;
    b.header.height = sequence;
    b.header.slot = slot;
    b.header.timestampMs = timeMs;
    b.header.txRoot = transactionsRoot({order});
    b.header.proposer = key.publicKey();
    b.order = order;
    b.signature = signHeader(b.header, key);
    return b;
}

Hash256 emergencyBlockId(const EmergencyBlock &block)
{
    return blockHash(block.header);
}

Status verifyEmergencyBlock(const EmergencyBlock &block, const std::vector<AuthorityMember> &authorities,
                            std::uint32_t networkId, SignatureVerifier &verifier)
{
    const BlockHeader &h = block.header;
    if (h.kind != BlockKind::Emergency || h.height == 0 || h.networkId != networkId)
        return makeError("emergency.bad_block", "The emergency block header is malformed.");
    if (h.proposer != block.order.sender)
        return makeError("emergency.bad_block", "An emergency block must be proposed by the order's authority.");
    if (block.order.networkId != networkId)
        return makeError("emergency.wrong_network", "The emergency order is for another network.");
    if (h.txRoot != transactionsRoot({block.order}))
        return makeError("emergency.bad_block", "The emergency block does not commit to its order.");
    if (!verifier.verify(h.proposer, kBlockSignatureDomain, blockHash(h).view(), block.signature))
        return makeError("emergency.bad_block", "The emergency block signature does not verify.");
    auto order = verifyEmergencyOrder(block.order, authorities, verifier);
    if (!order)
        return order.error();
    return Status::success();
}

Vote emergencyVoteFor(const EmergencyBlock &block, std::uint32_t proposerIndex)
{
    Vote v;
    v.kind = VoteKind::Emergency;
    v.height = block.header.height;
    v.round = proposerIndex;
    v.slot = block.header.slot;
    v.blockHash = emergencyBlockId(block);
    return v;
}

Status verifyEmergencyRecord(const EmergencyRecord &record,
                             const std::vector<AuthorityMember> &authorities, std::size_t quorum,
                             std::uint32_t networkId, SignatureVerifier &verifier)
{
    GTX_TRY(verifyEmergencyBlock(record.block, authorities, networkId, verifier));
    const auto proposerIndex = static_cast<std::uint32_t>(
        authorityIndex(authorities, record.block.header.proposer));
    const Vote expected = emergencyVoteFor(record.block, proposerIndex);
    const Certificate &c = record.certificate;
    if (c.kind != VoteKind::Emergency || c.height != expected.height || c.round != expected.round
        || c.slot != expected.slot || c.blockHash != expected.blockHash)
        return makeError("emergency.bad_certificate", "The certificate is for another emergency block.");
    std::size_t signers = 0;
    for (std::size_t i = 0; i < c.signatures.size(); ++i) {
        const auto &entry = c.signatures[i];
        if (i > 0 && !(c.signatures[i - 1].signer < entry.signer))
            return makeError("emergency.bad_certificate", "The certificate's signers are not strictly sorted.");
        if (authorityIndex(authorities, entry.signer) == authorities.size())
            return makeError("emergency.bad_certificate", "A certificate signer is not an authority.");
        if (!verifyVoteWith(certificateVote(c, entry), verifier))
            return makeError("emergency.bad_certificate", "A certificate signature does not verify.");
        ++signers;
    }
    if (signers < quorum)
        return makeError("emergency.no_quorum", "The emergency certificate lacks the authority quorum.");
    return Status::success();
}

void HaltState::applyHalt(const Hash256 &orderId, const std::vector<GridZone> &zones)
{
    if (m_lifted.count(orderId))
        return;
    std::vector<std::uint16_t> ids;
    for (const auto &z : zones)
        ids.push_back(z.id);
    m_active[orderId] = std::move(ids);
}

void HaltState::applyResume(const std::vector<Hash256> &lifts)
{
    for (const auto &id : lifts) {
        m_lifted.insert(id);
        m_active.erase(id);
    }
}

void HaltState::apply(const Transaction &order, const EmergencyOrder &decoded)
{
    if (order.kind == TransactionKind::EmergencyHalt)
        applyHalt(transactionId(order), decoded.zones);
    else if (order.kind == TransactionKind::EmergencyResume)
        applyResume(decoded.lifts);
}

bool HaltState::isHalted(GridZone zone) const
{
    for (const auto &[id, zones] : m_active)
        for (auto z : zones)
            if (z == zone.id || z == kNationwideZoneId)
                return true;
    return false;
}

std::set<std::uint16_t> HaltState::haltedZones() const
{
    std::set<std::uint16_t> out;
    for (const auto &[id, zones] : m_active)
        out.insert(zones.begin(), zones.end());
    return out;
}

} // namespace gtx::consensus
