// 车间报工 service worker (scope /shopfloor/): keeps the app shell — the HTML, its hashed /assets/ files,
// the manifest and icons — so the tablet starts offline. It never touches /api/: reads come from the
// network (the app keeps its own last copies) and writes go through the app's IndexedDB outbox.
const CACHE = 'mes-shopfloor-shell-v1';
const SHELL = '/shopfloor/';
const STATIC = ['/shopfloor/manifest.webmanifest', '/shopfloor/icon.svg', '/shopfloor/icon-192.png'];

/** The HTML and every /assets/ file it links (entry, modulepreloads, CSS): the whole shell. */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch(SHELL, { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
  await cache.put(SHELL, res);
  await cache.addAll([...assets, ...STATIC]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/shopfloor')) {
    // Network first (a new release), the cached shell when offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          // The latest shell; its assets are cached below as the page loads them.
          if (res.ok) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put(SHELL, copy));
          }
          return res;
        })
        .catch(() => caches.match(SHELL).then((hit) => hit ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/shopfloor/')) {
    // Hashed assets never change: cache first, then the network (and keep what it gives).
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok && url.pathname.startsWith('/assets/')) {
              const copy = res.clone();
              void caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
  }
});
