import { json } from "@remix-run/node";
import type { Translator } from "~/i18n";

/** Thrown from loaders and actions; the route's ErrorBoundary shows a page a person understands. */
export function notFound(t: Translator): never {
  throw json({ message: t("error.notFound") }, { status: 404 });
}

export function forbidden(t: Translator): never {
  throw json({ message: t("error.forbidden") }, { status: 403 });
}

export function tooManyRequests(t: Translator, retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return json(
    { formError: t("error.tooManyAttempts", { minutes }), fieldErrors: {} as Record<string, string> },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * The database stayed locked by another process past the retries (models/core/db.server.ts):
 * thrown like `notFound`, the page says to try again shortly (docs/decisions/013).
 */
export function databaseBusy(t: Translator, retryAfterSeconds = 5): Response {
  return json(
    { message: t("error.databaseBusy") },
    { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * For GET-only resource routes (calendars, downloads): without an `action`, Remix answers a
 * POST with a 405 but logs a stack trace for it, which anyone could fill the log with.
 */
export function methodNotAllowed(): Response {
  return new Response("Method Not Allowed", {
    status: 405,
    headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
  });
}
