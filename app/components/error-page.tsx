import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/** What a person sees instead of a stack trace: what happened and where to go next. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
  // A page that could not be fetched at all: say it is the network, not something broken here.
  if (!isRouteErrorResponse(error) && typeof navigator !== "undefined" && !navigator.onLine) {
    return (
      <section className="page narrow" aria-labelledby="error-title">
        <h1 id="error-title">{t("error.offlineTitle")}</h1>
        <p>{t("error.offline")}</p>
        <p>
          <a href="">{t("error.retry")}</a>
        </p>
      </section>
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
    <section className="page narrow" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/projects">{t("error.backToProjects")}</Link>
      </p>
    </section>
  );
}
