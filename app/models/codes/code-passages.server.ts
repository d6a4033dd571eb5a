import { prisma, type Prisma } from "../core/db.server";
import type { Phase } from "../core/vocabulary";
import { indexCodebook, resolveCode, type CodebookCode } from "./codebook";

/** A phone shows thirty passages comfortably; the pager gives the rest. */
export const CODE_PASSAGES_PER_PAGE = 30;

/** Filters of one code's passages, already checked against what exists (unknown values dropped). */
export type PassageFilters = {
  authorId: string | null;
  communeCode: string | null;
  cycleId: string | null;
  phase: Phase | null;
  from: Date | null;
  to: Date | null;
};

export const NO_PASSAGE_FILTERS: PassageFilters = {
  authorId: null,
  communeCode: null,
  cycleId: null,
  phase: null,
  from: null,
  to: null,
};

/** The ids whose passages are this code's: itself and every code merged into it. */
export function codeIdsOf(codebook: CodebookCode[], codeId: string): string[] {
  const byId = indexCodebook(codebook);
  return codebook.filter((code) => resolveCode(byId, code.id)?.id === codeId).map((code) => code.id);
}

/** The rows a filter selects: passages of these codes in the project's notes outside the trash. */
export function passagesWhere(
  projectId: string,
  codeIds: string[],
  filters: PassageFilters,
): Prisma.CodedPassageWhereInput {
  const { authorId, communeCode, cycleId, phase, from, to } = filters;
  return {
    projectId,
    codeId: { in: codeIds },
    note: {
      projectId,
      deletedAt: null,
      ...(authorId ? { authorId } : {}),
      ...(communeCode ? { placeCommuneCode: communeCode } : {}),
      ...(cycleId ? { cycleId } : {}),
      ...(phase ? { phase } : {}),
      ...(from || to ? { observedOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
    },
  };
}

const passageSelect = {
  passageId: true,
  noteId: true,
  codeId: true,
  text: true,
  start: true,
  updatedAt: true,
  codedById: true,
  note: {
    select: {
      title: true,
      observedOn: true,
      placeCommuneName: true,
      phase: true,
      cycle: { select: { number: true } },
      author: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.CodedPassageSelect;

/** Newest observations first, then each note's passages in reading order. */
const passageOrder: Prisma.CodedPassageOrderByWithRelationInput[] = [
  { note: { observedOn: { sort: "desc", nulls: "last" } } },
  { noteId: "asc" },
  { start: "asc" },
];

/** One page of a code's passages, with the name of whoever coded each, and how many match. */
export async function listCodePassages({
  projectId,
  codeIds,
  filters,
  page,
}: {
  projectId: string;
  codeIds: string[];
  filters: PassageFilters;
  page: number;
}) {
  const where = passagesWhere(projectId, codeIds, filters);
  const [total, passages] = await Promise.all([
    prisma.codedPassage.count({ where }),
    readPassages(where, { skip: (page - 1) * CODE_PASSAGES_PER_PAGE, take: CODE_PASSAGES_PER_PAGE }),
  ]);
  return { total, passages };
}

/**
 * Passages as pages and exports show them (newest observations first, then reading order),
 * each with its note's title, date, commune, cycle, phase and author, and who coded it.
 */
export async function readPassages(
  where: Prisma.CodedPassageWhereInput,
  paging: { skip?: number; take?: number } = {},
) {
  const rows = await prisma.codedPassage.findMany({ where, select: passageSelect, orderBy: passageOrder, ...paging });
  const coders = await userNames(rows.map((row) => row.codedById));
  return rows.map(({ codedById, note, ...row }) => ({
    ...row,
    noteTitle: note.title,
    observedOn: note.observedOn,
    commune: note.placeCommuneName,
    cycle: note.cycle?.number ?? null,
    phase: note.phase,
    author: note.author?.name ?? null,
    codedBy: codedById ? (coders.get(codedById) ?? null) : null,
  }));
}

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/**
 * What the filters may offer for these codes: the authors and communes of the notes that hold
 * their passages (a filter that can only give nothing is not offered). One join from the
 * passages' (codeId, noteId) index, distinct values only.
 */
export async function passageFilterOptions({ projectId, codeIds }: { projectId: string; codeIds: string[] }) {
  const rows = await prisma.$queryRawUnsafe<
    { authorId: string | null; authorName: string | null; code: string | null; name: string | null }[]
  >(
    `SELECT DISTINCT n."authorId" AS "authorId", u."name" AS "authorName",
       n."placeCommuneCode" AS code, n."placeCommuneName" AS name
     FROM "CodedPassage" cp
     JOIN "Note" n ON n."id" = cp."noteId"
     LEFT JOIN "User" u ON u."id" = n."authorId"
     WHERE cp."codeId" IN (${codeIds.map(() => "?").join(", ")}) AND n."projectId" = ? AND n."deletedAt" IS NULL`,
    ...codeIds,
    projectId,
  );
  const authors = new Map<string, string>();
  const communes = new Map<string, string>();
  for (const row of rows) {
    if (row.authorId && row.authorName !== null) authors.set(row.authorId, row.authorName);
    if (row.code) communes.set(row.code, row.name ?? row.code);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");
  return {
    authors: [...authors].map(([id, name]) => ({ id, name })).sort(byName),
    communes: [...communes].map(([code, name]) => ({ code, name })).sort(byName),
  };
}
