#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Try Sundial out as an ordinary user: builds it, creates a demo state (you as the limited
# child, a starter rule set and two weeks of sample activity) under
# ${XDG_STATE_HOME:-~/.local/state}/sundial-demo, and shows the status a child would see.
# Until the service exists (issue 3), this runs sundialctl directly on that state.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then
    bash installer/install-deps.sh
fi
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target sundialctl

state=${SUNDIAL_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/sundial-demo}
ctl=("$build_dir/agent/ctl/sundialctl" --state "$state")
if [ ! -e "$state/sundial.db" ]; then
    "${ctl[@]}" demo
fi
"${ctl[@]}" status
echo
"${ctl[@]}" report --period week
echo
echo "Try: $build_dir/agent/ctl/sundialctl --state $state --help"
