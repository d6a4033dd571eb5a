import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PhaseBadge } from "~/components/phase-badge";
import { TerritoryLine } from "~/components/territory-line";
import { useT } from "~/i18n/use-translation";
import { allowedActions } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { getProjectForMember } from "~/models/projects/project.server";
import { WORKSPACE_SECTIONS } from "~/models/core/vocabulary";
import projectTabsStyles from "~/styles/project-tabs.css";
import { notFound } from "~/utils/http.server";
import { skipRevalidationWhenNotSent } from "~/utils/offline-action";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: projectTabsStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, null);
// A child page's form that could not reach the server (offline) must not bring the error page.
export const shouldRevalidate = skipRevalidationWhenNotSent;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "project.view");
  const project = await getProjectForMember(access.projectId);
  if (!project) notFound(t);
  return json({
    project: {
      id: project.id,
      title: project.title,
      territoryName: project.territoryName,
      territoryKind: project.territoryKind,
      departement: project.departement,
      phase: project.phase,
      cycleNumber: project.cycleNumber,
    },
    role: access.role,
    allowed: allowedActions(access),
  });
}

export default function ProjectLayout() {
  const t = useT();
  const { project, role, allowed } = useLoaderData<typeof loader>();
  return (
    <div className="project">
      <header className="project-header">
        <p className="eyebrow">
          <TerritoryLine name={project.territoryName} kind={project.territoryKind} departement={project.departement} />
        </p>
        <h1>{project.title}</h1>
        <p className="card-meta">
          <PhaseBadge phase={project.phase} cycle={project.cycleNumber} />
          <span>{role ? t("project.yourRole", { role: t(`role.${role}`) }) : t("projects.coalitionReader")}</span>
        </p>
        <nav aria-label={t("project.nav.label")} className="tabs project-tabs">
          <ul>
            <li>
              <NavLink to="." end>
                {t("project.nav.home")}
              </NavLink>
            </li>
            {WORKSPACE_SECTIONS.map((section) => (
              <li key={section.code}>
                <NavLink to={section.code}>{t(`project.nav.${section.code}`)}</NavLink>
              </li>
            ))}
            {allowed.some((a) => a.action === "project.edit") ? (
              <li>
                <NavLink to="settings">{t("project.nav.settings")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
