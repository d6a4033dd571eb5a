import { redirect } from "@remix-run/node";
import { Lucia, TimeSpan, type Cookie, type Session, type User } from "lucia";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { hashedSessionAdapter } from "./session-adapter.server";
import { localeFromRequest } from "~/i18n";
import { saveUserLocale } from "../notifications/user-locale.server";
import type { SiteRole } from "../core/vocabulary";

/** PUBLIC_URL says the site is served over HTTPS: every session cookie is Secure. */
const servedOverHttps = getEnv().PUBLIC_URL?.startsWith("https:") ?? false;

/**
 * With the `__Host-` prefix the browser keeps the cookie only if it is Secure, set from HTTPS,
 * with Path=/ and no Domain: a sibling subdomain or a plain-HTTP page cannot plant or shadow a
 * session (decision 015). Without PUBLIC_URL the same build runs over HTTP on a laptop, where
 * a prefixed cookie would be dropped, so the name stays plain there.
 */
const SESSION_COOKIE = servedOverHttps ? "__Host-maillage_session" : "maillage_session";

export const lucia = new Lucia(hashedSessionAdapter, {
  sessionExpiresIn: new TimeSpan(getEnv().SESSION_DAYS, "d"),
  sessionCookie: {
    name: SESSION_COOKIE,
    // HttpOnly is always set by Lucia; never a Domain. Secure is decided per request (see serializeCookie).
    attributes: { sameSite: "lax", path: "/", secure: servedOverHttps },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    siteRole: attributes.siteRole as SiteRole,
    unreadNotifications: attributes.unreadNotifications,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; siteRole: string; unreadNotifications: number };
  }
}

export type SessionUser = User;

/**
 * Secure when PUBLIC_URL is https, and otherwise whenever the page was served over HTTPS
 * (directly or, with TRUST_PROXY, behind a proxy that says so in X-Forwarded-Proto).
 */
function serializeCookie(request: Request, cookie: Cookie): string {
  cookie.attributes.secure = servedOverHttps || new URL(request.url).protocol === "https:";
  return cookie.serialize();
}

export type AuthState = {
  user: User | null;
  session: Session | null;
  /** Set-Cookie to send back: a renewed (sliding) or blanked session cookie. */
  setCookie: string | null;
};

/** The session id from the Cookie header; a header that cannot be decoded counts as none. */
function readSessionId(request: Request): string | null {
  try {
    return lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  } catch {
    return null; // e.g. "%ff": decodeURIComponent throws on malformed escapes
  }
}

export async function readAuth(request: Request): Promise<AuthState> {
  const sessionId = readSessionId(request);
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { user, session } = await lucia.validateSession(sessionId);
  if (!session) {
    // Unknown, tampered or expired: treat as logged out and clear the cookie.
    return { user: null, session: null, setCookie: serializeCookie(request, lucia.createBlankSessionCookie()) };
  }
  const setCookie = session.fresh ? serializeCookie(request, lucia.createSessionCookie(session.id)) : null;
  return { user, session, setCookie };
}

export async function getOptionalUser(request: Request): Promise<User | null> {
  return (await readAuth(request)).user;
}

export async function requireUser(request: Request): Promise<User> {
  const user = await getOptionalUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  throw redirect(`/login?${params}`);
}

/** Starts a brand-new session (never reuses an id the browser already had). */
export async function startSession(request: Request, userId: string, redirectTo: string) {
  const previous = readSessionId(request);
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, {});
  // E-mails go out in the language the person signs in with.
  await saveUserLocale(userId, localeFromRequest(request));
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": serializeCookie(request, lucia.createSessionCookie(session.id)) },
  });
}

/** Revokes every session of the user (password change), then starts a fresh one here. */
export async function restartSessions(request: Request, userId: string, redirectTo: string) {
  await lucia.invalidateUserSessions(userId);
  return startSession(request, userId, redirectTo);
}

export async function endSession(request: Request, { everywhere }: { everywhere: boolean }) {
  const { session } = await readAuth(request);
  if (session && everywhere) await lucia.invalidateUserSessions(session.userId);
  else if (session) await lucia.invalidateSession(session.id);
  return redirect("/", {
    headers: { "Set-Cookie": serializeCookie(request, lucia.createBlankSessionCookie()) },
  });
}
