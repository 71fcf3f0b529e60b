// Browser entry of the Cedar engine: cedar-wasm's web build, its .wasm fetched beside the bundle.
import initCedar, * as cedar from '@cedar-policy/cedar-wasm/web';
import pack from '../../../assets/packs/telegram-2024-09.json';
import { createCedarEngine } from '../engines/cedar.mjs';

/** The engine, ready to check; `base` is the URL the bundle's files are served from. */
export async function create(base) {
  await initCedar({ module_or_path: new URL('cedar_wasm_bg.wasm', base) });
  return createCedarEngine(cedar, pack);
}
