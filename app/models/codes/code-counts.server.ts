import { prisma } from "../core/db.server";
import { indexCodebook, resolveCode, type CodebookCode } from "./codebook";

export type CodeCounts = { passages: number; notes: number };

/**
 * Passages and notes per code, notes in the trash set aside: the project's live notes (index on
 * projectId, deletedAt), then their passages by the primary key (noteId first). Narrowed to
 * `codeIds` for one code's page. Rows of a merged code (a projection that ran before the merge)
 * count in its target; their notes may then count twice, until the next projection.
 */
export async function codeCounts(
  projectId: string,
  codebook: CodebookCode[],
  codeIds: string[] | null = null,
): Promise<Map<string, CodeCounts>> {
  const only = codeIds ? `AND cp."codeId" IN (${codeIds.map(() => "?").join(", ")})` : "";
  const rows = await prisma.$queryRawUnsafe<{ codeId: string; passages: number | bigint; notes: number | bigint }[]>(
    `SELECT cp."codeId" AS "codeId", COUNT(*) AS passages, COUNT(DISTINCT cp."noteId") AS notes
     FROM "Note" n JOIN "CodedPassage" cp ON cp."noteId" = n."id"
     WHERE n."projectId" = ? AND n."deletedAt" IS NULL ${only}
     GROUP BY cp."codeId"`,
    projectId,
    ...(codeIds ?? []),
  );
  const byId = indexCodebook(codebook);
  const counts = new Map<string, CodeCounts>();
  for (const row of rows) {
    const code = resolveCode(byId, row.codeId);
    if (!code) continue;
    const total = counts.get(code.id) ?? { passages: 0, notes: 0 };
    counts.set(code.id, { passages: total.passages + Number(row.passages), notes: total.notes + Number(row.notes) });
  }
  return counts;
}

export type CoOccurrence = { a: string; b: string; count: number };

/** At most this many pairs are read: the matrix shows the codes they involve, the list all of them. */
export const CO_OCCURRENCE_PAIRS = 500;

/**
 * Pairs of codes whose passages overlap in the same note (ranges [start, end) that share at
 * least a character), with how many overlapping pairs of passages each has; most frequent first.
 * One query: the project's live notes, each note's passages joined to themselves by the primary
 * key (noteId first). `+y.codeId` keeps SQLite from reaching y through the codeId index instead,
 * which scans every passage of the code for each passage (docs: "the unary + operator").
 * Bounded by `CO_OCCURRENCE_PAIRS`. Merged codes' rows are moved at the merge, so ids are live.
 */
export async function coOccurrences(projectId: string): Promise<CoOccurrence[]> {
  const rows = await prisma.$queryRaw<{ a: string; b: string; n: number | bigint }[]>`
    SELECT x."codeId" AS a, y."codeId" AS b, COUNT(*) AS n
    FROM "Note" note
    JOIN "CodedPassage" x ON x."noteId" = note."id"
    JOIN "CodedPassage" y ON y."noteId" = note."id" AND +y."codeId" > x."codeId"
      AND x."start" < y."end" AND y."start" < x."end"
    WHERE note."projectId" = ${projectId} AND note."deletedAt" IS NULL
    GROUP BY x."codeId", y."codeId"
    ORDER BY n DESC, a, b
    LIMIT ${CO_OCCURRENCE_PAIRS}`;
  return rows.map((row) => ({ a: row.a, b: row.b, count: Number(row.n) }));
}
