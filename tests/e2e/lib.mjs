// Shared helpers of the browser tests and the page benchmark: a static server for the built
// page (build/web/dist, or REQCHECK_DIST) on 127.0.0.1 that logs every request, and a fresh
// headless Debian Chromium driven by playwright-core (flags from shared toolchain.md, pitfall 8).
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = process.env.REQCHECK_DIST || join(repoDir, 'build/web/dist');
export const artifactsDir = join(repoDir, 'tests/e2e/artifacts');
export const samplesDir = join(repoDir, 'assets/samples');
export const cliPath = process.env.REQCHECK_CLI || join(repoDir, 'build/native/reqcheck');

const mime = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.ttf': 'font/ttf',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

/** True when the page has been built. */
export function distBuilt() {
  return existsSync(join(distDir, 'index.html')) && existsSync(join(distDir, 'reqcheck_app.wasm'));
}

/** Serves `root` on 127.0.0.1 (a free port); `log` receives every request path. */
export async function serve(root = distDir) {
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': mime[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, log, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium with a fresh profile (`webgl: false`: without WebGL, as some
 * locked-down browsers are; `touch`: a touch screen, for taps); close() also removes the profile. */
export async function launch({ width = 1400, height = 860, scale = 1, webgl = true, touch = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    viewport: { width, height },
    deviceScaleFactor: scale,
    hasTouch: touch,
    acceptDownloads: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      ...(webgl ? [] : ['--disable-webgl', '--disable-webgl2'])],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Opens the page and waits until the first frame is drawn with the default request checked. */
export async function openPage(context, url) {
  const page = context.pages()[0] || await context.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict !== '', null, { timeout: 30000 });
  return { page, requests, consoleErrors };
}

/** Saves a screenshot under tests/e2e/artifacts/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name);
  await page.screenshot({ path });
  return path;
}

/**
 * The first y (CSS pixels, at scale 1) at or below `y0` where at least `minPixels` pixels of the
 * row x0 ≤ x < x1 of screenshot `png` are within `tolerance` (sum of channel differences) of
 * `rgb`; -1 when none. Decoded in a blank page of `context` (node has no PNG decoder here): how
 * the canvas tests find a drawn row or mark.
 */
export async function screenshotRowY(context, png, { rgb, x0, x1, y0, tolerance, minPixels }) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async ({ b64, rgb, x0, x1, y0, tolerance, minPixels }) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      for (let y = y0; y < img.height; y++) {
        const d = g.getImageData(x0, y, x1 - x0, 1).data;
        let near = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < tolerance) near++;
        }
        if (near >= minPixels) return y;
      }
      return -1;
    }, { b64: png.toString('base64'), rgb, x0, x1, y0, tolerance, minPixels });
  } finally {
    await blank.close();
  }
}

/** The verdict element's state. */
export async function verdictOf(page) {
  return page.evaluate(() => {
    const el = document.getElementById('verdict');
    return { verdict: el.dataset.verdict, failed: Number(el.dataset.failed), review: Number(el.dataset.review), policy: el.dataset.policy, text: el.textContent };
  });
}

/** Waits until #verdict shows a verdict different from `previousText` (or any, when absent). */
export async function waitVerdictChange(page, previousText, timeout = 10000) {
  await page.waitForFunction((prev) => {
    const el = document.getElementById('verdict');
    return el.dataset.verdict !== '' && el.textContent !== prev;
  }, previousText, { timeout });
  return verdictOf(page);
}

/**
 * Registers, in the calling `describe`, the usual page fixture: the server, a browser (`opts`
 * as for launch) and the page opened on it; returns an object whose `page`, `consoleErrors`,
 * `browser` and `server` are set once the suite's `before` has run, and closed after it.
 */
export function usePage(opts = {}) {
  const s = {};
  before(async () => {
    s.server = await serve();
    s.browser = await launch(opts);
    ({ page: s.page, consoleErrors: s.consoleErrors } = await openPage(s.browser.context, s.server.url));
  });
  after(async () => {
    if (s.browser) await s.browser.close();
    if (s.server) await s.server.close();
  });
  return s;
}
