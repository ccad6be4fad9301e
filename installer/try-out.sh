#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Try Sundial out as an ordinary user, limiting yourself: builds it, creates a demo state (you
# as the limited child, a starter rule set and two weeks of sample activity) under
# ${XDG_STATE_HOME:-~/.local/state}/sundial-demo, starts the service in try-out mode
# (sundiald --user, on your session bus) and shows what a child would see.
# On a desktop it also opens the parent's console and the child's window (both talking to the
# try-out service) and keeps running until Ctrl-C; without a display it stops after printing
# the status.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then
    bash installer/install-deps.sh
fi
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target sundiald sundialctl sundial-tray sundial-console

# The service needs a session bus; a headless machine has none, so make one for this run.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    exec dbus-run-session -- bash "$0" "$@"
fi

state=${SUNDIAL_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/sundial-demo}
ctl=("$build_dir/agent/ctl/sundialctl" --state "$state")
if [ ! -e "$state/sundial.db" ]; then
    "${ctl[@]}" demo
fi

"$build_dir/agent/daemon/sundiald" --user --state "$state" &
service=$!
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
        -m org.freedesktop.DBus.NameHasOwner org.sundial.Agent1 2>/dev/null | grep -q true && break
    sleep 0.1
done

echo
echo "The service answers on your session bus (org.sundial.Agent1). What a child sees:"
gdbus call --session -d org.sundial.Agent1 -o /org/sundial/Agent1 -m org.sundial.Agent1.Child.GetStatus
echo
echo "The same through sundialctl, as a client of the try-out service:"
"$build_dir/agent/ctl/sundialctl" --user status
echo
"${ctl[@]}" report --period week
echo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -t 0 ]; then
    "$build_dir/ui/tray/sundial-tray" --user &
    "$build_dir/ui/console/sundial-console" --user &
    echo "sundiald is running in try-out mode, with the child's window and the parent's console;"
    echo "press Ctrl-C to stop it."
    echo "In another terminal: $build_dir/agent/ctl/sundialctl --user --help"
    wait "$service"
else
    echo "No display: stopping the service. Explore with $build_dir/agent/ctl/sundialctl --state $state --help"
fi
