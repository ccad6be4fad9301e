#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds sundial-bench-year in Release and runs it; arguments go to the benchmark
# (--runs N, --days N, --db PATH). The last line printed is the JSON result.
#   BUILD_DIR  build directory (default: build-bench at the repository top)
#   JOBS       parallel build jobs (default: 1)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build-bench}

cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSUNDIAL_BUILD_TESTS=OFF -DSUNDIAL_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target sundial-bench-year -j "${JOBS:-1}" >/dev/null
exec "$build/bench/sundial-bench-year" "$@"
