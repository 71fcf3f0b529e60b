// Browser tests of the built page (build/web/dist): it renders, agrees with the CLI
// (build/native/reqcheck, else each sample's named verdict) on files opened, typed, dropped and
// pasted, survives bad input with the text kept, downloads and prints reports, and neither
// connects anywhere but its origin nor writes storage. Run: cd tests/e2e && node --test
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve, launch, openPage, screenshot, screenshotRowY, verdictOf, distBuilt, samplesDir, cliPath, repoDir,
} from './lib.mjs';

const built = distBuilt();
const haveCli = existsSync(cliPath);
const pageFiles = new Set(['/', '/index.html', '/style.css', '/glue.js', '/reqcheck_app.js', '/reqcheck_app.wasm', '/sw.js',
  ...readdirSync(samplesDir).filter((f) => /\.(json|xml)$/.test(f)).map((f) => `/samples/${f}`),
  ...readdirSync(join(repoDir, 'assets/rules')).filter((f) => f.endsWith('.md')).map((f) => `/rules/${f}`)]);

/** The verdict a sample is named for (samples/README: the file name starts with it). */
function expectedByName(file) {
  if (file.startsWith('meets-criteria')) return 'meets_criteria';
  if (file.startsWith('needs-review')) return 'needs_review';
  if (file.startsWith('fails')) return 'does_not_meet';
  if (file.startsWith('invalid-input')) return 'invalid_input';
  return null;
}

/** What the page's #verdict should show for a file: from the CLI when built, else by name. */
function expectedFor(path, name) {
  if (!haveCli) return { verdict: expectedByName(name), failed: null, review: null, source: 'file name' };
  const run = spawnSync(cliPath, ['check', path, '--format', 'json'], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch (err) {
    throw new Error(`${cliPath} check ${path} gave no JSON report (exit ${run.status}): ${run.stderr || run.error}`);
  }
  const count = (...st) => report.findings.filter((f) => st.includes(f.status)).length;
  return { verdict: report.verdict, failed: count('fail'), review: count('review', 'incomplete'), source: 'CLI', report };
}

function assertSameVerdict(actual, expected, what) {
  assert.equal(actual.verdict, expected.verdict, `${what}: verdict (expected from the ${expected.source})`);
  if (expected.failed !== null) {
    assert.equal(actual.failed, expected.failed, `${what}: failed findings`);
    assert.equal(actual.review, expected.review, `${what}: review + incomplete findings`);
  }
}

/** A click as fast as a tap (move, press and release at once), then time for it to reach ImGui. */
async function click(page, x, y) {
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
  // the app feeds a button change to ImGui one frame after the pointer (platform_web.cpp), while
  // keys go at once: on a loaded machine 150 ms may be a single software-rendered frame, and a
  // Ctrl+A pressed next would reach the editor before the click that placed its cursor
  await page.evaluate(() => new Promise((done) => {
    const wait = (n) => (n === 0 ? done() : requestAnimationFrame(() => wait(n - 1)));
    wait(5);
  }));
}

/** Waits until #verdict matches `expected` (verdict and, when known, counts); returns it. */
async function waitForVerdict(page, expected, timeout = 15000) {
  try {
    await page.waitForFunction((e) => {
      const el = document.getElementById('verdict');
      return el.dataset.verdict === e.verdict &&
        (e.failed === null || (Number(el.dataset.failed) === e.failed && Number(el.dataset.review) === e.review));
    }, { verdict: expected.verdict, failed: expected.failed, review: expected.review }, { timeout });
  } catch (err) {
    // fall through: the assertion below names what was shown instead
  }
  return verdictOf(page);
}

/** Opens a file through the menu shortcut Ctrl+O and the page's file input. */
async function openThroughFileInput(page, path) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+O')]);
  await chooser.setFiles(path);
}

/** Triggers a download with `action` and returns its text. */
async function downloadText(page, action, timeout = 15000) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), action()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Drops a file on the page as a person's drag and drop delivers it. */
async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
}

/** Decodes a PNG in a blank page and measures it: distinct colours and share of non-background pixels. */
async function pixelStats(context, png, rgb) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async ({ b64, rgb }) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let other = 0, near = 0, n = 0;
      for (let i = 0; i < d.length; i += 4 * 5) {
        n++;
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 24) other++;
        if (rgb && Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 12) near++;
      }
      return { colours: colours.size, drawnShare: other / n, nearShare: near / n };
    }, { b64: png.toString('base64'), rgb });
  } finally {
    await blank.close();
  }
}

describe('reqcheck page', { timeout: 600000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  let server, browser, page, requests, consoleErrors, tmp;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-files-'));
    server = await serve();
    browser = await launch({ width: 1400, height: 860 });
    ({ page, requests, consoleErrors } = await openPage(browser.context, server.url));
    // Playwright intercepts the file chooser only once a listener exists; register one now so
    // that the first Ctrl+O does not open a native dialog that headless Chromium never shows
    page.on('filechooser', () => {});
    await page.evaluate(() => 0);
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('loads, renders and shows the default sample checked', { timeout: 60000 }, async (t) => {
    const png = await page.screenshot();
    await screenshot(page, 'default.png');
    // the "meets criteria" banner's green (verdict_color in src/app/panels/report.cpp)
    const stats = await pixelStats(browser.context, png, [41, 115, 61]);
    t.diagnostic(`colours ${stats.colours}, drawn ${(stats.drawnShare * 100).toFixed(1)} %, banner ${(stats.nearShare * 100).toFixed(2)} %`);
    assert.ok(stats.colours > 100, 'the screenshot has text and widgets, not a blank canvas');
    assert.ok(stats.drawnShare > 0.2, 'most of the page is drawn');
    const expected = expectedFor(join(samplesDir, 'meets-criteria.json'), 'meets-criteria.json');
    const shown = await verdictOf(page);
    assertSameVerdict(shown, expected, 'default sample');
    assert.ok(stats.nearShare > 0.005, 'the green verdict banner is drawn');
    assert.match(shown.text, /meets criteria: 0 failed, 0 to review/);
    assert.match(shown.text, /may still decline/);
    assert.equal(await page.getAttribute('#verdict', 'aria-live'), 'polite');
    assert.equal(typeof await page.evaluate(() => window.reqcheck.version), 'string');
    assert.notEqual(await page.evaluate(() => window.reqcheck.version), '');
  });

  it('gives the CLI verdict for samples opened through the file input', { timeout: 60000 }, async (t) => {
    const samples = ['fails-data-content.json', 'needs-review-uk-country.json', 'meets-criteria-2018-terrorism.json',
      'invalid-input-bad-date.json'].filter((f) => existsSync(join(samplesDir, f)));
    assert.ok(samples.length > 0, 'samples exist');
    for (const name of samples) {
      const path = join(samplesDir, name);
      const expected = expectedFor(path, name);
      await openThroughFileInput(page, path);
      const shown = await waitForVerdict(page, expected);
      t.diagnostic(`${name}: ${shown.text}`);
      assertSameVerdict(shown, expected, name);
    }
    await screenshot(page, 'file-input.png');
  });

  it('gives the CLI verdict for a request typed into the editor', { timeout: 300000 }, async (t) => {
    // ImGui takes about one typed character per frame, and software WebGL draws ~30 frames a
    // second here, so the request typed is a short one; the CLI checks the same text as a file
    const typed = JSON.stringify({
      schema: 'reqcheck.request/1', received_at: '2026-11-20T09:30:00Z', service: 'telegram',
      instrument: { type: 'letter', signed: false },
    });
    const path = join(tmp, 'typed.json');
    writeFileSync(path, typed);
    const expected = haveCli ? expectedFor(path, 'typed.json') : { verdict: 'does_not_meet', failed: null, review: null, source: 'design' };
    await click(page, 58, 42); // the "Request JSON" tab
    await click(page, 350, 400); // into the editor
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitForVerdict(page, { verdict: 'invalid_input', failed: null, review: null }, 5000);
    await page.keyboard.type(typed);
    const shown = await waitForVerdict(page, expected, 200000);
    t.diagnostic(`typed ${typed.length} characters: ${shown.text}`);
    await screenshot(page, 'typed.png');
    assertSameVerdict(shown, expected, 'typed request');
    // the editor holds exactly what was typed (saved through Ctrl+S)
    const saved = await downloadText(page, () => page.keyboard.press('Control+s'));
    assert.equal(saved.text, typed);

    // Ctrl+V in the editor inserts the system clipboard (the browser's paste event carries it to
    // the app before ImGui handles the key): replace everything with a pasted request
    const pasted = '{"schema": "reqcheck.request/1", "service": "telegram"}';
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await page.waitForTimeout(800);
    const afterPaste = await downloadText(page, () => page.keyboard.press('Control+s'));
    assert.equal(afterPaste.text, pasted);
  });

  it('reports invalid JSON with its location, keeps the text, and keeps working', { timeout: 60000 }, async () => {
    const broken = '{\n  "schema": "reqcheck.request/1",\n  "service": "telegram",\n  "language": en\n}\n';
    const path = join(tmp, 'broken.json');
    writeFileSync(path, broken);
    await openThroughFileInput(page, path);
    const shown = await waitForVerdict(page, { verdict: 'invalid_input', failed: null, review: null });
    await screenshot(page, 'invalid.png');
    assert.equal(shown.verdict, 'invalid_input');
    assert.match(shown.text, /^invalid input/);
    assert.match(shown.text, /line 4, column \d+/);
    const saved = await downloadText(page, () => page.keyboard.press('Control+s'));
    assert.equal(saved.text, broken, 'the text in the editor is the file, unchanged');

    // bytes that cannot be a request: refused with the reason, the broken request kept (edits.test.mjs has more)
    const binary = join(tmp, 'binary.json');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81, 0x22, 0x0a]));
    await openThroughFileInput(page, binary);
    await page.waitForFunction(() => document.getElementById('notice').textContent.includes('binary.json was not opened'), null, { timeout: 10000 });
    assert.equal((await verdictOf(page)).verdict, 'invalid_input');
    assert.equal((await downloadText(page, () => page.keyboard.press('Control+s'))).text, broken, 'the broken request is kept');

    // and the page still checks
    const good = join(samplesDir, 'meets-criteria.json');
    await page.evaluate((text) => window.reqcheck.load(text, 'meets-criteria.json'), readFileSync(good, 'utf8'));
    const again = await waitForVerdict(page, expectedFor(good, 'meets-criteria.json'));
    assert.equal(again.verdict, 'meets_criteria');
    assert.deepEqual(consoleErrors, [], 'no script errors');
  });

  it('window.reqcheck.check returns the same report as the CLI', { timeout: 60000 }, async (t) => {
    const name = 'fails-data-content.json';
    const path = join(samplesDir, name);
    if (!haveCli || !existsSync(path)) {
      t.skip('needs build/native/reqcheck and the sample');
      return;
    }
    const report = JSON.parse(await page.evaluate((text) => window.reqcheck.check(text), readFileSync(path, 'utf8')));
    const cli = expectedFor(path, name).report;
    const key = (r) => r.findings.map((f) => `${f.rule} ${f.status} ${f.pointer}`);
    assert.equal(report.verdict, cli.verdict);
    assert.deepEqual(key(report), key(cli));
    assert.equal(report.input_sha256, cli.input_sha256);
  });

  it('downloads the report as JSON and as Markdown', { timeout: 60000 }, async () => {
    const shown = await verdictOf(page);
    const json = await downloadText(page, () => page.keyboard.press('Control+Shift+KeyS'));
    assert.match(json.name, /\.report\.json$/);
    const report = JSON.parse(json.text);
    assert.equal(report.schema, 'reqcheck.report/1');
    assert.equal(report.verdict, shown.verdict);
    const md = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('markdown')));
    assert.match(md.name, /\.report\.md$/);
    assert.ok(md.text.length > 100 && md.text.includes(report.policy.id), 'the Markdown report names the policy');
    // the print view (Ctrl+P) is the same report, as HTML
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__printed === true, null, { timeout: 5000 });
    const printed = await page.textContent('#print-view');
    assert.ok(printed.includes(report.policy.id) && printed.includes(report.input_sha256), 'the print view shows the report');
    // the report panel's own button (a person's click) gives the same file
    await click(page, 703, 42); // the "Report" tab
    const clicked = await downloadText(page, () => click(page, 732, 195), 5000).catch(() => null);
    if (clicked) assert.equal(JSON.parse(clicked.text).verdict, report.verdict);
  });

  it('selects the field of a finding in the editor when the finding is clicked', { timeout: 60000 }, async () => {
    const request = JSON.parse(readFileSync(join(samplesDir, 'meets-criteria.json'), 'utf8'));
    request.instrument.type = 'letter'; // one failing finding, at /instrument/type
    await page.evaluate((text) => window.reqcheck.load(text, 'letter.json'), JSON.stringify(request, null, 2));
    await waitForVerdict(page, { verdict: 'does_not_meet', failed: null, review: null });
    await click(page, 58, 42); // the "Request JSON" tab
    await click(page, 703, 42); // the "Report" tab
    // the table lists fails first: find the row by the red of its status icon (left of the Status column)
    const y = await screenshotRowY(browser.context, await page.screenshot(), { rgb: [242, 97, 92], x0: 674, x1: 691, y0: 330, tolerance: 40, minPixels: 1 });
    assert.ok(y > 0, 'a failing finding is drawn in the table');
    await page.evaluate(() => {
      window.__copied = null;
      window.rcGlue.copy = (ptr, len) => { window.__copied = Module.UTF8ToString(ptr, len); };
    });
    await click(page, 1000, y + 4);
    // Ctrl+C copies the editor's selection once the editor has taken it (a frame or two after
    // the click; frames come late on a loaded machine): press again until something is copied
    for (let i = 0; i < 20 && await page.evaluate(() => window.__copied === null); i++) {
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+c');
    }
    await page.waitForFunction(() => window.__copied !== null, null, { timeout: 5000 });
    await screenshot(page, 'finding-selected.png');
    assert.equal(await page.evaluate(() => window.__copied), '"letter"');
  });

  it('imports an ETSI HI-1 message as an editable request with the CLI verdict', { timeout: 60000 }, async (t) => {
    const name = 'fails-hi1-ip-identification-warrant.xml';
    const path = join(samplesDir, name);
    if (!existsSync(path)) {
      t.skip(`${name} missing`);
      return;
    }
    const expected = expectedFor(path, name);
    await openThroughFileInput(page, path);
    const shown = await waitForVerdict(page, { verdict: expected.verdict, failed: null, review: null });
    t.diagnostic(`${name}: ${shown.text}`);
    assert.equal(shown.verdict, expected.verdict);
    // the editor now holds a reqcheck request (JSON), not the XML
    const saved = await downloadText(page, () => page.keyboard.press('Control+s'));
    assert.match(saved.name, /\.request\.json$/);
    assert.equal(JSON.parse(saved.text).schema, 'reqcheck.request/1');
    await screenshot(page, 'hi1-import.png');
  });

  it('shows an EPOC\'s framework profile, its findings and its deadlines in the legal zone', { timeout: 60000 }, async (t) => {
    const name = 'needs-review-epoc-production-order.json';
    const path = join(samplesDir, name);
    const expected = expectedFor(path, name);
    await openThroughFileInput(page, path);
    const shown = await waitForVerdict(page, expected);
    t.diagnostic(`${name}: ${shown.text}`);
    assertSameVerdict(shown, expected, name);
    // the live region names the profile applied; the report the page made has its findings and
    // the deadlines counted on Europe/Dublin's local dates
    assert.match(shown.text, /framework profiles applied: eu-eevidence/);
    const report = JSON.parse(await page.evaluate((text) => window.reqcheck.check(text), readFileSync(path, 'utf8')));
    assert.ok(report.policies.some((p) => p.id === 'eu-eevidence' && p.kind === 'profile'), 'the e-Evidence profile applies');
    assert.ok(report.findings.some((f) => f.profile === 'eu-eevidence' && f.rule === 'EE-03'), 'its findings carry the profile');
    const transmit = report.deadlines.find((d) => d.name === 'epoc_transmit');
    assert.ok(transmit, 'the 10-day transmission deadline is there');
    assert.equal(transmit.zone, 'Europe/Dublin');
    assert.match(transmit.due, /\+0[01]:00$/);
    if (expected.report) assert.deepEqual(report.deadlines, expected.report.deadlines, 'the same deadlines as the CLI');
    // the page draws a "Legal-framework profiles" section and the grouped table: look at it
    await screenshot(page, 'epoc-profile.png');
  });

  it('shows a rule page in the rules panel, fetched from the page folder', { timeout: 60000 }, async () => {
    // the wasm carries no rule pages: the panel fetches dist/rules/<ID>.md when it shows a rule
    await click(page, 794, 42); // the "Rules and packs" tab
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/rules\/[A-Z0-9-]+\.md$/.test(e.name)),
      null, { timeout: 10000 });
    assert.ok(server.log.some((p) => /^\/rules\/[A-Z0-9-]+\.md$/.test(p)), 'a rule page was served');
    await page.waitForTimeout(300);
    await screenshot(page, 'rules-panel.png');
    await click(page, 703, 42); // back to the Report tab
  });

  it('opens every legal-framework sample from File > Open sample, each with its profile', { timeout: 120000 }, async (t) => {
    // the menu lists the embedded samples in file-name order, one row per sample
    const menu = readdirSync(samplesDir).filter((f) => /\.(json|xml)$/.test(f)).sort();
    const profiles = {
      'needs-review-epoc-production-order.json': 'eu-eevidence',
      'needs-review-epoc-pr-preservation-order.json': 'eu-eevidence',
      'needs-review-dsa-article-10-order.json': 'eu-dsa10',
      'needs-review-us-subpoena.json': 'us-sca',
      'needs-review-uk-overseas-production-order.json': 'uk-copo',
    };
    for (const [name, profile] of Object.entries(profiles)) {
      const index = menu.indexOf(name);
      assert.ok(index >= 0, `${name} is a sample`);
      const expected = expectedFor(join(samplesDir, name), name);
      await click(page, 20, 10); // File
      await page.mouse.move(60, 59); // Open sample: its submenu opens to the right
      await page.waitForTimeout(300);
      await page.mouse.move(340, 59, { steps: 4 }); // along the row, so the submenu stays open
      await click(page, 420, 59 + 21 * index);
      const shown = await waitForVerdict(page, expected);
      t.diagnostic(`${name}: ${shown.text}`);
      assertSameVerdict(shown, expected, name);
      assert.match(shown.text, new RegExp(`framework profiles applied: ${profile}`), `${name} names ${profile}`);
      assert.equal(await page.title(), `reqcheck — ${name}`, 'the title names the sample opened');
    }
    await screenshot(page, 'uk-opo-profile.png');
  });

  it('checks a batch (NDJSON) request by request, summed up by the worst verdict', { timeout: 60000 }, async (t) => {
    const names = ['meets-criteria.json', 'fails-data-content.json', 'needs-review-uk-country.json']
      .filter((f) => existsSync(join(samplesDir, f)));
    const ndjson = names.map((f) => JSON.stringify(JSON.parse(readFileSync(join(samplesDir, f), 'utf8')))).join('\n') + '\n';
    const path = join(tmp, 'batch.ndjson');
    writeFileSync(path, ndjson);
    let expected = names.map(expectedByName);
    if (haveCli) {
      const run = spawnSync(cliPath, ['check', path, '--format', 'json'], { encoding: 'utf8' });
      expected = JSON.parse(run.stdout).map((r) => r.verdict);
    }
    const rank = ['meets_criteria', 'needs_review', 'does_not_meet', 'invalid_input'];
    const worst = expected.reduce((a, b) => (rank.indexOf(b) > rank.indexOf(a) ? b : a));
    await openThroughFileInput(page, path);
    const shown = await waitForVerdict(page, { verdict: worst, failed: null, review: null });
    t.diagnostic(shown.text);
    await screenshot(page, 'batch.png');
    assert.equal(shown.verdict, worst);
    assert.match(shown.text, new RegExp(`batch of ${names.length} requests`));
  });

  it('names the file\'s line and column for an input error inside a JSON-array batch', { timeout: 60000 }, async () => {
    // the first element starts on line 2; its misspelt key is on line 4, column 5
    const batch = '[\n  {\n    "schema": "reqcheck.request/1",\n    "servise": "telegram"\n  },\n  {"schema": "reqcheck.request/1"}\n]\n';
    await page.evaluate((text) => window.reqcheck.load(text, 'array-batch.json'), batch);
    await waitForVerdict(page, { verdict: 'does_not_meet', failed: null, review: null });
    const saved = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('json')));
    const reports = JSON.parse(saved.text);
    assert.ok(Array.isArray(reports) && reports.length === 2, 'a batch downloads every request\'s report');
    const finding = reports[0].findings.find((f) => f.pointer === '/servise');
    assert.ok(finding, 'the report of the shown (first) element names /servise');
    assert.equal(finding.line, 4);
    assert.equal(finding.column, 5);
  });

  it('takes a request dropped on the page or pasted outside the editor', { timeout: 60000 }, async (t) => {
    for (const [how, name] of [['drop', 'needs-review-uk-country.json'], ['paste', 'fails-subject-witness.json']]) {
      const path = join(samplesDir, name);
      if (!existsSync(path)) {
        t.diagnostic(`${name} missing, ${how} not tried`);
        continue;
      }
      const text = readFileSync(path, 'utf8');
      const expected = expectedFor(path, name);
      if (how === 'drop') {
        await dropFile(page, name, text);
      } else {
        await click(page, 1000, 100); // on the verdict banner: no text field is active
        await page.evaluate((text) => {
          const dt = new DataTransfer();
          dt.setData('text/plain', text);
          document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }, text);
      }
      const shown = await waitForVerdict(page, expected);
      t.diagnostic(`${how} ${name}: ${shown.text}`);
      assertSameVerdict(shown, expected, `${how} ${name}`);
    }
  });

  it('checks against a pack file dropped on the page, and refuses a broken one with its errors', { timeout: 60000 }, async () => {
    const request = readFileSync(join(samplesDir, 'meets-criteria.json'), 'utf8');
    await page.evaluate((text) => window.reqcheck.load(text, 'meets-criteria.json'), request);
    await waitForVerdict(page, { verdict: 'meets_criteria', failed: null, review: null });
    const packText = readFileSync(join(repoDir, 'assets/packs/telegram-2018-08.json'), 'utf8');
    const expected = JSON.parse(await page.evaluate(({ r, p }) => window.reqcheck.check(r, p), { r: request, p: packText }));
    await dropFile(page, 'telegram-2018-08.json', packText);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.policy === 'telegram-2018-08', null, { timeout: 10000 });
    const shown = await verdictOf(page);
    assert.equal(shown.verdict, expected.verdict, 'the request is checked against the dropped pack');
    assert.notEqual(shown.verdict, 'meets_criteria', 'the 2018 pack accepts terror suspects only');

    const broken = JSON.stringify({ schema: 'reqcheck.pack/1', id: 'broken-pack', rules: 'none' });
    await dropFile(page, 'broken-pack.json', broken);
    await page.waitForTimeout(500);
    await screenshot(page, 'pack-refused.png');
    const after = await verdictOf(page);
    assert.equal(after.policy, 'telegram-2018-08', 'a pack that does not load is not used');
    assert.equal(after.verdict, shown.verdict);
  });

  it('fills a resized window, and draws at the device pixel ratio', { timeout: 60000 }, async () => {
    await page.setViewportSize({ width: 900, height: 640 });
    await page.waitForTimeout(400);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.deepEqual(size, { w: 900, h: 640, cw: 900, ch: 640 });
    const stats = await pixelStats(browser.context, await page.screenshot());
    await screenshot(page, 'resized.png');
    assert.ok(stats.colours > 100 && stats.drawnShare > 0.2, 'the smaller page is drawn');
    await page.setViewportSize({ width: 1400, height: 860 });

    const hidpi = await launch({ width: 800, height: 600, scale: 2 });
    try {
      const { page: p2 } = await openPage(hidpi.context, server.url);
      const s2 = await p2.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
      });
      assert.deepEqual(s2, { w: 1600, h: 1200, cw: 800, ch: 600 }, 'the backbuffer has device pixels');
      await screenshot(p2, 'hidpi.png');
    } finally {
      await hidpi.close();
    }
  });

  it('never interprets HTML or script in a request: not on the page, the print view or the Markdown', { timeout: 60000 }, async () => {
    const hostile = JSON.stringify({
      schema: 'reqcheck.request/1', received_at: '2026-11-20T09:30:00Z', service: 'telegram',
      targets: [{ type: 'username', value: '<img src=x onerror="window.__pwned=1">', role: 'suspect' }],
      case: { offences: [{ category: 'fraud', provision: '</script><script>window.__pwned=2</script>' }] },
    });
    await page.evaluate((text) => window.reqcheck.load(text), hostile);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'does_not_meet', null, { timeout: 15000 });
    const md = await downloadText(page, () => page.evaluate(() => window.reqcheck.download('markdown')));
    assert.ok(md.text.includes('onerror'), 'the Markdown report shows the value');
    assert.ok(!md.text.includes('<img') && !md.text.includes('</script>'), 'the Markdown report escapes HTML');
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; window.__printed = false; });
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__printed === true, null, { timeout: 5000 });
    assert.ok((await page.textContent('#print-view')).includes('onerror'), 'the print view shows the value as text');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#print-view img, #print-view script').length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the request ran');
  });

  it('connects to nothing but its own files and writes no storage', { timeout: 60000 }, async () => {
    // a server on another origin (another port) that the page must not reach
    const other = await serve();
    try {
      const outcome = await page.evaluate((url) => fetch(url).then(() => 'connected', () => 'blocked'), other.url + 'probe');
      assert.equal(outcome, 'blocked', 'the Content-Security-Policy blocks other origins');
      assert.deepEqual(other.log, [], 'the other origin saw no request');
    } finally {
      await other.close();
    }
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign.filter((u) => !u.endsWith('/probe')), [], 'every request went to the page origin');
    const paths = [...new Set(server.log)];
    assert.deepEqual(paths.filter((p) => !pageFiles.has(p)), [], `only the page's files were served: ${paths.join(', ')}`);

    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    }));
    assert.deepEqual(storage, { local: 0, session: 0, cookie: '', idb: 0 });
    // the one storage used: the service worker's cache of the page's own files (offline.test.mjs)
    const kept = await page.evaluate(async () => {
      const cached = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) cached.push(name + ' ' + new URL(r.url).pathname);
      }
      return { cached, workers: (await navigator.serviceWorker.getRegistrations()).map((r) => (r.active || r.waiting || r.installing).scriptURL) };
    });
    // registered once input has been quiet for 3 s (glue.js), so perhaps not yet: none, or the page's
    assert.deepEqual(kept.workers.filter((u) => u !== server.url + 'sw.js'), [], 'no service worker but the page\'s');
    assert.deepEqual(kept.cached.filter((e) => !/^reqcheck-[0-9a-f]{16} /.test(e) || !pageFiles.has(e.split(' ')[1])), [],
      'the cache holds the page\'s own files only');
    assert.deepEqual(await browser.context.cookies(), []);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /worker-src 'self'/);
  });
});
