#pragma once

// Time reaches core/ only through this interface, so a whole network can run
// under a simulated clock. Times are UTC milliseconds since 1970.

#include <cstdint>

namespace gtx {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
};

// The operating system's wall clock.
class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
};

// A clock that moves only when told to (tests, simulation).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t startMs = 0) : m_nowMs(startMs) {}
    std::int64_t nowMs() const override { return m_nowMs; }
    void set(std::int64_t ms) { m_nowMs = ms; }
    void advance(std::int64_t ms) { m_nowMs += ms; }

private:
    std::int64_t m_nowMs;
};

} // namespace gtx
