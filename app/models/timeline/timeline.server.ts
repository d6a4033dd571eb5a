import { createEvents, type DateArray, type EventAttributes } from "ics";
import { prisma } from "../core/db.server";
import { lastDay, type TimelineEvent } from "./timeline-document";
import type { Phase, TimelineEventType } from "../core/vocabulary";

/**
 * The timeline as SQL rows (projected from the document by the collaboration server), for the
 * server-rendered page, the print view and calendars: none of them loads the Y.Doc.
 */

const ZONE = "Europe/Paris";

/** The project's events, chronological. */
export async function listTimelineEvents({ projectId }: { projectId: string }): Promise<TimelineEvent[]> {
  const rows = await prisma.timelineEvent.findMany({
    where: { projectId },
    select: {
      eventId: true,
      title: true,
      type: true,
      startDay: true,
      endDay: true,
      startTime: true,
      endTime: true,
      description: true,
      participants: true,
      people: true,
      notes: { select: { noteId: true }, orderBy: { noteId: "asc" } },
      surveys: { select: { surveyId: true }, orderBy: { surveyId: "asc" } },
      milestone: true,
      cycleNumber: true,
      phase: true,
    },
    orderBy: [{ startDay: "asc" }, { startTime: "asc" }, { title: "asc" }, { eventId: "asc" }],
  });
  return rows.map((row) => ({
    id: row.eventId,
    title: row.title,
    type: row.type as TimelineEventType,
    start: row.startDay,
    end: row.endDay,
    startTime: row.startTime,
    endTime: row.endTime,
    description: row.description,
    participants: row.participants,
    people: row.people,
    noteIds: row.notes.map((link) => link.noteId),
    surveyIds: row.surveys.map((link) => link.surveyId),
    milestone: row.milestone,
    cycle: row.cycleNumber,
    phase: row.phase as Phase | null,
  }));
}

/** Today's date in France, "YYYY-MM-DD": what "upcoming" and "past" are measured against. */
export function todayInFrance(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
}

/** Notes and surveys an event may link to: this project's, most recent first. */
export async function linkableItems({ projectId }: { projectId: string }) {
  const [notes, surveys] = await Promise.all([
    prisma.note.findMany({
      where: { projectId, deletedAt: null },
      select: { id: true, title: true },
      orderBy: { updatedAt: "desc" },
      take: 200,
    }),
    prisma.survey.findMany({
      where: { projectId },
      select: { id: true, title: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
  ]);
  return { notes, surveys };
}

/**
 * Titles of the notes and surveys that events link to, plus the pickable ones: the view shows
 * a link only when its target is still one of this project's notes or surveys.
 */
export async function linkTitles({
  projectId,
  events,
  items,
}: {
  projectId: string;
  events: TimelineEvent[];
  items: Awaited<ReturnType<typeof linkableItems>>;
}) {
  const noteIds = [...new Set(events.flatMap((e) => e.noteIds))];
  const surveyIds = [...new Set(events.flatMap((e) => e.surveyIds))];
  const [notes, surveys] = await Promise.all([
    noteIds.length
      ? prisma.note.findMany({
          // A note in the trash is not shown as a link; its link row stays, so a restored note comes back linked.
          where: { projectId, id: { in: noteIds }, deletedAt: null },
          select: { id: true, title: true },
        })
      : [],
    surveyIds.length
      ? prisma.survey.findMany({ where: { projectId, id: { in: surveyIds } }, select: { id: true, title: true } })
      : [],
  ]);
  const toMap = (rows: { id: string; title: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.title]));
  return {
    notes: { ...toMap(items.notes), ...toMap(notes) },
    surveys: { ...toMap(items.surveys), ...toMap(surveys) },
  };
}

/** Milliseconds since the epoch of a Paris wall-clock time (daylight saving included). */
export function parisTime(day: string, time: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - at;
  };
  // Twice: the offset at the guess may differ from the offset at the answer around a change.
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

function dayArray(day: string): DateArray {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

function nextDay(day: string): DateArray {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function calendarEvent(event: TimelineEvent, projectId: string, describe: (e: TimelineEvent) => string) {
  const base = {
    // Stable across downloads and polls, so calendar apps update an event instead of duplicating it.
    uid: `${event.id}.${projectId}@maillage`,
    title: event.milestone ? `★ ${event.title}` : event.title,
    description: describe(event),
  };
  if (event.startTime) {
    const start = parisTime(event.start, event.startTime);
    const end = event.endTime
      ? parisTime(event.end ?? event.start, event.endTime)
      : event.end
        ? parisTime(event.end, event.startTime)
        : start + 60 * 60 * 1000;
    return { ...base, start, end, startInputType: "utc", startOutputType: "utc" } satisfies EventAttributes;
  }
  // All-day: DTEND is the day after the last one (RFC 5545, exclusive end).
  return { ...base, start: dayArray(event.start), end: nextDay(lastDay(event)) } satisfies EventAttributes;
}

/** The upcoming events (not over before today) of a project, as an iCalendar text. */
export async function upcomingCalendar({
  projectId,
  calendarName,
  describe,
  today = todayInFrance(),
}: {
  projectId: string;
  calendarName: string;
  describe: (event: TimelineEvent) => string;
  today?: string;
}): Promise<string> {
  const events = (await listTimelineEvents({ projectId })).filter((event) => lastDay(event) >= today);
  const header = { productId: "-//Maillage//Chronologie//FR", calName: calendarName, method: "PUBLISH" };
  if (!events.length) return emptyCalendar(header.productId, calendarName);
  const { error, value } = createEvents(
    events.map((event) => calendarEvent(event, projectId, describe)),
    header,
  );
  if (error || !value) throw error ?? new Error("calendar generation failed");
  return value;
}

/** `ics` refuses an empty list; an empty calendar is still a valid answer to a subscription. */
function emptyCalendar(productId: string, name: string): string {
  const escaped = name.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `PRODID:${productId}`,
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escaped}`,
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
