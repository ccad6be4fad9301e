#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Sundial and runs every test; prints ctest's summary.
#   BUILD_DIR        where to build (default: build)
#   SUNDIAL_CMAKE_ARGS  extra CMake arguments (CI=true in the environment turns on -Werror)
set -euo pipefail
cd "$(dirname "$0")/.."

# The integration tests need root (test accounts, calls as other uids, a PAM service file).
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        exec sudo --preserve-env=BUILD_DIR,SUNDIAL_CMAKE_ARGS,CI bash "$0" "$@"
    fi
    echo "run-tests.sh: run as root (the integration tests create test accounts and call as other users)" >&2
    exit 1
fi

bash installer/install-deps.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${SUNDIAL_CMAKE_ARGS:-}
cmake --build "$build_dir" -j"$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
