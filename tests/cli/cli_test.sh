#!/usr/bin/env bash
# The CLI as a user runs it: every sample gives the verdict and exit code its name promises,
# batches give one report each and the worst exit code, and bad usage exits 2 with a message.
# Usage: cli_test.sh <reqcheck binary> <source dir>
set -u
bin=$1
src=$2
now=2026-11-30T12:00:00Z
pass=0
fail=0
check() {  # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1: expected '$2', got '$3'"; fi
}
expected_exit() {
  case "$(basename "$1")" in
    meets-criteria*) echo 0 ;; fails-*) echo 1 ;; needs-review-*) echo 3 ;; invalid-input-*) echo 2 ;; *) echo unknown ;;
  esac
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$src"/assets/samples/*.json "$src"/assets/samples/*.xml; do
  "$bin" check "$f" --now "$now" --format json > "$tmp/out.json"
  code=$?
  check "exit code of $(basename "$f")" "$(expected_exit "$f")" "$code"
  # every finding that is not a pass carries a reason, a fix and a source
  missing=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = r.findings.filter(f => f.status !== "pass" && f.status !== "not_applicable" && (!f.message || !f.help || !f.legal_ref));
    console.log(bad.length);' "$tmp/out.json")
  check "findings of $(basename "$f") have message, help and legal_ref" 0 "$missing"
done

# the same report twice: byte-identical
"$bin" check "$src/assets/samples/meets-criteria.json" --now "$now" --format json > "$tmp/a.json"
"$bin" check "$src/assets/samples/meets-criteria.json" --now "$now" --format json > "$tmp/b.json"
check "deterministic output" "" "$(cmp "$tmp/a.json" "$tmp/b.json")"

# stdin, text and markdown
"$bin" check - --now "$now" < "$src/assets/samples/meets-criteria.json" > "$tmp/out.txt"
check "stdin exit code" 0 $?
check "text output starts with the verdict" "verdict: meets the criteria" "$(head -c 27 "$tmp/out.txt")"
"$bin" check "$src/assets/samples/fails-data-content.json" --now "$now" --format markdown > "$tmp/out.md"
check "markdown has the findings table" 1 "$(grep -c '^| status | rule' "$tmp/out.md")"
"$bin" check "$src/assets/samples/fails-data-content.json" --now "$now" --format csv > "$tmp/out.csv"
check "csv exit code" 1 $?
check "csv starts with its header" "request,verdict,status,rule,code,pointer" "$(head -c 40 "$tmp/out.csv")"
rows=$("$bin" check "$src/assets/samples/fails-data-content.json" --now "$now" --format json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).findings.length))')
check "csv has a row per finding" "$((rows + 1))" "$(node -e 'const t=require("fs").readFileSync(process.argv[1],"utf8"); console.log(t.split("\r\n").filter(Boolean).length)' "$tmp/out.csv")"

# batches: several files, a JSON array, NDJSON; worst exit code 2 > 1 > 3 > 0
"$bin" check "$src/assets/samples/meets-criteria.json" "$src/assets/samples/needs-review-uk-country.json" --now "$now" --format json > "$tmp/batch.json" 2> "$tmp/summary.txt"
check "batch of meets + review exits 3" 3 $?
check "batch summary on stderr" "2 requests: 1 meets_criteria, 1 needs_review, 0 does_not_meet, 0 invalid_input" "$(cat "$tmp/summary.txt")"
check "batch is one JSON array of 2" 2 "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).length)' "$tmp/batch.json")"
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync(process.argv[1])), b = JSON.parse(fs.readFileSync(process.argv[2]));
  fs.writeFileSync(process.argv[3], JSON.stringify([a, b]));
  fs.writeFileSync(process.argv[4], JSON.stringify(a) + "\n" + JSON.stringify(b) + "\n");' \
  "$src/assets/samples/fails-subject-witness.json" "$src/assets/samples/needs-review-emergency.json" "$tmp/array.json" "$tmp/batch.ndjson"
"$bin" check "$tmp/array.json" --now "$now" > /dev/null
check "array batch (fails + review) exits 1" 1 $?
"$bin" check "$tmp/batch.ndjson" --now "$now" --format json 2> /dev/null > "$tmp/nd.json"
check "NDJSON batch exits 1" 1 $?
"$bin" check "$tmp/array.json" "$src/assets/samples/invalid-input-bad-date.json" --now "$now" > /dev/null
check "batch with invalid input exits 2" 2 $?

# invalid input with --format json still prints a report with the location
printf '{"schema": "reqcheck.request/1",\n "service": tru}' > "$tmp/broken.json"
"$bin" check "$tmp/broken.json" --now "$now" --format json > "$tmp/broken.out"
check "broken JSON exits 2" 2 $?
check "broken JSON report has line 2" 1 "$(grep -c '"line": 2' "$tmp/broken.out")"

# an input error inside a JSON-array batch names the file's line and column (line 5, column 5)
printf '[\n  {"schema": "reqcheck.request/1"},\n  {\n    "schema": "reqcheck.request/1",\n    "servise": "telegram"\n  }\n]\n' > "$tmp/typo-batch.json"
"$bin" check "$tmp/typo-batch.json" --now "$now" --format text > "$tmp/typo.txt"
check "array batch element error at the file's line" 1 "$(grep -c '/servise at line 5, column 5' "$tmp/typo.txt")"

# packs: forced version, pack file, unknown pack
"$bin" check "$src/assets/samples/meets-criteria.json" --now "$now" --pack telegram-2018-08 > /dev/null
check "2024 drugs request under the forced 2018 pack exits 1" 1 $?
"$bin" check "$src/assets/samples/meets-criteria.json" --now "$now" --pack "$src/assets/packs/telegram-2024-09.json" > /dev/null
check "pack given as a file" 0 $?
"$bin" check "$src/assets/samples/meets-criteria.json" --pack no-such-pack 2> "$tmp/err.txt"
check "unknown pack exits 2" 2 $?
check "unknown pack says so" 1 "$(grep -c 'neither a file nor a bundled pack' "$tmp/err.txt")"

# an HI-1 message with two authorisations is split: one report each
"$bin" check "$src/tests/cases/hi1/HI1-two-authorisations/request.xml" --now "$now" --format json > "$tmp/two.json" 2> /dev/null
check "two authorisations give two reports" 2 "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).length)' "$tmp/two.json")"
check "HI-1 findings name their source element" 1 "$(grep -c -m1 '"source": "/HI1Message' "$tmp/two.json")"

"$bin" check "$src/assets/samples/meets-criteria.json" --from hi1 --now "$now" > /dev/null
check "--from hi1 on a reqcheck request is invalid input" 2 $?

# large-batch formats: NDJSON reports, the results table (CSV, JSON), tallies; a reference that
# is a spreadsheet formula, a request without received_at, one that is not a request
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync(process.argv[1]));
  const formula = {...a, reference: "=HYPERLINK(\"http://evil.example\",\"x\")"};
  const undated = {...a, reference: "UNDATED-1"};
  delete undated.received_at;
  fs.writeFileSync(process.argv[2], [formula, undated].map(r => JSON.stringify(r)).join("\n") + "\n{\"schema\": \"reqcheck.request/1\", \"service\": 7}\n");' \
  "$src/assets/samples/meets-criteria.json" "$tmp/q.ndjson"
"$bin" check "$tmp/q.ndjson" --now "$now" --format ndjson > "$tmp/q.out.ndjson" 2> "$tmp/q.err"
check "ndjson exits with the worst (invalid input)" 2 $?
check "ndjson: one report per line" 3 "$(wc -l < "$tmp/q.out.ndjson")"
check "ndjson: summary on stderr" "3 requests: 2 meets_criteria, 0 needs_review, 0 does_not_meet, 1 invalid_input" "$(cat "$tmp/q.err")"
check "ndjson: each report names its file, line and reference" "$tmp/q.ndjson:2:UNDATED-1:true" "$(node -e '
  const r = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => JSON.parse(l))[1];
  console.log([r.request.file, r.request.line, r.request.reference, r.received_at_defaulted].join(":"))' "$tmp/q.out.ndjson")"
"$bin" check "$tmp/q.ndjson" --now "$now" --format json > "$tmp/q.json" 2> /dev/null
check "ndjson lines are the reports of --format json" true "$(node -e '
  const fs = require("fs"), assert = require("assert");
  const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => JSON.parse(l));
  assert.deepStrictEqual(lines, JSON.parse(fs.readFileSync(process.argv[2])));
  console.log(true)' "$tmp/q.out.ndjson" "$tmp/q.json")"
"$bin" check "$tmp/q.ndjson" --now "$now" --format results-csv > "$tmp/q.csv" 2> /dev/null
check "results-csv exits with the worst" 2 $?
check "results-csv header" "file,line,reference,case_reference,service,issuing_country,instrument_type,received_at,verdict,failed,review,incomplete,first_failing_rule" "$(head -1 "$tmp/q.csv" | tr -d '\r')"
check "results-csv: a header and a row per request, CRLF" 4 "$(grep -c $'\r$' "$tmp/q.csv")"
check "results-csv: a formula is guarded" 1 "$(grep -c "^$tmp/q.ndjson,1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"," "$tmp/q.csv")"
check "results-csv: a request without received_at has an empty received_at" 1 "$(grep -c ',court_order,,meets_criteria,' "$tmp/q.csv")"
check "results-csv: invalid input names its first failing code" 1 "$(grep -c ',invalid_input,[0-9]*,[0-9]*,[0-9]*,INPUT\.' "$tmp/q.csv")"
"$bin" check "$tmp/q.ndjson" --now "$now" --format results-json > "$tmp/q.rows.json" 2> /dev/null
check "results-json: an array of a row per request" "3 meets_criteria 3" "$(node -e '
  const rows = JSON.parse(require("fs").readFileSync(process.argv[1]));
  console.log(rows.length, rows[0].verdict, rows[2].line)' "$tmp/q.rows.json")"
"$bin" tally "$tmp/q.ndjson" "$src/assets/samples/meets-criteria.json" --now "$now" --format json > "$tmp/tally.json"
check "tally exits 0 once tallied" 0 $?
check "tally: every request in a bucket, undated and unreadable ones as unknown" "4 2 2 1" "$(node -e '
  const t = JSON.parse(require("fs").readFileSync(process.argv[1]));
  const sum = t.buckets.reduce((n, b) => n + b.requests, 0);
  const q4 = t.buckets.find(b => b.quarter === "2026-Q4" && b.country === "DE");
  const unknown = t.buckets.filter(b => b.quarter === "unknown").reduce((n, b) => n + b.requests, 0);
  console.log(sum, q4.requests, unknown, q4.target_accounts)' "$tmp/tally.json")"
"$bin" tally "$tmp/q.ndjson" "$src/tests/cases/hi1/HI1-two-authorisations/request.xml" --now "$now" --format json > "$tmp/tally-hi1.json"
check "tally counts an HI-1 message's authorisations among the files" 5 "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).requests)' "$tmp/tally-hi1.json")"
"$bin" tally "$tmp/q.ndjson" --now "$now" --format csv > "$tmp/tally.csv"
check "tally csv header" "table,quarter_utc,country,rule,requests,target_accounts,meets_criteria,needs_review,does_not_meet,invalid_input,top_failed_rules" "$(head -1 "$tmp/tally.csv" | tr -d '\r')"
check "tally csv has the unknown buckets (undated; unreadable)" 2 "$(grep -c '^bucket,unknown,' "$tmp/tally.csv")"
"$bin" tally "$tmp/q.ndjson" --now "$now" > "$tmp/tally.txt"
check "tally text states the quarters are UTC" 1 "$(grep -c 'quarters: of received_at, in UTC' "$tmp/tally.txt")"
"$bin" tally "$tmp/does-not-exist.json" 2> "$tmp/tally.err"
check "tally of an unreadable file exits 2" 2 $?
check "tally of an unreadable file says so" 1 "$(grep -c 'cannot read' "$tmp/tally.err")"
"$bin" tally "$tmp/q.ndjson" --format results-csv 2> /dev/null
check "tally refuses a check format" 2 $?

# past 100,000 requests: those are checked, the rest is one invalid_input row at its line
node -e 'require("fs").writeFileSync(process.argv[1], "{\"n\": 1}\n".repeat(100001))' "$tmp/over.ndjson"
"$bin" check "$tmp/over.ndjson" --now "$now" --format results-csv > "$tmp/over.csv" 2> /dev/null
check "a batch past the limit exits 2" 2 $?
check "a batch past the limit: 100,000 rows and the limit's" 100002 "$(wc -l < "$tmp/over.csv")"
check "the limit's row names the line of the first request not checked" "$tmp/over.ndjson,100001,,,,,,,invalid_input,1,0,0,INPUT.too_many_requests" "$(tail -1 "$tmp/over.csv" | tr -d '\r')"

# usage errors, rules, explain
"$bin" check 2> /dev/null
check "missing file argument exits 2" 2 $?
"$bin" check "$tmp/does-not-exist.json" 2> /dev/null
check "unreadable file exits 2" 2 $?
"$bin" check "$src/assets/samples/meets-criteria.json" --format yaml 2> /dev/null
check "unknown format exits 2" 2 $?
"$bin" check "$src/assets/samples/meets-criteria.json" "$src/assets/samples/fails-data-content.json" --now yesterday > "$tmp/now.out" 2> "$tmp/now.err"
check "--now that is no date-time exits 2" 2 $?
check "--now error is said once, as a usage error" 1 "$(grep -c 'not an RFC 3339 date-time' "$tmp/now.err")"
check "--now error prints no report" 0 "$(wc -c < "$tmp/now.out")"
check "rules lists 21 rules" 21 "$("$bin" rules | grep -c '^  [A-Z]')"
"$bin" explain auth-01 > "$tmp/explain.md"
check "explain prints the doc page" "# AUTH-01" "$(head -c 9 "$tmp/explain.md")"
"$bin" explain NOPE-1 2> /dev/null
check "explain of an unknown rule exits 2" 2 $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
