import { codeCounts, coOccurrences, type CodeCounts } from "./code-counts.server";
import { listCodebook } from "./codebook.server";
import { compareCodeLabels, type CodebookCode } from "./codebook";

/** The matrix shows at most this many codes (the most co-occurring); the list has every pair. */
export const CO_OCCURRENCE_MATRIX_CODES = 12;

type Counted = Omit<CodebookCode, "parentId" | "retired" | "mergedIntoId"> & CodeCounts;
export type CodeGroup = Counted & { children: Counted[] };

function counted(code: CodebookCode, counts: Map<string, CodeCounts>): Counted {
  const { passages, notes } = counts.get(code.id) ?? { passages: 0, notes: 0 };
  return { id: code.id, label: code.label, definition: code.definition, colour: code.colour, passages, notes };
}

/**
 * Live codes grouped under their parent (a child whose parent is retired or merged is shown at
 * the top level), and retired ones apart, each with its passages and notes.
 */
function groups(codebook: CodebookCode[], counts: Map<string, CodeCounts>) {
  const live = codebook.filter((code) => !code.mergedIntoId && !code.retired);
  const liveIds = new Set(live.map((code) => code.id));
  const top = live.filter((code) => !code.parentId || !liveIds.has(code.parentId));
  const grouped: CodeGroup[] = top.map((code) => ({
    ...counted(code, counts),
    children: live.filter((child) => child.parentId === code.id).map((child) => counted(child, counts)),
  }));
  const retired: CodeGroup[] = codebook
    .filter((code) => !code.mergedIntoId && code.retired)
    .map((code) => ({ ...counted(code, counts), children: [] }));
  return { grouped, retired };
}

/** The matrix's codes (the most co-occurring) and every pair, with the labels they need. */
function coOccurrenceView(codebook: CodebookCode[], pairs: Awaited<ReturnType<typeof coOccurrences>>) {
  const totals = new Map<string, number>();
  for (const { a, b, count } of pairs) {
    totals.set(a, (totals.get(a) ?? 0) + count);
    totals.set(b, (totals.get(b) ?? 0) + count);
  }
  const byId = new Map(codebook.map((code) => [code.id, code]));
  const involved = [...totals.keys()].filter((id) => byId.has(id));
  const matrix = involved
    .sort((x, y) => totals.get(y)! - totals.get(x)! || compareCodeLabels(byId.get(x)!, byId.get(y)!))
    .slice(0, CO_OCCURRENCE_MATRIX_CODES)
    .map((id) => byId.get(id)!)
    .sort(compareCodeLabels)
    .map(({ id, label }) => ({ id, label }));
  return {
    codes: matrix,
    labels: Object.fromEntries(involved.map((id) => [id, byId.get(id)!.label])),
    pairs: pairs.filter((pair) => byId.has(pair.a) && byId.has(pair.b)),
    truncated: involved.length > matrix.length,
  };
}

/** Everything the code view (`/projects/<id>/codes`) shows. */
export async function codeView(projectId: string) {
  const codebook = await listCodebook(projectId);
  const { grouped, retired } = groups(codebook, await codeCounts(projectId, codebook));
  return { codebook, grouped, retired };
}

/**
 * The co-occurrence page (`/projects/<id>/codes/co-occurrences`). Its own page: the self-join
 * compares every pair of passages of every note (≈170 ms on 20,000 passages), which the codebook
 * page, read far more often, does not pay.
 */
export async function coOccurrencePage(projectId: string) {
  const codebook = await listCodebook(projectId);
  return coOccurrenceView(codebook, await coOccurrences(projectId));
}

/** Codes that may be chosen as a parent: live, top-level, not `exceptId`. */
export function parentOptions(codebook: CodebookCode[], exceptId: string | null = null) {
  return codebook
    .filter((code) => !code.mergedIntoId && !code.retired && !code.parentId && code.id !== exceptId)
    .map(({ id, label }) => ({ id, label }));
}
