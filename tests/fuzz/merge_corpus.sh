#!/usr/bin/env bash
# Development: after a long run (see README.md), minimises what the fuzzer found into the
# committed corpus tests/fuzz/corpus/<target> with libFuzzer's -merge=1 (edges only, inputs of
# at most 4 KiB), keeping only inputs that add coverage beyond the samples, packs and cases,
# which fuzz_replay.sh feeds anyway. Usage: merge_corpus.sh <fuzz build dir> <target> <dir>...
set -eu
build=$(cd "$1" && pwd)
t=$2
shift 2
src=$(cd "$(dirname "$0")/../.." && pwd)
out="$src/tests/fuzz/corpus/$t"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/merged"
# the seeds go in first, named so they can be told apart and dropped afterwards
i=0
while IFS= read -r f; do i=$((i + 1)); cp "$f" "$tmp/merged/seed-$i"; done < <(
  find "$src/assets/samples" "$src/assets/packs" "$src/tests/cases" -type f ! -name expected.json ! -name '*.md' ! -name '*.py' | sort)
cp "$out"/* "$tmp/merged/" 2>/dev/null || true
cd "$tmp"
"$build/tests/fuzz/$t" -merge=1 -use_counters=0 -max_len=4096 -timeout=10 -rss_limit_mb=2048 "$tmp/merged" "$@" 2>&1 |
  grep -E 'MERGE-OUTER: [0-9]+ new files' || true
rm -f "$tmp"/merged/seed-*
rm -rf "$out" && mkdir -p "$out" && cp "$tmp"/merged/* "$out"/ 2>/dev/null || true
echo "$t: $(ls "$out" | wc -l) files, $(du -sk "$out" | cut -f1) KiB"
