import { prisma, type Prisma } from "../core/db.server";

/** What a finding's evidence may point to, for the reverse links ("cité dans 2 constats"). */
export type EvidenceTarget =
  { noteId: string } | { codeId: string } | { surveyId: string; questionId?: string } | { eventId: string };

export type CitingFinding = { id: string; title: string; state: string };

/**
 * Reverse links count only the findings the reader may see at their stage: pass
 * `visibleFindingsWhere(access)` (app/models/review/finding-visibility.server.ts) as `visible`.
 */
export type VisibleFindings = Prisma.FindingWhereInput;

/**
 * The findings of the project whose evidence points to the target and that the reader may see
 * (`visible`), most recently changed first.
 * Two indexed reads: the evidence by its target's own index (an EXISTS with the project in it
 * made SQLite pick the (projectId, eventId) index and scan the project's evidence: 60 ms at
 * 5,000 items), then the findings by id.
 */
export async function findingsCiting(
  projectId: string,
  target: EvidenceTarget,
  visible: VisibleFindings,
): Promise<CitingFinding[]> {
  const rows = await prisma.evidence.findMany({
    where: "eventId" in target ? { projectId, ...target } : target,
    select: { findingId: true, projectId: true },
    take: 5_000,
  });
  const ids = [...new Set(rows.filter((row) => row.projectId === projectId).map((row) => row.findingId))];
  if (ids.length === 0) return [];
  return prisma.finding.findMany({
    where: { AND: [{ id: { in: ids }, projectId }, visible] },
    select: { id: true, title: true, state: true },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
}

/** Groups evidence rows by a key, one entry per finding. */
function byKey(rows: { key: string | null; finding: CitingFinding }[]): Record<string, CitingFinding[]> {
  const grouped: Record<string, CitingFinding[]> = {};
  for (const { key, finding } of rows) {
    if (!key) continue;
    const list = (grouped[key] ??= []);
    if (!list.some((f) => f.id === finding.id)) list.push(finding);
  }
  return grouped;
}

/** For a survey's results page: the findings (that the reader may see) citing each of its questions, in one read. */
export async function findingsCitingQuestions({
  projectId,
  surveyId,
  visible,
}: {
  projectId: string;
  surveyId: string;
  visible: VisibleFindings;
}) {
  const rows = await prisma.evidence.findMany({
    where: { projectId, surveyId, kind: "survey", finding: visible },
    select: { questionId: true, finding: { select: { id: true, title: true, state: true } } },
    orderBy: { finding: { updatedAt: "desc" } },
  });
  return byKey(rows.map((row) => ({ key: row.questionId, finding: row.finding })));
}

/** For the timeline: the findings (that the reader may see) citing each event, in one read. */
export async function findingsCitingEvents({ projectId, visible }: { projectId: string; visible: VisibleFindings }) {
  const rows = await prisma.evidence.findMany({
    where: { projectId, kind: "event", finding: visible },
    select: { eventId: true, finding: { select: { id: true, title: true, state: true } } },
    orderBy: { finding: { updatedAt: "desc" } },
  });
  return byKey(rows.map((row) => ({ key: row.eventId, finding: row.finding })));
}
