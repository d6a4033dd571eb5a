import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { AvisReport } from "~/components/council/avis-report";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/i18n/use-translation";
import { reportAvis } from "~/models/council/avis-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import councilStyles from "~/styles/council.css";
import findingStyles from "~/styles/findings.css";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: findingStyles },
  { rel: "stylesheet", href: councilStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

/** A saisine and its avis, ready to print (readable without JavaScript). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const report = await reportAvis({ access, saisineId: params.saisineId ?? "", readDocument: context.documents.read });
  if (!report) notFound(t);
  return json({
    projectId: access.projectId,
    report,
    pageTitle: report.text.title || report.saisine.title || t("council.untitled"),
  });
}

export default function AvisPrint() {
  const t = useT();
  const { projectId, report, pageTitle } = useLoaderData<typeof loader>();
  return (
    <section className="panel stack finding-report">
      <div className="page-heading no-print">
        <Link to={`/projects/${projectId}/council/${report.saisine.id}`}>
          <span aria-hidden="true">← </span>
          {pageTitle}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t("council.print.now")}
        </button>
      </div>
      <AvisReport report={report} projectId={projectId} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
