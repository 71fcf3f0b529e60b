#!/usr/bin/env bash
# The batch benchmark (issue 12): generates batches of 10,000 and 100,000 requests
# (gen-batch.mjs, on bench/peers/gen.mjs) and times the native CLI's `check` and `tally` on them:
# wall time, requests per second, user and system CPU time and peak memory (/usr/bin/time -v).
# A measurement, never a test. Prints a Markdown table; --write appends it to bench/RESULTS.md.
# Usage: bash bench/batch/run.sh [--write] [--jobs N]   (REQCHECK_BIN: default build/native/reqcheck)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${REQCHECK_BIN:-build/native/reqcheck}
write=0
jobs_list="1 2"
while [ $# -gt 0 ]; do
  case "$1" in
    --write) write=1 ;;
    --jobs) jobs_list=$2; shift ;;
  esac
  shift
done
[ -x "$bin" ] || { echo "build the native preset first ($bin)" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
now=2026-11-30T12:00:00Z
for n in 10000 100000; do node bench/batch/gen-batch.mjs "$n" "$dir/$n.ndjson"; done
node bench/batch/gen-batch.mjs 100000 "$dir/100000.json" --array

table="| input | command | jobs | wall s | requests/s | user s | sys s | peak RSS MB |
|---|---|---:|---:|---:|---:|---:|---:|"
run() {  # run <input file> <label> <jobs> <command...>
  local file=$1 label=$2 jobs=$3
  shift 3
  local n
  n=$(basename "$file" | cut -d. -f1)
  /usr/bin/time -v "$bin" "$@" "$file" --now "$now" -j "$jobs" > /dev/null 2> "$dir/time.txt" || true
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$dir/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$dir/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$dir/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$dir/time.txt")
  table+=$'\n'"| $n $(basename "$file" | cut -d. -f2) ($(du -m "$file" | cut -f1) MB) | \`$label\` | $jobs | $wall | $(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%\047.0f", n / w}') | $user | $sys | $rss |"
}
for jobs in $jobs_list; do
  for n in 10000 100000; do
    run "$dir/$n.ndjson" "check --format results-csv" "$jobs" check --format results-csv
    run "$dir/$n.ndjson" "tally" "$jobs" tally
  done
  run "$dir/100000.ndjson" "check --format ndjson" "$jobs" check --format ndjson
  run "$dir/100000.json" "check --format results-csv" "$jobs" check --format results-csv
done
header="## Batches: \`reqcheck check\` and \`tally\` on 10,000 and 100,000 requests, $(date -u +%Y-%m-%d) ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at the end, $(git rev-parse --short HEAD))"
echo "$header"
echo
echo "$table"
if [ "$write" = 1 ]; then printf '\n%s\n\n%s\n' "$header" "$table" >> bench/RESULTS.md; fi
