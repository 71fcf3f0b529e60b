// Browser entry of reqcheck: reqcheck_peers.js (Emscripten, not an ES module) added as a script,
// its .wasm streamed from beside it.
import { createReqcheckEngine } from '../engines/reqcheck.mjs';

const NOW = '2026-11-30T12:00:00Z';

/** The engine, ready to check; `base` is the URL the files are served from. */
export async function create(base) {
  await new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = new URL('reqcheck_peers.js', base).href;
    s.onload = ok;
    s.onerror = () => fail(new Error('reqcheck_peers.js did not load'));
    document.head.append(s);
  });
  return createReqcheckEngine(self.createReqcheckPeers, NOW, { locateFile: (p) => new URL(p, base).href });
}
