// The ratio table and its section of bench/RESULTS.md, replaced on every run, the rest of the
// file kept.
import { readFileSync, writeFileSync } from 'node:fs';

export const HEADING = '## Side by side: reqcheck and its peers (bench/peers)';
const ORDER = ['plain JS', 'reqcheck', 'reqcheck native', 'ajv + json-logic', 'Cedar'];

const f1 = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x, ref) => `${f1(x / ref)}×`;

/** One environment's table: each engine's figures, and each ÷ plain JS's in the same run. */
export function table(rows, sizes) {
  const ref = rows['plain JS'];
  const refSize = sizes['plain JS'].gzip;
  const out = ['| engine | init ms | median µs/check | p99 µs/check | checks/s | µs/check at that rate | gzip KB | ÷ plain JS: init | median | p99 | µs/check at rate | gzip |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const name of ORDER) {
    const r = rows[name];
    if (!r) continue;
    const s = sizes[name]?.gzip;  // nothing for a browser to load natively
    out.push(`| ${name} | ${f1(r.init_ms)} | ${f1(r.median_us)} | ${f1(r.p99_us)} | ${Math.round(r.throughput_per_s).toLocaleString('en')} | ${f1(r.mean_us)} | ${s ? (s / 1000).toFixed(1) : '—'} | ` +
      `${ratio(r.init_ms, ref.init_ms)} | ${ratio(r.median_us, ref.median_us)} | ${ratio(r.p99_us, ref.p99_us)} | ${ratio(r.mean_us, ref.mean_us)} | ${s ? ratio(s, refSize) : '—'} |`);
  }
  return out.join('\n');
}

/** Replaces (or appends) the section `HEADING` of `file` with `body`. */
export function writeSection(file, body) {
  const text = readFileSync(file, 'utf8');
  const section = `${HEADING}\n\n${body.trim()}\n`;
  const at = text.indexOf(HEADING + '\n');
  let next = -1;
  if (at >= 0) {
    const m = /\n## /.exec(text.slice(at + HEADING.length));
    next = m ? at + HEADING.length + m.index + 1 : -1;
  }
  const updated = at < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}${next >= 0 ? '\n' + text.slice(next) : ''}`;
  writeFileSync(file, updated);
}
