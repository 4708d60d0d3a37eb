#!/usr/bin/env bash
# Shared set-up of run.sh and test.sh: packages, configure, build.
# Usage: installer/setup-build.sh PRESET
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-default}
"$top/installer/install-build-deps.sh"
cd "$top"
if [[ ! -f "build/$preset/build.ninja" ]]; then
    cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
