/**
 * How codebook labels compare. Pure, so that it can be tested on its own; the comparisons are
 * made here in JavaScript because SQLite's lower() folds neither accents nor non-ASCII case.
 */

export type CodebookTag = { id: string; label: string };

/** Trimmed, NFC, inner whitespace collapsed: "  Circuit   court " and "Circuit court" are one label. */
export function normalizeTagLabel(label: string): string {
  return label.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The identity of a tag: "Marché" and "MARCHÉ" are the same tag, reused without asking. */
export function tagKey(label: string): string {
  return normalizeTagLabel(label).toLocaleLowerCase("fr");
}

/**
 * What a label looks like once accents, spaces and punctuation are set aside: "Marche" and
 * "Marché", "Circuit-court" and "circuit court" look alike. They may be different words
 * (« pêche » and « péché »), so a look-alike is only offered, never imposed.
 */
export function tagLookalikeKey(label: string): string {
  return normalizeTagLabel(label)
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("fr")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

export type TagMatch = { kind: "same"; tag: CodebookTag } | { kind: "lookalike"; tag: CodebookTag } | null;

/** The codebook tag this label is (ignoring case), or one it looks like, or null. */
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
