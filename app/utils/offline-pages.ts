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
