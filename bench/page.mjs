// Page benchmark (not a timed test): loads build/web/dist in headless Chromium with fresh
// profiles, measures the gzip size of everything the page loads and the time to the first
// frame and first verdict (marks set by web/glue.js). `node bench/page.mjs [--runs N] [--write]`;
// --write records the "## Web page" section of bench/RESULTS.md. Uses tests/e2e's playwright-core.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// lib.mjs imports playwright-core; resolve it from tests/e2e where npm installed it
createRequire(join(repo, 'tests/e2e/package.json')).resolve('playwright-core');
const { serve, launch, distDir, distBuilt } = await import(join(repo, 'tests/e2e/lib.mjs'));

const BUDGET_KB = 400;
const TARGET_VERDICT_MS = 300; // issue 11: the first verdict within 300 ms of navigation
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const write = args.includes('--write');

if (!distBuilt()) {
  console.error(`bench/page.mjs: ${distDir} is not built: cmake --preset web && cmake --build --preset web`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serve();
const timings = [];
let loaded = [];
try {
  for (let i = 0; i < runs; i++) {
    const browser = await launch({ width: 1400, height: 860 });
    try {
      const page = browser.context.pages()[0] || await browser.context.newPage();
      const paths = [];
      page.on('request', (r) => paths.push(new URL(r.url()).pathname));
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('reqcheck-first-verdict').length > 0 &&
        performance.getEntriesByName('reqcheck-first-frame').length > 0, null, { timeout: 60000 });
      const t = await page.evaluate(() => ({
        verdict: performance.getEntriesByName('reqcheck-first-verdict')[0].startTime,
        frame: performance.getEntriesByName('reqcheck-first-frame')[0].startTime,
        dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        wasm: (performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')) || { responseEnd: NaN }).responseEnd,
        runtime: (performance.getEntriesByName('reqcheck-runtime')[0] || { startTime: NaN }).startTime,
      }));
      timings.push(t);
      loaded = paths;
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

// the bytes of every file the page loaded, gzip -9 as a static server would send them
const files = [...new Set(loaded)].map((p) => {
  const file = join(distDir, p === '/' ? 'index.html' : p);
  const raw = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  return { path: p, raw: raw.length, gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length };
});
const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(0);
const within = total.gzip <= BUDGET_KB * 1024;

const chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `## Web page, ${date} (2 cores, headless ${chromium}, SwiftShader WebGL2)`,
  '',
  `Measured by \`node bench/page.mjs\` on \`build/web/dist\` (preset \`web\`: MinSizeRel, the UI at -Oz with LTO, the engine at -Os with wasm exceptions), served from 127.0.0.1; ` +
    `${runs} cold loads, each with a fresh profile. Sizes are gzip -9 of each file the page loaded.`,
  '',
  '| file | bytes | gzip bytes |',
  '|---|---:|---:|',
  ...files.map((f) => `| \`${f.path}\` | ${f.raw} | ${f.gzip} |`),
  `| **total** | ${total.raw} (${kb(total.raw)} KiB) | **${total.gzip} (${kb(total.gzip)} KiB)** |`,
  '',
  `Budget: ≤ ${BUDGET_KB} KB gzip in total: ${within ? 'within' : '**over**'} (${kb(total.gzip)} KiB).`,
  '',
  `First verdict: ≤ ${TARGET_VERDICT_MS} ms (median): ${median(timings.map((t) => t.verdict)) <= TARGET_VERDICT_MS ? 'within' : '**over**'}.`,
  '',
  '| from navigation to | median ms | min ms | max ms |',
  '|---|---:|---:|---:|',
  ...[['DOMContentLoaded', 'dcl'], ['wasm downloaded', 'wasm'], ['wasm compiled and instantiated (main() next)', 'runtime'],
    ['first verdict (default sample checked)', 'verdict'], ['first frame drawn', 'frame']].map(
    ([label, k]) => `| ${label} | ${ms(median(timings.map((t) => t[k])))} | ${ms(Math.min(...timings.map((t) => t[k])))} | ${ms(Math.max(...timings.map((t) => t[k])))} |`),
  '',
];
const section = lines.join('\n');
console.log(section);

if (write) {
  const path = join(repo, 'bench/RESULTS.md');
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n\n';
  // replace only the "## Web page" section (up to the next "## " heading); other sections are not ours
  const start = text.search(/^## Web page/m);
  if (start >= 0) {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## /m);
    const end = next >= 0 ? start + 1 + next : text.length;
    text = text.slice(0, start) + section + '\n' + text.slice(end);
  } else {
    text = text.replace(/\n*$/, '\n\n') + section;
  }
  writeFileSync(path, text.replace(/\n{3,}/g, '\n\n'));
  console.log(`bench/page.mjs: recorded in ${path}`);
}
process.exit(within ? 0 : 1);
