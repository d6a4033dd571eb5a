import { Form, Link, NavLink, useLocation, type Location } from "@remix-run/react";
import { LOCALES } from "~/i18n";
import { NotificationsLink } from "./notifications/notifications-link";
import { useLocale, useT } from "~/i18n/use-translation";
import { safeRedirect } from "~/utils/safe-redirect";

type HeaderUser = { id: string; name: string; siteRole: string; unread?: number } | null;

/**
 * A route's `handle` for a page made for people without an account (a public survey form):
 * the header keeps the name and the language switch, and offers no "Se connecter" or "Créer
 * un compte", which would only lead respondents away from the form (issue 13, point 2).
 */
export const FOCUSED_PAGE = { focusedPage: true } as const;

/** True when the deepest route showing says its page is focused (root.tsx reads the matches). */
export function isFocusedPage(matches: readonly { handle?: unknown }[]): boolean {
  const handle = matches.at(-1)?.handle as { focusedPage?: unknown } | undefined;
  return handle?.focusedPage === true;
}

export function SiteHeader({ user, focused = false }: { user: HeaderUser; focused?: boolean }) {
  const t = useT();
  const back = returnQuery(useLocation());
  if (focused) {
    return (
      <header className="site-header">
        <span className="brand">
          <span aria-hidden="true" className="brand-mark">
            ⋈
          </span>{" "}
          Maillage
        </span>
        <LanguageSwitcher />
      </header>
    );
  }
  return (
    <header className="site-header">
      <Link to={user ? "/projects" : "/"} className="brand">
        <span aria-hidden="true" className="brand-mark">
          ⋈
        </span>{" "}
        Maillage
      </Link>
      <nav aria-label={t("nav.label")} className="site-nav">
        <ul>
          {user ? (
            <>
              <li>
                <NavLink to="/projects" end>
                  {t("nav.projects")}
                </NavLink>
              </li>
              <li>
                <NotificationsLink initialCount={user.unread ?? 0} />
              </li>
              <li>
                <NavLink to="/account">{t("nav.account")}</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout" onSubmit={forgetSavedPages}>
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to={`/login${back}`}>{t("nav.login")}</NavLink>
              </li>
              <li>
                <NavLink to={`/signup${back}`}>{t("nav.signup")}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

/**
 * What the header's "Se connecter" and "Créer un compte" links carry, so that a person comes
 * back to where they were — an invitation above all (issue 13, point 10): on the login and
 * sign-up pages, their own invitation or return path; elsewhere, this page, kept on this site
 * by safeRedirect. The home page needs none (after signing in one lands on the projects).
 */
export function returnQuery(location: Pick<Location, "pathname" | "search">): string {
  if (location.pathname === "/login" || location.pathname === "/signup") {
    const current = new URLSearchParams(location.search);
    const kept = new URLSearchParams();
    for (const name of ["invitation", "redirectTo"]) {
      const value = current.get(name);
      if (value) kept.set(name, value);
    }
    const query = kept.toString();
    return query ? `?${query}` : "";
  }
  if (location.pathname === "/") return "";
  const here = safeRedirect(location.pathname + location.search, "");
  return here ? `?redirectTo=${encodeURIComponent(here)}` : "";
}

/** Pages saved for offline use belong to this person: drop them when they log out. */
function forgetSavedPages() {
  navigator.serviceWorker?.controller?.postMessage("logout");
}

function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          aria-pressed={code === locale}
          lang={code}
          title={t(`language.${code}`)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </Form>
  );
}
