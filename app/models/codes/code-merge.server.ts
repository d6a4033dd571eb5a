import type { Prisma } from "../core/db.server";

/**
 * Merges code `fromId` into `intoId` inside the caller's transaction: `from` points to `into`
 * (marks in documents keep the old id and the projection follows the link), and everything that
 * counted as `from` now counts as `into` — its coded passages, the notes it tagged (a note tagged
 * with both keeps one row), the evidence citing it, the codes merged into it before, its children.
 * Both codes must belong to `projectId`; the caller checks it.
 */
export async function mergeCodeRows(
  tx: Prisma.TransactionClient,
  { projectId, fromId, intoId }: { projectId: string; fromId: string; intoId: string },
): Promise<void> {
  const into = await tx.tag.findUniqueOrThrow({ where: { id: intoId }, select: { parentId: true } });
  // Merging a parent into one of its children: the child becomes a top-level code.
  const intoParent = into.parentId === fromId ? null : into.parentId;
  if (into.parentId !== intoParent) await tx.tag.update({ where: { id: intoId }, data: { parentId: null } });
  // The children join the target's level, so the codebook keeps a single level of grouping.
  await tx.tag.updateMany({
    where: { projectId, parentId: fromId, id: { not: intoId } },
    data: { parentId: intoParent ?? intoId },
  });
  await tx.tag.updateMany({ where: { projectId, mergedIntoId: fromId }, data: { mergedIntoId: intoId } });
  await tx.tag.update({ where: { id: fromId }, data: { mergedIntoId: intoId, parentId: null } });
  await tx.codedPassage.updateMany({ where: { projectId, codeId: fromId }, data: { codeId: intoId } });
  await tx.evidence.updateMany({ where: { projectId, codeId: fromId }, data: { codeId: intoId } });
  // NoteTag's key is (noteId, tagId): a note already tagged with the target keeps its one row.
  await tx.$executeRaw`INSERT OR IGNORE INTO "NoteTag" ("noteId", "tagId")
    SELECT "noteId", ${intoId} FROM "NoteTag" WHERE "tagId" = ${fromId}`;
  await tx.noteTag.deleteMany({ where: { tagId: fromId } });
}
