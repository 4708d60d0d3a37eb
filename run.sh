#!/usr/bin/env bash
# Quick start: install what is missing, build, and open the console on a local devnet.
# Extra arguments are passed to gtx-console (for example: ./run.sh --lang en).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    # Install the packages first, so that xvfb-run is there for the hint below.
    "$top/installer/install-build-deps.sh"
    echo "run.sh: gtx-console needs a display and none is set; run it headless with: xvfb-run -a ./run.sh" >&2
    exit 1
fi
"$top/installer/setup-build.sh" default gtx-console gtx-node
exec "$top/build/default/app/console/gtx-console" --devnet "$@"
