#pragma once

// Canonical binary encoding for every consensus type.
//
// Rules (see docs/protocol.md, "Encoding"):
//  - integers are fixed-width little-endian; bool is one byte, 0 or 1;
//  - byte strings, strings and lists carry a u32 length prefix and a per-field
//    upper bound checked before anything is allocated;
//  - enums are one byte and must name a known value;
//  - structs are their fields in declaration order, no padding, no tags;
//  - a decode must consume the whole input (trailing bytes are an error).
// The same value therefore always encodes to the same bytes, and hashing and
// signing always go through encode().
//
// Decoding is total: any malformed, truncated or oversized input yields an
// Error, never a crash, an exception or an unbounded allocation.
//
// A type T takes part by providing, in its own namespace (found by ADL):
//   void encodeTo(gtx::codec::Writer &w, const T &v);
//   void decodeFrom(gtx::codec::Reader &r, T &v);

#include "core/common/bytes.h"
#include "core/common/result.h"

#include <cstdint>
#include <concepts>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace gtx::codec {

// No encoded value may be larger than this (a block, with its lanes, fits).
constexpr std::size_t kMaxEncodedBytes = 32u * 1024u * 1024u;

// Enums are one byte holding 0..last. An enum takes part in the codec by
// declaring, in its own namespace (found by ADL):
//   constexpr codec::EnumRange<E> codecEnumRange(E) { return {E::Last, "name"}; }
template<typename E>
struct EnumRange
{
    E last;
    const char *name;
};

template<typename E>
concept CodedEnum = std::is_enum_v<E> && requires(E e) {
    { codecEnumRange(e) } -> std::same_as<EnumRange<E>>;
};

class Writer;
class Reader;
template<CodedEnum E>
void encodeTo(Writer &w, E v);
template<CodedEnum E>
void decodeFrom(Reader &r, E &v);

class Writer
{
public:
    void u8(std::uint8_t v) { m_out.push_back(v); }
    void u16(std::uint16_t v) { putLe(v); }
    void u32(std::uint32_t v) { putLe(v); }
    void u64(std::uint64_t v) { putLe(v); }
    void i32(std::int32_t v) { putLe(static_cast<std::uint32_t>(v)); }
    void i64(std::int64_t v) { putLe(static_cast<std::uint64_t>(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    template<typename E>
    void enumeration(E v)
    {
        static_assert(std::is_enum_v<E>);
        u8(static_cast<std::uint8_t>(v));
    }
    void raw(ByteView data) { m_out.insert(m_out.end(), data.begin(), data.end()); }
    void bytes(ByteView data)
    {
        u32(static_cast<std::uint32_t>(data.size()));
        raw(data);
    }
    void string(std::string_view s) { bytes(asBytes(s)); }
    template<std::size_t N>
    void fixed(const FixedBytes<N> &v) { raw(v.view()); }

    template<typename T>
    void value(const T &v) { encodeTo(*this, v); }

    template<typename T>
    void list(const std::vector<T> &items)
    {
        u32(static_cast<std::uint32_t>(items.size()));
        for (const auto &item : items)
            encodeTo(*this, item);
    }

    const Bytes &data() const { return m_out; }
    Bytes take() { return std::move(m_out); }

private:
    template<typename U>
    void putLe(U v)
    {
        for (std::size_t i = 0; i < sizeof(U); ++i)
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    Bytes m_out;
};

class Reader
{
public:
    explicit Reader(ByteView in) : m_in(in) {}

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }
    std::size_t remaining() const { return m_in.size() - m_pos; }
    bool atEnd() const { return m_pos == m_in.size(); }

    // Records the first error only; later reads become no-ops returning zero.
    void fail(std::string message)
    {
        if (m_error.empty())
            m_error = std::move(message) + " (at byte " + std::to_string(m_pos) + ")";
        m_pos = m_in.size();
    }

    std::uint8_t u8() { return getLe<std::uint8_t>("u8"); }
    std::uint16_t u16() { return getLe<std::uint16_t>("u16"); }
    std::uint32_t u32() { return getLe<std::uint32_t>("u32"); }
    std::uint64_t u64() { return getLe<std::uint64_t>("u64"); }
    std::int32_t i32() { return static_cast<std::int32_t>(getLe<std::uint32_t>("i32")); }
    std::int64_t i64() { return static_cast<std::int64_t>(getLe<std::uint64_t>("i64")); }
    // A u32 that must not exceed maxValue (ratios in basis points or ppm).
    std::uint32_t u32AtMost(std::uint32_t maxValue, const char *what)
    {
        const auto v = u32();
        if (v > maxValue) {
            fail(std::string(what) + " value " + std::to_string(v) + " exceeds its limit of "
                 + std::to_string(maxValue));
            return 0;
        }
        return v;
    }
    // An i32 within [minValue, maxValue] (e.g. coordinates in micro-degrees).
    std::int32_t i32InRange(std::int32_t minValue, std::int32_t maxValue, const char *what)
    {
        const auto v = i32();
        if (v < minValue || v > maxValue) {
            fail(std::string(what) + " value " + std::to_string(v) + " is outside "
                 + std::to_string(minValue) + ".." + std::to_string(maxValue));
            return 0;
        }
        return v;
    }
    bool boolean()
    {
        const auto v = u8();
        if (v > 1)
            fail("boolean must be 0 or 1");
        return v == 1;
    }
    // Reads an enum stored as one byte, accepting values 0..maxValue.
    template<typename E>
    E enumeration(E maxValue, const char *what)
    {
        static_assert(std::is_enum_v<E>);
        const auto v = u8();
        if (v > static_cast<std::uint8_t>(maxValue))
            fail(std::string("unknown ") + what + " value " + std::to_string(v));
        return ok() ? static_cast<E>(v) : E{};
    }
    void raw(std::uint8_t *out, std::size_t n)
    {
        if (!ok())
            return;
        if (remaining() < n) {
            fail("truncated input");
            return;
        }
        std::memcpy(out, m_in.data() + m_pos, n);
        m_pos += n;
    }
    Bytes bytes(std::size_t maxLen, const char *what = "byte string")
    {
        const std::uint32_t n = u32();
        if (!ok())
            return {};
        if (n > maxLen) {
            fail(std::string(what) + " longer than its limit of " + std::to_string(maxLen));
            return {};
        }
        if (n > remaining()) {
            fail("truncated input");
            return {};
        }
        Bytes out(m_in.begin() + static_cast<std::ptrdiff_t>(m_pos),
                  m_in.begin() + static_cast<std::ptrdiff_t>(m_pos + n));
        m_pos += n;
        return out;
    }
    std::string string(std::size_t maxLen, const char *what = "string")
    {
        const Bytes b = bytes(maxLen, what);
        return std::string(b.begin(), b.end());
    }
    template<std::size_t N>
    void fixed(FixedBytes<N> &v) { raw(v.data(), N); }

    template<typename T>
    void value(T &v) { decodeFrom(*this, v); }

    // A list of at most maxItems; each item must occupy at least minItemBytes
    // so the count is checked against the remaining input before reserving.
    template<typename T>
    void list(std::vector<T> &out, std::size_t maxItems, const char *what,
              std::size_t minItemBytes = 1)
    {
        out.clear();
        const std::uint32_t n = u32();
        if (!ok())
            return;
        if (n > maxItems) {
            fail(std::string(what) + " has more items than its limit of " + std::to_string(maxItems));
            return;
        }
        if (minItemBytes > 0 && n > remaining() / minItemBytes) {
            fail("truncated input");
            return;
        }
        out.reserve(n);
        for (std::uint32_t i = 0; i < n && ok(); ++i) {
            T item{};
            decodeFrom(*this, item);
            if (ok())
                out.push_back(std::move(item));
        }
    }

private:
    template<typename U>
    U getLe(const char *)
    {
        if (!ok())
            return 0;
        if (remaining() < sizeof(U)) {
            fail("truncated input");
            return 0;
        }
        U v = 0;
        for (std::size_t i = 0; i < sizeof(U); ++i)
            v |= static_cast<U>(static_cast<U>(m_in[m_pos + i]) << (8 * i));
        m_pos += sizeof(U);
        return v;
    }

    ByteView m_in;
    std::size_t m_pos = 0;
    std::string m_error;
};

template<CodedEnum E>
void encodeTo(Writer &w, E v)
{
    w.enumeration(v);
}

template<CodedEnum E>
void decodeFrom(Reader &r, E &v)
{
    constexpr EnumRange<E> range = codecEnumRange(E{});
    v = r.enumeration(range.last, range.name);
}

template<typename T>
Bytes encode(const T &value)
{
    Writer w;
    encodeTo(w, value);
    return w.take();
}

// Decodes a whole input as one T. `what` names the type in the error message.
template<typename T>
Result<T> decode(ByteView in, const char *what = "value")
{
    if (in.size() > kMaxEncodedBytes)
        return makeError("codec.too_large", std::string(what) + ": input exceeds the size limit");
    Reader r(in);
    T value{};
    decodeFrom(r, value);
    if (r.ok() && !r.atEnd())
        r.fail("trailing bytes after the value");
    if (!r.ok())
        return makeError("codec.malformed", std::string(what) + ": " + r.error());
    return value;
}

} // namespace gtx::codec
