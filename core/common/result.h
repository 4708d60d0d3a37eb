#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace gtx {

// What went wrong, in one line a person can act on. `code` is a stable
// machine-readable identifier (e.g. "ledger.wrong_passphrase"); `message` is
// the English sentence shown to operators and in logs.
struct Error
{
    std::string code;
    std::string message;
};

inline Error makeError(std::string code, std::string message)
{
    return Error{std::move(code), std::move(message)};
}

// A value or an Error. No exceptions cross module boundaries in core/.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { assert(ok()); return std::get<0>(m_v); }
    const T &value() const & { assert(ok()); return std::get<0>(m_v); }
    T &&value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// Success or an Error.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { assert(m_failed); return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace gtx

// Propagates a failed Status/Result from the current function.
#define GTX_TRY(expr)                                   \
    do {                                                \
        auto gtx_try_result_ = (expr);                  \
        if (!gtx_try_result_.ok())                      \
            return gtx_try_result_.error();             \
    } while (0)
