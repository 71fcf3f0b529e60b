// Browser entry of the plain-JS engine (bundled by esbuild with the pack it compiles).
import pack from '../../../assets/packs/telegram-2024-09.json';
import { createPlainEngine } from '../engines/plain.mjs';

/** The engine, ready to check. */
export async function create() {
  return createPlainEngine(pack);
}
