#pragma once

// What the consensus layer checks of each transaction before it enters the
// mempool or a block: the sender's signature, the lane rule (emergency orders
// travel only as certified records), who may send authority-lane kinds and
// reading batches, and the payloads consensus itself reads (a trade's
// zones, for halts). What a trade settles and what
// the readings in a batch are worth is the state machine's to judge, by the
// energy rules (core/energy/trade.h, core/energy/reading_rules.h).

#include "core/consensus/emergency.h"
#include "core/consensus/validators.h"
#include "core/types/transaction.h"

#include <map>
#include <optional>

namespace gtx::consensus {

struct TxContext
{
    std::uint32_t networkId = 0;
    const std::vector<AuthorityMember> *authorities = nullptr;
    const HaltState *halts = nullptr;   // zones where trading is halted
    SignatureVerifier *verifier = nullptr;
};

// Errors: "tx.wrong_network", "tx.bad_signature", "tx.emergency_lane", "tx.not_authority",
// "tx.bad_payload", "tx.zone_halted". What a transaction
// does to balances and stake is the state machine's to check
// (state::BlockExecution::apply).
Status checkTransaction(const Transaction &tx, const TxContext &context);

// The zones a trade is in (the seller's and the buyer's), for halts.
// Readings have none: they are still accepted while their zone's trading is
// halted.
std::vector<GridZone> transactionZones(const Transaction &tx);
// The one halted-zone rule: the zone a transaction is in when `halts` stops
// trading there (for block validity, the mempool, block building and
// voting alike).
std::optional<GridZone> haltedZoneOf(const Transaction &tx, const HaltState &halts);
Error zoneHaltedError(GridZone zone);

} // namespace gtx::consensus
