// The published JSON Schemas agree with the parser: request.schema.json accepts every sample
// and case request the parser reads, and report.schema.json accepts every report the CLI writes
// (tally.schema.json and results.schema.json: its tallies and results rows).
// The CLI checks every file in one batch run (a process per file made this test slow, most of
// all under AddressSanitizer); each report is matched to its file by `input_sha256`, and a file
// the batch splits into several requests (a JSON array, NDJSON) is checked alone, as before.
// Usage: node --test tests/schema   (REQCHECK_BIN: the native CLI, default build/native/reqcheck)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = process.env.REQCHECK_BIN || join(root, "build/native/reqcheck");
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const requestSchema = ajv.compile(JSON.parse(readFileSync(join(root, "assets/schema/request.schema.json"), "utf8")));
const reportSchema = ajv.compile(JSON.parse(readFileSync(join(root, "assets/schema/report.schema.json"), "utf8")));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

function requestFiles() {
  // reqcheck requests only: HI-1 messages (XML, or JSON rendering *.hi1.json) have their own standard
  const samples = readdirSync(join(root, "assets/samples"))
    .filter((f) => f.endsWith(".json") && !f.endsWith(".hi1.json"))
    .map((f) => join(root, "assets/samples", f));
  const cases = [...walk(join(root, "tests/cases"))].filter((p) => p.endsWith("/request.json"));
  return [...samples, ...cases];
}

const cliArgs = ["--format", "json", "--now", "2026-11-30T12:00:00Z"];

function run(files) {
  try {
    return execFileSync(bin, ["check", ...files, ...cliArgs], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] }).toString();
  } catch (e) {
    return e.stdout.toString(); // exit 1, 2, 3: a verdict other than meets_criteria, the report is printed all the same
  }
}

// the report of each file, as `reqcheck check <file> --format json` prints it alone
let reportsCache;
function reports() {
  if (reportsCache) return reportsCache;
  const files = requestFiles();
  const bySha = new Map();
  for (const r of JSON.parse(run(files))) bySha.set(r.input_sha256, r);
  reportsCache = new Map();
  for (const file of files) {
    const sha = createHash("sha256").update(readFileSync(file)).digest("hex");
    reportsCache.set(file, bySha.has(sha) ? bySha.get(sha) : JSON.parse(run([file])));
  }
  return reportsCache;
}

const unreadable = (report) => !Array.isArray(report) && report.verdict === "invalid_input";

test("request.schema.json accepts every request the parser reads", () => {
  let checked = 0;
  for (const [file, report] of reports()) {
    if (unreadable(report)) continue; // unreadable on purpose (input cases): the schema may reject it too
    const doc = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")); // the parser accepts one BOM
    const ok = requestSchema(doc);
    assert.ok(ok, `${file}: ${JSON.stringify(requestSchema.errors)}`);
    checked++;
  }
  assert.ok(checked >= 150, `only ${checked} requests checked`);
});

test("request.schema.json rejects what the parser rejects as a wrong type or enum", () => {
  const base = JSON.parse(readFileSync(join(root, "assets/samples/meets-criteria.json"), "utf8"));
  const bad = [
    { ...base, schema: "reqcheck.request/2" },
    { ...base, instrument: { ...base.instrument, type: "court-order" } },
    { ...base, instrument: { ...base.instrument, signed: "yes" } },
    { ...base, targets: {} },
    { ...base, received_at: "yesterday" },
  ];
  for (const doc of bad) assert.equal(requestSchema(doc), false, JSON.stringify(doc).slice(0, 120));
});

test("report.schema.json accepts every report", { skip: !existsSync(bin) && "native CLI not built" }, () => {
  for (const [file, report] of reports()) assert.ok(reportSchema(report), `${file}: ${JSON.stringify(reportSchema.errors)}`);
});

// tally.schema.json and results.schema.json: what `reqcheck tally --format json` and
// `reqcheck check --format results-json` write for every sample and case request, in one run
const tallySchema = ajv.compile(JSON.parse(readFileSync(join(root, "assets/schema/tally.schema.json"), "utf8")));
const resultsSchema = ajv.compile(JSON.parse(readFileSync(join(root, "assets/schema/results.schema.json"), "utf8")));
const runCli = (args) => {
  try {
    return execFileSync(bin, args, { encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    return e.stdout;  // exit codes 1-3 are verdicts
  }
};

test("tally.schema.json accepts the tally of every sample and case", { skip: !existsSync(bin) && "native CLI not built" }, () => {
  const tally = JSON.parse(runCli(["tally", "--now", "2026-11-30T12:00:00Z", "--format", "json", ...requestFiles()]));
  assert.ok(tallySchema(tally), JSON.stringify(tallySchema.errors));
  assert.equal(tally.buckets.reduce((n, b) => n + b.requests, 0), tally.requests);
  assert.equal(tallySchema({ ...tally, quarter_basis: "local time" }), false);
});

test("results.schema.json accepts the results rows of every sample and case", { skip: !existsSync(bin) && "native CLI not built" }, () => {
  const rows = JSON.parse(runCli(["check", "--now", "2026-11-30T12:00:00Z", "--format", "results-json", ...requestFiles()]));
  assert.ok(rows.length >= requestFiles().length);
  assert.ok(resultsSchema(rows), JSON.stringify(resultsSchema.errors?.slice(0, 3)));
  assert.equal(resultsSchema([{ ...rows[0], verdict: "ok" }]), false);
});

test("report.schema.json accepts the report that stands for the requests past 100,000", { skip: !existsSync(bin) && "native CLI not built" }, async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "reqcheck-schema-"));
  try {
    writeFileSync(join(dir, "over.ndjson"), '{"n": 1}\n'.repeat(100001));
    const lines = runCli(["check", "--now", "2026-11-30T12:00:00Z", "--format", "ndjson", join(dir, "over.ndjson")]).trim().split("\n");
    assert.equal(lines.length, 100001);
    const last = JSON.parse(lines[100000]);
    assert.equal(last.findings[0].code, "INPUT.too_many_requests");
    assert.ok(reportSchema(last), JSON.stringify(reportSchema.errors));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
