// reqcheck's service worker: keeps the page's own files (index.html, style.css, glue.js, the app's
// JS and wasm, the rule pages and samples) in one cache per build, so that a reload works offline.
// It answers only GET requests for the files of its manifest, on this origin; anything else goes
// to the network untouched, and it fetches nothing from anywhere else. It never sees the user's
// data: the page reads files with the File API and downloads from blob: URLs, neither of which
// passes through a service worker, and nothing here writes to any storage but this cache.
//
// The build writes dist/sw.js as this file with MANIFEST filled in (web/tools/write_sw.py), so
// every build changes sw.js's bytes: the browser then installs the new worker, which caches the
// new build whole and deletes the old caches.
'use strict';

/** {build: hash of the list, files: {path relative to the page: SHA-256 hex}}, of this build. */
const MANIFEST = null; // the build's manifest replaces this line

const PREFIX = 'reqcheck-';
const CACHE = PREFIX + MANIFEST.build;
const scope = new URL(self.registration.scope);

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** The manifest path a request asks for, or null (not one of the page's files: left alone). */
function manifestPath(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  // a navigation may carry a query (links, bookmarks); the page's own fetches never do
  if (url.search && request.mode !== 'navigate') return null;
  let path;
  try { path = decodeURIComponent(url.pathname.slice(scope.pathname.length)); } catch (e) { return null; }
  if (path === '') path = 'index.html';
  return Object.prototype.hasOwnProperty.call(MANIFEST.files, path) ? path : null;
}

// Every file is fetched past the HTTP cache and checked against its hash before it is kept, so a
// cache holds exactly one build or nothing: a server caught between two builds fails the install
// (the browser tries again on a later load) rather than mixing a new glue.js with an old wasm.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(Object.entries(MANIFEST.files).map(async ([path, sha256]) => {
        const url = new URL(path, scope).href;
        const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        const body = await response.arrayBuffer();
        if (hex(await crypto.subtle.digest('SHA-256', body)) !== sha256) {
          throw new Error(`${path}: not the file of build ${MANIFEST.build}`);
        }
        const type = response.headers.get('content-type');
        await cache.put(url, new Response(body, { headers: type ? { 'content-type': type } : {} }));
      }));
    } catch (e) {
      await caches.delete(CACHE);
      throw e;
    }
    // a new build takes over at once: pages already open have their app loaded; their next
    // rule page or sample comes from the new build's cache
    await self.skipWaiting();
  })());
});

// Only the current build's cache is kept: older builds' caches are deleted.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

// Cache first: the cached build answers, online or not; a file missing from the cache (evicted
// by the browser) comes from the network as if there were no worker.
self.addEventListener('fetch', (event) => {
  const path = manifestPath(event.request);
  if (path === null) return;
  event.respondWith((async () => {
    const hit = await caches.match(new URL(path, scope).href, { cacheName: CACHE });
    return hit || fetch(event.request);
  })());
});
