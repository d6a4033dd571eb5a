import { prisma, type Prisma } from "../core/db.server";
import { normalizeQuote } from "../notes/note-flat-text";
import { nextPosition, touchFinding } from "./evidence.server";
import { decodeAnchor, textAtAnchor } from "./note-anchor";

export type CiteOutcome =
  | { findingId: string; evidenceId: string }
  | "note_not_found"
  | "note_trashed"
  | "finding_not_found"
  | "bad_anchor"
  | "mismatch"
  | "too_many";

/**
 * Cites a passage of a note as evidence of a finding (an existing one, or a new one titled
 * `newFindingTitle`). The quote must be what the anchor holds in the note as stored now
 * (whitespace aside): a forged or stale quote is refused and nothing is written. The note's
 * state is read through `readDocument` (the collaboration server's `documents.read`) only once
 * the note is known to be this project's and outside the trash.
 */
export async function citePassage({
  projectId,
  userId,
  noteId,
  quote,
  anchor,
  comment,
  target,
  visible,
  readDocument,
}: {
  projectId: string;
  userId: string;
  noteId: string;
  quote: string;
  anchor: Uint8Array;
  comment: string;
  target: { findingId: string } | { newFindingTitle: string };
  /** The findings the citer may see (visibleFindingsWhere): another one is as unknown as a made-up id. */
  visible: Prisma.FindingWhereInput;
  readDocument: (name: string) => Promise<Uint8Array | null>;
}): Promise<CiteOutcome> {
  const note = await prisma.note.findFirst({ where: { id: noteId, projectId }, select: { id: true, deletedAt: true } });
  if (!note) return "note_not_found";
  if (note.deletedAt) return "note_trashed";
  if ("findingId" in target) {
    const finding = await prisma.finding.count({ where: { AND: [{ id: target.findingId, projectId }, visible] } });
    if (!finding) return "finding_not_found";
  }
  if (!decodeAnchor(anchor)) return "bad_anchor";
  const held = textAtAnchor(await readDocument(`note:${note.id}`), anchor);
  if (held === null || normalizeQuote(held) === "" || normalizeQuote(held) !== normalizeQuote(quote)) return "mismatch";
  return prisma.$transaction(async (tx) => {
    const findingId =
      "findingId" in target
        ? target.findingId
        : (
            await tx.finding.create({
              data: { projectId, authorId: userId, title: target.newFindingTitle },
              select: { id: true },
            })
          ).id;
    const position = await nextPosition(tx, findingId);
    if (position === null) return "too_many" as const;
    const evidence = await tx.evidence.create({
      data: {
        findingId,
        projectId,
        kind: "quote",
        comment,
        position,
        createdById: userId,
        noteId: note.id,
        // As selected (a passage over several paragraphs keeps its line breaks), ends trimmed.
        quote: quote.trim(),
        anchor: Buffer.from(anchor),
        currentText: held,
      },
      select: { id: true },
    });
    await touchFinding(tx, findingId);
    return { findingId, evidenceId: evidence.id };
  });
}
