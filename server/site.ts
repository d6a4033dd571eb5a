import type { IncomingHttpHeaders } from "node:http";
import { getEnv } from "../app/utils/env.server";

/**
 * Which site this server is: the one check of Host and Origin shared by HTTP requests
 * (security.ts) and websocket upgrades (collab/authorize.ts). A page on another name whose DNS
 * was rebound to this machine's address reaches us with its own name in Host; answering it
 * would hand that page our responses and, over the loopback interface, our users' data
 * (DNS rebinding, decision 015).
 */
export type Site = {
  /** PUBLIC_URL's origin (`https://maillage.example`), or null when unset. */
  publicOrigin: string | null;
  /** TRUST_PROXY's hop count: above 0, X-Forwarded-Host is read (and must name this site too). */
  trustProxy: number;
};

export type SiteVerdict = { ok: true } | { ok: false; status: 421 | 403; reason: string };

/** Without PUBLIC_URL, only a browser on this very machine (development, tests, a laptop). */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

let fromEnv: Site | undefined;
export function siteFromEnv(): Site {
  const env = getEnv();
  fromEnv ??= { publicOrigin: env.PUBLIC_URL ?? null, trustProxy: env.TRUST_PROXY };
  return fromEnv;
}

/** `host[:port]` as the URL parser writes it (lower case, default port dropped), or null. */
function normalHost(value: string, protocol: string): string | null {
  const candidate = `${protocol}//${value.trim()}`;
  if (!URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  // "evil.example/x" or "a@b" would parse: a Host header is a host and a port, nothing else.
  if (url.pathname !== "/" || url.username || url.search || url.hash) return null;
  return url.host;
}

function isSiteHost(value: string, site: Site): boolean {
  if (site.publicOrigin) {
    const publicUrl = new URL(site.publicOrigin);
    return normalHost(value, publicUrl.protocol) === publicUrl.host;
  }
  const host = normalHost(value, "http:");
  return host !== null && LOOPBACK_NAMES.has(new URL(`http://${host}`).hostname);
}

function isSiteOrigin(origin: string, host: string, site: Site): boolean {
  if (!URL.canParse(origin)) return false; // includes "null" (sandboxed frames, some redirects)
  const url = new URL(origin);
  if (site.publicOrigin) return url.origin === site.publicOrigin;
  // Unset: as before PUBLIC_URL existed, the Origin's host must be the Host (any scheme).
  return url.host === normalHost(host, url.protocol);
}

/**
 * Host (and, behind a trusted proxy, X-Forwarded-Host) must name this site: 421 Misdirected
 * Request otherwise. An Origin, whenever the browser sends one, must be this site: 403.
 * Whether an unsafe request without Origin is acceptable is `security.ts`'s rule.
 */
export function checkSite(headers: IncomingHttpHeaders, site: Site = siteFromEnv()): SiteVerdict {
  const host = headers.host;
  if (!host || !isSiteHost(host, site)) return { ok: false, status: 421, reason: "Host is not this site" };
  const forwarded = site.trustProxy > 0 ? headers["x-forwarded-host"] : undefined;
  const forwardedHosts = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",");
  if (forwardedHosts.some((value) => value.trim() !== "" && !isSiteHost(value, site))) {
    return { ok: false, status: 421, reason: "X-Forwarded-Host is not this site" };
  }
  const origin = headers.origin;
  if (origin !== undefined && !isSiteOrigin(origin, host, site)) {
    return { ok: false, status: 403, reason: "Origin is not this site" };
  }
  return { ok: true };
}
