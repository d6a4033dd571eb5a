import type { LoaderFunctionArgs } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { localeFromRequest, translator } from "~/i18n";
import { notFound } from "~/utils/http.server";

/** Any address no route knows: a proper 404 page, in the user's language. */
export function loader({ request }: LoaderFunctionArgs) {
  notFound(translator(localeFromRequest(request)));
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
