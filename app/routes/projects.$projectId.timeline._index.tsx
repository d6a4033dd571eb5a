import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { CopyField } from "~/components/copy-field";
import { ErrorPage } from "~/components/error-page";
import { TimelineArea } from "~/components/timeline-area";
import { TimelineCitedIn, TimelinePhaseFilter } from "~/components/timeline-view";
import { useLocale, useT } from "~/i18n/use-translation";
import {
  calendarTokenCreatedAt,
  regenerateCalendarToken,
  revokeCalendarToken,
} from "~/models/timeline/calendar-token.server";
import { currentPosition } from "~/models/timeline/cycle.server";
import { findingsCitingEvents } from "~/models/findings/evidence-links.server";
import { visibleFindingsWhere } from "~/models/review/finding-visibility.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { linkableItems, listTimelineEvents, linkTitles, todayInFrance } from "~/models/timeline/timeline.server";
import { PHASES, TIMELINE_EVENT_TYPES } from "~/models/core/vocabulary";
import { readTimelineFilters, timelineFiltersQuery, type TimelineFilters } from "~/models/timeline/timeline-filters";
import timelineStyles from "~/styles/timeline.css";
import { formatDate } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

const actionSchema = z.enum(["calendarCreate", "calendarRevoke"]);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "timeline.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const [events, position, items, calendarSince] = await Promise.all([
    listTimelineEvents({ projectId }),
    currentPosition({ projectId }),
    linkableItems({ projectId }),
    calendarTokenCreatedAt({ userId: user.id, projectId }),
  ]);
  const citedIn = await findingsCitingEvents({ projectId, visible: visibleFindingsWhere(access) });
  if (!position) notFound(t);
  const canEdit = can(access, "timeline.edit");
  return json({
    projectId,
    events,
    today: todayInFrance(),
    filters: readTimelineFilters(new URL(request.url).searchParams),
    titles: await linkTitles({ projectId, events, items }),
    citedIn,
    canEdit,
    viewer: { id: user.id, name: user.name },
    context: {
      notes: canEdit ? items.notes : [],
      surveys: canEdit ? items.surveys : [],
      cycleCount: position.cycle?.number ?? 1,
      current: { cycle: position.cycle?.number ?? 1, phase: position.phase },
    },
    calendarSince,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const intent = actionSchema.safeParse(text(await readForm(request, t), "intent"));
  if (!intent.success) return json({ calendarUrl: null, revoked: false, error: t("cycle.move.invalid") }, 400);
  const who = { userId: user.id, projectId: access.projectId };
  if (intent.data === "calendarRevoke") {
    await revokeCalendarToken(who);
    return json({ calendarUrl: null, revoked: true, error: null });
  }
  const token = await regenerateCalendarToken(who);
  return json({ calendarUrl: new URL(`/calendar/${token}.ics`, request.url).href, revoked: false, error: null });
}

export default function TimelinePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const base = `/projects/${data.projectId}/timeline`;
  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="timeline-title">
        <div className="page-heading">
          <h2 id="timeline-title">{t("timeline.title")}</h2>
          <Link to={`${base}/print${timelineFiltersQuery(data.filters)}`} className="button">
            {t("timeline.print")}
          </Link>
        </div>
        <p>{t("timeline.lead")}</p>
        {data.canEdit ? null : <p className="notice">{t("timeline.readOnly")}</p>}
        <Filters value={data.filters} />
        <TimelinePhaseFilter.Provider value={data.filters.phase}>
          <TimelineCitedIn.Provider value={data.citedIn}>
            <TimelineArea
              projectId={data.projectId}
              user={data.viewer}
              readOnly={!data.canEdit}
              today={data.today}
              titles={data.titles}
              context={data.context}
              typeFilter={data.filters.type}
              stored={data.filters.type ? data.events.filter((e) => e.type === data.filters.type) : data.events}
            />
          </TimelineCitedIn.Provider>
        </TimelinePhaseFilter.Provider>
      </section>
      <CalendarSection downloadHref={`${base}.ics`} since={data.calendarSince} />
    </div>
  );
}

/** A plain GET form: the filters live in the address and work without JavaScript. */
function Filters({ value }: { value: TimelineFilters }) {
  const t = useT();
  // Keyed by the address's values so that back and forward show the filters in force.
  const key = timelineFiltersQuery(value);
  return (
    <Form method="get" className="inline-form timeline-filter" aria-label={t("timeline.filter.form")}>
      <div className="field">
        <label htmlFor="type-filter">{t("timeline.filter.label")}</label>
        <select id="type-filter" name="type" defaultValue={value.type} key={`type${key}`}>
          <option value="">{t("timeline.filter.all")}</option>
          {TIMELINE_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`timeline.type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="phase-filter">{t("timeline.filter.phase")}</label>
        <select id="phase-filter" name="phase" defaultValue={value.phase} key={`phase${key}`}>
          <option value="">{t("timeline.filter.allPhases")}</option>
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {t(`phase.${phase}`)}
            </option>
          ))}
          <option value="none">{t("timeline.noPhase")}</option>
        </select>
      </div>
      <button type="submit" className="button">
        {t("timeline.filter.apply")}
      </button>
    </Form>
  );
}

function CalendarSection({ downloadHref, since }: { downloadHref: string; since: string | null }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const active = actionData?.revoked ? false : Boolean(actionData?.calendarUrl || since);
  return (
    <section className="panel stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("timeline.calendar.title")}</h2>
      <p>{t("timeline.calendar.lead")}</p>
      <p>
        <a href={downloadHref} download className="button">
          {t("timeline.calendar.download")}
        </a>
      </p>
      <h3>{t("timeline.calendar.subscribe")}</h3>
      <p className="field-hint">{t("timeline.calendar.subscribeLead")}</p>
      {actionData?.calendarUrl ? (
        <div className="stack" role="status">
          <p>{t("timeline.calendar.created")}</p>
          <CopyField label={t("timeline.calendar.link")} value={actionData.calendarUrl} />
          <p>
            <a href={actionData.calendarUrl.replace(/^https?:/, "webcal:")}>{t("timeline.calendar.webcal")}</a>
          </p>
        </div>
      ) : null}
      {actionData?.revoked ? <p role="status">{t("timeline.calendar.revoked")}</p> : null}
      {active && since && !actionData?.calendarUrl ? (
        <p>{t("timeline.calendar.active", { date: formatDate(locale, since) })}</p>
      ) : null}
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="intent" value="calendarCreate" />
          <button type="submit" className="button" disabled={busy}>
            {t(active ? "timeline.calendar.regenerate" : "timeline.calendar.create")}
          </button>
        </Form>
        {active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="calendarRevoke" />
            <button type="submit" className="button danger" disabled={busy}>
              {t("timeline.calendar.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
