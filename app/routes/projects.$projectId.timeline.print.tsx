import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { TimelineView } from "~/components/timeline-view";
import { useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { linkTitles, listTimelineEvents, todayInFrance } from "~/models/timeline/timeline.server";
import { TIMELINE_EVENT_TYPES } from "~/models/core/vocabulary";
import timelineStyles from "~/styles/timeline.css";
import { projectPageTitle } from "~/utils/page-title";

const typeFilterSchema = z.enum(["", ...TIMELINE_EVENT_TYPES]).catch("");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "timeline.print");

/** The compact, printable timeline, from the SQL projection only (no document, no script needed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const type = typeFilterSchema.parse(new URL(request.url).searchParams.get("type") ?? "");
  const all = await listTimelineEvents({ projectId });
  const events = type ? all.filter((e) => e.type === type) : all;
  const titles = await linkTitles({ projectId, events, items: { notes: [], surveys: [] } });
  return json({ projectId, events, titles, today: todayInFrance() });
}

export default function TimelinePrint() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="panel stack timeline-print" aria-labelledby="print-title">
      <div className="page-heading no-print">
        <Link to={`/projects/${data.projectId}/timeline`}>
          <span aria-hidden="true">← </span>
          {t("timeline.back")}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t("timeline.printNow")}
        </button>
      </div>
      <h2 id="print-title">{t("timeline.title")}</h2>
      <TimelineView events={data.events} today={data.today} titles={data.titles} projectId={data.projectId} compact />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
