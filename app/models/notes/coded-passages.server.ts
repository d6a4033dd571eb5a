import { prisma } from "../core/db.server";
import { indexCodebook, listCodebook } from "../codes/codebook.server";
import type { FlatText } from "./note-flat-text";
import { readCodedPassages, type ProjectedPassage } from "./coded-passages";

/** Lines go to stdout, like the rest of the collaboration server's log (server/collab/index.ts). */
const log = (line: string) => console.log(`[collab] ${line}`);

/** Passages already reported: a forged mark stays in the document and is met at every projection. */
const reported = new Set<string>();
const REPORTED_MAX = 10_000;

function logUnknownOnce(noteId: string, passageIds: string[]) {
  const fresh = passageIds.filter((id) => !reported.has(`${noteId}\n${id}`));
  if (!fresh.length) return;
  if (reported.size > REPORTED_MAX) reported.clear();
  for (const id of fresh) reported.add(`${noteId}\n${id}`);
  log(`note:${noteId}: dropped ${fresh.length} coded passage(s) whose code is not the project's`);
}

type Row = { passageId: string; codeId: string; text: string; start: number; end: number; codedById: string | null };

const same = (a: Row, b: Row) =>
  a.codeId === b.codeId && a.text === b.text && a.start === b.start && a.end === b.end && a.codedById === b.codedById;

/**
 * Writes the note's CodedPassage rows from its flat text: one per passage id, its code resolved
 * through merges. Marks are client data, so a code id that is not one of the project's (forged,
 * or copied from another project) is dropped and logged, never stored, and `codedById` is kept
 * only when that user exists. The note's rows are replaced in one transaction when anything
 * differs, so a reader never sees half a note's coding; nothing is written when nothing changed.
 */
export async function writeCodedPassages({
  noteId,
  projectId,
  flat,
}: {
  noteId: string;
  projectId: string;
  flat: FlatText;
}): Promise<void> {
  const [codebook, stored] = await Promise.all([
    listCodebook(projectId),
    prisma.codedPassage.findMany({
      where: { noteId },
      select: { passageId: true, codeId: true, text: true, start: true, end: true, codedById: true },
    }),
  ]);
  const { passages, unknown } = readCodedPassages(flat, indexCodebook(codebook));
  logUnknownOnce(noteId, unknown);
  const rows = await withAuthors(passages);
  const before = new Map(stored.map((row) => [row.passageId, row]));
  if (
    rows.length === stored.length &&
    rows.every((row) => before.has(row.passageId) && same(row, before.get(row.passageId)!))
  ) {
    return;
  }
  const now = new Date().toISOString();
  await prisma.$transaction([
    prisma.codedPassage.deleteMany({ where: { noteId } }),
    ...chunks(rows, INSERT_ROWS_MAX).map((chunk) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO "CodedPassage" ("noteId", "passageId", "projectId", "codeId", "text", "start", "end", "codedById", "updatedAt") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...chunk.flatMap((r) => [noteId, r.passageId, projectId, r.codeId, r.text, r.start, r.end, r.codedById, now]),
      ),
    ),
  ]);
}

/**
 * Rows per INSERT (9 parameters each, far below SQLite's 32,766). One statement per chunk, not
 * Prisma's createMany: with the driver adapter it took ~35 ms for 200 rows, this ~3 ms, and a
 * note's projection must stay under 20 ms with 200 passages (issue 14 §4). PostgreSQL takes the
 * same statement with $1… placeholders.
 */
const INSERT_ROWS_MAX = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function withAuthors(passages: ProjectedPassage[]): Promise<Row[]> {
  const ids = [...new Set(passages.map((p) => p.by).filter(Boolean))];
  const users = ids.length
    ? new Set((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((u) => u.id))
    : new Set<string>();
  return passages.map(({ by, ...passage }) => ({ ...passage, codedById: users.has(by) ? by : null }));
}
