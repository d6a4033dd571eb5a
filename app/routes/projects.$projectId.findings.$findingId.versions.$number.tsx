import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { DiffView } from "~/components/review/diff-view";
import { VersionView } from "~/components/review/version-view";
import { useLocale, useT } from "~/i18n/use-translation";
import { getFinding } from "~/models/findings/finding.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { canReadFindingText } from "~/models/review/finding-visibility.server";
import { getVersion } from "~/models/review/finding-versions.server";
import { versionDiff } from "~/models/review/version-diff";
import findingStyles from "~/styles/findings.css";
import { formatDate } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: findingStyles }];

const numberSchema = z.coerce.number().int().min(1).max(1_000_000);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

/** One submitted version of a finding, as frozen, with what changed from the previous one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const finding = await getFinding({ access, findingId: params.findingId ?? "" });
  const number = numberSchema.safeParse(params.number);
  if (!finding || !number.success) notFound(t);
  // Readers beyond the team and the council read the version the council judged, only.
  const beyond = !canReadFindingText(access, finding);
  if (beyond && number.data !== finding.version) notFound(t);
  const [version, previous] = await Promise.all([
    getVersion({ findingId: finding.id, number: number.data }),
    number.data > 1 && !beyond ? getVersion({ findingId: finding.id, number: number.data - 1 }) : null,
  ]);
  if (!version) notFound(t);
  return json({
    findingHref: `/projects/${access.projectId}/findings/${finding.id}`,
    pageTitle: t("review.versionPage.title", {
      title: version.title || t("findings.untitled"),
      number: version.number,
    }),
    version,
    diff: previous ? versionDiff(previous, version) : null,
  });
}

export default function FindingVersionPage() {
  const t = useT();
  const locale = useLocale();
  const { findingHref, pageTitle, version, diff } = useLoaderData<typeof loader>();
  const date = formatDate(locale, version.createdAt);
  return (
    <article className="finding-page stack" aria-labelledby="version-title">
      <p>
        <Link to={findingHref}>
          <span aria-hidden="true">← </span>
          {t("review.versionPage.back")}
        </Link>
      </p>
      <header>
        <h2 id="version-title">{pageTitle}</h2>
        <p className="card-meta">
          {version.submittedBy
            ? t("review.versionPage.submitted", { date, name: version.submittedBy })
            : t("review.versionPage.submittedUnknown", { date })}
        </p>
      </header>
      <div className="panel stack">
        <VersionView version={version} headingLevel={3} />
      </div>
      <div className="panel stack">
        {diff ? (
          <DiffView diff={diff} headingId="version-diff-title" level={3} />
        ) : (
          <p>{t("review.versionPage.first")}</p>
        )}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
