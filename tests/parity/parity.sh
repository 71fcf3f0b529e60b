#!/usr/bin/env bash
# Native CLI and wasm CLI (the same main.cpp under node) must print byte-identical reports and
# exit with the same code for every sample and case input, in every output format for the
# samples; and the native report must be byte-identical across two runs (determinism).
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
pass=0
fail=0
compare() {  # compare <label> <args...>
  local label=$1
  shift
  "$native" "$@" > "$tmp/n.out" 2> "$tmp/n.err"
  local nc=$?
  /usr/bin/node --no-experimental-fetch --stack-size=4000 "$wasm" "$@" > "$tmp/w.out" 2> "$tmp/w.err"
  local wc=$?
  if [ "$nc" != "$wc" ] || ! cmp -s "$tmp/n.out" "$tmp/w.out"; then
    fail=$((fail + 1))
    echo "DIFFER: $label (exit native $nc, wasm $wc)"
    diff <(head -c 20000 "$tmp/n.out") <(head -c 20000 "$tmp/w.out") | head -20
    return
  fi
  pass=$((pass + 1))
}

inputs=()
while IFS= read -r f; do inputs+=("$f"); done < <(
  { find "$src/assets/samples" -maxdepth 1 -type f \( -name '*.json' -o -name '*.xml' \) ! -name 'README*'
    find "$src/tests/cases" -type f \( -name 'request.json' -o -name 'request.xml' -o -name 'request.hi1.json' \); } | LC_ALL=C sort)

for f in "${inputs[@]}"; do
  compare "${f#$src/}" check "$f" --now "$now" --format json
done
for f in "$src"/assets/samples/*; do
  case "$f" in *.json|*.xml) ;; *) continue ;; esac
  for format in text markdown; do compare "${f#$src/} ($format)" check "$f" --now "$now" --format "$format"; done
done
# a batch: every sample in one run (the summary goes to stderr, the array to stdout)
compare "batch of all samples" check "$src"/assets/samples/*.json --now "$now" --format json
compare "rules" rules
compare "packs" packs

# determinism: the same input twice gives the same bytes (natively; wasm is covered by parity)
for f in "${inputs[@]}"; do
  "$native" check "$f" --now "$now" --format json > "$tmp/a.out" 2>/dev/null
  "$native" check "$f" --now "$now" --format json > "$tmp/b.out" 2>/dev/null
  if cmp -s "$tmp/a.out" "$tmp/b.out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "NOT DETERMINISTIC: ${f#$src/}"; fi
done
echo "parity: $pass identical, $fail different (${#inputs[@]} inputs)"
[ "$fail" = 0 ]
