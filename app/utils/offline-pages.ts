import { useLocation } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Asks the service worker (public/sw.js) to keep the page being shown, with the assets it has
 * used, so that it reopens offline. The worker keeps only the pages meant for the field (a
 * note, a survey's collection page) and ignores the rest. Needed because the worker only sees
 * full page loads it controls: not the first visit, not Remix's client-side navigations.
 */
export function keepPageOffline(worker: ServiceWorker | null | undefined): void {
  if (!worker) return;
  const assets = new Set<string>();
  for (const entry of performance.getEntriesByType("resource")) assets.add(entry.name);
  document.querySelectorAll<HTMLLinkElement>("link[href]").forEach((link) => assets.add(link.href));
  document.querySelectorAll<HTMLScriptElement>("script[src]").forEach((script) => assets.add(script.src));
  worker.postMessage({ type: "keep", page: location.href, assets: [...assets] });
}

/** public/sw.js's cache of pages: emptied when the person logs out, like the pages themselves. */
const PAGES_CACHE = "maillage-pages-v1";

/**
 * Where a page's loader data is kept: its address (path and query, never the fragment), marked
 * so that it can never be the address of a real request.
 */
const dataKey = (path: string) => new URL(`${path}${path.includes("?") ? "&" : "?"}kept-data`, location.origin).href;

/**
 * Keeps what a page's loader gave, so that a client-side navigation to it works offline
 * (`serverOrKept`). The worker keeps a note's HTML when it is loaded in full, but on a
 * client-side navigation Remix asks for the route's data (`?_data=`), which it may never have
 * seen. Best effort: without the Cache API (plain http, some private windows) pages work online.
 */
async function keepPageData(path: string, data: unknown): Promise<void> {
  if (typeof caches === "undefined") return;
  try {
    const response = new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
    await (await caches.open(PAGES_CACHE)).put(dataKey(path), response);
  } catch {
    // Storage full or blocked: nothing kept, nothing broken.
  }
}

/** The loader data kept for this page on this device, or null. */
async function keptPageData<T>(path: string): Promise<T | null> {
  if (typeof caches === "undefined") return null;
  try {
    const response = await (await caches.open(PAGES_CACHE)).match(dataKey(path));
    return response ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** A page keeps the data it shows, on every load (the first full page load included). */
export function useKeptPageData(data: unknown): void {
  const { pathname, search } = useLocation();
  useEffect(() => void keepPageData(`${pathname}${search}`, data), [pathname, search, data]);
}

/**
 * For a route's `clientLoader`: the server's data or, when the request got no answer (a
 * TypeError, as in offline-action.ts), the copy this device kept of the page. Without one,
 * `notKept()` is thrown, or the network error itself. Every answer from the server, errors
 * included, goes on as it came.
 */
export async function serverOrKept<T>(request: Request, load: () => Promise<T>, notKept?: () => Error): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const url = new URL(request.url);
    const kept = await keptPageData<T>(`${url.pathname}${url.search}`);
    if (kept !== null) return kept;
    throw notKept?.() ?? error;
  }
}
