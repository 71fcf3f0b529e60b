#!/usr/bin/env bash
# Native CLI and wasm CLI (the same main.cpp under node) must print byte-identical reports and
# messages and exit with the same code for every sample and case input, in every output format
# for the samples; and the native report must be byte-identical across two runs (determinism).
# The wasm side runs every comparison in one node process (reqcheck_wasm_cli --jobs: starting
# node and the module ~700 times was most of this test's time), and once as a plain command
# line, so that its exit code through node's process is compared too.
# Usage: parity.sh <native reqcheck> <wasm reqcheck .js> <source dir>
set -u
native=$1
wasm=$2
src=$3
now=2026-11-30T12:00:00Z
if [ ! -x "$native" ]; then
  echo "parity: $native not built (run: cmake --build --preset native)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node_run() { /usr/bin/node --no-experimental-fetch --stack-size=4000 "$wasm" "$@"; }

inputs=()
while IFS= read -r f; do inputs+=("$f"); done < <(
  { find "$src/assets/samples" -maxdepth 1 -type f \( -name '*.json' -o -name '*.xml' \) ! -name 'README*'
    find "$src/tests/cases" -type f \( -name 'request.json' -o -name 'request.xml' -o -name 'request.hi1.json' \); } | LC_ALL=C sort)

# the jobs: a label, then the CLI's arguments, tab-separated
: > "$tmp/jobs"
: > "$tmp/labels"
job() {  # job <label> <args...>
  printf '%s\n' "$1" >> "$tmp/labels"
  shift
  (IFS=$'\t'; printf '%s\n' "$*") >> "$tmp/jobs"
}
for f in "${inputs[@]}"; do
  job "${f#$src/}" check "$f" --now "$now" --format json
done
for f in "$src"/assets/samples/*; do
  case "$f" in *.json|*.xml) ;; *) continue ;; esac
  for format in text markdown; do job "${f#$src/} ($format)" check "$f" --now "$now" --format "$format"; done
done
# a batch: every sample in one run (the summary goes to stderr, the array to stdout)
job "batch of all samples" check "$src"/assets/samples/*.json --now "$now" --format json
job "rules" rules
job "packs" packs

mkdir "$tmp/wasm"
if ! node_run --jobs "$tmp/jobs" "$tmp/wasm" > "$tmp/wasm.log" 2>&1; then
  echo "parity: the wasm CLI stopped:"
  tail -20 "$tmp/wasm.log"
  exit 1
fi

pass=0
fail=0
n=0
mapfile -t labels < "$tmp/labels"
while IFS=$'\t' read -r -a args; do
  n=$((n + 1))
  label=${labels[$((n - 1))]}
  "$native" "${args[@]}" > "$tmp/n.out" 2> "$tmp/n.err"
  nc=$?
  wc=
  [ -f "$tmp/wasm/$n.code" ] && read -r wc < "$tmp/wasm/$n.code"
  if [ "$nc" != "$wc" ] || ! cmp -s "$tmp/n.out" "$tmp/wasm/$n.out" || ! cmp -s "$tmp/n.err" "$tmp/wasm/$n.err"; then
    fail=$((fail + 1))
    echo "DIFFER: $label (exit native $nc, wasm ${wc:-none})"
    diff <(head -c 20000 "$tmp/n.out") <(head -c 20000 "$tmp/wasm/$n.out") | head -20
    diff "$tmp/n.err" "$tmp/wasm/$n.err" | head -5
    continue
  fi
  pass=$((pass + 1))
  # determinism: a second native run of each input's JSON report gives the same bytes
  if [ "$n" -le "${#inputs[@]}" ]; then
    "$native" "${args[@]}" > "$tmp/again.out" 2> /dev/null
    if cmp -s "$tmp/n.out" "$tmp/again.out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "NOT DETERMINISTIC: $label"; fi
  fi
done < "$tmp/jobs"
if [ "$n" = 0 ] || [ ! -f "$tmp/wasm/$n.code" ]; then
  fail=$((fail + 1))
  echo "parity: the wasm CLI did not run every job"
fi

# the wasm CLI as a command line of its own: its exit code through node (a batch exits with the worst)
node_run check "$src"/assets/samples/*.json --now "$now" --format json > "$tmp/w.out" 2> /dev/null
wc=$?
"$native" check "$src"/assets/samples/*.json --now "$now" --format json > "$tmp/n.out" 2> /dev/null
nc=$?
if [ "$nc" = "$wc" ] && cmp -s "$tmp/n.out" "$tmp/w.out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "DIFFER: the wasm CLI run alone (exit native $nc, wasm $wc)"; fi

echo "parity: $pass identical, $fail different (${#inputs[@]} inputs, $n jobs in one wasm process)"
[ "$fail" = 0 ]
