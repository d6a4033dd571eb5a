import { prisma, type Prisma } from "../core/db.server";
import { matchTag, normalizeTagLabel, tagKey, type CodebookTag } from "./tag-label";

export { normalizeTagLabel, tagKey } from "./tag-label";

/**
 * The codes offered for a note, alphabetical: a merged code is offered as the code it became,
 * and a retired one only on the notes that already carry it (`keep`), so it can be unticked.
 */
export async function listTags({ projectId, keep = [] }: { projectId: string; keep?: string[] }) {
  return prisma.tag.findMany({
    where: { projectId, mergedIntoId: null, OR: [{ retiredAt: null }, { id: { in: keep } }] },
    select: { id: true, label: true },
    orderBy: { label: "asc" },
  });
}

/**
 * What the person answered when asked about a look-alike ("Marche" while "Marché" exists):
 * create their label anyway, or use the existing tag. Null when they were not asked (yet).
 */
export type LookalikeChoice = "create" | "use" | null;

/** The tag to put on the note, or the look-alike to ask about before creating one. */
export type NewTagResult = { tagId: string } | { lookalike: CodebookTag };

/**
 * Returns the tag with this label, ignoring case, or adds it to the codebook — unless one
 * differs from it only by accents, spaces or punctuation and the person has not chosen yet.
 * Runs inside the caller's transaction (which reads `codebook`): transactions on this database
 * run one at a time, so two people adding "Marché" and "MARCHÉ" at once get one tag.
 */
export async function resolveNewTag(
  tx: Prisma.TransactionClient,
  {
    projectId,
    label,
    codebook,
    choice,
  }: { projectId: string; label: string; codebook: CodebookTag[]; choice: LookalikeChoice },
): Promise<NewTagResult> {
  const match = matchTag(codebook, label);
  if (match?.kind === "same") return { tagId: await mergeTarget(tx, match.tag.id) };
  if (match?.kind === "lookalike" && choice !== "create") {
    return choice === "use" ? { tagId: await mergeTarget(tx, match.tag.id) } : { lookalike: match.tag };
  }
  const normalized = normalizeTagLabel(label);
  const created = await tx.tag.create({
    data: { projectId, label: normalized, nameKey: tagKey(normalized) },
    select: { id: true },
  });
  return { tagId: created.id };
}

/** A code merged into another stands for it (app/models/codes/codebook.ts `resolveCode`). */
async function mergeTarget(tx: Prisma.TransactionClient, tagId: string): Promise<string> {
  let id = tagId;
  // Merges are one hop when made through the code view; a few more are followed, a loop is not.
  for (let hops = 0; hops < 8; hops++) {
    const tag = await tx.tag.findUnique({ where: { id }, select: { mergedIntoId: true } });
    if (!tag?.mergedIntoId) return id;
    id = tag.mergedIntoId;
  }
  return tagId;
}
