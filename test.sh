#!/usr/bin/env bash
# Install what is missing, build, and run the whole test suite (GUI tests offscreen).
# Extra arguments are passed to ctest (for example: ./test.sh -R ledger).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
preset=${GTX_PRESET:-default}
[[ "${CI:-}" == "true" ]] && preset=${GTX_PRESET:-ci}
"$top/installer/setup-build.sh" "$preset"
cd "$top"
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" "$@"
