// Issue 13, point 5: offline and from a folder. The served page keeps its own files in the service
// worker's cache (one per build) and reloads and checks offline; the single-file build
// (dist/reqcheck.html), copied alone into a folder, opens from file:// and works with no request
// at all; and where the page cannot start (the normal page from a folder, a damaged wasm, no
// WebAssembly) it says what to do instead of "Loading reqcheck…". Privacy holds throughout: no
// request to another origin, nothing of the user's in any storage.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, screenshot, verdictOf, distBuilt, distDir, repoDir, samplesDir } from './lib.mjs';

const built = distBuilt();
const skip = !built && 'the page is not built: cmake --preset web && cmake --build --preset web';

/** The page's own files, as the build lists them for the cache (web/tools/page_files.py). */
function pageFiles(dist) {
  const list = (folder, re) => readdirSync(join(dist, folder)).filter((f) => re.test(f)).map((f) => `${folder}/${f}`);
  return ['index.html', 'style.css', 'glue.js', 'reqcheck_app.js', 'reqcheck_app.wasm',
    ...list('rules', /\.md$/), ...list('samples', /\.(json|xml)$/)].sort();
}

/** A tap, then a few frames for it to reach ImGui (as in page.test.mjs). */
async function tap(page, x, y) {
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
  await page.evaluate(() => new Promise((done) => {
    const wait = (n) => (n === 0 ? done() : requestAnimationFrame(() => wait(n - 1)));
    wait(5);
  }));
}

/** Records every file the app receives (kind, name, bytes) in window.__received. */
async function spyOnFiles(page) {
  await page.evaluate(() => {
    window.__received = [];
    const give = Module._rc_app_on_file;
    const spy = (app, kind, name, data, len) => {
      window.__received.push({ kind, name: Module.UTF8ToString(name), len });
      return give(app, kind, name, data, len);
    };
    // Emscripten's export stub puts the raw export in its place on its first call: kept out
    Object.defineProperty(Module, '_rc_app_on_file', { get: () => spy, set: () => {}, configurable: true });
  });
}

/** File → Open sample → `name` (the menu lists the samples in file-name order, 21 px a row). */
async function openSample(page, name) {
  const index = readdirSync(samplesDir).filter((f) => /\.(json|xml)$/.test(f)).sort().indexOf(name);
  assert.ok(index >= 0, `${name} is a sample`);
  await tap(page, 20, 10);
  await page.mouse.move(60, 59);
  await page.waitForTimeout(300);
  await page.mouse.move(340, 59, { steps: 4 });
  await tap(page, 420, 59 + 21 * index);
  await page.waitForFunction((n) => document.title === `reqcheck — ${n}`, name, { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'does_not_meet', null, { timeout: 15000 });
}

/** The "Rules and packs" tab: waits until a rule page (kind 4) with text reached the app. */
async function showRulePage(page) {
  await tap(page, 794, 42);
  await page.waitForFunction(() => window.__received.some((f) => f.kind === 4 && /\.md$/.test(f.name) && f.len > 0),
    null, { timeout: 15000 });
  await page.waitForTimeout(300);
}

/** Every storage the page could use, read from the page; caches as {name: [path, …]}. */
async function storageOf(page) {
  return page.evaluate(async () => {
    const cached = {};
    try {
      for (const name of await caches.keys()) {
        cached[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
      }
    } catch (e) { /* no Cache Storage here (file://): nothing kept */ }
    let workers = [];
    try {
      workers = (await navigator.serviceWorker.getRegistrations()).map((r) => (r.active || r.waiting || r.installing).scriptURL);
    } catch (e) { /* no service worker here (file://) */ }
    return {
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0, caches: cached, workers,
    };
  });
}

/** Waits (30 s at most) until the service worker controls the page and one cache, not named
 * `other`, holds a whole build; returns its name. */
async function cachedBuild(page, files, other = '') {
  const until = Date.now() + 30000;
  let seen;
  while (Date.now() < until) {
    seen = await page.evaluate(async () => {
      const names = await caches.keys();
      const counts = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).length));
      return { controlled: navigator.serviceWorker.controller !== null, names, counts };
    });
    if (seen.controlled && seen.names.length === 1 && seen.names[0] !== other && seen.counts[0] === files.length) return seen.names[0];
    await page.waitForTimeout(200);
  }
  assert.fail(`no whole build cached: ${JSON.stringify(seen)}`);
}

describe('offline, once the page has been served', { timeout: 240000, skip }, () => {
  let tmp, dist, server, browser, page, files, origin;
  const contextRequests = [];

  before(async () => {
    // a copy of dist/, so that the "new build" below changes nothing of the real one
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-offline-'));
    dist = join(tmp, 'dist');
    cpSync(distDir, dist, { recursive: true });
    files = pageFiles(dist);
    server = await serve(dist);
    origin = new URL(server.url).origin;
    browser = await launch();
    // every request of the context, the service worker's included
    browser.context.on('request', (r) => contextRequests.push(r.url()));
    ({ page } = await openPage(browser.context, server.url));
    page.on('dialog', (d) => d.accept()); // a leave-page prompt never holds a reload
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps the page\'s own files, then reloads offline, checks, opens a sample and shows a rule page', { timeout: 90000 }, async () => {
    const name = await cachedBuild(page, files);
    assert.match(name, /^reqcheck-[0-9a-f]{16}$/);
    const stored = await storageOf(page);
    assert.deepEqual(stored.caches[name], files.map((f) => '/' + f), 'the cache holds exactly the page\'s files');
    assert.deepEqual(stored.workers, [server.url + 'sw.js']);

    await browser.context.setOffline(true);
    try {
      const responses = [];
      page.on('response', (r) => responses.push(r));
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30000 });
      await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict !== '', null, { timeout: 30000 });
      const shown = await verdictOf(page);
      assert.equal(shown.verdict, 'meets_criteria', 'the default sample is checked offline');
      assert.match(shown.text, /meets criteria: 0 failed, 0 to review/);
      const fromNetwork = responses.filter((r) => !r.fromServiceWorker() && !/^(data|blob):/.test(r.url())).map((r) => r.url());
      assert.deepEqual(fromNetwork, [], 'offline, every file came from the service worker');
      await screenshot(page, 'offline-reloaded.png');

      // what the page fetches on demand comes from the cache too
      await spyOnFiles(page);
      await openSample(page, 'fails-subject-witness.json');
      assert.match((await verdictOf(page)).text, /does not meet: 1 failed/);
      await screenshot(page, 'offline-sample.png');
      await showRulePage(page);
      await screenshot(page, 'offline-rule-page.png');
      await tap(page, 703, 42); // back to the Report tab
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('keeps nothing of the user\'s and connects only to its own origin', { timeout: 60000 }, async () => {
    const marker = 'USER-DATA-MARKER-7f3a9c';
    const request = JSON.parse(readFileSync(join(samplesDir, 'meets-criteria.json'), 'utf8'));
    request.reference = marker;
    const before = (await verdictOf(page)).text;
    await page.evaluate((t) => window.reqcheck.load(t, 'mine.json'), JSON.stringify(request, null, 2));
    await page.waitForFunction((b) => document.getElementById('verdict').textContent !== b || document.title.includes('mine.json'),
      before, { timeout: 15000 });
    const download = page.waitForEvent('download', { timeout: 15000 });
    await page.evaluate(() => window.reqcheck.download('json'));
    assert.match(await (await download).path().then((p) => readFileSync(p, 'utf8')), new RegExp(marker), 'the report was made');

    const { caches, workers, ...others } = await storageOf(page);
    assert.deepEqual(others, { local: 0, session: 0, cookie: '', idb: 0 }, 'no storage but the cache');
    assert.deepEqual(workers, [server.url + 'sw.js'], 'one service worker, the page\'s');
    assert.equal(Object.keys(caches).length, 1, 'one cache');
    for (const [name, paths] of Object.entries(caches)) {
      assert.match(name, /^reqcheck-[0-9a-f]{16}$/);
      assert.deepEqual(paths, files.map((f) => '/' + f), 'only the page\'s files are cached');
    }
    const holding = await page.evaluate(async (m) => {
      const found = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const r of await cache.keys()) if ((await (await cache.match(r)).text()).includes(m)) found.push(r.url);
      }
      return found;
    }, marker);
    assert.deepEqual(holding, [], 'no cached file holds the user\'s request or report');
    assert.deepEqual(await browser.context.cookies(), []);
    const foreign = contextRequests.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));
    assert.deepEqual(foreign, [], 'every request, the service worker\'s included, went to the page\'s origin');
    const paths = [...new Set(server.log)].filter((p) => p !== '/' && p !== '/sw.js' && !files.includes(p.slice(1)));
    assert.deepEqual(paths, [], 'the server was asked only for the page\'s files and sw.js');
  });

  it('replaces the cache when a new build is served', { timeout: 60000 }, async () => {
    const old = await cachedBuild(page, files);
    // a new build: a rule page changes, the manifest (dist/sw.js) is written again
    appendFileSync(join(dist, 'rules/AUTH-01.md'), '\nA line of the new build.\n');
    const run = spawnSync('python3', [join(repoDir, 'web/tools/write_sw.py'), dist, join(repoDir, 'web/sw.js')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    await page.reload();
    const fresh = await cachedBuild(page, files, old);
    assert.notEqual(fresh, old, 'a new cache, named by the new build');
    const text = await page.evaluate(async (n) => (await (await caches.open(n)).match('rules/AUTH-01.md')).text(), fresh);
    assert.match(text, /A line of the new build\./, 'the new cache holds the new build\'s files');
  });
});

describe('the single-file build, opened from a folder', { timeout: 180000, skip }, () => {
  let tmp, file, browser, page, server;
  const contextRequests = [];

  before(async () => {
    // reqcheck.html alone in a folder: nothing beside it to load
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-folder-'));
    cpSync(join(distDir, 'reqcheck.html'), join(tmp, 'reqcheck.html'));
    file = pathToFileURL(join(tmp, 'reqcheck.html')).href;
    server = await serve(); // another origin the page must not reach
    browser = await launch();
    browser.context.on('request', (r) => contextRequests.push(r.url()));
    await browser.context.setOffline(true);
    ({ page } = await openPage(browser.context, file));
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('checks the default sample, opens another, shows a rule page, offline and with no request', { timeout: 90000 }, async () => {
    const shown = await verdictOf(page);
    assert.equal(shown.verdict, 'meets_criteria');
    assert.match(shown.text, /meets criteria: 0 failed, 0 to review/);
    await screenshot(page, 'single-file.png');
    await spyOnFiles(page);
    await openSample(page, 'fails-subject-witness.json');
    assert.match((await verdictOf(page)).text, /does not meet: 1 failed/);
    assert.ok(await page.evaluate(() => window.__received.some((f) => f.name === 'fails-subject-witness.json' && f.len > 0)));
    await screenshot(page, 'single-file-sample.png');
    await showRulePage(page);
    await screenshot(page, 'single-file-rule-page.png');
    await tap(page, 703, 42);

    await browser.context.setOffline(false);
    const outcome = await page.evaluate((url) => fetch(url).then(() => 'connected', () => 'blocked'), server.url + 'probe');
    assert.equal(outcome, 'blocked', 'connect-src \'none\': the page can connect nowhere');
    assert.deepEqual(server.log, [], 'the other origin saw no request');
    const others = contextRequests.filter((u) => u !== file && !/^(data|blob):/.test(u));
    assert.deepEqual(others, [], 'the only request was the file itself');
    const stored = await storageOf(page);
    assert.deepEqual(stored, { local: 0, session: 0, cookie: '', idb: 0, caches: {}, workers: [] });
  });

  it('offers the plain form without WebGL2, with the default sample from the file', { timeout: 60000 }, async () => {
    const plain = await launch({ width: 1000, height: 800, webgl: false });
    try {
      const p = plain.context.pages()[0] || await plain.context.newPage();
      await p.goto(file);
      await p.waitForSelector('#fallback:not([hidden])', { timeout: 30000 });
      await p.waitForFunction(() => document.querySelector('#fallback-report .verdict') !== null, null, { timeout: 30000 });
      assert.match(await p.textContent('#fallback-report .verdict'), /Meets the criteria/);
      await screenshot(p, 'single-file-no-webgl.png');
    } finally {
      await plain.close();
    }
  });
});

describe('where the page cannot start, it says what to do', { timeout: 180000, skip }, () => {
  let tmp, browser, page;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-broken-'));
    browser = await launch({ width: 1200, height: 700 });
    page = browser.context.pages()[0] || await browser.context.newPage();
  });

  after(async () => {
    if (browser) await browser.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** The failure message shown in place of "Loading reqcheck…". */
  async function failure(p) {
    await p.waitForSelector('#loading.error', { timeout: 30000 });
    return p.textContent('#loading');
  }

  it('the normal page opened from a folder: open reqcheck.html, or serve the folder', { timeout: 60000 }, async () => {
    await page.goto(pathToFileURL(join(distDir, 'index.html')).href);
    const text = await failure(page);
    assert.match(text, /from a folder/);
    assert.match(text, /Open reqcheck\.html/);
    assert.match(text, /web server/);
    assert.match(text, /make serve/);
    await screenshot(page, 'folder-index-message.png');
    // the link opens the single-file build beside it, which works
    await page.click('#loading a[href="reqcheck.html"]');
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'meets_criteria', null, { timeout: 30000 });
    assert.match(page.url(), /\/reqcheck\.html$/);
  });

  it('a damaged wasm: says so and what to do', { timeout: 60000 }, async () => {
    const dist = join(tmp, 'dist');
    cpSync(distDir, dist, { recursive: true });
    writeFileSync(join(dist, 'reqcheck_app.wasm'), readFileSync(join(distDir, 'reqcheck_app.wasm')).subarray(0, 4096));
    const server = await serve(dist);
    try {
      await page.goto(server.url);
      const text = await failure(page);
      assert.match(text, /reqcheck_app\.wasm\) could not be started/);
      assert.match(text, /copy the whole folder again/);
      await screenshot(page, 'damaged-wasm-message.png');
    } finally {
      await server.close();
    }
  });

  it('no WebAssembly: says the browser cannot run it', { timeout: 60000 }, async () => {
    // as a browser with WebAssembly turned off by policy (Firefox's javascript.options.wasm)
    const noWasm = await launch({ width: 1200, height: 700 });
    const server = await serve();
    try {
      const p = noWasm.context.pages()[0] || await noWasm.context.newPage();
      await p.addInitScript(() => { delete window.WebAssembly; });
      await p.goto(server.url);
      assert.equal(await p.evaluate(() => typeof WebAssembly), 'undefined');
      const text = await failure(p);
      assert.match(text, /cannot run WebAssembly/);
      await screenshot(p, 'no-wasm-message.png');
    } finally {
      await noWasm.close();
      await server.close();
    }
  });
});
