/**
 * Remix v2 classic compiler. The future flags below are the ones React Router 7
 * made the default, so that a later move is mechanical (docs/decisions/001).
 * `v3_singleFetch` stays off: it pulls turbo-stream 2.4.1, which has an open advisory.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: false,
  },
};
