#pragma once

// The payloads of the transactions the state machine executes: GT transfers
// and staking. A transaction's sender is the account that pays, bonds or
// delegates; these payloads never name the sender, so a signature cannot be
// moved to another account.

#include "core/codec/codec.h"
#include "core/crypto/signature.h"
#include "core/types/grid_zone.h"

#include <cstdint>

namespace gtx::state {

using crypto::PublicKey;

// Which kind of validator a bond makes the sender. Energy validators need
// verified production as well as stake; production is never declared by
// the candidate (it comes from verified meter readings).
enum class ValidatorRole : std::uint8_t {
    Stake = 0,
    Energy = 1,
};
constexpr codec::EnumRange<ValidatorRole> codecEnumRange(ValidatorRole) { return {ValidatorRole::Energy, "validator role"}; }

// TransactionKind::Transfer: `amount` micro-GT from the sender to `to`.
struct TransferPayload
{
    PublicKey to;
    std::uint64_t amount = 0;
    bool operator==(const TransferPayload &) const = default;
};

// TransactionKind::Bond: moves `amount` from the sender's balance into its
// self-bond, registering it as a validator candidate of `role` in `zone`
// on its first bond (later bonds must repeat the same role and zone).
struct BondPayload
{
    std::uint64_t amount = 0;
    ValidatorRole role = ValidatorRole::Stake;
    GridZone zone;
    bool operator==(const BondPayload &) const = default;
};

// TransactionKind::Unbond: starts releasing `amount` of the sender's stake
// with `validator` (its own key: the self-bond; another: a delegation). The
// amount returns to the balance after the unbonding period.
struct UnbondPayload
{
    PublicKey validator;
    std::uint64_t amount = 0;
    bool operator==(const UnbondPayload &) const = default;
};

// TransactionKind::Delegate: moves `amount` from the sender's balance into a
// delegation to `validator`, adding to its stake.
struct DelegatePayload
{
    PublicKey validator;
    std::uint64_t amount = 0;
    bool operator==(const DelegatePayload &) const = default;
};

// TransactionKind::Redelegate: moves `amount` of the sender's delegation
// from one validator to another at once (no unbonding period).
struct RedelegatePayload
{
    PublicKey from;
    PublicKey to;
    std::uint64_t amount = 0;
    bool operator==(const RedelegatePayload &) const = default;
};

void encodeTo(codec::Writer &w, const TransferPayload &v);
void decodeFrom(codec::Reader &r, TransferPayload &v);
void encodeTo(codec::Writer &w, const BondPayload &v);
void decodeFrom(codec::Reader &r, BondPayload &v);
void encodeTo(codec::Writer &w, const UnbondPayload &v);
void decodeFrom(codec::Reader &r, UnbondPayload &v);
void encodeTo(codec::Writer &w, const DelegatePayload &v);
void decodeFrom(codec::Reader &r, DelegatePayload &v);
void encodeTo(codec::Writer &w, const RedelegatePayload &v);
void decodeFrom(codec::Reader &r, RedelegatePayload &v);

} // namespace gtx::state
