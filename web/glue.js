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

  let explained = false; // a startup failure said with what to do: vaguer errors after it keep it
  function showError(text) {
    const el = $('loading');
    if (!el || explained) return;
    el.hidden = false;
    el.classList.add('error');
    el.textContent = text;
  }
  /** Replaces "Loading reqcheck…" for good with `parts`: text, ['a', href, text] or ['code', text]. */
  function explain(...parts) {
    showError('');
    explained = true;
    $('loading').replaceChildren(...parts.map((p) => {
      if (typeof p === 'string') return document.createTextNode(p);
      const el = document.createElement(p[0]);
      if (p[0] === 'a') el.href = p[1];
      el.textContent = p[p.length - 1];
      return el;
    }));
  }
  const SERVE = ['serve the folder with any web server (', ['code', 'make serve'], ' in reqcheck\'s sources, or ',
    ['code', 'python3 -m http.server 8000 --bind 127.0.0.1'], ' in the folder) and open http://127.0.0.1:8000/'];
  /** Says why the engine (reqcheck_app.wasm) could not start, and what to do: never "Loading…" forever. */
  function startFailed(e) {
    if (typeof WebAssembly !== 'object') {
      return explain('This browser cannot run WebAssembly (it is missing, or turned off by a policy), and ' +
        'reqcheck\'s engine is WebAssembly. Open the page in a current Firefox, Chrome, Edge or Safari, or ask ' +
        'your administrator to allow WebAssembly.');
    }
    if (location.protocol === 'file:' && !embedded) {
      // browsers refuse fetch() to a page opened as a file: the single-file build needs none
      return explain('reqcheck cannot start like this from a folder: the browser does not let a page opened as a ' +
        'file load its engine (reqcheck_app.wasm). Open ', ['a', 'reqcheck.html', 'reqcheck.html'],
      ' in the same folder instead (the whole app in one file, made to be opened from a folder), or ', ...SERVE, '.');
    }
    if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) {
      return explain('reqcheck\'s engine (reqcheck_app.wasm) could not be started: ' + e.message + '. The file is ' +
        'damaged or from another build: copy the whole folder again (or use reqcheck.html, the app in one file), ' +
        'then reload.');
    }
    explain('reqcheck could not load its engine (' + (e && e.message ? e.message : e) + '). Check that the whole ' +
      'folder is served and reachable, then reload; or open reqcheck.html (the app in one file) from the folder.');
  }

  // --- the page's own files: embedded in the single-file build, else fetched from its folder ----
  // dist/reqcheck.html (web/tools/single_file.py) holds the wasm, rule pages and samples as base64
  // in a JSON block, for a page opened as a file cannot fetch them; it connects nowhere.
  const embedded = (() => {
    const el = document.getElementById('rc-embedded');
    if (!el) return null;
    const files = JSON.parse(el.textContent).files;
    el.remove(); // the text is parsed once; the DOM need not hold it too
    return files;
  })();
  /** Base64 to bytes: a plain loop (Uint8Array.from with a mapper takes ~150 ms on the wasm's 1.8 MB of base64). */
  function fromBase64(text) {
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  /** The bytes of one of the page's files (a path relative to the page), as a promise. */
  function pageFile(path) {
    if (embedded) {
      return Object.prototype.hasOwnProperty.call(embedded, path)
        ? Promise.resolve().then(() => fromBase64(embedded[path]))
        : Promise.reject(new Error(path + ' is not in this file'));
    }
    return fetch(path, { credentials: 'same-origin' })
      .then((r) => { if (!r.ok) throw new Error(path + ': HTTP ' + r.status); return r.arrayBuffer(); })
      .then((buf) => new Uint8Array(buf));
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
  const compileWasm = () => pageFile(wasmUrl).then((bytes) => WebAssembly.compile(bytes));
  let wasmModule;
  if (typeof WebAssembly !== 'object') wasmModule = Promise.reject(new Error('no WebAssembly'));
  else if (!embedded && typeof WebAssembly.compileStreaming === 'function') {
    wasmModule = WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' }))
      .catch(compileWasm);
  } else wasmModule = compileWasm();
  wasmModule.catch(startFailed); // said at once, not only once the runtime asks for the module
  window.Module = {
    instantiateWasm: (imports, receive) => {
      wasmModule
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
        .catch(startFailed);
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
  // a script of the page that did not load (its error event does not bubble: caught on the way down)
  window.addEventListener('error', (e) => {
    if (app || !(e.target instanceof HTMLScriptElement)) return;
    explain('reqcheck could not start: ' + e.target.src.split('/').pop() + ' did not load. Check that the whole ' +
      'folder is served and reachable, then reload; or open reqcheck.html (the app in one file) from the folder.');
  }, true);

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
    textInput(active) {
      // the app edits a field: give the focus to #text-input so that an on-screen keyboard opens
      // and an IME composes there; when it stops, back to the canvas
      editing = !!active;
      if (active) textInput.focus({ preventScroll: true });
      else if (document.activeElement === textInput) $('canvas').focus({ preventScroll: true });
    },
    focus(ptr, len) {
      // the control with the keyboard focus on the canvas, for screen readers
      $('focus').textContent = str(ptr, len);
    },
    rulePage(ptr, len) {
      // md4c's HTML of a bundled or loaded rule page (raw HTML escaped); the CSP runs no inline script
      $('rule-page').innerHTML = str(ptr, len);
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
      pageFile(path)
        .then((bytes) => sendBytes(kind, path.split('/').pop(), bytes))
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

  // text that comes without key presses: an IME's composed text, a phone's on-screen keyboard,
  // dictation (input events of #text-input, which has the focus while the app edits a field).
  // Text typed on a keyboard reaches the app through its key presses, so it is not sent twice.
  const textInput = $('text-input');
  let editing = false; // the app edits a field (textInput() above)
  // a tap in the field being edited (to move the caret) focuses the canvas: give the focus back,
  // or a phone's keyboard would close at every tap
  $('canvas').addEventListener('focus', () => { if (editing) setTimeout(() => { if (editing) textInput.focus({ preventScroll: true }); }, 0); });
  // Emscripten's GLFW releases every held key on any blur it sees on `window` (it listens in the
  // capture phase, so an element's blur counts): focus moving between the canvas and #text-input
  // would drop a held Ctrl between Ctrl and End. Only the window's own blur is a real one.
  window.addEventListener('blur', (e) => { if (e.target !== window) e.stopImmediatePropagation(); }, true);
  let keyPressed = false;
  window.addEventListener('keypress', () => { keyPressed = true; }, true);
  const sendTyped = (text) => {
    if (!app || !text) return;
    const p = allocString(text);
    try { Module._rc_app_on_text(app, p, Module.lengthBytesUTF8(text)); } finally { Module._free(p); }
  };
  textInput.addEventListener('compositionend', (e) => { sendTyped(e.data); textInput.value = ''; });
  textInput.addEventListener('input', (e) => {
    if (e.isComposing || e.inputType === 'insertCompositionText') return;
    if (e.inputType === 'insertText' && !keyPressed) sendTyped(e.data);
    keyPressed = false;
    textInput.value = '';
  });

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
    pageFile('samples/meets-criteria.json')
      .then((bytes) => new TextDecoder().decode(bytes))
      .then((t) => { if (t && !text.value) { text.value = t; run(); } })
      .catch(() => {});
    keepOffline();
  }

  // --- offline: the service worker (web/sw.js) keeps the page's own files for the next loads ------
  // Registered once the first verdict is shown and no key, click or wheel has come for 3 s: its
  // install fetches and hashes the page's files again, which should compete neither with the first
  // load (bench/page.mjs) nor with typing. Only over http(s), where a worker can run, and never for
  // the single-file build, which needs none. It caches the files of dist/ and nothing of the user's.
  const QUIET_MS = 3000;
  const INPUT = ['keydown', 'pointerdown', 'wheel'];
  let offlineWaiting = false;
  let offlineTimer = 0;
  function keepOffline() {
    if (offlineWaiting || embedded || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    offlineWaiting = true;
    const register = () => {
      INPUT.forEach((type) => window.removeEventListener(type, later, true));
      navigator.serviceWorker.register('sw.js', { scope: './', updateViaCache: 'none' })
        .catch((e) => console.warn('reqcheck: the page will not reload offline (' + e + ')'));
    };
    function later() {
      clearTimeout(offlineTimer);
      offlineTimer = setTimeout(register, QUIET_MS);
    }
    INPUT.forEach((type) => window.addEventListener(type, later, { capture: true, passive: true }));
    later();
  }
  ready.then(keepOffline);

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
