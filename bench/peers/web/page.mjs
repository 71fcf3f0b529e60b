// The benchmark page's driver (bundled, not counted in any engine's size): loads the engine named
// in the URL (?engine=plain), timing its init from the start of its import, checks that it gives
// every pool request the key node computed, then runs the timing loop; window.benchResult holds
// the outcome for run.mjs.
import { keyOf } from '../lib/compare.mjs';
import { timeChecks } from '../lib/timing.mjs';
import { readReport } from '../engines/reqcheck.mjs';

async function main() {
  const q = new URLSearchParams(location.search);
  const engine = q.get('engine');
  const n = Number(q.get('n'));
  const [texts, expected] = await Promise.all([fetch('pool.json').then((r) => r.json()), fetch('expected.json').then((r) => r.json())]);
  const base = new URL('./', location.href);
  const t0 = performance.now();
  const spec = new URL(`${engine}.js`, base).href;  // a URL, so the bundler leaves the import to run time
  const mod = await import(spec);
  const check = await mod.create(base);
  const initMs = performance.now() - t0;
  const t1 = performance.now();
  check(texts[0]);
  const firstMs = performance.now() - t1;
  const read = engine === 'reqcheck' ? readReport : (x) => x;
  for (let i = 0; i < texts.length; i++) {
    const key = keyOf(read(check(texts[i])));
    if (key !== expected[i]) return { error: `request ${i}: ${engine} in the browser gives "${key}", node gave "${expected[i]}"` };
  }
  return { init_ms: initMs, first_check_ms: firstMs, cross_origin_isolated: self.crossOriginIsolated, ...timeChecks(check, texts, n) };
}

main().then((r) => { window.benchResult = r; }, (e) => { window.benchResult = { error: String(e && e.stack || e) }; });
