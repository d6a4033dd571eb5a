import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { FindingReport } from "~/components/findings/finding-report";
import { useLocale, useT } from "~/i18n/use-translation";
import { reportAllFindings } from "~/models/findings/finding-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import findingStyles from "~/styles/findings.css";
import { formatDate } from "~/utils/format";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: findingStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "findings.print.title");

/** Every finding of the project, ready to print (readable without JavaScript). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const reports = await reportAllFindings({ access, readDocument: context.documents.read });
  return json({ projectId: access.projectId, reports, now: new Date().toISOString() });
}

export default function FindingsPrint() {
  const t = useT();
  const locale = useLocale();
  const { projectId, reports, now } = useLoaderData<typeof loader>();
  return (
    <section className="panel stack finding-report" aria-labelledby="print-title">
      <div className="page-heading no-print">
        <Link to={`/projects/${projectId}/findings`}>
          <span aria-hidden="true">← </span>
          {t("findings.back")}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t("findings.print.now")}
        </button>
      </div>
      <h2 id="print-title">{t("findings.print.title")}</h2>
      <p>{t("findings.print.generated", { date: formatDate(locale, now) })}</p>
      {reports.length ? (
        reports.map((report) => (
          <FindingReport key={report.finding.id} report={report} projectId={projectId} level={3} />
        ))
      ) : (
        <p>{t("findings.count.none")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
