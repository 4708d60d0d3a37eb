#include "core/state/payloads.h"

namespace gtx::state {

void encodeTo(codec::Writer &w, const TransferPayload &v)
{
    w.fixed(v.to);
    w.u64(v.amount);
}

void decodeFrom(codec::Reader &r, TransferPayload &v)
{
    r.fixed(v.to);
    v.amount = r.u64();
}

void encodeTo(codec::Writer &w, const BondPayload &v)
{
    w.u64(v.amount);
    w.enumeration(v.role);
    w.value(v.zone);
}

void decodeFrom(codec::Reader &r, BondPayload &v)
{
    v.amount = r.u64();
    r.value(v.role);
    r.value(v.zone);
}

void encodeTo(codec::Writer &w, const UnbondPayload &v)
{
    w.fixed(v.validator);
    w.u64(v.amount);
}

void decodeFrom(codec::Reader &r, UnbondPayload &v)
{
    r.fixed(v.validator);
    v.amount = r.u64();
}

void encodeTo(codec::Writer &w, const DelegatePayload &v)
{
    w.fixed(v.validator);
    w.u64(v.amount);
}

void decodeFrom(codec::Reader &r, DelegatePayload &v)
{
    r.fixed(v.validator);
    v.amount = r.u64();
}

void encodeTo(codec::Writer &w, const RedelegatePayload &v)
{
    w.fixed(v.from);
    w.fixed(v.to);
    w.u64(v.amount);
}

void decodeFrom(codec::Reader &r, RedelegatePayload &v)
{
    r.fixed(v.from);
    r.fixed(v.to);
    v.amount = r.u64();
}

} // namespace gtx::state
