#pragma once

// SIGINT and SIGTERM as a long-running command waits for them: blocked in
// every thread (block them before starting any), then awaited.

#include <signal.h>

namespace gtx::app {

inline sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

// Waits up to `ms` for SIGINT or SIGTERM (blocked beforehand); true when one came.
inline bool waitForStop(const sigset_t &set, long ms)
{
    timespec timeout{ms / 1000, (ms % 1000) * 1'000'000};
    return sigtimedwait(&set, nullptr, &timeout) > 0;
}

} // namespace gtx::app
