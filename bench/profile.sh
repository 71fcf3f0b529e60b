#!/usr/bin/env bash
# Where the time of one check goes: callgrind over 200 typed checks of a sample (the packs
# compiled once), inclusive instruction counts of the engine's functions. A measurement, never a
# test. Usage: bench/profile.sh [request file] [checks]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset native >/dev/null && cmake --build --preset native --target reqcheck_profile >/dev/null
out=$(mktemp)
valgrind --tool=callgrind --callgrind-out-file="$out" build/native/bench/reqcheck_profile "${1:-assets/samples/meets-criteria.json}" "${2:-200}"
callgrind_annotate --inclusive=yes "$out" | grep -E 'reqcheck::|mbedtls|nlohmann' | head -40
rm -f "$out"
