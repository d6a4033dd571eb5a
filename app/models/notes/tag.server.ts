import { prisma, type Prisma } from "../core/db.server";

/** Trimmed, NFC, inner whitespace collapsed: "  Circuit   court " and "Circuit court" are one label. */
export function normalizeTagLabel(label: string): string {
  return label.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The comparison key: "Marché" and "MARCHÉ" are the same tag (the unique index is case-sensitive). */
export function tagKey(label: string): string {
  return normalizeTagLabel(label).toLocaleLowerCase("fr");
}

/** The project's codebook, alphabetical. */
export async function listTags({ projectId }: { projectId: string }) {
  return prisma.tag.findMany({
    where: { projectId },
    select: { id: true, label: true },
    orderBy: { label: "asc" },
  });
}

/**
 * Returns the tag with this label, ignoring case, or adds it to the codebook. Runs inside the
 * caller's transaction so that the tag and its use on a note are written together or not at all.
 */
export async function findOrCreateTag(
  tx: Prisma.TransactionClient,
  { projectId, label, codebook }: { projectId: string; label: string; codebook: { id: string; label: string }[] },
): Promise<string> {
  const key = tagKey(label);
  const existing = codebook.find((tag) => tagKey(tag.label) === key);
  if (existing) return existing.id;
  const created = await tx.tag.create({
    data: { projectId, label: normalizeTagLabel(label) },
    select: { id: true },
  });
  return created.id;
}
