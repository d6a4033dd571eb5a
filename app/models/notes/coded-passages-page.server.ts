import { prisma } from "../core/db.server";
import { listCodebook } from "../codes/codebook.server";
import { findingsCiting, type VisibleFindings } from "../findings/evidence-links.server";

/** How many findings the cite dialog offers (the most recently changed). */
const CITE_CHOICES_MAX = 200;

/**
 * What a note's page needs for coding and citing: the codebook (everyone sees the codes), the
 * findings a passage may be cited in (for those who may cite), the findings citing this note,
 * and, for `?evidence=<id>`, that quote's anchor — only when the evidence is a quote of this
 * very note in this project (another project's evidence id answers nothing).
 */
export async function noteCodingData({
  projectId,
  noteId,
  canCite,
  evidenceId,
  visible,
}: {
  projectId: string;
  noteId: string;
  canCite: boolean;
  evidenceId: string | null;
  /** The findings the reader may see (visibleFindingsWhere): cite choices and "cité dans". */
  visible: VisibleFindings;
}) {
  const [codebook, findings, citedIn, evidence] = await Promise.all([
    listCodebook(projectId),
    canCite
      ? prisma.finding.findMany({
          where: { AND: [{ projectId }, visible] },
          select: { id: true, title: true },
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          take: CITE_CHOICES_MAX,
        })
      : ([] as { id: string; title: string }[]),
    findingsCiting(projectId, { noteId }, visible),
    evidenceId
      ? prisma.evidence.findFirst({
          where: { id: evidenceId, projectId, noteId, kind: "quote" },
          select: { anchor: true },
        })
      : null,
  ]);
  return {
    codebook,
    findings,
    citedIn,
    evidenceAnchor: evidence?.anchor ? Buffer.from(evidence.anchor).toString("base64url") : null,
  };
}
