import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { MetaFunction } from "@remix-run/node";
import { projectPageTitle } from "~/utils/page-title";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { getProjectForMember } from "~/models/projects/project.server";
import { territoryName } from "~/models/projects/territory.server";
import { PHASES, WORKSPACE_SECTIONS, type Phase } from "~/models/core/vocabulary";
import { formatDate, formatNumber } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { OpenSaisinesPanel } from "~/components/council/open-saisines-panel";
import { isOverdue } from "~/models/council/avis-rights";
import { openSaisines } from "~/models/council/saisine.server";

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "project.nav.home");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "project.view");
  const project = await getProjectForMember(access.projectId);
  if (!project) notFound(t);
  const now = new Date();
  const saisines = (await openSaisines({ projectId: access.projectId })).map(({ _count, ...s }) => ({
    ...s,
    overdue: isOverdue(s, now),
  }));
  return json({
    project,
    saisines,
    departementName: territoryName("departement", project.departement),
    regionName: territoryName("region", project.region),
  });
}

export default function ProjectHome() {
  const t = useT();
  const locale = useLocale();
  const { project, departementName, regionName, saisines } = useLoaderData<typeof loader>();
  const currentIndex = PHASES.indexOf(project.phase as Phase);
  return (
    <div className="project-home">
      <section aria-labelledby="question-title" className="panel">
        <h2 id="question-title">{t("project.question")}</h2>
        <p className="question large">{project.question}</p>
        <ul className="tags" aria-label={t("project.sectors")}>
          {project.sectors.map((sector) => (
            <li key={sector}>{t(`sector.${sector}`)}</li>
          ))}
        </ul>
      </section>

      <OpenSaisinesPanel saisines={saisines} projectId={project.id} />

      <section aria-labelledby="territory-title" className="panel">
        <h2 id="territory-title">{t("project.territory")}</h2>
        <dl className="facts">
          <dt>{t("territory.name")}</dt>
          <dd>{project.territoryName}</dd>
          <dt>{t("territory.kind")}</dt>
          <dd>{t(`territory.kind.${project.territoryKind as "commune"}`)}</dd>
          <dt>{project.territoryKind === "epci" ? t("territory.sirenLabel") : t("territory.code")}</dt>
          <dd>{project.territoryCode}</dd>
          {departementName && project.territoryKind !== "departement" ? (
            <>
              <dt>{t("territory.departement")}</dt>
              <dd>
                {departementName} ({project.departement})
              </dd>
            </>
          ) : null}
          {regionName && project.territoryKind !== "region" ? (
            <>
              <dt>{t("territory.region")}</dt>
              <dd>{regionName}</dd>
            </>
          ) : null}
          {project.population ? (
            <>
              <dt>{t("territory.populationLabel")}</dt>
              <dd>{formatNumber(locale, project.population)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="cycle-title" className="panel">
        <h2 id="cycle-title">{t("project.cycle")}</h2>
        <p>
          {t("cycle.current", {
            number: project.cycleNumber,
            phase: currentIndex >= 0 ? t(`phase.${PHASES[currentIndex]!}`) : project.phase,
          })}
        </p>
        <ol className="cycle">
          {PHASES.map((phase, index) => (
            <li
              key={phase}
              className={index < currentIndex ? "done" : index === currentIndex ? "current" : "todo"}
              aria-current={index === currentIndex ? "step" : undefined}
            >
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(`phase.${phase}`)}
              {index === currentIndex ? <span className="visually-hidden"> ({t("project.currentPhase")})</span> : null}
            </li>
          ))}
        </ol>
        <p>
          <Link to="cycle">{t("cycle.see")}</Link>
        </p>
      </section>

      <section aria-labelledby="members-title" className="panel">
        <h2 id="members-title">{t("project.members", { count: project.memberCount })}</h2>
        <ul className="member-list">
          {project.members.map((member) => (
            <li key={member.id}>
              <span>{member.name}</span> <span className="muted">{t(`role.${member.role}`)}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to="members">{t("project.seeMembers")}</Link>
        </p>
      </section>

      <section aria-labelledby="sections-title" className="panel">
        <h2 id="sections-title">{t("project.workspace")}</h2>
        <ul className="section-links">
          {WORKSPACE_SECTIONS.map((section) => (
            <li key={section.code}>
              <Link to={section.code}>{t(`project.nav.${section.code}`)}</Link>
            </li>
          ))}
        </ul>
        <p className="muted">{t("project.createdOn", { date: formatDate(locale, project.createdAt) })}</p>
      </section>
    </div>
  );
}
