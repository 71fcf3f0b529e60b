// reqcheck's engine as the peers see it: the WebAssembly entry of bench/peers/reqcheck_entry.cpp
// (reqcheck_core with its bundled packs compiled once at init), called with a request's text and
// returning the outcome JSON text of outcome.hpp (verdict, packs, each finding's rule and status:
// what every peer computes).

/**
 * Instantiates the module made by `factory` (createReqcheckPeers of reqcheck_peers.js), fixes
 * the checking time `now` and compiles the packs; resolves to `check(requestText)` → outcome
 * JSON text.
 */
export async function createReqcheckEngine(factory, now, moduleOptions = {}) {
  const m = await factory(moduleOptions);
  const nowBytes = m.lengthBytesUTF8(now) + 1;
  const nowPtr = m._malloc(nowBytes);
  m.stringToUTF8(now, nowPtr, nowBytes);
  const bad = m._rc_peers_init(nowPtr);
  m._free(nowPtr);
  if (bad) throw new Error(`reqcheck: the engine did not initialise (now = ${now})`);
  // one input buffer, grown as needed: allocating per call would be the glue's cost, not the engine's
  let cap = 0;
  let buf = 0;
  return function check(text) {
    const need = m.lengthBytesUTF8(text) + 1;
    if (need > cap) {
      if (buf) m._free(buf);
      cap = Math.max(need, 2 * cap, 8192);
      buf = m._malloc(cap);
    }
    m.stringToUTF8(text, buf, cap);
    const out = m._rc_peers_check(buf, need - 1);
    const report = m.UTF8ToString(out);
    m._rc_peers_free(out);
    return report;
  };
}

/** The verdict and findings ({rule, status}) of an outcome (or report) JSON text, and the packs it applied. */
export function readReport(reportText) {
  const r = JSON.parse(reportText);
  return { verdict: r.verdict, findings: r.findings.map((f) => ({ rule: f.rule, status: f.status })), policies: r.policies.map((p) => p.id) };
}
