#!/usr/bin/env bash
# Runs every libFuzzer target from the committed corpus (tests/fuzz/corpus/<target>) plus the
# samples, packs and every case: each first replays all of them (under ASan and UBSan, so a
# regression on a known input fails the build; the script checks the replay completed), then
# fuzzes until <seconds> in all have passed, so a new crash near them fails it too. Two targets
# run at a time, one per core. `make fuzz-replay` (in `make test`) gives 20 s a target;
# `make fuzz-long` gives a campaign an hour a target and keeps what it finds.
# Usage: fuzz_replay.sh <fuzz build dir> [seconds] [dir for new inputs]
#   new inputs go to <dir>/<target> (e.g. the git-ignored tests/fuzz/corpus-new; merge them with
#   merge_corpus.sh), or, without a dir, to a temporary one that is discarded.
set -u
build=$(cd "$1" && pwd)
secs=${2:-20}
keep=""
[ -n "${3:-}" ] && keep=$(mkdir -p "$3" && cd "$3" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
targets=(fuzz_request fuzz_check fuzz_pack fuzz_import_hi1)
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT

run_target() {  # run_target <target>: writes $top/<target>.log and $top/<target>.rc
  local t=$1 bin="$build/tests/fuzz/$1" work="$top/$1" new
  mkdir -p "$work/artifacts"
  new="$work/new"
  [ -n "$keep" ] && new="$keep/$t"
  mkdir -p "$new"
  # the committed corpus may not exist yet for a new target
  local corpus=()
  [ -d "$src/tests/fuzz/corpus/$t" ] && corpus+=("$src/tests/fuzz/corpus/$t")
  (cd "$work" && "$bin" -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$src/tests/fuzz/reqcheck.dict" -artifact_prefix="$work/artifacts/" \
    "$new" "${corpus[@]}" "$src/assets/samples" "$src/assets/packs" "$src/tests/cases" > "$top/$t.log" 2>&1)
  echo $? > "$top/$t.rc"
}

status=0
running=0
for t in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/$t" ]; then
    echo "fuzz-replay: $t not built"
    status=1
    continue
  fi
  run_target "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait

for t in "${targets[@]}"; do
  [ -f "$top/$t.rc" ] || continue
  rc=$(cat "$top/$t.rc")
  log="$top/$t.log"
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -o 'cov: [0-9]*')
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz-replay: $t FAILED (exit $rc); the input that broke it:"
    grep -E 'ERROR|runtime error|fuzz property broken' "$log" | head -5
    for a in "$top/$t"/artifacts/*; do [ -f "$a" ] && echo "  $(basename "$a"): $(head -c 200 "$a" | od -c | head -3)"; done
    tail -40 "$log"
  elif ! grep -q 'INITED' "$log"; then
    status=1
    echo "fuzz-replay: $t did not replay its whole corpus (no INITED in its log)"
    tail -5 "$log"
  else
    echo "fuzz-replay: $t ok, corpus replayed, ${execs:-?} executions in ${secs}s, ${cov:-cov: ?}"
  fi
done
exit $status
