import { Link, isRouteErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";

/**
 * What a person sees instead of a stack trace: what happened and where to go next. Every route's
 * ErrorBoundary renders it inside the layout; the root's renders it alone.
 */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  // A page that could not be fetched at all: say it is the network, not something broken here.
  if (!isRouteErrorResponse(error) && typeof navigator !== "undefined" && !navigator.onLine) {
    return (
      <ErrorSection title={t("error.offlineTitle")} message={t("error.offline")}>
        <a href="">{t("error.retry")}</a>
      </ErrorSection>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data?.message === "string"
      ? (error.data.message as string)
      : status === 404
        ? t("error.notFound")
        : status === 403
          ? t("error.forbidden")
          : t("error.unexpected");
  const title =
    status === 404 ? t("error.notFoundTitle") : status === 403 ? t("error.forbiddenTitle") : t("error.title");
  return (
    <ErrorSection title={title} message={message}>
      <Link to="/projects">{t("error.backToProjects")}</Link>
    </ErrorSection>
  );
}

function ErrorSection({ title, message, children }: { title: string; message: string; children: ReactNode }) {
  return (
    <section className="page narrow" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>{children}</p>
    </section>
  );
}
