// One engine timed in a fresh node process (run by run.mjs): `node time-node.mjs ENGINE POOL N`
// prints {init_ms, ...timeChecks} as JSON. Init runs from before the engine's code is imported
// to the engine ready to check (modules read and compiled, wasm instantiated, rules compiled).
import { readFileSync } from 'node:fs';
import { engines } from './lib/load-node.mjs';
import { timeChecks } from './lib/timing.mjs';

const [name, poolFile, n] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(poolFile, 'utf8'));
const t0 = performance.now();
const check = await engines[name]();
const initMs = performance.now() - t0;
const t1 = performance.now();
check(texts[0]);
const firstMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ init_ms: initMs, first_check_ms: firstMs, ...timeChecks(check, texts, Number(n)) }) + '\n');
