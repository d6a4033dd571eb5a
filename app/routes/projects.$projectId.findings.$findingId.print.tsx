import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { FindingReport } from "~/components/findings/finding-report";
import { useT } from "~/i18n/use-translation";
import { reportFinding } from "~/models/findings/finding-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import findingStyles from "~/styles/findings.css";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: findingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.report.finding.title} · ${project!.title}` : project!.title }];
};

/** One finding, ready to print (readable without JavaScript). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const report = await reportFinding({
    access,
    findingId: params.findingId ?? "",
    readDocument: context.documents.read,
  });
  if (!report) notFound(t);
  return json({ projectId: access.projectId, report });
}

export default function FindingPrint() {
  const t = useT();
  const { projectId, report } = useLoaderData<typeof loader>();
  return (
    <section className="panel stack finding-report">
      <div className="page-heading no-print">
        <Link to={`/projects/${projectId}/findings/${report.finding.id}`}>
          <span aria-hidden="true">← </span>
          {report.finding.title || t("findings.untitled")}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t("findings.print.now")}
        </button>
      </div>
      <FindingReport report={report} projectId={projectId} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
