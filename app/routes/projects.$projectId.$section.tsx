import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { MetaFunction } from "@remix-run/node";
import { projectPageTitle } from "~/utils/page-title";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { WORKSPACE_SECTIONS } from "~/models/core/vocabulary";
import { notFound } from "~/utils/http.server";

/** Workspace sections that later issues will build; until then they say so plainly. */
const UPCOMING = WORKSPACE_SECTIONS.filter((s) => !s.ready).map((s) => s.code);
type Upcoming = (typeof UPCOMING)[number];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  projectPageTitle(matches, data ? `project.nav.${data.section}` : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await requireProjectAccess(request, params.projectId, "content.read");
  const section = params.section as Upcoming;
  if (!UPCOMING.includes(section)) notFound(t);
  return json({ section });
}

export default function UpcomingSection() {
  const t = useT();
  const { section } = useLoaderData<typeof loader>();
  return (
    <section className="panel" aria-labelledby="section-title">
      <h2 id="section-title">{t(`project.nav.${section}`)}</h2>
      <p>{t(`project.upcoming.${section}`)}</p>
      <p className="notice">{t("project.upcoming.notice")}</p>
    </section>
  );
}
