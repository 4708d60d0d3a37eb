#pragma once

// Transactions: the signed requests a block carries. The payload is opaque
// here; each kind's module (energy, staking, governance, emergency) defines
// and checks its own payload encoding.

#include "core/codec/codec.h"
#include "core/crypto/hash.h"
#include "core/crypto/signature.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace gtx {

using crypto::Hash256;
using crypto::PublicKey;
using crypto::Signature;

// New kinds are appended; existing values never change (they are encoded).
enum class TransactionKind : std::uint8_t {
    Transfer = 0,               // GT from one account to another
    Bond = 1,                   // lock stake as a validator candidate
    Unbond = 2,                 // release bonded stake
    Delegate = 3,               // delegate stake to a validator
    MeterReading = 4,           // a grid operator's witnessed batch of signed meter readings
    EnergyTrade = 5,            // an energy market order or settlement
    EmergencyHalt = 6,          // authority quorum halts trading in zones
    EmergencyResume = 7,        // authority quorum resumes trading
    RegulatoryEnforcement = 8,  // a regulator's order (e.g. ERC sanction)
    AuthorityRegistration = 9,  // adds or rotates an authority key
    GovernanceProposal = 10,
    GovernanceVote = 11,
    SlashAppeal = 12,           // a slashed validator's appeal
    RandaoReveal = 13,          // a validator's reveal for the epoch seed
    Redelegate = 14,            // move a delegation to another validator
    MeterRegistry = 15,         // a grid operator registers, suspends, re-keys or retires a meter
    GridState = 16,             // EGAT reports an interval's frequency, reserve margin and tie-line flows
    EnergyEvidence = 17,        // two readings one meter signed for one interval (energy falsification)
};
constexpr TransactionKind kLastTransactionKind = TransactionKind::EnergyEvidence;

// Block space is divided into lanes so emergency and authority traffic is
// never crowded out by market traffic. Lanes are ordered by priority.
enum class Lane : std::uint8_t {
    Emergency = 0,   // halts and resumes (emergency blocks, never in the mempool)
    Authority = 1,   // what only an authority may send: regulatory orders, registrations
    Energy = 2,      // meter readings, trades, GT transfers
    Governance = 3,  // proposals, votes, appeals
    Staking = 4,     // bond, unbond, (re)delegate, RANDAO reveals: open to any key, so kept apart
};
constexpr Lane kLastLane = Lane::Staking;
constexpr std::size_t kLaneCount = static_cast<std::size_t>(kLastLane) + 1;

Lane laneOf(TransactionKind kind);

// Stable short names ("transfer", "meter-reading", ...) for logs and the console.
std::string_view toString(TransactionKind kind);
std::optional<TransactionKind> parseTransactionKind(std::string_view name);
std::string_view toString(Lane lane);

constexpr std::size_t kMaxTransactionPayloadBytes = 64u * 1024u;
// kind + nonce + sender + timestamp + payload length + signature
constexpr std::size_t kMinTransactionEncodedBytes = 1 + 4 + 8 + 32 + 8 + 4 + 64;

// Domain of both the transaction id hash and the sender's signature.
constexpr std::string_view kTransactionDomain = "gtx/tx/v1";

struct Transaction
{
    TransactionKind kind = TransactionKind::Transfer;
    std::uint32_t networkId = 0;    // the network it is for (signed: it cannot be replayed on another)
    std::uint64_t nonce = 0;        // the sender's sequence number, from 0
    PublicKey sender;
    std::int64_t timestampMs = 0;   // UTC milliseconds since 1970
    Bytes payload;                  // at most kMaxTransactionPayloadBytes
    Signature signature;            // sender's, over transactionSigningBytes()

    bool operator==(const Transaction &) const = default;
};

// The encoding of every field except the signature: what is hashed and signed.
Bytes transactionSigningBytes(const Transaction &tx);
// hash("gtx/tx/v1", transactionSigningBytes(tx)); independent of the signature.
Hash256 transactionId(const Transaction &tx);
// Sets tx.sender to the key's public key and signs.
void signTransaction(Transaction &tx, const crypto::KeyPair &key);
bool verifyTransactionSignature(const Transaction &tx);

constexpr codec::EnumRange<TransactionKind> codecEnumRange(TransactionKind) { return {kLastTransactionKind, "transaction kind"}; }
constexpr codec::EnumRange<Lane> codecEnumRange(Lane) { return {kLastLane, "lane"}; }
void encodeTo(codec::Writer &w, const Transaction &v);
void decodeFrom(codec::Reader &r, Transaction &v);

} // namespace gtx
