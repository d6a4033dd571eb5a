import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PendingWorkPanel } from "~/components/council/pending-work";
import { PhaseBadge } from "~/components/phase-badge";
import { TerritoryLine } from "~/components/territory-line";
import { localeFromRequest } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { requireUser } from "~/models/accounts/auth.server";
import { isOverdue } from "~/models/council/avis-rights";
import { pendingCouncilWork } from "~/models/council/pending-work.server";
import { listProjectsForUser } from "~/models/projects/project.server";
import type { SiteRole } from "~/models/core/vocabulary";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "projects.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [projects, work] = await Promise.all([
    listProjectsForUser({ userId: user.id, siteRole: user.siteRole as SiteRole }),
    pendingCouncilWork({ userId: user.id }),
  ]);
  // A council reviewer lands here after login: their pending work comes first (issue 15 §3).
  const now = new Date();
  const pending = work && { ...work, saisines: work.saisines.map((s) => ({ ...s, overdue: isOverdue(s, now) })) };
  return json({ locale: localeFromRequest(request), projects, pending });
}

export default function ProjectsPage() {
  const t = useT();
  const locale = useLocale();
  const { projects, pending } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="projects-title">
      <div className="page-heading">
        <h1 id="projects-title">{t("projects.title")}</h1>
        <Link to="/projects/new" className="button primary">
          {t("projects.new")}
        </Link>
      </div>
      {pending ? <PendingWorkPanel work={pending} /> : null}
      {projects.length === 0 ? (
        <p className="empty">{t("projects.empty")}</p>
      ) : (
        <ul className="card-list">
          {projects.map((project) => (
            <li key={project.id} className="card">
              <h2>
                <Link to={`/projects/${project.id}`}>{project.title}</Link>
              </h2>
              <p className="muted">
                <TerritoryLine
                  name={project.territoryName}
                  kind={project.territoryKind}
                  departement={project.departement}
                />
              </p>
              <p className="question">{project.question}</p>
              <p className="card-meta">
                <PhaseBadge phase={project.phase} cycle={project.cycleNumber} />
                <span>{project.role ? t(`role.${project.role}`) : t("projects.coalitionReader")}</span>
                <span>{t("projects.memberCount", { count: project.memberCount })}</span>
                <span>{t("projects.updated", { date: formatDate(locale, project.updatedAt) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
