import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import { onlyRoots } from "../documents/root-check";
import { EVENTS_KEY, readEvents, type TimelineEvent } from "./timeline-document";
import type { DocumentKind, Editor } from "../documents/document-kind";

/** Lines go to stdout, like the rest of the collaboration server's log (server/collab/index.ts). */
const log = (line: string) => console.log(`[collab] ${line}`);

/**
 * Writes the project's timeline events from the document. Anyone with `timeline.edit` can
 * put anything into the Y.Doc, so every event is validated again here with the form's own
 * rules (app/models/timeline-document.ts): an invalid one is skipped and logged, never
 * stored, and never stops the others. Links keep only this project's notes and surveys.
 * The rows are replaced in one transaction, so a reader never sees half a timeline.
 */
export async function writeTimelineProjection(
  projectId: string,
  doc: Y.Doc,
  _lastEditor: Editor | null,
): Promise<void> {
  const read = readEvents(doc);
  // The document's rules allow any cycle number; the project's cycles are only known here.
  const cycles = await prisma.projectCycle.count({ where: { projectId } });
  const events = read.events.filter((event) => event.cycle === null || event.cycle <= cycles);
  const invalid = [
    ...read.invalid,
    ...read.events
      .filter((event) => !events.includes(event))
      .map((event) => ({ id: event.id, reasons: [`cycle ${event.cycle} of ${cycles}`] })),
  ];
  for (const { id, reasons } of invalid) {
    log(`timeline:${projectId}: skipped invalid event ${JSON.stringify(id)} (${reasons.join(", ").slice(0, 300)})`);
  }
  const [notes, surveys] = await Promise.all([
    linkedIds(
      "note",
      projectId,
      events.flatMap((e) => e.noteIds),
    ),
    linkedIds(
      "survey",
      projectId,
      events.flatMap((e) => e.surveyIds),
    ),
  ]);
  const now = new Date();
  // Deleting the events deletes their links (cascade); both are written again in one transaction.
  await prisma.$transaction([
    prisma.timelineEvent.deleteMany({ where: { projectId } }),
    prisma.timelineEvent.createMany({ data: events.map((event) => row(projectId, event, now)) }),
    prisma.timelineEventNote.createMany({
      data: events.flatMap((event) =>
        unique(event.noteIds.filter((id) => notes.has(id))).map((noteId) => ({ projectId, eventId: event.id, noteId })),
      ),
    }),
    prisma.timelineEventSurvey.createMany({
      data: events.flatMap((event) =>
        unique(event.surveyIds.filter((id) => surveys.has(id))).map((surveyId) => ({
          projectId,
          eventId: event.id,
          surveyId,
        })),
      ),
    }),
  ]);
}

async function linkedIds(kind: "note" | "survey", projectId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const where = { projectId, id: { in: [...new Set(ids)] } };
  const rows =
    kind === "note"
      ? await prisma.note.findMany({ where, select: { id: true } })
      : await prisma.survey.findMany({ where, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

const unique = (ids: string[]) => [...new Set(ids)];

function row(projectId: string, event: TimelineEvent, updatedAt: Date) {
  return {
    projectId,
    eventId: event.id,
    title: event.title,
    type: event.type,
    startDay: event.start,
    endDay: event.end,
    startTime: event.startTime,
    endTime: event.endTime,
    description: event.description,
    participants: event.participants,
    people: event.people,
    milestone: event.milestone,
    cycleNumber: event.cycle,
    phase: event.phase,
    updatedAt,
  };
}

/** `timeline:<projectId>`: the project's timeline of events, one per project. */
export const timelineDocument: DocumentKind = {
  kind: "timeline",
  projectOf: `SELECT id AS projectId, NULL AS stage FROM "Project" WHERE id = @id`,
  readAction: "content.read",
  writeAction: "timeline.edit",
  checkUpdate: onlyRoots([EVENTS_KEY]),
  project: writeTimelineProjection,
};
