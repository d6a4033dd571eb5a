import { Link } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { lastDay, sortEvents, type TimelineEvent } from "~/models/timeline/timeline-document";
import { matchesPhase, type PhaseFilter } from "~/models/timeline/timeline-filters";
import { formatDate, isSingular } from "~/utils/format";
import { CitedIn, type CitingFindingLink } from "./findings/cited-in";

export type LinkTitles = { notes: Record<string, string>; surveys: Record<string, string> };

/**
 * The page's phase filter (from its URL), for every timeline view below it. A context rather
 * than a prop: the live editor renders this view itself, and the filter is the view's concern.
 */
export const TimelinePhaseFilter = createContext<PhaseFilter>("");

/** The findings citing each event, by event id (reverse links "cité dans N constats"); given by the page. */
export const TimelineCitedIn = createContext<Record<string, CitingFindingLink[]>>({});

/**
 * "À venir" soonest first, then "Passé" latest first: always in date order, whatever order the
 * events come in. The phase is a label on each event, never a grouping (issue 13, point 8: runs
 * of phases broke the date order into "Plan d'action", "Diagnostic", "Plan d'action" again).
 */
export function timelineSections(events: TimelineEvent[], today: string, phase: PhaseFilter = "") {
  const sorted = sortEvents(events.filter((event) => matchesPhase(event, phase)));
  return {
    upcoming: sorted.filter((event) => lastDay(event) >= today),
    past: sorted.filter((event) => lastDay(event) < today).reverse(),
  };
}

/** "Cycle 1 · Plan d'action", "Plan d'action", "Cycle 2", or null when the event has neither. */
export function phaseLabel(t: Translator, event: Pick<TimelineEvent, "cycle" | "phase">): string | null {
  const phase = event.phase ? t(`phase.${event.phase}`) : null;
  if (event.cycle && phase) return t("cycle.badge", { cycle: event.cycle, phase });
  if (event.cycle) return t("cycle.number", { number: event.cycle });
  return phase;
}

/** "12 mars 2026", "12 mars 2026 à 14:30", "du 12 au 14 mars 2026"… read as a sentence. */
export function eventWhen(t: Translator, locale: ReturnType<typeof useLocale>, event: TimelineEvent): string {
  const day = (value: string) => formatDate(locale, `${value}T12:00:00.000Z`);
  if (event.end) {
    // Over several days, the times belong to the first and the last day.
    const start = event.startTime
      ? t("timeline.dateAt", { date: day(event.start), time: event.startTime })
      : day(event.start);
    const end = event.endTime ? t("timeline.dateAt", { date: day(event.end), time: event.endTime }) : day(event.end);
    return t("timeline.dateRange", { start, end });
  }
  if (event.startTime && event.endTime)
    return t("timeline.timeRange", { date: day(event.start), start: event.startTime, end: event.endTime });
  if (event.startTime) return t("timeline.dateAt", { date: day(event.start), time: event.startTime });
  return day(event.start);
}

/**
 * The vertical timeline: "À venir" (soonest first) then "Passé" (latest first), in date order,
 * each event labelled with its cycle and phase. The same markup serves the server's HTML (from
 * the SQL projection) and the live document; `actions` adds the edit controls for writers. The
 * phase filter comes from `TimelinePhaseFilter`.
 */
export function TimelineView({
  events,
  today,
  titles,
  projectId,
  actions,
  compact = false,
  filtered,
}: {
  events: TimelineEvent[];
  today: string;
  titles: LinkTitles;
  projectId: string;
  actions?: (event: TimelineEvent) => ReactNode;
  compact?: boolean;
  /** Whether the events were filtered before they came here (an empty section says so). */
  filtered?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const phase = useContext(TimelinePhaseFilter);
  const anyFilter = filtered || phase !== "";
  const { upcoming, past } = timelineSections(events, today, phase);
  const sections = [
    { id: "upcoming", title: t("timeline.upcoming"), events: upcoming },
    { id: "past", title: t("timeline.past"), events: past },
  ];
  return (
    <div className={compact ? "timeline timeline--compact" : "timeline"}>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`timeline-${section.id}`} className="timeline__section">
          <h3 id={`timeline-${section.id}`}>
            {section.title}{" "}
            <span className="muted">
              (
              {t(isSingular(locale, section.events.length) ? "timeline.eventCountOne" : "timeline.eventCount", {
                count: section.events.length,
              })}
              )
            </span>
          </h3>
          {section.events.length === 0 ? (
            <p className="muted">{t(anyFilter ? "timeline.emptyMatching" : "timeline.empty")}</p>
          ) : (
            <ol className="timeline__list">
              {section.events.map((event) => (
                <EventItem
                  key={event.id}
                  event={event}
                  titles={titles}
                  projectId={projectId}
                  actions={actions?.(event)}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

function EventItem({
  event,
  titles,
  projectId,
  actions,
}: {
  event: TimelineEvent;
  titles: LinkTitles;
  projectId: string;
  actions?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const notes = event.noteIds.filter((id) => id in titles.notes);
  const surveys = event.surveyIds.filter((id) => id in titles.surveys);
  const phase = phaseLabel(t, event);
  const citedIn = useContext(TimelineCitedIn)[event.id];
  return (
    <li
      className={`timeline__event type-${event.type}${event.milestone ? " is-milestone" : ""}`}
      data-event-id={event.id}
    >
      <p className="timeline__when">
        <time dateTime={event.start}>{eventWhen(t, locale, event)}</time>
        <span className="badge">{t(`timeline.type.${event.type}`)}</span>
        {phase ? <span className="badge timeline__phase">{phase}</span> : null}
        {event.milestone ? (
          <span className="badge milestone-badge">
            <span aria-hidden="true">{t("timeline.milestoneMark")} </span>
            {t("timeline.milestone")}
          </span>
        ) : null}
      </p>
      <h4 className="timeline__title">{event.title}</h4>
      {event.description ? <p className="timeline__description">{event.description}</p> : null}
      {event.participants !== null || event.people ? (
        <p className="muted">
          {event.participants !== null
            ? t(isSingular(locale, event.participants) ? "timeline.participantsOne" : "timeline.participants", {
                count: event.participants,
              })
            : null}
          {event.participants !== null && event.people ? " · " : null}
          {event.people ? t("timeline.people", { people: event.people }) : null}
        </p>
      ) : null}
      {notes.length || surveys.length ? (
        <ul className="timeline__links" aria-label={t("timeline.links")}>
          {notes.map((id) => (
            <li key={id}>
              <Link to={`/projects/${projectId}/notes/${id}`}>
                {t("timeline.linkedNote", { title: titles.notes[id] || t("timeline.untitledItem") })}
              </Link>
            </li>
          ))}
          {surveys.map((id) => (
            <li key={id}>
              <Link to={`/projects/${projectId}/surveys/${id}`}>
                {t("timeline.linkedSurvey", { title: titles.surveys[id] || t("timeline.untitledItem") })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <CitedIn findings={citedIn} projectId={projectId} />
      {actions ? <div className="timeline__actions">{actions}</div> : null}
    </li>
  );
}
