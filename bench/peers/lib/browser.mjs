// The browser side of the benchmark: esbuild bundles each engine as a browser would load it
// (minified ES modules, wasm beside them), a static server on 127.0.0.1 serves them with the
// cross-origin isolation headers that give performance.now() its finest resolution, and a
// fresh headless Debian Chromium (playwright-core; flags of toolchain.md) runs each engine.
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { peersDir, reqcheckBuild } from './load-node.mjs';

/** What each engine's page loads besides its bundle (files copied beside it). */
const EXTRA = {
  plain: [],
  jsonlogic: [],
  cedar: [join(peersDir, 'node_modules/@cedar-policy/cedar-wasm/web/cedar_wasm_bg.wasm')],
  reqcheck: [join(reqcheckBuild, 'reqcheck_peers.js'), join(reqcheckBuild, 'reqcheck_peers.wasm')],
};

/**
 * Bundles the engines and the page into `dir`; returns {engine: {files: {name: gzip bytes},
 * bytes, gzip}} — gzip -9 of every file the engine's page loads for it.
 */
export async function bundle(dir) {
  const esbuild = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    entryPoints: ['plain', 'jsonlogic', 'cedar', 'reqcheck', 'page'].map((e) => join(peersDir, 'web', e + '.mjs')),
    bundle: true, minify: true, format: 'esm', target: 'es2022', outdir: dir, logLevel: 'error',
    outExtension: { '.js': '.js' }, loader: { '.wasm': 'file' },
  });
  copyFileSync(join(peersDir, 'web/index.html'), join(dir, 'index.html'));
  const sizes = {};
  for (const [engine, extra] of Object.entries(EXTRA)) {
    const files = [join(dir, engine + '.js')];
    for (const f of extra) {
      const to = join(dir, f.split('/').pop());
      copyFileSync(f, to);
      files.push(to);
    }
    const entry = { files: {}, bytes: 0, gzip: 0 };
    for (const f of files) {
      const data = readFileSync(f);
      const gz = gzipSync(data, { level: 9 }).length;
      entry.files[f.split('/').pop()] = gz;
      entry.bytes += data.length;
      entry.gzip += gz;
    }
    sizes[engine] = entry;
  }
  return sizes;
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };

/** Serves `root` on 127.0.0.1 (a free port), cross-origin isolated; resolves to {url, close}. */
export async function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    let ok = file.startsWith(normalize(root));
    try { ok = ok && statSync(file).isFile(); } catch { ok = false; }
    if (!ok) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Runs one engine's page in a freshly launched Chromium: `n` timed checks over the pool served
 * from `url`. Resolves to the page's result; a request to anywhere but `url` is an error.
 */
export async function runInChromium(url, engine, n, timeoutMs) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'reqcheck-peers-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions'],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // watched, not intercepted: interception would slow the very loads init measures
    page.on('request', (r) => { if (!r.url().startsWith(url)) errors.push(`request outside 127.0.0.1: ${r.url()}`); });
    await page.goto(`${url}?engine=${engine}&n=${n}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: timeoutMs, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (errors.length && !result.error) result.error = errors.join('; ');
    return result;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Writes the pool and the keys node computed where the page fetches them. */
export function writePool(dir, texts, keys) {
  writeFileSync(join(dir, 'pool.json'), JSON.stringify(texts));
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(keys));
}
