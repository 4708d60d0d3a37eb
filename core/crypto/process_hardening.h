#pragma once

namespace gtx::crypto {

// Keeps secrets out of core files and away from debuggers of other users:
// sets RLIMIT_CORE to zero and marks the process non-dumpable. Call once at
// start-up, before any key or passphrase is loaded. Returns false if either
// step failed (the caller may warn; it is not fatal).
bool hardenProcess();

} // namespace gtx::crypto
