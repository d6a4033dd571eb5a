import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { isFocusedPage, SiteHeader } from "~/components/site-header";
import { ErrorPage } from "~/components/error-page";
import { localeFromRequest, translate, DEFAULT_LOCALE } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { readAuth } from "~/models/accounts/auth.server";
import { useNonce } from "~/utils/nonce";
import { skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { keepPageOffline } from "~/utils/offline-pages";
import styles from "~/styles/app.css";

// A form that could not reach the server (offline) must not bring the error page (offline-action.ts).
export const shouldRevalidate = skipRevalidationWhenNotSent;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? DEFAULT_LOCALE, "app.title") },
  { name: "description", content: translate(data?.locale ?? DEFAULT_LOCALE, "app.tagline") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await readAuth(request);
  const locale = localeFromRequest(request);
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  return json(
    {
      locale,
      user: user ? { id: user.id, name: user.name, siteRole: user.siteRole, unread: user.unreadNotifications } : null,
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  // Pages reached by a client-side navigation are kept for offline use too (utils/offline-pages.ts).
  // Not the page first loaded: the worker kept it on the way in, or entry.client.tsx asks.
  const { pathname } = useLocation();
  const focused = isFocusedPage(useMatches());
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname !== firstPath.current) keepPageOffline(navigator.serviceWorker?.controller);
    firstPath.current = "";
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <SiteHeader user={data?.user ?? null} focused={focused} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main id="main">
      <ErrorPage error={error} />
    </main>
  );
}
