import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { lastDay, type TimelineEvent } from "~/models/timeline/timeline-document";
import { formatDate, isSingular } from "~/utils/format";

export type LinkTitles = { notes: Record<string, string>; surveys: Record<string, string> };

type Group = { key: string; cycle: number | null; phase: TimelineEvent["phase"]; events: TimelineEvent[] };

/** Runs of consecutive events in the same cycle and phase, in the order given. */
function groupByCyclePhase(events: TimelineEvent[]): Group[] {
  const groups: Group[] = [];
  for (const event of events) {
    const key = `${event.cycle ?? "-"}|${event.phase ?? "-"}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.events.push(event);
    else groups.push({ key, cycle: event.cycle, phase: event.phase, events: [event] });
  }
  return groups;
}

function groupTitle(t: Translator, group: Group): string {
  const phase = group.phase ? t(`phase.${group.phase}`) : t("timeline.noPhase");
  return group.cycle ? t("timeline.cyclePhase", { cycle: group.cycle, phase }) : `${t("timeline.noCycle")} — ${phase}`;
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
 * The vertical timeline: "À venir" (soonest first) then "Passé" (latest first), each grouped
 * under a heading per cycle and phase. The same markup serves the server's HTML (from the SQL
 * projection) and the live document; `actions` adds the edit controls for writers.
 */
export function TimelineView({
  events,
  today,
  titles,
  projectId,
  actions,
  compact = false,
}: {
  events: TimelineEvent[];
  today: string;
  titles: LinkTitles;
  projectId: string;
  actions?: (event: TimelineEvent) => ReactNode;
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const upcoming = events.filter((e) => lastDay(e) >= today);
  const past = events.filter((e) => lastDay(e) < today).reverse();
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
          {section.events.length === 0 ? <p className="muted">{t("timeline.empty")}</p> : null}
          {groupByCyclePhase(section.events).map((group, index) => (
            <div key={`${group.key}-${index}`} className="timeline__group">
              <h4>{groupTitle(t, group)}</h4>
              <ol className="timeline__list">
                {group.events.map((event) => (
                  <EventItem
                    key={event.id}
                    event={event}
                    titles={titles}
                    projectId={projectId}
                    actions={actions?.(event)}
                  />
                ))}
              </ol>
            </div>
          ))}
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
  return (
    <li
      className={`timeline__event type-${event.type}${event.milestone ? " is-milestone" : ""}`}
      data-event-id={event.id}
    >
      <p className="timeline__when">
        <time dateTime={event.start}>{eventWhen(t, locale, event)}</time>
        <span className="badge">{t(`timeline.type.${event.type}`)}</span>
        {event.milestone ? (
          <span className="badge milestone-badge">
            <span aria-hidden="true">{t("timeline.milestoneMark")} </span>
            {t("timeline.milestone")}
          </span>
        ) : null}
      </p>
      <h5 className="timeline__title">{event.title}</h5>
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
      {actions ? <div className="timeline__actions">{actions}</div> : null}
    </li>
  );
}
