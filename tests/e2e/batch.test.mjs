// Browser test of a batch in the page (issue 12): a 10,000-line NDJSON file (bench/batch's
// generator) opened through the page's file input is checked in slices (the #batch mirror shows the
// progress moving and the rows filling), the table is sorted by verdict by clicking its header
// on the canvas, a failing row opened shows its report, and the results CSV and the tallies CSV
// downloaded from the page are the bytes of the CLI's `check --format results-csv` and `tally
// --format csv` on the same file; a second run cancelled keeps what it checked.
// Run: cd tests/e2e && node --test ./batch.test.mjs
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePage, screenshot, screenshotRowY, distBuilt, cliPath, repoDir } from './lib.mjs';

const built = distBuilt();
const haveCli = existsSync(cliPath);
const N = 10000;

/** The #batch mirror's state. */
async function batchOf(page) {
  return page.evaluate(() => ({ ...document.getElementById('batch').dataset, text: document.getElementById('batch').textContent }));
}

/** A click, then five animation frames for it to reach ImGui (platform_web.cpp feeds buttons a frame late). */
async function click(page, x, y) {
  await page.mouse.click(x, y);
  await page.evaluate(() => new Promise((done) => {
    const wait = (n) => (n === 0 ? done() : requestAnimationFrame(() => wait(n - 1)));
    wait(5);
  }));
}

/** Triggers a download with `action` and returns its name and text. */
async function downloadText(page, action, timeout = 60000) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), action()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('a batch of 10,000 requests in the page', { skip: !built && 'build the web preset first (build/web/dist)' }, () => {
  const s = usePage();
  let tmp;
  let path;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-batch-'));
    path = join(tmp, 'q4.ndjson');
    const gen = spawnSync(process.execPath, [join(repoDir, 'bench/batch/gen-batch.mjs'), String(N), path, '--seed', '7'], { encoding: 'utf8' });
    assert.equal(gen.status, 0, `gen-batch.mjs: ${gen.stderr}`);
  });
  after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  it('checks it in slices with progress, sorts, opens a failing row, and exports what the CLI exports', { timeout: 300000 }, async (t) => {
    const { page } = s;
    // every progress the page reports, as it reports it
    await page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        const d = document.getElementById('batch').dataset;
        window.progressSeen.push({ state: d.state, done: Number(d.done), total: Number(d.total), at: performance.now() });
      }).observe(document.getElementById('batch'), { attributes: true, attributeFilter: ['data-done', 'data-state'] });
      // the longest gap between two animation frames while the batch runs
      window.longestFrame = 0;
      let last = performance.now();
      const frame = (now) => {
        window.longestFrame = Math.max(window.longestFrame, now - last);
        last = now;
        if (document.getElementById('batch').dataset.state !== 'done') requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const started = Date.now();
    await page.setInputFiles('#file-input', path); // as File > Open delivers it
    await page.waitForFunction(() => document.getElementById('batch').dataset.state === 'running', null, { timeout: 60000 });
    await screenshot(page, 'batch-running.png');
    await page.waitForFunction(() => document.getElementById('batch').dataset.state === 'done', null, { timeout: 240000 });
    const seconds = (Date.now() - started) / 1000;
    const seen = await page.evaluate(() => window.progressSeen);
    const running = seen.filter((p) => p.state === 'running');
    t.diagnostic(`${N} requests in ${seconds.toFixed(1)} s (file picker to done), ${running.length} progress updates, ` +
      `longest frame ${(await page.evaluate(() => window.longestFrame)).toFixed(0)} ms`);
    // the bar moved: several values strictly between none and all, never going back
    const between = new Set(running.filter((p) => p.done > 0 && p.done < N).map((p) => p.done));
    assert.ok(between.size >= 3, `the progress moved through several values (${[...between].slice(0, 5)})`);
    for (let i = 1; i < running.length; i++) assert.ok(running[i].done >= running[i - 1].done, 'progress never goes back');
    assert.ok(running.every((p) => p.total === N), 'the total is known from the start');
    const done = await batchOf(page);
    assert.equal(Number(done.done), N);
    assert.equal(Number(done.shown), N, 'the table holds a row per request');
    assert.equal(done.sort, 'file order');
    assert.match(done.text, /^10000 requests: /);
    const verdict = await page.evaluate(() => document.getElementById('verdict').textContent);
    assert.match(verdict, /batch of 10000 requests/);

    // sort by verdict: find the table's header row (its background colour) in the left pane,
    // then click along it until the Verdict header takes the click
    const png = await page.screenshot();
    // the header row: more than half of x 20..300 in its colour
    const headerY = await screenshotRowY(s.browser.context, png, { rgb: [46, 48, 59], x0: 20, x1: 300, y0: 60, tolerance: 10, minPixels: 141 });
    assert.ok(headerY > 0, 'the results table header is drawn');
    let verdictX = -1;
    for (let x = 180; x < 660 && verdictX < 0; x += 20) {
      await click(page, x, headerY + 8);
      if (/^verdict/.test((await batchOf(page)).sort)) verdictX = x;
    }
    assert.ok(verdictX > 0, `a click on the Verdict header sorts by verdict (sort: ${(await batchOf(page)).sort})`);
    let view = await batchOf(page);
    if (view.sort === 'verdict ascending') {
      assert.equal(view.topVerdict, 'meets_criteria', 'ascending: the best verdicts first');
      await click(page, verdictX, headerY + 8); // the same header again: the worst first
      view = await batchOf(page);
    }
    assert.equal(view.sort, 'verdict descending');
    assert.ok(['does_not_meet', 'invalid_input'].includes(view.topVerdict), `the worst first (${view.topVerdict})`);
    await screenshot(page, 'batch-sorted.png');

    // open the first (failing) row: its report is shown and mirrored
    await click(page, 60, headerY + 30);
    await page.waitForFunction((ref) => document.getElementById('print-view').textContent.includes(ref), view.topReference, { timeout: 20000 });
    const shown = await page.evaluate(() => document.getElementById('print-view').textContent);
    assert.match(shown, /Does not meet the criteria|Invalid input/);
    assert.match(shown, new RegExp(`line ${view.topLine}\\b`));
    await screenshot(page, 'batch-row-opened.png');
    // the Tallies tab, beside the report (a picture to look at: tests/e2e/artifacts/)
    await click(page, 762, 42);
    await screenshot(page, 'batch-tallies.png');
    await click(page, 703, 42);
    // the editor of a 21 MB batch: the opened row's request, read-only
    await click(page, 176, 42);
    await screenshot(page, 'batch-editor-row.png');
    await click(page, 64, 42);

    // exports: the CLI's bytes on the same file (its file column: the name as given, here q4.ndjson)
    const csv = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('results-csv')));
    assert.equal(csv.name, 'q4.ndjson.results.csv');
    const tally = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('tally-csv')));
    assert.equal(tally.name, 'q4.ndjson.tally.csv');
    const rows = csv.text.split('\r\n');
    assert.equal(rows[0], 'file,line,reference,case_reference,service,issuing_country,instrument_type,received_at,verdict,failed,review,incomplete,first_failing_rule');
    assert.equal(rows.length, N + 2, 'a header, a row per request, and the final CRLF');
    if (!haveCli) {
      t.diagnostic('build/native/reqcheck missing: not compared with the CLI');
      return;
    }
    const cli = spawnSync(cliPath, ['check', '--format', 'results-csv', 'q4.ndjson'], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(csv.text, cli.stdout, 'the results CSV is the CLI\'s');
    const cliTally = spawnSync(cliPath, ['tally', '--format', 'csv', 'q4.ndjson'], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(cliTally.status, 0);
    assert.equal(tally.text, cliTally.stdout, 'the tallies CSV is the CLI\'s');
    assert.deepEqual(s.consoleErrors, []);
  });

  it('Cancel keeps what was checked, and says so', { timeout: 120000 }, async () => {
    const { page } = s;
    await page.keyboard.press('Control+Enter'); // check again: the run starts from the first request
    await page.waitForFunction(() => {
      const d = document.getElementById('batch').dataset;
      return d.state === 'running' && Number(d.done) > 0;
    }, null, { timeout: 60000 });
    await page.evaluate(() => window.reqcheck.cancelBatch());
    await page.waitForFunction(() => document.getElementById('batch').dataset.state === 'cancelled', null, { timeout: 20000 });
    const b = await batchOf(page);
    assert.ok(Number(b.done) > 0 && Number(b.done) < N, `some, not all, checked (${b.done})`);
    assert.match(b.text, new RegExp(`cancelled after ${b.done} of 10,000`));
    const verdict = await page.evaluate(() => document.getElementById('verdict').textContent);
    assert.match(verdict, new RegExp(`cancelled after ${b.done} of 10000`));
    const csv = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('results-csv')));
    assert.equal(csv.text.split('\r\n').length, Number(b.done) + 2, 'the export holds the rows checked');
  });
});
