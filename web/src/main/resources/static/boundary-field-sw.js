// Service worker of the field page (boundary-field.html) only — registered with that page as its scope, so it
// never sees the other pages. It keeps the page, its script and styles in the Cache API so that the page opens
// without a connection after the first visit. Cache first, then refreshed from the network in the background
// (stale-while-revalidate): offline the cached copy answers at once; online the next load gets the new one.
// API requests are not touched: the page keeps its own offline queue and its last inspection in localStorage.
// A new name whenever the page and its script change together: the new worker caches them as one set.
const CACHE = 'mingjie-field-v2';
const SHELL = ['/boundary-field.html', '/js/boundary-field.js', '/css/mingjie.css', '/css/boundary.css'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('mingjie-field-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return; // the network as usual
  }
  event.respondWith(caches.open(CACHE).then(async cache => {
    // The page's query (?inspection=…) does not change the page itself.
    const cached = await cache.match(url.pathname);
    const fresh = fetch(event.request).then(response => {
      if (response.ok) cache.put(url.pathname, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  }));
});
