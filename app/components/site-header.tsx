import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { LOCALES } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";

type HeaderUser = { id: string; name: string; siteRole: string } | null;

export function SiteHeader({ user }: { user: HeaderUser }) {
  const t = useT();
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
                <NavLink to="/login">{t("nav.login")}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t("nav.signup")}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      <LanguageSwitcher />
    </header>
  );
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
