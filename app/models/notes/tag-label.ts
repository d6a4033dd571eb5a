/**
 * How codebook labels compare. Pure, so that it can be tested on its own; the comparisons are
 * made here in JavaScript because SQLite's lower() folds neither accents nor non-ASCII case.
 */

export type CodebookTag = { id: string; label: string };

/** Trimmed, NFC, inner whitespace collapsed: "  Circuit   court " and "Circuit court" are one label. */
export function normalizeTagLabel(label: string): string {
  return label.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Accents and case set aside ("Marché", "MARCHE", "marche" fold alike). */
function fold(label: string): string {
  return normalizeTagLabel(label)
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("fr");
}

/**
 * The identity of a code (`Tag.nameKey`, unique per project): case, accents and spaces folded,
 * so "Marché", "MARCHE" and "marche " are one code, reused without asking. A French team types
 * "Education" on a phone and "Éducation" on a laptop and means the same thing.
 */
export function tagKey(label: string): string {
  return fold(label);
}

/** "marches" → "marche", "reseaux" → "reseau": a plural s or x, on words long enough to have one. */
const withoutPlural = (word: string) => (word.length > 3 ? word.replace(/[sx]$/, "") : word);

/**
 * What a label looks like once punctuation, spaces and a plural s/x are set aside as well:
 * "Circuit-court" and "Circuits courts", "Marchés" and "Marché" look alike. They may be
 * different codes (« Prix » and « Pris »), so a look-alike is only offered, never imposed.
 */
export function tagLookalikeKey(label: string): string {
  return fold(label)
    .split(/[^\p{L}\p{N}]+/u)
    .map(withoutPlural)
    .join("");
}

export type TagMatch = { kind: "same"; tag: CodebookTag } | { kind: "lookalike"; tag: CodebookTag } | null;

/** The codebook tag this label is (case, accents and spaces folded), or one it looks like, or null. */
export function matchTag(codebook: CodebookTag[], label: string): TagMatch {
  const key = tagKey(label);
  const same = codebook.find((tag) => tagKey(tag.label) === key);
  if (same) return { kind: "same", tag: same };
  const lookalike = tagLookalikeKey(label);
  // Letters and digits only: a label of punctuation alone looks like nothing.
  if (!lookalike) return null;
  const similar = codebook
    .filter((tag) => tagLookalikeKey(tag.label) === lookalike)
    .sort((a, b) => a.label.localeCompare(b.label, "fr"))[0];
  return similar ? { kind: "lookalike", tag: similar } : null;
}
