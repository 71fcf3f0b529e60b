#!/usr/bin/env bash
# Runs the engine benchmarks natively (Google Benchmark, medians of 9 repetitions) and in wasm
# under node, and appends a dated table of median µs per check to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake --preset native >/dev/null && cmake --build --preset native --target reqcheck_bench >/dev/null
cmake --preset web -B build/web-bench -DREQCHECK_BENCH=ON -DREQCHECK_APP=OFF -DREQCHECK_TESTS=OFF >/dev/null
cmake --build build/web-bench --target reqcheck_bench_wasm >/dev/null
native=$(build/native/bench/reqcheck_bench --benchmark_repetitions=9 --benchmark_report_aggregates_only=true \
  --benchmark_format=csv 2>/dev/null | awk -F, '/_median"?,/ {gsub(/"/,"",$1); sub(/_median$/,"",$1); print $1, $3}')
wasm=$(node --no-experimental-fetch build/web-bench/bench/reqcheck_bench_wasm.js)
{
  echo
  echo "## Engine, $(date -u +%F) ($(nproc) cores, $(uname -m))"
  echo
  echo "Median µs per \`check_json\` of each sample (bundled pack, fixed --now)."
  echo
  echo "| sample | native µs | wasm (node $(node --version)) µs |"
  echo "|---|---:|---:|"
  join <(echo "$native" | sort) <(echo "$wasm" | sort) | awk '{printf "| %s | %.1f | %.1f |\n", $1, $2, $3}'
} >> bench/RESULTS.md
tail -n 25 bench/RESULTS.md
