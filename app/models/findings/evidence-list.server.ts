import { prisma } from "../core/db.server";
import { normalizeQuote } from "../notes/note-flat-text";
import type { Base, EvidenceView, SurveySnapshot } from "./evidence-view";
import { FINDING_LIMITS } from "./finding-limits";
import { figuresDiffer, parseSnapshot, resultsHref, surveyQuestionFigures } from "./survey-snapshot.server";

/**
 * A finding's evidence, in order, ready to show: a few indexed reads whatever the number of
 * items (no note document is read: a quote's current text is kept by the note's projection).
 * Survey figures are computed again once per cited (survey, question, filter).
 */
export async function listEvidence({ projectId, findingId }: { projectId: string; findingId: string }) {
  const rows = await prisma.evidence.findMany({
    where: { findingId, projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      comment: true,
      position: true,
      createdBy: { select: { name: true } },
      noteId: true,
      quote: true,
      currentText: true,
      note: { select: { title: true, deletedAt: true } },
      codeId: true,
      code: { select: { label: true, colour: true } },
      surveyId: true,
      questionId: true,
      snapshot: true,
      eventId: true,
      eventTitle: true,
      sourceTitle: true,
      sourceUrl: true,
      sourceReference: true,
    },
  });
  const codeIds = [...new Set(rows.flatMap((r) => (r.kind === "code" && r.codeId ? [r.codeId] : [])))];
  const eventIds = [...new Set(rows.flatMap((r) => (r.kind === "event" && r.eventId ? [r.eventId] : [])))];
  const [codeCounts, passages, events] = await Promise.all([
    codeIds.length
      ? prisma.codedPassage.groupBy({
          by: ["codeId"],
          where: { projectId, codeId: { in: codeIds }, note: { deletedAt: null } },
          _count: true,
        })
      : [],
    Promise.all(codeIds.map((codeId) => firstPassages(projectId, codeId))),
    eventIds.length
      ? prisma.timelineEvent.findMany({
          where: { projectId, eventId: { in: eventIds } },
          select: { eventId: true, title: true, startDay: true },
        })
      : [],
  ]);
  const countOf = new Map(codeCounts.map((c) => [c.codeId, c._count]));
  const passagesOf = new Map(codeIds.map((id, i) => [id, passages[i]!]));
  const eventOf = new Map(events.map((e) => [e.eventId, e]));
  const live = new Map<string, Promise<boolean | null>>();
  const views = rows.map(async (row): Promise<EvidenceView> => {
    const base: Base = {
      id: row.id,
      comment: row.comment,
      position: row.position,
      createdBy: row.createdBy?.name ?? null,
    };
    switch (row.kind) {
      case "quote": {
        const quote = row.quote ?? "";
        const current = row.currentText ?? quote;
        return {
          ...base,
          kind: "quote",
          noteId: row.noteId,
          noteTitle: row.note?.title ?? "",
          noteState: !row.note ? "deleted" : row.note.deletedAt ? "trashed" : "active",
          quote,
          changedTo: row.note && normalizeQuote(current) !== normalizeQuote(quote) ? current : null,
        };
      }
      case "code":
        return {
          ...base,
          kind: "code",
          codeId: row.codeId ?? "",
          label: row.code?.label ?? "",
          colour: row.code?.colour ?? null,
          count: countOf.get(row.codeId ?? "") ?? 0,
          passages: passagesOf.get(row.codeId ?? "") ?? [],
        };
      case "survey": {
        const snapshot = parseSnapshot(row.snapshot);
        const surveyId = row.surveyId;
        const key = `${surveyId}\n${row.questionId}\n${JSON.stringify(snapshot?.filter ?? null)}`;
        if (surveyId && snapshot && !live.has(key))
          live.set(key, liveDiffers(projectId, surveyId, row.questionId ?? "", snapshot));
        return {
          ...base,
          kind: "survey",
          surveyId,
          questionId: row.questionId ?? "",
          snapshot,
          href: surveyId && snapshot ? resultsHref(projectId, surveyId, snapshot.filter) : null,
          differs: surveyId && snapshot ? await live.get(key)! : null,
        };
      }
      case "event": {
        const event = eventOf.get(row.eventId ?? "");
        return {
          ...base,
          kind: "event",
          eventId: row.eventId ?? "",
          title: event?.title ?? row.eventTitle ?? "",
          exists: Boolean(event),
          day: event?.startDay ?? null,
        };
      }
      default:
        return {
          ...base,
          kind: "source",
          title: row.sourceTitle ?? "",
          url: row.sourceUrl,
          reference: row.sourceReference ?? "",
        };
    }
  });
  return Promise.all(views);
}

async function firstPassages(projectId: string, codeId: string) {
  const rows = await prisma.codedPassage.findMany({
    where: { projectId, codeId, note: { deletedAt: null } },
    select: { noteId: true, text: true, note: { select: { title: true } } },
    orderBy: [{ updatedAt: "desc" }, { noteId: "asc" }, { passageId: "asc" }],
    take: FINDING_LIMITS.codePassagesShown,
  });
  return rows.map((row) => ({ noteId: row.noteId, noteTitle: row.note.title, text: row.text }));
}

async function liveDiffers(projectId: string, surveyId: string, questionId: string, snapshot: SurveySnapshot) {
  const now = await surveyQuestionFigures({ projectId, surveyId, questionId, filter: snapshot.filter });
  return now ? figuresDiffer(now.figures, snapshot.figures) : null;
}
