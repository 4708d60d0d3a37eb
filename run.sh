#!/usr/bin/env bash
# Quick start: install what is missing, build, start a local devnet (eleven
# gtx-node processes on loopback) with a synthetic grid feeding it (gtx-node
# meters feed) and open the console following it.
# Extra arguments are passed to gtx-console (for example: ./run.sh --lang en).
# The devnet lives in $GTX_DEVNET_DIR (default ~/.local/share/GridTokenX/devnet-network)
# and goes on from where it was at the next start; it stops with the console.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    # Install the packages first, so that xvfb-run is there for the hint below.
    "$top/installer/install-build-deps.sh"
    echo "run.sh: gtx-console needs a display and none is set; run it headless with: xvfb-run -a ./run.sh" >&2
    exit 1
fi
"$top/installer/setup-build.sh" default gtx-console gtx-node
node="$top/build/default/app/node/gtx-node"
devnet="${GTX_DEVNET_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/GridTokenX/devnet-network}"
mkdir -p "$(dirname "$devnet")"
"$node" devnet --dir "$devnet" --init >/dev/null
"$node" devnet --dir "$devnet" >"$devnet/devnet.log" 2>&1 &
devnet_pid=$!
# The grid: bulk meters and EGAT's reports every 15 minutes, the last day first.
"$node" meters feed --devnet "$devnet" >"$devnet/feed.log" 2>&1 &
feed_pid=$!
# The nodes stop cleanly (SIGINT, as Ctrl-C would) when the console closes.
trap 'kill -INT "$feed_pid" "$devnet_pid" 2>/dev/null || true; wait "$feed_pid" "$devnet_pid" 2>/dev/null || true' EXIT
echo "run.sh: devnet in $devnet (log: $devnet/devnet.log, grid feed: $devnet/feed.log); opening the console"
"$top/build/default/app/console/gtx-console" --join-devnet "$devnet" "$@"
