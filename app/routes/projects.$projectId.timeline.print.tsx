import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { TimelineView } from "~/components/timeline-view";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { linkTitles, listTimelineEvents, todayInFrance } from "~/models/timeline/timeline.server";
import {
  matchesFilters,
  readTimelineFilters,
  timelineFiltersQuery,
  type TimelineFilters,
} from "~/models/timeline/timeline-filters";
import timelineStyles from "~/styles/timeline.css";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "timeline.print");

/**
 * The compact, printable timeline, from the SQL projection only (no document, no script needed),
 * with the same filters, order and labels as the page it comes from.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const filters = readTimelineFilters(new URL(request.url).searchParams);
  const events = (await listTimelineEvents({ projectId })).filter((event) => matchesFilters(event, filters));
  const titles = await linkTitles({ projectId, events, items: { notes: [], surveys: [] } });
  return json({ projectId, events, titles, filters, today: todayInFrance() });
}

export default function TimelinePrint() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="panel stack timeline-print" aria-labelledby="print-title">
      <div className="page-heading no-print">
        <Link to={`/projects/${data.projectId}/timeline${timelineFiltersQuery(data.filters)}`}>
          <span aria-hidden="true">← </span>
          {t("timeline.back")}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t("timeline.printNow")}
        </button>
      </div>
      <h2 id="print-title">{t("timeline.title")}</h2>
      {data.filters.type || data.filters.phase ? <p>{filtersInForce(t, data.filters)}</p> : null}
      <TimelineView
        events={data.events}
        today={data.today}
        titles={data.titles}
        projectId={data.projectId}
        filtered={Boolean(data.filters.type || data.filters.phase)}
        compact
      />
    </section>
  );
}

/** "Type : Atelier participatif · Phase : Plan d'action": on paper, what the list leaves out. */
function filtersInForce(t: Translator, filters: TimelineFilters): string {
  const phase = filters.phase === "none" ? t("timeline.noPhase") : filters.phase ? t(`phase.${filters.phase}`) : null;
  return [
    filters.type ? t("timeline.filter.typeIs", { type: t(`timeline.type.${filters.type}`) }) : null,
    phase ? t("timeline.filter.phaseIs", { phase }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
