import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { keepPageOffline } from "~/utils/offline-pages";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// Lets a field note opened once be reopened offline (public/sw.js). Registered after the
// page has loaded so it never competes with the first render; Remix may load this module
// after the load event, hence the readyState check.
const controlledAtLoad = typeof navigator !== "undefined" && Boolean(navigator.serviceWorker?.controller);

function registerServiceWorker() {
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    // The first visit: no worker controlled this page load, so it did not keep it.
    .then((registration) => {
      if (!controlledAtLoad) keepPageOffline(registration.active);
    })
    .catch(() => {
      // Private browsing or a locked-down browser: the app works, just not offline.
    });
}
if ("serviceWorker" in navigator) {
  if (document.readyState === "complete") registerServiceWorker();
  else window.addEventListener("load", registerServiceWorker, { once: true });
}
