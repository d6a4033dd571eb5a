import { prisma } from "../core/db.server";

/** What a finding's evidence may point to, for the reverse links ("cité dans 2 constats"). */
export type EvidenceTarget =
  { noteId: string } | { codeId: string } | { surveyId: string; questionId?: string } | { eventId: string };

export type CitingFinding = { id: string; title: string; state: string };

/** The findings of the project whose evidence points to the target, most recently changed first. */
export async function findingsCiting(projectId: string, target: EvidenceTarget): Promise<CitingFinding[]> {
  return prisma.finding.findMany({
    where: { projectId, evidence: { some: { projectId, ...target } } },
    select: { id: true, title: true, state: true },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
}
