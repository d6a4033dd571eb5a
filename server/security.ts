import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { localeFromCookieHeader, translator } from "../app/i18n/index";
import { LIMITS } from "../app/models/core/limits";
import { checkSite } from "./site";

/** A fresh nonce per response, for the inline scripts Remix renders. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
}

/**
 * Security headers. The CSP is enforced: scripts only from this site or carrying the
 * response's nonce. Styles allow inline attributes because the editor (Tiptap, collaboration
 * carets) sets them; no script can run from a style.
 */
export function securityHeaders({ development }: { development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        // 'self' covers same-origin websockets in current browsers; dev adds Remix's live reload.
        "connect-src": development ? ["'self'", "ws://localhost:*", "ws://127.0.0.1:*"] : ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": null,
      },
    },
    // The site works over plain HTTP on a laptop or an intranet; HSTS is the proxy's call.
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[^/]+$/;

/**
 * Cross-site request forgery: every state-changing request must come from this site.
 * An Origin must name this site (site.ts, checked on every method); without one,
 * `Sec-Fetch-Site` must be `same-origin`; a request with neither is refused, since every
 * browser we support sends at least one of them (docs/decisions/005).
 */
function isSameSiteWithoutOrigin(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  // RFC 8058 one-click unsubscribe: the mail provider's server POSTs without Origin or
  // Sec-Fetch-Site. Nothing there reads the session: the link's secret token is the only key.
  if (ONE_CLICK_UNSUBSCRIBE.test(req.path)) return true;
  const fetchSite = req.get("sec-fetch-site");
  return fetchSite === "same-origin";
}

/**
 * Every request, static files included: a Host that does not name this site is a 421 (DNS
 * rebinding, docs/decisions/015); a foreign Origin, or an unsafe request without Origin that
 * is not same-origin, is a 403.
 */
export function refuseCrossSite(req: Request, res: Response, next: NextFunction) {
  const verdict = checkSite(req.headers);
  if (verdict.ok && (req.get("origin") !== undefined || isSameSiteWithoutOrigin(req))) return next();
  const t = translator(localeFromCookieHeader(req.get("cookie")));
  const misdirected = !verdict.ok && verdict.status === 421;
  res
    .status(misdirected ? 421 : 403)
    .type("text/plain; charset=utf-8")
    .send(t(misdirected ? "error.misdirected" : "error.crossSite"));
}

/**
 * Remix reads request bodies whole, so an oversized upload would sit in memory. Forms are
 * small: refuse bodies over LIMITS.formBytes (413), and bodies of unknown length (411) —
 * browsers always send Content-Length on form posts.
 */
/**
 * An address that is not valid percent-encoding (`/s/%00%ff`) would reach the router and fail
 * there with a stack trace in the log; it is simply a bad request.
 */
export function refuseUndecodablePath(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    const t = translator(localeFromCookieHeader(req.get("cookie")));
    res.status(400).type("text/plain; charset=utf-8").send(t("error.badAddress"));
    return;
  }
  next();
}

/** The codebook import takes a file of up to LIMITS.codebookFileBytes, with room for the form around it. */
const UPLOAD_PATH = /^\/projects\/[^/]+\/codes\/import$/;

function bodyLimit(path: string): number {
  return UPLOAD_PATH.test(path) ? LIMITS.codebookFileBytes + 64 * 1024 : LIMITS.formBytes;
}

export function limitBodySize(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const t = translator(localeFromCookieHeader(req.get("cookie")));
  const length = req.get("content-length");
  if (length === undefined && req.get("transfer-encoding")) {
    res.status(411).type("text/plain; charset=utf-8").send(t("error.lengthRequired"));
    return;
  }
  if (Number(length ?? 0) > bodyLimit(req.path)) {
    res.status(413).type("text/plain; charset=utf-8").send(t("error.tooLarge"));
    return;
  }
  next();
}
