import { prisma, type Prisma } from "../core/db.server";
import { matchTag, tagKey, tagLookalikeKey } from "../notes/tag-label";
import { mergeCodeRows } from "./code-merge.server";

/** What a code form sets (already validated and normalised by code-form.server.ts). */
export type CodeFields = { label: string; definition: string; colour: string; parentId: string | null };

/**
 * Why a change was refused (nothing written), or the look-alike to confirm first. The route
 * turns each into a message in the user's language.
 */
export type CodeRefusal =
  | { field: "label"; reason: "exists"; label: string }
  | { field: "parentId"; reason: "parentUnknown" | "parentIsChild" | "parentSelf" | "hasChildren"; label?: string }
  | { field: "intoId"; reason: "mergeUnknown" | "mergeSelf" }
  | { field: "form"; reason: "merged" };

export type CodeChange =
  { ok: true; id: string } | { refused: CodeRefusal } | { lookalike: { id: string; label: string } };

type Row = { id: string; label: string; parentId: string | null; mergedIntoId: string | null };

async function codebookOf(tx: Prisma.TransactionClient, projectId: string): Promise<Row[]> {
  return tx.tag.findMany({
    where: { projectId },
    select: { id: true, label: true, parentId: true, mergedIntoId: true },
  });
}

/**
 * The checks a name and a parent pass, for a new code (`self` null) or an edited one. A name the
 * person already confirmed (`confirmed`, folded like the name) skips the look-alike question.
 */
function check(
  codebook: Row[],
  self: Row | null,
  fields: CodeFields,
  confirmed: string,
): { refused: CodeRefusal } | { lookalike: { id: string; label: string } } | null {
  const others = codebook.filter((code) => code.id !== self?.id);
  const match = matchTag(others, fields.label);
  if (match?.kind === "same") return { refused: { field: "label", reason: "exists", label: match.tag.label } };
  const renamed = !self || tagLookalikeKey(self.label) !== tagLookalikeKey(fields.label);
  // Merged codes are not offered as look-alikes: their names live on in their target.
  const live = others.filter((code) => !code.mergedIntoId);
  const lookalike = matchTag(live, fields.label);
  if (renamed && lookalike?.kind === "lookalike" && tagKey(confirmed) !== tagKey(fields.label)) {
    return { lookalike: { id: lookalike.tag.id, label: lookalike.tag.label } };
  }
  if (fields.parentId) {
    const parent = live.find((code) => code.id === fields.parentId);
    if (fields.parentId === self?.id) return { refused: { field: "parentId", reason: "parentSelf" } };
    if (!parent) return { refused: { field: "parentId", reason: "parentUnknown" } };
    if (parent.parentId) return { refused: { field: "parentId", reason: "parentIsChild", label: parent.label } };
    if (self && codebook.some((code) => code.parentId === self.id && !code.mergedIntoId)) {
      return { refused: { field: "parentId", reason: "hasChildren" } };
    }
  }
  return null;
}

/** Adds a code to the project's codebook, unless refused or a look-alike is to be confirmed. */
export async function createCode({
  projectId,
  userId,
  fields,
  confirmed,
}: {
  projectId: string;
  userId: string;
  fields: CodeFields;
  confirmed: string;
}): Promise<CodeChange> {
  // Transactions on this database run one at a time: two people adding "Marché" get one code.
  return prisma.$transaction(async (tx) => {
    const problem = check(await codebookOf(tx, projectId), null, fields, confirmed);
    if (problem) return problem;
    const created = await tx.tag.create({
      data: { projectId, ...fields, nameKey: tagKey(fields.label), createdById: userId },
      select: { id: true },
    });
    return { ok: true as const, id: created.id };
  });
}

/** Renames a code or changes its definition, colour or parent. Null: no such code in the project. */
export async function updateCode({
  projectId,
  codeId,
  fields,
  confirmed,
}: {
  projectId: string;
  codeId: string;
  fields: CodeFields;
  confirmed: string;
}): Promise<CodeChange | null> {
  return prisma.$transaction(async (tx) => {
    const codebook = await codebookOf(tx, projectId);
    const self = codebook.find((code) => code.id === codeId);
    if (!self) return null;
    if (self.mergedIntoId) return { refused: { field: "form", reason: "merged" } } as const;
    const problem = check(codebook, self, fields, confirmed);
    if (problem) return problem;
    await tx.tag.update({ where: { id: codeId }, data: { ...fields, nameKey: tagKey(fields.label) } });
    return { ok: true as const, id: codeId };
  });
}

/**
 * Merges a code into another of the project, in one transaction (code-merge.server.ts says what
 * moves). Null: the merged code is not one of the project's.
 */
export async function mergeCode({
  projectId,
  codeId,
  intoId,
}: {
  projectId: string;
  codeId: string;
  intoId: string;
}): Promise<CodeChange | null> {
  return prisma.$transaction(async (tx) => {
    const codebook = await codebookOf(tx, projectId);
    const self = codebook.find((code) => code.id === codeId);
    if (!self) return null;
    if (self.mergedIntoId) return { refused: { field: "form", reason: "merged" } } as const;
    if (intoId === codeId) return { refused: { field: "intoId", reason: "mergeSelf" } } as const;
    const into = codebook.find((code) => code.id === intoId && !code.mergedIntoId);
    if (!into) return { refused: { field: "intoId", reason: "mergeUnknown" } } as const;
    await mergeCodeRows(tx, { projectId, fromId: codeId, intoId });
    return { ok: true as const, id: intoId };
  });
}

/** Retires a code (kept with its passages, no longer offered) or brings it back. */
export async function setCodeRetired({
  projectId,
  codeId,
  retired,
}: {
  projectId: string;
  codeId: string;
  retired: boolean;
}): Promise<CodeChange | null> {
  return prisma.$transaction(async (tx) => {
    const self = await tx.tag.findFirst({ where: { id: codeId, projectId }, select: { mergedIntoId: true } });
    if (!self) return null;
    if (self.mergedIntoId) return { refused: { field: "form", reason: "merged" } } as const;
    await tx.tag.update({ where: { id: codeId }, data: { retiredAt: retired ? new Date() : null } });
    return { ok: true as const, id: codeId };
  });
}
