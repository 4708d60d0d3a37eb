#include "core/crypto/process_hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace gtx::crypto {

bool hardenProcess()
{
    const rlimit none{0, 0};
    const bool noCore = ::setrlimit(RLIMIT_CORE, &none) == 0;
    const bool notDumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return noCore && notDumpable;
}

} // namespace gtx::crypto
