import type { SurveyFilter } from "~/utils/survey-filter";
import { prisma, type Prisma } from "../core/db.server";
import { FINDING_LIMITS } from "./finding-limits";
import { surveyQuestionFigures } from "./survey-snapshot.server";

/** Evidence added through the finding's forms (quotes come from the note editor: cite.server.ts). */
export type NewEvidence =
  | { kind: "code"; codeId: string }
  | { kind: "survey"; surveyId: string; questionId: string; filter: SurveyFilter }
  | { kind: "event"; eventId: string }
  | { kind: "source"; title: string; url: string | null; reference: string };

/** "unknown_target": the code, survey, question or event is not this project's (nothing written). */
export type AddOutcome = { id: string } | "not_found" | "unknown_target" | "too_many";

type Tx = Prisma.TransactionClient;

/** The next position at the end of the finding's evidence, or null when it has as many as allowed. */
export async function nextPosition(tx: Tx, findingId: string): Promise<number | null> {
  const [count, last] = await Promise.all([
    tx.evidence.count({ where: { findingId } }),
    tx.evidence.findFirst({ where: { findingId }, orderBy: { position: "desc" }, select: { position: true } }),
  ]);
  if (count >= FINDING_LIMITS.evidenceMax) return null;
  return (last?.position ?? -1) + 1;
}

/** A change to the evidence is a change to the finding (the list's "last change"). */
export async function touchFinding(tx: Tx, findingId: string) {
  await tx.finding.update({ where: { id: findingId }, data: { updatedAt: new Date() }, select: { id: true } });
}

async function targetColumns(
  projectId: string,
  input: NewEvidence,
): Promise<Prisma.EvidenceUncheckedCreateInput | null> {
  switch (input.kind) {
    case "code": {
      // A retired code may still be cited; one of another project may not.
      const code = await prisma.tag.findFirst({ where: { id: input.codeId, projectId }, select: { id: true } });
      return code ? ({ codeId: code.id } as Prisma.EvidenceUncheckedCreateInput) : null;
    }
    case "survey": {
      const figures = await surveyQuestionFigures({ projectId, ...input });
      if (!figures) return null;
      const snapshot = JSON.stringify({ ...figures, takenAt: new Date().toISOString() });
      return {
        surveyId: input.surveyId,
        questionId: input.questionId,
        snapshot,
      } as Prisma.EvidenceUncheckedCreateInput;
    }
    case "event": {
      const event = await prisma.timelineEvent.findUnique({
        where: { projectId_eventId: { projectId, eventId: input.eventId } },
        select: { eventId: true, title: true },
      });
      return event
        ? ({ eventId: event.eventId, eventTitle: event.title } as Prisma.EvidenceUncheckedCreateInput)
        : null;
    }
    case "source":
      return {
        sourceTitle: input.title,
        sourceUrl: input.url,
        sourceReference: input.reference,
      } as Prisma.EvidenceUncheckedCreateInput;
  }
}

/** Adds one piece of evidence at the end of the finding's list, checked against the project. */
export async function addEvidence({
  projectId,
  findingId,
  userId,
  comment,
  input,
}: {
  projectId: string;
  findingId: string;
  userId: string;
  comment: string;
  input: NewEvidence;
}): Promise<AddOutcome> {
  const finding = await prisma.finding.findFirst({ where: { id: findingId, projectId }, select: { id: true } });
  if (!finding) return "not_found";
  // Read before the transaction: the survey figures are several aggregate queries.
  const columns = await targetColumns(projectId, input);
  if (!columns) return "unknown_target";
  return prisma.$transaction(async (tx) => {
    const position = await nextPosition(tx, finding.id);
    if (position === null) return "too_many" as const;
    const created = await tx.evidence.create({
      data: { ...columns, findingId: finding.id, projectId, kind: input.kind, comment, position, createdById: userId },
      select: { id: true },
    });
    await touchFinding(tx, finding.id);
    return created;
  });
}

type Target = { projectId: string; findingId: string; evidenceId: string };

async function evidenceOf(tx: Tx, { projectId, findingId, evidenceId }: Target) {
  return tx.evidence.findFirst({
    where: { id: evidenceId, findingId, projectId },
    select: { id: true, position: true, kind: true, currentText: true, noteId: true },
  });
}

/** Rewrites the author's line "ce que cela montre". False when the evidence is not this finding's. */
export async function updateEvidenceComment(target: Target & { comment: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const evidence = await evidenceOf(tx, target);
    if (!evidence) return false;
    await tx.evidence.update({ where: { id: evidence.id }, data: { comment: target.comment }, select: { id: true } });
    await touchFinding(tx, target.findingId);
    return true;
  });
}

export async function removeEvidence(target: Target): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const evidence = await evidenceOf(tx, target);
    if (!evidence) return false;
    await tx.evidence.delete({ where: { id: evidence.id } });
    await touchFinding(tx, target.findingId);
    return true;
  });
}

/** Swaps the evidence with its neighbour above or below; at either end nothing moves. */
export async function moveEvidence(target: Target & { direction: "up" | "down" }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const evidence = await evidenceOf(tx, target);
    if (!evidence) return false;
    const list = await tx.evidence.findMany({
      where: { findingId: target.findingId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const index = list.findIndex((item) => item.id === evidence.id);
    const other = index + (target.direction === "up" ? -1 : 1);
    if (other < 0 || other >= list.length) return true;
    [list[index], list[other]] = [list[other]!, list[index]!];
    // Positions rewritten 0..n-1: equal positions left by older writes are put in order too.
    for (const [position, item] of list.entries()) {
      await tx.evidence.update({ where: { id: item.id }, data: { position }, select: { id: true } });
    }
    await touchFinding(tx, target.findingId);
    return true;
  });
}

/** "Prendre le texte actuel": the quote becomes what its passage says now. */
export async function takeCurrentText(target: Target): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const evidence = await evidenceOf(tx, target);
    if (!evidence || evidence.kind !== "quote" || !evidence.noteId || !evidence.currentText) return false;
    await tx.evidence.update({
      where: { id: evidence.id },
      data: { quote: evidence.currentText.slice(0, FINDING_LIMITS.quoteMax) },
      select: { id: true },
    });
    await touchFinding(tx, target.findingId);
    return true;
  });
}
