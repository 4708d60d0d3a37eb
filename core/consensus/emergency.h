#pragma once

// Emergency override (docs/protocol.md, "Emergency override").
//
// Halting is the safe direction and takes effect at once: an authority's halt
// order, approved by two of its own operators, is self-authenticating, and
// every node that verifies it stops trading in the zones it names. Its
// emergency block is then certified out of slot by the authority quorum
// (Instant finality) and every later regular block carries the certified
// record, so the halt is on every chain. A resume lifts named halts and takes
// effect only once certified by the quorum. Effects commute: a zone is halted
// while some recorded halt covering it has not been lifted.

#include "core/consensus/messages.h"
#include "core/consensus/validators.h"

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace gtx::consensus {

// Operator approvals every emergency order needs (two-person rule).
constexpr std::size_t kRequiredOperatorApprovals = 2;

// Checks an EmergencyHalt/EmergencyResume transaction: signed by an
// authority, at least two approvals by distinct operators of that authority,
// and (for a halt) only zones the authority serves. Errors:
// "emergency.not_an_order", "emergency.bad_signature", "emergency.not_authority",
// "emergency.approvals", "emergency.zone_not_served", "emergency.malformed".
Result<EmergencyOrder> verifyEmergencyOrder(const Transaction &tx,
                                            const std::vector<AuthorityMember> &authorities,
                                            SignatureVerifier &verifier);

// The index of an authority key in the list, or authorities.size().
std::size_t authorityIndex(const std::vector<AuthorityMember> &authorities, const PublicKey &key);

// Builds and signs an emergency block for an order (sequence >= 1).
EmergencyBlock makeEmergencyBlock(const Transaction &order, std::uint64_t sequence,
                                  std::uint64_t slot, std::uint32_t networkId,
                                  std::int64_t timeMs, const crypto::KeyPair &key);
Hash256 emergencyBlockId(const EmergencyBlock &block);
// Header, proposer = order sender, txRoot over the order, proposer signature,
// and the order itself, for `networkId`. Errors: those of verifyEmergencyOrder,
// "emergency.bad_block", "emergency.wrong_network".
Status verifyEmergencyBlock(const EmergencyBlock &block, const std::vector<AuthorityMember> &authorities,
                            std::uint32_t networkId, SignatureVerifier &verifier);
// The emergency vote (kind Emergency, height = sequence, round = proposer's
// authority index, slot = the block's slot) an authority signs.
Vote emergencyVoteFor(const EmergencyBlock &block, std::uint32_t proposerIndex);
// A certified record: the block verifies and its certificate holds valid
// signatures of at least `quorum` distinct authorities for exactly this block.
// Errors: those of verifyEmergencyBlock, "emergency.bad_certificate", "emergency.no_quorum".
Status verifyEmergencyRecord(const EmergencyRecord &record,
                             const std::vector<AuthorityMember> &authorities, std::size_t quorum,
                             std::uint32_t networkId, SignatureVerifier &verifier);

// Which zones are halted.
class HaltState
{
public:
    // Records a verified halt (its order id is the transaction id).
    void applyHalt(const Hash256 &orderId, const std::vector<GridZone> &zones);
    // Lifts the named halts, now and for good (a lifted halt seen later stays lifted).
    void applyResume(const std::vector<Hash256> &lifts);
    void apply(const Transaction &order, const EmergencyOrder &decoded);

    bool isHalted(GridZone zone) const;
    bool anyHalted() const { return !m_active.empty(); }
    std::set<std::uint16_t> haltedZones() const;   // kNationwideZoneId when nationwide
    bool operator==(const HaltState &) const = default;

private:
    std::map<Hash256, std::vector<std::uint16_t>> m_active;   // halt id -> zones
    std::set<Hash256> m_lifted;
};

} // namespace gtx::consensus
