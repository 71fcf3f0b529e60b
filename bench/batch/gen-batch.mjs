// Writes a batch of generated requests (bench/peers/gen.mjs: realistic reqcheck.request/1
// requests for telegram-2024-09, ~70 % meeting the criteria, 1-4 KB each) as NDJSON (one
// request per line) or as one JSON array, for the batch benchmark (bench/batch/run.sh).
// Usage: node bench/batch/gen-batch.mjs N OUT [--array] [--seed S]
// A share of the requests lack `received_at` (every 50th) so that tallies have an unknown bucket.
import { createWriteStream } from 'node:fs';
import { generate } from '../peers/gen.mjs';

const args = process.argv.slice(2);
const n = Number(args[0]);
const out = args[1];
const array = args.includes('--array');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
if (!Number.isInteger(n) || n < 1 || !out) {
  console.error('usage: node bench/batch/gen-batch.mjs N OUT [--array] [--seed S]');
  process.exit(2);
}

const stream = createWriteStream(out);
const write = (s) => (stream.write(s) ? Promise.resolve() : new Promise((r) => stream.once('drain', r)));
const CHUNK = 5000;  // generated a chunk at a time (each chunk its own seed), so memory stays small
let written = 0;
if (array) await write('[\n');
for (let c = 0; written < n; ++c) {
  for (const { text } of generate(Math.min(CHUNK, n - written), seed * 1000 + c)) {
    const request = JSON.parse(text);
    if (written % 50 === 49) delete request.received_at;
    const line = JSON.stringify(request);
    await write(array ? (written ? ',\n' : '') + line : line + '\n');
    ++written;
  }
}
if (array) await write('\n]\n');
stream.end();
