#include "core/types/transaction.h"

#include <array>

namespace gtx {

namespace {

struct KindName
{
    TransactionKind kind;
    std::string_view name;
};

constexpr std::array<KindName, 18> kKindNames{{
    {TransactionKind::Transfer, "transfer"},
    {TransactionKind::Bond, "bond"},
    {TransactionKind::Unbond, "unbond"},
    {TransactionKind::Delegate, "delegate"},
    {TransactionKind::MeterReading, "meter-reading"},
    {TransactionKind::EnergyTrade, "energy-trade"},
    {TransactionKind::EmergencyHalt, "emergency-halt"},
    {TransactionKind::EmergencyResume, "emergency-resume"},
    {TransactionKind::RegulatoryEnforcement, "regulatory-enforcement"},
    {TransactionKind::AuthorityRegistration, "authority-registration"},
    {TransactionKind::GovernanceProposal, "governance-proposal"},
    {TransactionKind::GovernanceVote, "governance-vote"},
    {TransactionKind::SlashAppeal, "slash-appeal"},
    {TransactionKind::RandaoReveal, "randao-reveal"},
    {TransactionKind::Redelegate, "redelegate"},
    {TransactionKind::MeterRegistry, "meter-registry"},
    {TransactionKind::GridState, "grid-state"},
    {TransactionKind::EnergyEvidence, "energy-evidence"},
}};
static_assert(kKindNames.size() == static_cast<std::size_t>(kLastTransactionKind) + 1);

void encodeUnsigned(codec::Writer &w, const Transaction &v)
{
    w.value(v.kind);
    w.u32(v.networkId);
    w.u64(v.nonce);
    w.fixed(v.sender);
    w.i64(v.timestampMs);
    w.bytes(v.payload);
}

} // namespace

Lane laneOf(TransactionKind kind)
{
    switch (kind) {
    case TransactionKind::EmergencyHalt:
    case TransactionKind::EmergencyResume:
        return Lane::Emergency;
    case TransactionKind::RegulatoryEnforcement:
    case TransactionKind::AuthorityRegistration:
    case TransactionKind::MeterRegistry:
    case TransactionKind::GridState:
        return Lane::Authority;
    case TransactionKind::Bond:
    case TransactionKind::Unbond:
    case TransactionKind::Delegate:
    case TransactionKind::Redelegate:
    case TransactionKind::RandaoReveal:
        return Lane::Staking;
    case TransactionKind::Transfer:
    case TransactionKind::MeterReading:
    case TransactionKind::EnergyTrade:
        return Lane::Energy;
    case TransactionKind::GovernanceProposal:
    case TransactionKind::GovernanceVote:
    case TransactionKind::SlashAppeal:
    case TransactionKind::EnergyEvidence:
        return Lane::Governance;
    }
    return Lane::Governance;
}

std::string_view toString(TransactionKind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kKindNames.size() ? kKindNames[i].name : std::string_view("unknown");
}

std::optional<TransactionKind> parseTransactionKind(std::string_view name)
{
    for (const auto &entry : kKindNames)
        if (entry.name == name)
            return entry.kind;
    return std::nullopt;
}

std::string_view toString(Lane lane)
{
    switch (lane) {
    case Lane::Emergency:
        return "emergency";
    case Lane::Authority:
        return "authority";
    case Lane::Energy:
        return "energy";
    case Lane::Governance:
        return "governance";
    case Lane::Staking:
        return "staking";
    }
    return "unknown";
}

Bytes transactionSigningBytes(const Transaction &tx)
{
    codec::Writer w;
    encodeUnsigned(w, tx);
    return w.take();
}

Hash256 transactionId(const Transaction &tx)
{
    return crypto::hash(kTransactionDomain, transactionSigningBytes(tx));
}

void signTransaction(Transaction &tx, const crypto::KeyPair &key)
{
    tx.sender = key.publicKey();
    tx.signature = key.sign(kTransactionDomain, transactionSigningBytes(tx));
}

bool verifyTransactionSignature(const Transaction &tx)
{
    return crypto::verify(tx.sender, kTransactionDomain, transactionSigningBytes(tx), tx.signature);
}

void encodeTo(codec::Writer &w, const Transaction &v)
{
    encodeUnsigned(w, v);
    w.fixed(v.signature);
}

void decodeFrom(codec::Reader &r, Transaction &v)
{
    r.value(v.kind);
    v.networkId = r.u32();
    v.nonce = r.u64();
    r.fixed(v.sender);
    v.timestampMs = r.i64();
    v.payload = r.bytes(kMaxTransactionPayloadBytes, "transaction payload");
    r.fixed(v.signature);
}

} // namespace gtx
