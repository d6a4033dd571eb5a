import * as Y from "yjs";
import type { MessageKey } from "~/i18n";
import { PHASES, TIMELINE_EVENT_TYPES, type Phase, type TimelineEventType } from "../core/vocabulary";

/**
 * The project timeline's Y.Doc ("timeline:<projectId>"), shared by the browser editor and the
 * server projection (docs/decisions/007):
 *
 *   doc.getMap("events"): Y.Map<eventId, Y.Map<field, value>>
 *
 * One Y.Map per event, one entry per field, so that two people editing different fields of the
 * same event both keep their change; the same field edited twice keeps the last writer's value.
 * Values are plain JSON (strings, numbers, booleans, arrays of ids). Anyone with write access
 * can put anything in the document, so everything read from it goes through `validateEvent`.
 */
export const EVENTS_KEY = "events";

export const TIMELINE_LIMITS = {
  titleMax: 200,
  descriptionMax: 4000,
  peopleMax: 1000,
  participantsMax: 100_000,
  linksMax: 50,
  /** Years outside this range are typing slips (2062 for 2026, 226 for 2026…). */
  earliestYear: 1900,
  latestYear: 2100,
  cycleMax: 999,
} as const;

/** An event as it is stored in SQL and shown: validated, with its key in the document. */
export type TimelineEvent = {
  id: string;
  title: string;
  type: TimelineEventType;
  /** "YYYY-MM-DD" */
  start: string;
  end: string | null;
  /** "HH:MM", Europe/Paris wall clock; null for an all-day event. */
  startTime: string | null;
  endTime: string | null;
  description: string;
  participants: number | null;
  people: string;
  noteIds: string[];
  surveyIds: string[];
  milestone: boolean;
  cycle: number | null;
  phase: Phase | null;
};

export type EventFields = Omit<TimelineEvent, "id">;
export type EventField = keyof EventFields;

export type EventErrors = Partial<Record<EventField, { key: MessageKey; params?: Record<string, string | number> }>>;

export type Validation = { ok: true; event: EventFields } | { ok: false; errors: EventErrors };

const ID_PATTERN = /^[a-z0-9]{8,40}$/;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isEventId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** A random key for a new event: 20 characters of [a-z0-9], in browsers and in Node. */
export function newEventId(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}

/** A real calendar day, "YYYY-MM-DD" (2026-02-30 is not one). */
export function isRealDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");
/** Control characters other than line breaks and tabs never belong in text. */
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

function checkDay(value: string, field: "start" | "end", errors: EventErrors, required: boolean): string | null {
  if (!value) {
    if (required) errors[field] = { key: "timeline.error.startRequired" };
    return null;
  }
  if (!isRealDay(value)) {
    errors[field] = { key: "timeline.error.dayInvalid" };
    return null;
  }
  const year = Number(value.slice(0, 4));
  if (year < TIMELINE_LIMITS.earliestYear || year > TIMELINE_LIMITS.latestYear) {
    errors[field] = {
      key: "timeline.error.yearOutOfRange",
      // Strings: a year is not formatted as a quantity ("1 900").
      params: { min: String(TIMELINE_LIMITS.earliestYear), max: String(TIMELINE_LIMITS.latestYear) },
    };
    return null;
  }
  return value;
}

function checkTime(value: string, field: "startTime" | "endTime", errors: EventErrors): string | null {
  if (!value) return null;
  if (!TIME_PATTERN.test(value)) {
    errors[field] = { key: "timeline.error.timeInvalid" };
    return null;
  }
  return value;
}

function checkIds(value: unknown, field: "noteIds" | "surveyIds", errors: EventErrors): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (!Array.isArray(value) || !value.every(isEventId)) {
    errors[field] = { key: "timeline.error.linksInvalid" };
    return [];
  }
  if (value.length > TIMELINE_LIMITS.linksMax) {
    errors[field] = { key: "timeline.error.tooManyLinks", params: { max: TIMELINE_LIMITS.linksMax } };
    return [];
  }
  return [...new Set(value as string[])];
}

function checkParticipants(value: unknown, errors: EventErrors): number | null {
  if (value === undefined || value === null || value === "") return null;
  const number = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    errors.participants = { key: "timeline.error.participantsInvalid" };
    return null;
  }
  if (number < 0 || number > TIMELINE_LIMITS.participantsMax) {
    errors.participants = { key: "timeline.error.participantsRange", params: { max: TIMELINE_LIMITS.participantsMax } };
    return null;
  }
  return number;
}

function checkText(value: string, field: "title" | "description" | "people", max: number, errors: EventErrors) {
  if (value.length > max) {
    errors[field] = { key: "timeline.error.tooLong", params: { max } };
  }
  return value;
}

/**
 * The one validation of an event, for the form (before anything is written to the document)
 * and for the projection (whatever a client wrote). `raw` is anything: form values (strings)
 * or a document entry.
 */
export function validateEvent(raw: unknown): Validation {
  const input = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const errors: EventErrors = {};
  const title = checkText(oneLine(str(input.title)), "title", TIMELINE_LIMITS.titleMax, errors);
  if (!title) errors.title = { key: "timeline.error.titleRequired" };
  const type = str(input.type) as TimelineEventType;
  if (!TIMELINE_EVENT_TYPES.includes(type)) errors.type = { key: "timeline.error.typeUnknown" };
  const start = checkDay(str(input.start).trim(), "start", errors, true);
  const end = checkDay(str(input.end).trim(), "end", errors, false);
  const startTime = checkTime(str(input.startTime).trim(), "startTime", errors);
  const endTime = checkTime(str(input.endTime).trim(), "endTime", errors);
  if (endTime && !startTime) errors.startTime = { key: "timeline.error.endTimeWithoutStart" };
  // Same day (or no end day) with both times: the end time must come after the start time.
  const endKey = `${end ?? start ?? ""} ${endTime ?? "99:99"}`;
  if (start && end && end < start) errors.end = { key: "timeline.error.endBeforeStart" };
  else if (start && startTime && endTime && endKey <= `${start} ${startTime}`)
    errors.endTime = { key: "timeline.error.endBeforeStart" };
  const description = checkText(clean(str(input.description)), "description", TIMELINE_LIMITS.descriptionMax, errors);
  const people = checkText(clean(str(input.people)), "people", TIMELINE_LIMITS.peopleMax, errors);
  const participants = checkParticipants(input.participants, errors);
  const noteIds = checkIds(input.noteIds, "noteIds", errors);
  const surveyIds = checkIds(input.surveyIds, "surveyIds", errors);
  const milestone = input.milestone === true || input.milestone === "on" || input.milestone === "true";
  let cycle: number | null = null;
  if (input.cycle !== undefined && input.cycle !== null && input.cycle !== "") {
    const number = typeof input.cycle === "string" ? Number(input.cycle) : input.cycle;
    if (typeof number === "number" && Number.isInteger(number) && number >= 1 && number <= TIMELINE_LIMITS.cycleMax)
      cycle = number;
    else errors.cycle = { key: "timeline.error.cycleUnknown" };
  }
  let phase: Phase | null = null;
  if (input.phase !== undefined && input.phase !== null && input.phase !== "") {
    if ((PHASES as readonly unknown[]).includes(input.phase)) phase = input.phase as Phase;
    else errors.phase = { key: "timeline.error.phaseUnknown" };
  }
  if (Object.keys(errors).length || !start) return { ok: false, errors };
  return {
    ok: true,
    event: {
      title,
      type,
      start,
      end: end && end !== start ? end : null,
      startTime,
      endTime: startTime ? endTime : null,
      description,
      participants,
      people,
      noteIds,
      surveyIds,
      milestone,
      cycle,
      phase,
    },
  };
}

export function eventsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(EVENTS_KEY);
}

/** Every entry of the document as raw data (an entry that is not a Y.Map reads as `null`). */
export function readRawEvents(doc: Y.Doc): { id: string; raw: Record<string, unknown> | null }[] {
  const out: { id: string; raw: Record<string, unknown> | null }[] = [];
  eventsMap(doc).forEach((value, id) => {
    out.push({ id, raw: value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null });
  });
  return out;
}

/** Valid events of the document, sorted by date; invalid ones are returned apart (for logs). */
export function readEvents(doc: Y.Doc): { events: TimelineEvent[]; invalid: { id: string; reasons: string[] }[] } {
  const events: TimelineEvent[] = [];
  const invalid: { id: string; reasons: string[] }[] = [];
  for (const { id, raw } of readRawEvents(doc)) {
    if (!isEventId(id) || !raw) {
      invalid.push({ id: id.slice(0, 40), reasons: [!raw ? "not a map" : "bad id"] });
      continue;
    }
    const result = validateEvent(raw);
    if (result.ok) events.push({ id, ...result.event });
    else invalid.push({ id, reasons: Object.entries(result.errors).map(([field, e]) => `${field}: ${e!.key}`) });
  }
  return { events: sortEvents(events), invalid };
}

/** Chronological: by day, then all-day events first, then by time, then title. */
export function sortEvents<T extends Pick<TimelineEvent, "start" | "startTime" | "title" | "id">>(events: T[]): T[] {
  return [...events].sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      (a.startTime ?? "").localeCompare(b.startTime ?? "") ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

/** Writes a validated event into the document, in one transaction; only changed fields are set. */
export function writeEvent(doc: Y.Doc, id: string, event: EventFields): void {
  doc.transact(() => {
    const map = eventsMap(doc);
    let entry = map.get(id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(id, entry);
    }
    const fields = entry as Y.Map<unknown>;
    for (const [key, value] of Object.entries(event)) {
      if (JSON.stringify(fields.get(key)) !== JSON.stringify(value)) fields.set(key, value);
    }
  });
}

/**
 * What to write when someone saves an edit form opened on `base`: only the fields they changed,
 * laid over the event as it is now (`current`), so that a field another person changed while the
 * form was open keeps that person's value (docs/decisions/007). If the combination is not a
 * valid event (say, one moved the start after the other moved the end), the form's whole
 * version is written instead: the person saving sees exactly what they submitted.
 */
export function mergeEdit(current: EventFields | null, base: EventFields | null, mine: EventFields): EventFields {
  if (!current || !base) return mine;
  const merged: Record<string, unknown> = { ...current };
  for (const key of Object.keys(mine) as EventField[]) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) merged[key] = mine[key];
  }
  const result = validateEvent(merged);
  return result.ok ? result.event : mine;
}

export function deleteEvent(doc: Y.Doc, id: string): void {
  eventsMap(doc).delete(id);
}

/** The day an event is over: its end day, or its start day. */
export function lastDay(event: Pick<TimelineEvent, "start" | "end">): string {
  return event.end ?? event.start;
}
