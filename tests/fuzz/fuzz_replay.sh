#!/usr/bin/env bash
# CI: runs every libFuzzer target for a short time (default 60 s) starting from the committed
# corpus (tests/fuzz/corpus/<target>) plus the samples, packs and every case, so that a
# regression on a known input, or a new crash near it, fails the build. New inputs go to a
# temporary directory and are discarded. Usage: fuzz_replay.sh <fuzz build dir> [seconds]
set -u
build=$(cd "$1" && pwd)
secs=${2:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for t in fuzz_request fuzz_check fuzz_pack fuzz_import_hi1; do
  bin="$build/tests/fuzz/$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz-replay: $t not built"
    status=1
    continue
  fi
  work=$(mktemp -d)
  mkdir -p "$work/new" "$work/artifacts"
  # the committed corpus may not exist yet for a new target
  corpus=()
  [ -d "$src/tests/fuzz/corpus/$t" ] && corpus+=("$src/tests/fuzz/corpus/$t")
  (cd "$work" && "$bin" -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$src/tests/fuzz/reqcheck.dict" -artifact_prefix="$work/artifacts/" \
    "$work/new" "${corpus[@]}" "$src/assets/samples" "$src/assets/packs" "$src/tests/cases" > "$work/log" 2>&1)
  rc=$?
  execs=$(grep -m1 'stat::number_of_executed_units' "$work/log" | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$work/log" | tail -1 | grep -o 'cov: [0-9]*')
  if [ $rc -ne 0 ]; then
    status=1
    echo "fuzz-replay: $t FAILED (exit $rc); the input that broke it:"
    grep -E 'ERROR|runtime error|fuzz property broken' "$work/log" | head -5
    for a in "$work"/artifacts/*; do [ -f "$a" ] && echo "  $(basename "$a"): $(head -c 200 "$a" | od -c | head -3)"; done
    tail -40 "$work/log"
  else
    echo "fuzz-replay: $t ok, ${execs:-?} executions in ${secs}s, ${cov:-cov: ?}"
  fi
  rm -rf "$work"
done
exit $status
