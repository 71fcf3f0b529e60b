// Loads one engine in node, from the repository's files and bench/peers/node_modules: the same
// engine code the browser bundles hold, with node's builds of cedar-wasm and reqcheck's entry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const peersDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoDir = resolve(peersDir, '../..');
export const reqcheckBuild = process.env.REQCHECK_PEERS_BUILD || join(repoDir, 'build/web/bench/peers');
export const NOW = '2026-11-30T12:00:00Z';
const require = createRequire(join(peersDir, 'package.json'));
const json = (path) => JSON.parse(readFileSync(join(repoDir, path), 'utf8'));

/** Engines by name: each loads its code and compiles its rules, resolving to `check(text)`. */
export const engines = {
  'plain JS': async () => {
    const { createPlainEngine } = await import('../engines/plain.mjs');
    return createPlainEngine(json('assets/packs/telegram-2024-09.json'));
  },
  'ajv + json-logic': async () => {
    const { createJsonLogicEngine } = await import('../engines/jsonlogic.mjs');
    return createJsonLogicEngine(require('ajv/dist/2020').default, require('json-logic-js'),
      json('assets/schema/request.schema.json'), json('assets/packs/telegram-2024-09.json'));
  },
  Cedar: async () => {
    const { createCedarEngine } = await import('../engines/cedar.mjs');
    return createCedarEngine(require('@cedar-policy/cedar-wasm/nodejs'), json('assets/packs/telegram-2024-09.json'));
  },
  reqcheck: async () => {
    const { createReqcheckEngine } = await import('../engines/reqcheck.mjs');
    const factory = require(join(reqcheckBuild, 'reqcheck_peers.js'));
    // node 20's fetch cannot read a file path: hand the module its bytes
    return createReqcheckEngine(factory, NOW, { wasmBinary: readFileSync(join(reqcheckBuild, 'reqcheck_peers.wasm')) });
  },
};

/** Reads an engine's result (a report JSON text for reqcheck) as {verdict, findings}. */
export async function resultOf(name, out) {
  if (name !== 'reqcheck') return out;
  const { readReport } = await import('../engines/reqcheck.mjs');
  return readReport(out);
}
