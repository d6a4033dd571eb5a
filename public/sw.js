/*
 * Maillage service worker: a field note opened once can be opened again without network
 * (in a field, on a phone). Its content comes from IndexedDB (y-indexeddb); this worker only
 * keeps the note page itself and the app's fingerprinted assets.
 * - /build/* (fingerprinted, never change): cache first.
 * - A note page, a finding page, a survey's collection page (field entry works offline: its
 *   questions are in the page, queued responses in localStorage) and their loader data:
 *   network first, the last good copy when offline.
 * Everything else goes to the network untouched. Logging out clears the saved pages, and with
 * them the loader data that pages keep there themselves for client-side navigations offline
 * (app/utils/offline-pages.ts: `serverOrKept`, same cache name).
 */
const ASSETS = "maillage-assets-v1";
const PAGES = "maillage-pages-v1";
const NOTE_PAGE = /^\/projects\/[^/]+\/notes\/[^/]+$/;
const COLLECT_PAGE = /^\/projects\/[^/]+\/surveys\/[^/]+\/collect$/;
const FINDING_PAGE = /^\/projects\/[^/]+\/findings\/[^/]+$/;
/** The pages kept for the field, each with its loader data. */
const FIELD_PAGES = [NOTE_PAGE, FINDING_PAGE, COLLECT_PAGE];
const isFieldPage = (pathname) => FIELD_PAGES.some((page) => page.test(pathname));

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== ASSETS && key !== PAGES).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/build/")) event.respondWith(cacheFirst(request));
  else if (isFieldPage(url.pathname)) event.respondWith(networkFirst(request));
});

self.addEventListener("message", (event) => {
  if (event.data === "logout") event.waitUntil(caches.delete(PAGES));
  // A page opened before this worker controlled it (the very first visit) was not kept on the
  // way in: the page asks for itself and its assets to be kept now (app/entry.client.tsx).
  else if (event.data?.type === "keep") event.waitUntil(keep(event.data, event.source));
});

async function keep({ page, assets }, client) {
  const url = new URL(page, self.location.origin);
  if (url.origin !== self.location.origin || !isFieldPage(url.pathname)) return;
  const wanted = (assets ?? []).filter((asset) => new URL(asset, self.location.origin).pathname.startsWith("/build/"));
  const assetCache = await caches.open(ASSETS);
  await Promise.all(
    wanted.map(async (asset) => {
      if (await assetCache.match(asset)) return;
      const response = await fetch(asset).catch(() => null);
      if (response?.ok) await assetCache.put(asset, response);
    }),
  );
  const response = await fetch(url.href, { credentials: "same-origin" }).catch(() => null);
  if (response?.status === 200) await (await caches.open(PAGES)).put(url.href, response);
  client?.postMessage({ type: "kept", page: url.href, kept: response?.status === 200 });
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    // Only real pages: a login redirect or an error must not replace the saved copy.
    if (response.status === 200) (await caches.open(PAGES)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: PAGES });
    if (cached) return cached;
    throw error;
  }
}
