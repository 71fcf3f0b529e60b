#!/usr/bin/env bash
# Runs the engine benchmarks natively (Google Benchmark, medians of 9 repetitions) and in wasm
# under node, and appends a dated table to bench/RESULTS.md: median µs per typed `check` (packs
# compiled once) and per `check_json` of each sample, the one-off pack compilation, and the cost
# of one check inside a CLI batch (a 900-line NDJSON batch against a 2-line one, whole process,
# median of 7 runs). With BEFORE=<checkout of an earlier commit, built by this script there>, the
# earlier engine's figures (and its CLI batch cost) are measured in the same run and shown beside;
# an engine older than the typed check (whose bench named `check` what is now `check_json`) is
# compared on `check_json`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
build_benches() {  # build_benches <source dir> [cmake options of its native build]
  local dir=$1
  shift
  (cd "$dir" && cmake --preset native "$@" >/dev/null && cmake --build --preset native --target reqcheck_bench reqcheck >/dev/null &&
   cmake --preset web -B build/web-bench -DREQCHECK_BENCH=ON -DREQCHECK_APP=OFF -DREQCHECK_TESTS=OFF >/dev/null &&
   cmake --build build/web-bench --target reqcheck_bench_wasm >/dev/null)
}
native_medians() {  # native_medians <source dir>: "name µs" lines
  "$1/build/native/bench/reqcheck_bench" --benchmark_repetitions=9 --benchmark_report_aggregates_only=true \
    --benchmark_format=csv 2>/dev/null | awk -F, '/_median"?,/ {gsub(/"/,"",$1); sub(/_median$/,"",$1); print $1, $3}'
}
build_benches .
native=$(native_medians .)
wasm=$(node --no-experimental-fetch build/web-bench/bench/reqcheck_bench_wasm.js)
if [ -n "${BEFORE:-}" ]; then
  build_benches "$BEFORE" -DREQCHECK_TESTS=OFF
  before_native=$(native_medians "$BEFORE")
  before_wasm=$(node --no-experimental-fetch "$BEFORE/build/web-bench/bench/reqcheck_bench_wasm.js")
  if ! echo "$before_native" | grep -q '^check_json/'; then  # an engine before the typed check
    before_native=$(echo "$before_native" | sed 's|^check/|check_json/|')
    before_wasm=$(echo "$before_wasm" | sed 's|^check/|check_json/|')
    before_what="\`check_json\` of $(git -C "$BEFORE" rev-parse --short HEAD), measured in the same run, which compiled the pack on every call"
  else
    before_what="$(git -C "$BEFORE" rev-parse --short HEAD), measured in the same run"
  fi
fi

# one check inside a CLI batch: the difference of a 900-request and a 2-request NDJSON run
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
line=$(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync("assets/samples/meets-criteria.json","utf8"))))')
for n in 2 900; do for _ in $(seq "$n"); do echo "$line"; done > "$tmp/batch$n.ndjson"; done
run_ms() {  # median wall µs of 7 runs of a CLI binary on a file, in a format: run_ms <bin> <file> <format>
  for _ in 1 2 3 4 5 6 7; do
    s=$(date +%s%N); "$1" check "$2" --now 2026-11-30T12:00:00Z --format "$3" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | sed -n 4p
}
batch_line() {  # batch_line <format>: one table row (this checkout, then BEFORE's if given)
  local t2 t900 b2=0 b900=0
  t2=$(run_ms build/native/reqcheck "$tmp/batch2.ndjson" "$1")
  t900=$(run_ms build/native/reqcheck "$tmp/batch900.ndjson" "$1")
  if [ -n "${BEFORE:-}" ]; then
    b2=$(run_ms "$BEFORE/build/native/reqcheck" "$tmp/batch2.ndjson" "$1")
    b900=$(run_ms "$BEFORE/build/native/reqcheck" "$tmp/batch900.ndjson" "$1")
  fi
  awk -v f="$1" -v a="$t900" -v b="$t2" -v c="$b900" -v d="$b2" -v before="${BEFORE:+1}" 'BEGIN {
    printf "| `--format %s` | %.0f | %.0f | **%.1f** |", f, a / 1000, b / 1000, (a - b) / 898
    if (before) printf " %.0f | %.0f | %.1f |", c / 1000, d / 1000, (c - d) / 898
    printf "\n" }'
}
batch_rows=$(for f in text json csv; do batch_line "$f"; done)

{
  echo
  echo "## Engine, $(date -u +%F) ($(nproc) cores, $(uname -m), $(git rev-parse --short HEAD))"
  echo
  echo "Median µs per call of each sample (bundled packs, fixed --now): \`check\` is the typed check with"
  echo "the packs compiled once (what the CLI and the page do per request); \`check_json\` adds the JSON"
  echo "rendering (the JS API)${BEFORE:+; *before* is $before_what}."
  echo
  if [ -n "${BEFORE:-}" ]; then
    echo "| call | native µs | wasm (node $(node --version)) µs | before: native µs | before: wasm µs |"
    echo "|---|---:|---:|---:|---:|"
    join -a1 <(join <(echo "$native" | sort) <(echo "$wasm" | sort)) <(join <(echo "$before_native" | sort) <(echo "$before_wasm" | sort)) |
      awk '{ if (NF >= 5) printf "| %s | %.1f | %.1f | %.1f | %.1f |\n", $1, $2, $3, $4, $5; else printf "| %s | %.1f | %.1f | | |\n", $1, $2, $3 }'
  else
    echo "| call | native µs | wasm (node $(node --version)) µs |"
    echo "|---|---:|---:|"
    join <(echo "$native" | sort) <(echo "$wasm" | sort) | awk '{printf "| %s | %.1f | %.1f |\n", $1, $2, $3}'
  fi
  echo
  echo "One check inside a CLI batch: \`reqcheck check batch.ndjson\` with the meets-criteria sample on every"
  echo "line, whole process, median of 7 runs; per check = (900 lines − 2 lines) / 898 (target ≤ 100 µs):"
  echo
  if [ -n "${BEFORE:-}" ]; then
    echo "| output | 900 lines ms | 2 lines ms | µs per check | before: 900 lines ms | before: 2 lines ms | before: µs per check |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
  else
    echo "| output | 900 lines ms | 2 lines ms | µs per check |"
    echo "|---|---:|---:|---:|"
  fi
  echo "$batch_rows"
} >> bench/RESULTS.md
tail -n 45 bench/RESULTS.md
