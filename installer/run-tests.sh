#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Sundial and runs every test; prints ctest's summary.
#   BUILD_DIR        where to build (default: build)
#   SUNDIAL_CMAKE_ARGS  extra CMake arguments (CI passes -DSUNDIAL_WERROR=ON)
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${SUNDIAL_CMAKE_ARGS:-}
cmake --build "$build_dir" -j"$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
