#!/usr/bin/env bash
# Shared set-up of run.sh and test.sh: packages, configure, build.
# Usage: installer/setup-build.sh PRESET [TARGET...]   (no target: build everything)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-default}
shift || true
"$top/installer/install-build-deps.sh"
cd "$top"
if [[ ! -f "build/$preset/build.ninja" ]]; then
    cmake --preset "$preset" >/dev/null
fi
if [[ $# -gt 0 ]]; then
    cmake --build --preset "$preset" --target "$@"
else
    cmake --build --preset "$preset"
fi
