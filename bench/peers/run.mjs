// The side-by-side benchmark of issue 11 in one command (a benchmark, never a test):
//   node bench/peers/run.mjs [--n 100000] [--pool 5000] [--seed 1] [--no-browser] [--no-write] [--edges]
// (or `make bench-peers`, which builds the web preset first). It generates a seeded pool of
// requests, verifies that reqcheck, plain JS, Cedar and ajv + json-logic agree on every one
// (aborting on the first disagreement), times each engine in a fresh node process and in a
// freshly launched headless Chromium, and writes the table of each engine ÷ plain JS into its
// section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './gen.mjs';
import { verify, verifyNative } from './verify.mjs';
import { peersDir, repoDir, reqcheckBuild, NOW } from './lib/load-node.mjs';
import { bundle, serve, runInChromium, writePool } from './lib/browser.mjs';
import { table, writeSection } from './lib/results.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
};
const N = Number(arg('n', 100000));
const POOL = Number(arg('pool', 5000));
const SEED = Number(arg('seed', 1));
const browser = !process.argv.includes('--no-browser');
const write = !process.argv.includes('--no-write');
const edges = process.argv.includes('--edges');
const PAGE_NAMES = { 'plain JS': 'plain', reqcheck: 'reqcheck', 'ajv + json-logic': 'jsonlogic', Cedar: 'cedar' };
const NATIVE = process.env.REQCHECK_PEERS_NATIVE || join(repoDir, 'build/native/bench/peers/reqcheck_peers_native');
const native = existsSync(NATIVE);
const say = (s) => process.stderr.write(s + '\n');

if (!existsSync(join(reqcheckBuild, 'reqcheck_peers.wasm'))) {
  say(`bench/peers: ${reqcheckBuild}/reqcheck_peers.wasm is missing: build the web preset first (make bench-peers does)`);
  process.exit(2);
}
const load = loadavg()[0];
const pool = generate(POOL, SEED, 0.7, edges);
const texts = pool.map((r) => r.text);
say(`bench/peers: ${POOL} requests (seed ${SEED}); verifying that the four engines agree…`);
const verdict = await verify(pool);
if (verdict.error) {
  say(`bench/peers: DISAGREEMENT, nothing timed.\n${verdict.error}`);
  process.exit(1);
}
const counts = { meets_criteria: 0, needs_review: 0, does_not_meet: 0 };
for (const k of verdict.keys) counts[k.split(' | ')[0]] = (counts[k.split(' | ')[0]] || 0) + 1;
say(`bench/peers: all four agree on ${POOL} requests (${Object.entries(counts).map(([v, c]) => `${c} ${v}`).join(', ')})`);

const work = mkdtempSync(join(tmpdir(), 'reqcheck-peers-'));
try {
  const poolFile = join(work, 'pool.json');
  writeFileSync(poolFile, JSON.stringify(texts));
  const site = join(work, 'site');
  const sizes = {};
  const bundled = await bundle(site);
  for (const [name, page] of Object.entries(PAGE_NAMES)) sizes[name] = bundled[page];
  writePool(site, texts, verdict.keys);

  if (native) {
    const bad = verifyNative(NATIVE, poolFile, pool, verdict.keys);
    if (bad) {
      say(`bench/peers: DISAGREEMENT, nothing timed.\n${bad}`);
      rmSync(work, { recursive: true, force: true });
      process.exit(1);
    }
    say(`bench/peers: reqcheck natively agrees too`);
  } else say(`bench/peers: ${NATIVE} is not built: no native row (make bench-peers builds it)`);
  const nodeRows = {};
  if (native) {
    say(`bench/peers: native reqcheck: ${N} checks…`);
    const run = spawnSync(NATIVE, [poolFile, String(N)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`native run failed:\n${run.stderr}`);
    nodeRows['reqcheck native'] = JSON.parse(run.stdout);
  }
  for (const name of Object.keys(PAGE_NAMES)) {
    say(`bench/peers: node, ${name}: ${N} checks…`);
    const run = spawnSync(process.execPath, [join(peersDir, 'time-node.mjs'), name, poolFile, String(N)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`node run of ${name} failed:\n${run.stderr}`);
    nodeRows[name] = JSON.parse(run.stdout);
  }
  const browserRows = {};
  let chromium = '';
  if (browser) {
    chromium = spawnSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^Chromium /, '').split(' ')[0];
    const server = await serve(site);
    try {
      for (const [name, page] of Object.entries(PAGE_NAMES)) {
        say(`bench/peers: Chromium, ${name}: ${N} checks…`);
        const r = await runInChromium(server.url, page, N, 20 * 60 * 1000);
        if (r.error) throw new Error(`Chromium run of ${name}: ${r.error}`);
        browserRows[name] = r;
      }
    } finally {
      await server.close();
    }
  }
  const body = report({ nodeRows, browserRows, sizes, counts, chromium, load });
  process.stdout.write(body + '\n');
  if (write) {
    writeSection(join(repoDir, 'bench/RESULTS.md'), body);
    say('bench/peers: written to bench/RESULTS.md');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function report({ nodeRows, browserRows, sizes, counts, chromium, load }) {
  const commit = spawnSync('git', ['-C', repoDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const bytes = texts.map((t) => Buffer.byteLength(t)).sort((a, b) => a - b);
  const res = browserRows['plain JS']?.timer_resolution_us;
  const lines = [
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${load.toFixed(1)} at the start, ${commit}; \`node bench/peers/run.mjs\` ` +
      `(\`make bench-peers\`), N = ${N.toLocaleString('en')} checks per engine cycling through a pool of ${POOL.toLocaleString('en')} generated requests ` +
      `(seed ${SEED}: ${Object.entries(counts).map(([v, c]) => `${c} ${v}`).join(', ')}; ${bytes[0]}–${bytes[bytes.length - 1]} bytes, median ${bytes[bytes.length >> 1]}). ` +
      'Before timing, all four engines gave every request of the pool the same verdict and the same non-passing rules (each with its worst status), ' +
      `in node and again in the browser${native ? ', and so did reqcheck natively' : ''}. Each engine then ran in a fresh process: init, one first check, 2,000 warm-up checks, N timed checks. ` +
      'Ratios are each engine ÷ plain JS in the same run (below 1× is faster or smaller).',
    '',
    `### node ${process.version}`,
    '',
    table(nodeRows, sizes),
  ];
  if (native) lines.push('', '*reqcheck native*: the same engine built by the native preset (g++, RelWithDebInfo, `-O2`), `bench/peers/native_timing.cpp` timing the same outcome (`outcome.hpp`) with the same loop; ratios against plain JS under node.');
  if (Object.keys(browserRows).length) {
    lines.push('', `### headless Chromium ${chromium} (127.0.0.1, cross-origin isolated: performance.now() in steps of ${res?.toFixed(1)} µs)`, '', table(browserRows, sizes));
  }
  lines.push('', targets(nodeRows, browserRows));
  lines.push('',
    'What each engine is and does per check (every one is given the request\'s text):',
    '- **plain JS** (`engines/plain.mjs`): `JSON.parse`, then the 21 rules of `telegram-2024-09` written by hand, parameters read from the pack; returns the verdict and `{rule, status}` findings (no messages). The reference, and the practical limit.',
    '- **reqcheck** (`reqcheck_entry.cpp`, target `reqcheck_peers` of the web preset: `reqcheck_core` linked like the page, `-Oz`, LTO): the text copied into wasm memory, `reqcheck::check` with the bundled packs compiled at init (every rule run, each finding with its message, fix, pointer, line and legal source), and what the peers return (verdict, packs, each finding\'s rule and status: `outcome.hpp`) copied back as JSON text; not the full report text or the input\'s SHA-256, which only a shown or saved report needs (`bench/run.sh` times `check_json`). Its checking time is fixed (`' + NOW + '`).',
    '- **ajv + json-logic** (`engines/jsonlogic.mjs`): `JSON.parse`, ajv (draft 2020-12, compiled once) validates the request against `assets/schema/request.schema.json`, the shared feature extraction, then 44 json-logic rules (one per non-passing outcome) applied with json-logic-js.',
    '- **Cedar** (`engines/cedar.mjs`, cedar-wasm): `JSON.parse`, the shared feature extraction, one `statefulIsAuthorized` call against the 44 `forbid` policies (and one `permit`) parsed once at init with `preparsePolicySet`; the reasons are the findings.',
    '- The feature extraction (`engines/features.mjs`) is counted in the Cedar and json-logic times: neither language parses dates, E.164 numbers, Telegram links or e-mail addresses, does date arithmetic on RFC 3339 text, or (Cedar) looks inside array elements; the step parses those values into classes, turns dates into milliseconds under criteria.md\'s conventions and folds arrays into sets, counts and maxima. Every list, threshold and decision stays in the policies and logic, built from the pack (`engines/rules.mjs`).',
    '- Only the platform pack\'s rules are encoded; the generated requests never trigger a legal-framework profile (the verification checks that reqcheck applied `telegram-2024-09` alone).',
    '- init: from the start of loading the engine\'s code to an engine ready to check (node: import and compile; browser: fetch from 127.0.0.1, compile, instantiate), including compiling the pack. gzip KB: gzip -9 of what the browser loads for the engine (esbuild bundle, minified, with the pack and schema it needs; the `.wasm` and reqcheck\'s Emscripten glue beside it); the page driver is not counted. µs/check at that rate: the whole timed loop ÷ N (timer calls included), the figure to read where the browser\'s timer is coarse. Benchmarks, not tests: the numbers depend on the machine and its load.');
  return lines.join('\n');
}

/** One line on issue 11's targets for reqcheck, as met or not in this run. */
function targets(nodeRows, browserRows) {
  const envs = [['node', nodeRows], ['Chromium', browserRows]].filter(([, rows]) => rows.reqcheck);
  const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const yes = (ok) => (ok ? 'met' : 'not met');
  const parts = [];
  for (const [env, rows] of envs) {
    const rc = rows.reqcheck.median_us;
    const peer = Math.min(rows['ajv + json-logic'].median_us, rows.Cedar.median_us);
    parts.push(`${env}: below every peer per check ${yes(rc < peer)} (${f(rc)} µs against ${f(peer)}), ` +
      `at most 2× plain JS ${yes(rc <= 2 * rows['plain JS'].median_us)} (${(rc / rows['plain JS'].median_us).toFixed(1)}×), ` +
      `init ≤ 10 ms ${yes(rows.reqcheck.init_ms <= 10)} (${f(rows.reqcheck.init_ms)} ms)`);
  }
  const native = nodeRows['reqcheck native'];
  if (native) parts.push(`natively ≤ 10 µs per check ${yes(native.median_us <= 10)} (${f(native.median_us)} µs)`);
  return `Issue 11's targets for reqcheck (median per check), in this run — ${parts.join('; ')}.`;
}
