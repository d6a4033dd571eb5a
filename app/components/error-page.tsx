import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/** What a person sees instead of a stack trace: what happened and where to go next. */
export function ErrorPage({ error }: { error: unknown }) {
  const t = useT();
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
