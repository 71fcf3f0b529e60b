// reqcheck page glue: configures the Emscripten Module (loaded next, by reqcheck_app.js), and
// connects the page to the wasm app: file picker, drag and drop, paste, shortcuts the browser
// would take, downloads, the print view, the #verdict live region and window.reqcheck.
// Nothing here checks a request: the engine in the wasm does, and nothing leaves the page.
'use strict';

(function () {
  const INCOMING = { request: 0, pack: 1, drop: 2, paste: 3, rulePage: 4 };
  const ACTION = { open: 1, save: 2, check: 3, print: 4, reportJson: 5, reportMarkdown: 6, resultsCsv: 7, resultsJson: 8, tallyCsv: 9,
    tallyJson: 10, reportsNdjson: 11, cancelBatch: 12 };
  // window.reqcheck.download's formats: the report (a batch: every report) and a batch's exports
  const DOWNLOAD = { json: ACTION.reportJson, markdown: ACTION.reportMarkdown, 'results-csv': ACTION.resultsCsv,
    'results-json': ACTION.resultsJson, 'tally-csv': ACTION.tallyCsv, 'tally-json': ACTION.tallyJson, ndjson: ACTION.reportsNdjson };
  const $ = (id) => document.getElementById(id);
  let app = 0; // the app's state in wasm memory, handed over by main() through attach()
  let pendingKind = INCOMING.request;
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  function showError(text) {
    const el = $('loading');
    if (!el) return;
    el.hidden = false;
    el.classList.add('error');
    el.textContent = text;
  }

  // --- memory helpers ---------------------------------------------------------------------
  function heap() { return Module.HEAPU8; }
  function str(ptr, len) { return len > 0 ? Module.UTF8ToString(ptr, len) : ''; }
  function bytes(ptr, len) { return heap().slice(ptr, ptr + len); }
  /** Copies a JS string into wasm memory as NUL-terminated UTF-8; free it with Module._free. */
  function allocString(text) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    return p;
  }
  /** Hands bytes (a file, a paste) to the app; they need not be UTF-8: the engine says so. */
  // larger files are refused before they reach the wasm heap (src/app/app_state.hpp max_file_bytes)
  const MAX_FILE_BYTES = 256 * 1024 * 1024;
  // files are read in slices of this many bytes straight into the wasm heap: no giant JS string
  const READ_CHUNK_BYTES = 8 * 1024 * 1024;
  function refuseLarge(name, size) {
    const namePtr = allocString(name || '');
    try { Module._rc_app_on_too_large(app, namePtr, size); } finally { Module._free(namePtr); }
  }
  function sendBytes(kind, name, u8) {
    if (!app) return;
    if (u8.length > MAX_FILE_BYTES) return refuseLarge(name, u8.length);
    const dataPtr = Module._malloc(Math.max(1, u8.length));
    if (!dataPtr) return refuseLarge(name, u8.length);
    const namePtr = allocString(name || '');
    heap().set(u8, dataPtr);
    try {
      Module._rc_app_on_file(app, kind, namePtr, dataPtr, u8.length);
    } finally {
      Module._free(dataPtr);
      Module._free(namePtr);
    }
  }
  function sendText(kind, name, text) { sendBytes(kind, name, new TextEncoder().encode(text)); }
  /**
   * Reads File objects (a drop, the file picker) in slices into the wasm heap and hands them to
   * the app together: one file as a request (or pack), several as one batch. A file over the
   * limit, or one the heap cannot hold, is refused by name; the others are still read.
   */
  async function sendFiles(kind, files) {
    if (!app) return;
    let sent = 0;
    try {
      for (const file of files) {
        if (file.size > MAX_FILE_BYTES) { refuseLarge(file.name, file.size); continue; }
        const ptr = Module._rc_app_file_buffer(app, file.size);
        if (!ptr) { refuseLarge(file.name, file.size); continue; }
        for (let at = 0; at < file.size; at += READ_CHUNK_BYTES) {
          const chunk = new Uint8Array(await file.slice(at, Math.min(file.size, at + READ_CHUNK_BYTES)).arrayBuffer());
          heap().set(chunk, ptr + at); // the heap may have grown between slices: read it again
        }
        const namePtr = allocString(file.name || '');
        try { Module._rc_app_file_done(app, namePtr); } finally { Module._free(namePtr); }
        sent++;
      }
    } catch (e) {
      console.warn('reqcheck: a file could not be read (' + e + ')');
      Module._rc_app_files_end(app, kind, 0);
      return;
    }
    if (sent > 0) Module._rc_app_files_end(app, kind, 1);
    else Module._rc_app_files_end(app, kind, 0);
  }

  // --- the Emscripten module ----------------------------------------------------------------
  // The wasm is fetched and compiled from here, while reqcheck_app.js is still loading: left to
  // Emscripten, the fetch would start only once that script has run. A server that does not
  // send application/wasm makes compileStreaming refuse; the bytes are then compiled whole.
  const wasmUrl = 'reqcheck_app.wasm';
  const compileWasm = () => fetch(wasmUrl, { credentials: 'same-origin' })
    .then((r) => { if (!r.ok) throw new Error(wasmUrl + ': HTTP ' + r.status); return r.arrayBuffer(); })
    .then((buf) => WebAssembly.compile(buf));
  const wasmModule = (typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' })).catch(compileWasm)
    : compileWasm());
  wasmModule.catch(() => {}); // reported by instantiateWasm below, once the runtime asks for it
  window.Module = {
    instantiateWasm: (imports, receive) => {
      wasmModule
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
        .catch((e) => showError('reqcheck could not start: ' + e + '. Reload the page.'));
      return {}; // the exports arrive through receive()
    },
    canvas: $('canvas'),
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onAbort: (what) => showError('reqcheck stopped: ' + what + '. Reload the page; your text was not sent anywhere.'),
    onRuntimeInitialized: () => {
      performance.mark('reqcheck-runtime'); // wasm instantiated, main() next (bench/page.mjs)
      const p = Module._rc_version();
      window.reqcheck.version = Module.UTF8ToString(p);
      Module._rc_free(p);
    },
  };
  $('canvas').addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showError('The graphics context was lost. Reload the page.');
  });
  window.addEventListener('error', (e) => {
    if (!app) showError('reqcheck could not start: ' + (e.message || e));
  });

  // --- calls from the app (EM_JS in src/app/platform_web.cpp) ----------------------------------
  window.rcGlue = {
    attach(ptr) { app = ptr; },
    fail(text) {
      showError(text);
      showFallback();
    },
    ready() {
      performance.mark('reqcheck-first-frame'); // read by bench/page.mjs
      $('loading').hidden = true;
      document.body.dataset.ready = '1';
      resolveReady();
    },
    openFile(kind) {
      pendingKind = kind;
      const input = $('file-input');
      input.value = '';
      input.click();
    },
    download(namePtr, nameLen, mimePtr, mimeLen, dataPtr, dataLen) {
      const name = str(namePtr, nameLen) || 'download';
      const blob = new Blob([bytes(dataPtr, dataLen)], { type: str(mimePtr, mimeLen) || 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    print(ptr, len) {
      renderPrint($('print-view'), str(ptr, len));
      window.print();
    },
    resultsView(sortPtr, sortLen, shown, topLine, vPtr, vLen, rPtr, rLen) {
      // the results table's sort and first row, for automation (the canvas draws the table)
      const el = $('batch');
      el.dataset.sort = str(sortPtr, sortLen);
      el.dataset.shown = String(shown);
      el.dataset.topLine = String(topLine);
      el.dataset.topVerdict = str(vPtr, vLen);
      el.dataset.topReference = str(rPtr, rLen);
    },
    batch(sPtr, sLen, done, total, rate, sumPtr, sumLen) {
      // a batch's progress and summary, for screen readers and automation
      const el = $('batch');
      el.dataset.state = str(sPtr, sLen);
      el.dataset.done = String(done);
      el.dataset.total = String(total);
      el.dataset.rate = String(Math.round(rate));
      el.textContent = str(sumPtr, sumLen);
      el.setAttribute('aria-busy', el.dataset.state === 'running' ? 'true' : 'false');
    },
    report(ptr, len) {
      // the report shown, as HTML: read by screen readers, printed on paper
      renderReport($('print-view'), str(ptr, len));
      if (fallbackShown) renderReport($('fallback-report'), str(ptr, len));
    },
    verdict(vPtr, vLen, sPtr, sLen, failed, review, pPtr, pLen) {
      const el = $('verdict');
      if (!el.dataset.verdict) performance.mark('reqcheck-first-verdict'); // read by bench/page.mjs
      el.dataset.verdict = str(vPtr, vLen);
      el.dataset.failed = String(failed);
      el.dataset.review = String(review);
      el.dataset.policy = str(pPtr, pLen);
      el.textContent = str(sPtr, sLen);
    },
    copy(ptr, len) {
      const text = str(ptr, len);
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
    requestPaste() {
      if (!navigator.clipboard || !navigator.clipboard.readText) {
        sendText(INCOMING.paste, 'pasted.json', '');
        return;
      }
      navigator.clipboard.readText()
        .then((text) => sendText(INCOMING.paste, 'pasted.json', text))
        .catch(() => sendText(INCOMING.paste, 'pasted.json', ''));
    },
    title(ptr, len) { document.title = str(ptr, len); },
    unsaved(flag) { unsaved = Boolean(flag); },
    notice(ptr, len, isError) {
      const el = $('notice');
      el.textContent = str(ptr, len);
      el.dataset.error = isError ? 'true' : 'false';
    },
    fetchFile(ptr, len, kind) {
      // a relative path: the page's own folder, the only origin the CSP lets it reach
      const path = str(ptr, len);
      fetch(path, { credentials: 'same-origin' })
        .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.arrayBuffer(); })
        .then((buf) => sendBytes(kind, path.split('/').pop(), new Uint8Array(buf)))
        .catch((e) => {
          console.warn('reqcheck: ' + path + ' could not be loaded (' + e + ')');
          // a rule page that cannot be read is shown as missing rather than loading forever
          if (kind === INCOMING.rulePage) sendBytes(kind, path.split('/').pop(), new Uint8Array(0));
        });
    },
  };

  // the request has edits that were not saved: the browser asks before the page is left
  let unsaved = false;
  window.addEventListener('beforeunload', (event) => {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = '';
  });

  // --- the print view: the report as plain HTML, built with textContent only ---------------------
  /** The print view: one report, or a batch ({batch, reports}): its summary, then each report. */
  function renderPrint(root, text) {
    let doc = null;
    try { doc = JSON.parse(text); } catch (e) { doc = null; }
    if (!doc || !doc.batch || !Array.isArray(doc.reports)) return renderReport(root, text);
    root.replaceChildren();
    const h = document.createElement('h1');
    h.textContent = 'reqcheck batch';
    root.appendChild(h);
    const p = document.createElement('p');
    p.className = 'meta';
    p.textContent = doc.batch.summary + (doc.batch.printed < doc.batch.requests
      ? ' — the first ' + doc.batch.printed + ' of ' + doc.batch.requests + ' requests are printed; download the batch (Markdown, NDJSON) for every report.' : '');
    root.appendChild(p);
    for (const r of doc.reports) {
      const section = document.createElement('section');
      section.className = 'batch-report';
      renderReport(section, JSON.stringify(r));
      root.appendChild(section);
    }
  }

  /** Renders a report JSON text as semantic HTML into `root` (the report mirror, the fallback). */
  function renderReport(root, reportText) {
    root.replaceChildren();
    let report;
    try { report = JSON.parse(reportText); } catch (e) { report = null; }
    const add = (parent, tag, text, cls) => {
      const el = document.createElement(tag);
      if (text !== undefined) el.textContent = String(text);
      if (cls) el.className = cls;
      parent.appendChild(el);
      return el;
    };
    // the report's `values` in backticks become monospace code, never markup: text nodes only
    const rich = (parent, tag, text, cls) => {
      const el = add(parent, tag, undefined, cls);
      String(text || '').split('`').forEach((part, i) => {
        if (i % 2) add(el, 'code', part);
        else if (part) el.appendChild(document.createTextNode(part));
      });
      return el;
    };
    if (!report || typeof report !== 'object') {
      add(root, 'h1', 'reqcheck report');
      add(root, 'p', 'No report.');
      return;
    }
    const request = report.request || {};
    const named = request.reference || request.file || 'request';
    add(root, 'h1', 'reqcheck report: ' + named);
    const who = [];
    if (request.reference) who.push('reference ' + request.reference);
    if (request.case_reference) who.push('case ' + request.case_reference);
    if (request.file) who.push('file ' + request.file + (request.line > 1 ? ', line ' + request.line : ''));
    if (who.length) add(root, 'p', 'Request: ' + who.join(' · '), 'meta');
    const words = { meets_criteria: 'Meets the criteria (the platform may still decline)', does_not_meet: 'Does not meet the criteria',
      needs_review: 'Needs review', invalid_input: 'Invalid input' };
    add(root, 'p', words[report.verdict] || report.verdict, 'verdict verdict-' + report.verdict);
    const findings = Array.isArray(report.findings) ? report.findings : [];
    const count = (st) => findings.filter((f) => f.status === st).length;
    add(root, 'p', `${count('fail')} failed · ${count('review')} to review · ${count('incomplete')} incomplete · ` +
      `${count('pass')} passed · ${count('not_applicable')} not applicable`, 'counts');
    const policy = report.policy || {};
    add(root, 'p', 'Policy applied: ' + (policy.id || '') + ', version ' + (policy.version || '') +
      ' · received ' + (report.received_at || 'not given') + ' · checked at ' + (report.checked_at || ''), 'meta');
    for (const p of Array.isArray(report.profiles) ? report.profiles : []) rich(root, 'p', 'Profile: ' + p.id + ': ' + p.reason, 'meta');
    for (const n of Array.isArray(report.notes) ? report.notes : []) rich(root, 'p', 'Note: ' + n, 'note');
    const label = { fail: '✗ fail', review: '⚠ review', incomplete: '◐ incomplete', pass: '✓ pass', not_applicable: '– not applicable' };
    const table = add(root, 'table');
    const head = add(add(table, 'thead'), 'tr');
    for (const h of ['Status', 'Rule', 'Finding', 'Where', 'Source']) add(head, 'th', h);
    const body = add(table, 'tbody');
    for (const f of findings) {
      const tr = add(body, 'tr', undefined, 'status-' + f.status);
      add(tr, 'td', label[f.status] || f.status, 'status');
      add(tr, 'td', f.rule, 'rule');
      const cell = add(tr, 'td');
      add(cell, 'div', f.title, 'title');
      rich(cell, 'div', f.message);
      if (f.help) rich(cell, 'div', 'Fix: ' + f.help, 'fix');
      const where = add(tr, 'td', undefined, 'where');
      if (f.pointer) add(where, 'code', f.pointer);
      if (f.line) add(where, 'div', 'line ' + f.line + ', column ' + f.column);
      add(tr, 'td', f.legal_ref);
    }
    if (Array.isArray(report.deadlines) && report.deadlines.length) {
      add(root, 'h2', 'Deadlines');
      const ul = add(root, 'ul');
      for (const d of report.deadlines) rich(ul, 'li', d.name + ': ' + d.due + (d.zone ? ' (' + d.zone + ')' : '') + ': ' + d.basis);
    }
    add(root, 'p', 'Input SHA-256: ' + (report.input_sha256 || ''), 'meta small');
  }

  // --- page events ---------------------------------------------------------------------------
  $('file-input').addEventListener('change', (e) => {
    const files = e.target.files ? Array.from(e.target.files) : [];
    if (!files.length) return;
    // a pack is one file; requests may be several, each a batch of one run
    sendFiles(pendingKind, pendingKind === INCOMING.pack ? files.slice(0, 1) : files);
  });

  // shortcuts the browser would take (open file, save page, print): caught here, within the key
  // press, so that the file picker may open
  window.addEventListener('keydown', (e) => {
    if (!app || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'a') {
      e.preventDefault(); // ImGui selects the text in the editor; the page itself has nothing to select
      return;
    }
    const action = e.shiftKey ? { s: ACTION.reportJson }[key] : { o: ACTION.open, s: ACTION.save, p: ACTION.print, Enter: ACTION.check }[key];
    if (!action) return;
    e.preventDefault();
    Module._rc_app_on_action(app, action);
  }, true);

  document.addEventListener('paste', (e) => {
    if (!app || !e.clipboardData) return;
    const text = e.clipboardData.getData('text/plain');
    e.preventDefault();
    const p = allocString(text);
    try { Module._rc_app_on_clipboard(app, p, Module.lengthBytesUTF8(text)); } finally { Module._free(p); }
  });

  let dragDepth = 0;
  const hint = $('drop-hint');
  document.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; hint.hidden = false; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
  document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; hint.hidden = true; } });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    dragDepth = 0;
    hint.hidden = true;
    const dt = e.dataTransfer;
    if (!dt) return;
    if (dt.files && dt.files.length) {
      await sendFiles(INCOMING.drop, Array.from(dt.files));
    } else {
      const text = dt.getData('text/plain');
      if (text) sendText(INCOMING.drop, 'dropped.json', text);
    }
  });

  // --- without WebGL2: a plain form over the same engine (window.reqcheck.check) --------------
  let fallbackShown = false;
  function showFallback() {
    if (fallbackShown) return;
    fallbackShown = true;
    const box = $('fallback');
    box.hidden = false;
    const text = $('fallback-text');
    const run = () => {
      if (!Module._rc_check) return;
      renderReport($('fallback-report'), window.reqcheck.check(text.value));
    };
    $('fallback-check').addEventListener('click', run);
    $('fallback-file').addEventListener('change', async (e) => {
      const file = e.target.files && e.target.files[0];
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        $('fallback-report').textContent = file.name + ' is larger than the page reads (256 MB).';
        return;
      }
      text.value = await file.text();
      run();
    });
    // the default sample, from the page's own folder, so that the form shows what a request is
    fetch('samples/meets-criteria.json', { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((t) => { if (t && !text.value) { text.value = t; run(); } })
      .catch(() => {});
  }

  // --- automation and accessibility: window.reqcheck ----------------------------------------------
  window.reqcheck = {
    /** The engine version (set when the wasm has loaded). */
    version: '',
    /** Resolves when the page has drawn its first frame with the default request checked. */
    ready,
    /** Checks one request's text against pack text ('' or absent: the bundled packs); returns the report JSON text. A batch is not split here (it gives one invalid_input report); load() it to check each request. */
    check(requestText, packText) {
      if (!Module._rc_check) throw new Error('reqcheck is still loading');
      const request = String(requestText);
      const pack = packText == null ? '' : String(packText);
      const rp = allocString(request);
      const pp = allocString(pack);
      try {
        // lengths, not NUL terminators: a NUL inside the request must reach the engine
        const out = Module._rc_check(rp, Module.lengthBytesUTF8(request), pp, Module.lengthBytesUTF8(pack));
        const text = Module.UTF8ToString(out);
        Module._rc_free(out);
        return text;
      } finally {
        Module._free(rp);
        Module._free(pp);
      }
    },
    /**
     * Downloads as the menu does: the report as 'json' (default) or 'markdown' (a batch: every
     * request's report), or a batch's 'results-csv', 'results-json', 'tally-csv', 'tally-json',
     * 'ndjson' (every report, one per line: the CLI's formats of the same names).
     */
    download(format) {
      if (!app) throw new Error('reqcheck is still loading');
      const action = DOWNLOAD[format || 'json'];
      if (!action) throw new Error('unknown format: ' + format);
      Module._rc_app_on_action(app, action);
    },
    /** Stops a running batch, keeping the requests checked (the Cancel button). */
    cancelBatch() {
      if (app) Module._rc_app_on_action(app, ACTION.cancelBatch);
    },
    /** Puts a request into the editor and checks it, as if opened from a file. */
    load(text, name) {
      if (!app) throw new Error('reqcheck is still loading');
      sendText(INCOMING.request, name || 'loaded.json', String(text));
    },
  };
})();
