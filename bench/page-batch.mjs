// The page's batch benchmark (issue 12; a measurement, never a test): generated batches of
// 10,000 and 100,000 requests (bench/batch/gen-batch.mjs, NDJSON) opened in the built page
// (build/web/dist) in headless Chromium, timed from the file handed to the page's file input
// until the #batch mirror says done: total seconds, requests per second, the longest gap between
// two animation frames while the batch ran, the wasm heap at the end (it only grows, so its
// peak) and the JS heap (performance.memory). Uses tests/e2e's playwright-core.
// Usage: node bench/page-batch.mjs [--sizes 10000,100000] [--write]   (--write: bench/RESULTS.md)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { serve, launch, openPage, distBuilt } = await import(join(repo, 'tests/e2e/lib.mjs'));

const args = process.argv.slice(2);
const write = args.includes('--write');
const sizesAt = args.indexOf('--sizes');
const sizes = (sizesAt >= 0 ? args[sizesAt + 1] : '10000,100000').split(',').map(Number);
if (!distBuilt()) {
  console.error('build the web preset first (build/web/dist)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'reqcheck-page-batch-'));
const rows = [];
try {
  const server = await serve();
  for (const n of sizes) {
    const file = join(dir, `${n}.ndjson`);
    const gen = spawnSync(process.execPath, [join(repo, 'bench/batch/gen-batch.mjs'), String(n), file], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(gen.stderr);
    const mb = statSync(file).size / (1024 * 1024);
    const browser = await launch();
    try {
      const { page } = await openPage(browser.context, server.url);
      await page.evaluate(() => {
        const el = document.getElementById('batch');
        window.benchMarks = { running: 0, done: 0 };
        new MutationObserver(() => {
          const s = el.dataset.state;
          if (s === 'running' && !window.benchMarks.running) window.benchMarks.running = performance.now();
          if (s === 'done' && !window.benchMarks.done) window.benchMarks.done = performance.now();
        }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
        window.benchFrames = { longest: 0, count: 0, over100: 0 };
        let last = performance.now();
        const frame = (now) => {
          if (window.benchMarks.running) {
            const gap = now - last;
            window.benchFrames.longest = Math.max(window.benchFrames.longest, gap);
            window.benchFrames.count++;
            if (gap > 100) window.benchFrames.over100++;
          }
          last = now;
          if (!window.benchMarks.done) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        window.benchStart = performance.now();
      });
      const t0 = await page.evaluate(() => performance.now());
      await page.setInputFiles('#file-input', file);
      await page.waitForFunction(() => window.benchMarks.done > 0, null, { timeout: 900000, polling: 200 });
      const r = await page.evaluate(() => ({
        marks: window.benchMarks,
        frames: window.benchFrames,
        wasmMB: window.Module.HEAPU8.length / (1024 * 1024),
        jsMB: performance.memory ? performance.memory.usedJSHeapSize / (1024 * 1024) : NaN,
        batch: { ...document.getElementById('batch').dataset },
      }));
      const total = (r.marks.done - t0) / 1000;
      const checking = (r.marks.done - r.marks.running) / 1000;
      const row = {
        n, mb, total, checking, rate: n / total, longest: r.frames.longest, over100: r.frames.over100, frames: r.frames.count,
        wasmMB: r.wasmMB, jsMB: r.jsMB, done: Number(r.batch.done),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    } finally {
      await browser.close();
    }
  }
  await server.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
const day = new Date().toISOString().slice(0, 10);
let table = `## Batches in the page: 10,000 and 100,000 requests in headless Chromium, ${day} (2 cores, load ${loadavg()[0].toFixed(2)}, ${commit})\n\n` +
  '| requests | NDJSON MB | total s (file to done) | of which checking s | requests/s | longest frame ms | frames > 100 ms | wasm heap MB (peak) | JS heap MB |\n' +
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of rows) {
  table += `| ${r.n.toLocaleString('en')} | ${r.mb.toFixed(0)} | ${r.total.toFixed(2)} | ${r.checking.toFixed(2)} | ${r.rate.toFixed(0)} | ` +
    `${r.longest.toFixed(0)} | ${r.over100} of ${r.frames} | ${r.wasmMB.toFixed(0)} | ${r.jsMB.toFixed(0)} |\n`;
}
console.log('\n' + table);
if (write) {
  const path = join(repo, 'bench/RESULTS.md');
  writeFileSync(path, readFileSync(path, 'utf8').trimEnd() + '\n\n' + table);
  console.log('appended to bench/RESULTS.md');
}
