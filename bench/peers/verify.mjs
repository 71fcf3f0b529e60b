// The verification step: every engine checks every request of the pool, in one node process,
// and all four must give each request the same verdict and the same non-passing rules (each with
// its worst status) before anything is timed. reqcheck must apply the platform pack alone (no
// legal-framework profile), since the peers encode only its rules.
import { spawnSync } from 'node:child_process';
import { engines, resultOf } from './lib/load-node.mjs';
import { readReport } from './engines/reqcheck.mjs';
import { keyOf } from './lib/compare.mjs';

/**
 * Checks `pool` ([{text, faults}]) with every engine; returns the keys (plain JS's, which all
 * share) or {error} describing the first disagreement.
 */
export async function verify(pool) {
  const checks = {};
  for (const [name, load] of Object.entries(engines)) checks[name] = await load();
  const keys = [];
  for (let i = 0; i < pool.length; i++) {
    const { text, faults } = pool[i];
    const byEngine = {};
    for (const [name, check] of Object.entries(checks)) {
      const result = await resultOf(name, check(text));
      if (result.policies && (result.policies.length !== 1 || result.policies[0] !== 'telegram-2024-09'))
        return { error: `request ${i} (faults: ${faults.join(', ') || 'none'}): reqcheck applied ${result.policies.join(', ')}, not the platform pack alone\n${text}` };
      byEngine[name] = keyOf(result);
    }
    const ref = byEngine['plain JS'];
    if (Object.values(byEngine).some((k) => k !== ref)) {
      const lines = Object.entries(byEngine).map(([name, k]) => `  ${name.padEnd(17)} ${k}`);
      return { error: `request ${i} (faults: ${faults.join(', ') || 'none'}): the engines disagree\n${lines.join('\n')}\n${text}` };
    }
    keys.push(ref);
  }
  return { keys };
}

/**
 * Checks the pool (written to `poolFile`) with the native build `binary` against the keys node
 * agreed on; returns the first disagreement as text, or '' when there is none.
 */
export function verifyNative(binary, poolFile, pool, keys) {
  const run = spawnSync(binary, [poolFile, '--reports'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) return `${binary} failed: ${run.stderr}`;
  const lines = run.stdout.trimEnd().split('\n');
  if (lines.length !== pool.length) return `${binary} gave ${lines.length} reports for ${pool.length} requests`;
  for (let i = 0; i < lines.length; i++) {
    const key = keyOf(readReport(lines[i]));
    if (key !== keys[i]) return `request ${i} (faults: ${pool[i].faults.join(', ') || 'none'}): reqcheck natively gives "${key}", the engines in node "${keys[i]}"\n${pool[i].text}`;
  }
  return '';
}
