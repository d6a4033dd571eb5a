/**
 * The codebook as the editor, the projection and the code view see it. Pure (no database), so
 * that the editor can use it in the browser and the projection can test ids against it.
 */

/** One code of a project, merged and retired ones included. */
export type CodebookCode = {
  id: string;
  label: string;
  definition: string;
  colour: string;
  parentId: string | null;
  retired: boolean;
  mergedIntoId: string | null;
};

/** Guards against a merge loop written by hand in the database (A → B → A). */
const MAX_MERGE_HOPS = 32;

/**
 * The code an id stands for once merges are followed ("Marche" merged into "Marché" stands for
 * "Marché"), or null when the id is not a code of this codebook (a forged or foreign id), or when
 * the merge chain loops or leaves the codebook. Accepts the list or `indexCodebook(list)` (for
 * many ids).
 */
export function resolveCode(
  codebook: readonly CodebookCode[] | ReadonlyMap<string, CodebookCode>,
  id: string,
): CodebookCode | null {
  const byId = "get" in codebook ? codebook : indexCodebook(codebook);
  let code = byId.get(id);
  for (let hops = 0; code && code.mergedIntoId; hops++) {
    if (hops >= MAX_MERGE_HOPS) return null;
    code = byId.get(code.mergedIntoId);
  }
  return code ?? null;
}

/** Codes by id, for resolving many ids against one codebook. */
export function indexCodebook(codebook: readonly CodebookCode[]): Map<string, CodebookCode> {
  return new Map(codebook.map((code) => [code.id, code]));
}

/** French order of labels ("Éducation" between "Eau" and "Foncier"). */
export const codeCollator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

export function compareCodeLabels(a: { label: string }, b: { label: string }): number {
  return codeCollator.compare(a.label, b.label) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** A definition says what belongs under a code in a paragraph or two. */
export const CODE_DEFINITION_MAX = 1000;

/** The colour of a code's underline: "#rrggbb", lower-case once saved. */
export const CODE_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The colours offered first (each readable as an underline on white, WCAG 1.4.11 ≥ 3:1). */
export const CODE_PALETTE = ["#1f6f8b", "#b5452a", "#2f7d32", "#7b4fa0", "#a6590d", "#b0306a", "#4a5a6a", "#0b7a75"];
