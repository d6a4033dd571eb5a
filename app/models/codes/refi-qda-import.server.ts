import { prisma, type Prisma } from "../core/db.server";
import { tagKey } from "../notes/tag-label";
import { indexCodebook, resolveCode, type CodebookCode } from "./codebook";
import type { ImportedCode } from "./refi-qda-parse";

/** What an import did, for its summary page. */
export type CodebookImportSummary = {
  /** Codes added to the codebook, with their parent's label when they have one. */
  created: { label: string; parent: string | null; retired: boolean }[];
  /** Codes of the file that were already ours (same name for us): kept, completed where ours was empty. */
  kept: { label: string; fileLabel: string; completed: ("definition" | "colour")[] }[];
};

const COLOUR = /^#[0-9a-f]{6}$/i;

async function codebookIn(tx: Prisma.TransactionClient, projectId: string): Promise<CodebookCode[]> {
  const rows = await tx.tag.findMany({
    where: { projectId },
    select: {
      id: true,
      label: true,
      definition: true,
      colour: true,
      parentId: true,
      retiredAt: true,
      mergedIntoId: true,
    },
  });
  return rows.map(({ retiredAt, ...code }) => ({ ...code, retired: retiredAt !== null }));
}

/**
 * Merges an imported codebook into the project's, in one transaction (all or nothing; a second
 * import of the same file finds every code and writes nothing). Codes are matched by name as
 * our codebook compares them (`tagKey`); a merged code stands for the code it was merged into.
 * An existing code keeps its id, name, parent and state, and only gets the file's definition or
 * colour where it has none. A new code gets the file's definition, colour and parent (attached to
 * the parent's own parent when that one is a child already: our codebook has one level); a code
 * the file says cannot be coded and that groups nothing is created retired.
 */
export async function importCodebook({
  projectId,
  userId,
  codes,
}: {
  projectId: string;
  userId: string;
  codes: ImportedCode[];
}): Promise<CodebookImportSummary> {
  return prisma.$transaction(async (tx) => {
    const codebook = await codebookIn(tx, projectId);
    const byId = indexCodebook(codebook);
    const byKey = new Map<string, CodebookCode>();
    for (const code of codebook) byKey.set(tagKey(code.label), code);
    const summary: CodebookImportSummary = { created: [], kept: [] };
    const now = new Date();
    for (const imported of codes) {
      const matched = byKey.get(imported.key);
      const existing = matched ? (resolveCode(byId, matched.id) ?? matched) : null;
      if (existing) {
        const data: { definition?: string; colour?: string } = {};
        if (!existing.definition.trim() && imported.definition) data.definition = imported.definition;
        if (!COLOUR.test(existing.colour) && imported.colour) data.colour = imported.colour;
        if (data.definition !== undefined || data.colour !== undefined) {
          await tx.tag.update({ where: { id: existing.id }, data, select: { id: true } });
          Object.assign(existing, data);
        }
        summary.kept.push({
          label: existing.label,
          fileLabel: imported.label,
          completed: (["definition", "colour"] as const).filter((field) => data[field] !== undefined),
        });
        continue;
      }
      const parent = parentFor(imported, byKey, byId);
      const retired = !imported.isCodable && !imported.hasChildren;
      const created = await tx.tag.create({
        data: {
          projectId,
          label: imported.label,
          nameKey: imported.key,
          definition: imported.definition,
          ...(imported.colour ? { colour: imported.colour } : {}),
          parentId: parent?.id ?? null,
          retiredAt: retired ? now : null,
          createdById: userId,
        },
        select: { id: true, label: true, definition: true, colour: true, parentId: true, mergedIntoId: true },
      });
      const code: CodebookCode = { ...created, retired };
      byId.set(code.id, code);
      byKey.set(imported.key, code);
      summary.created.push({ label: code.label, parent: parent?.label ?? null, retired });
    }
    return summary;
  });
}

/** The code a new code goes under: its parent in the file, as it is now in our codebook, kept to one level. */
function parentFor(
  imported: ImportedCode,
  byKey: Map<string, CodebookCode>,
  byId: Map<string, CodebookCode>,
): CodebookCode | null {
  if (!imported.parentKey) return null;
  const matched = byKey.get(imported.parentKey);
  let parent = matched ? (resolveCode(byId, matched.id) ?? matched) : null;
  if (parent?.parentId) parent = resolveCode(byId, parent.parentId);
  // Still a child (a chain written by hand): the new code stays at the top rather than deeper.
  return parent && !parent.parentId ? parent : null;
}
