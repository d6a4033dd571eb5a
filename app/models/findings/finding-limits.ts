/**
 * The findings' numbers, shared by the server (validation) and the pages (hints, maxLength).
 * Pure: components import it.
 */
export const FINDING_LIMITS = {
  /** As a note's title (a finding's title is its document's first heading). */
  titleMax: 120,
  /** The statement typed in the new-finding form; the live document has its own message limit. */
  statementMax: 2000,
  rationaleMax: 2000,
  /** "Ce que cela montre": one or two sentences. */
  commentMax: 1000,
  /** A cited passage: a few paragraphs, not a whole note. */
  quoteMax: 5000,
  sourceTitleMax: 300,
  sourceUrlMax: 2000,
  sourceReferenceMax: 1000,
  /** Evidence items per finding. */
  evidenceMax: 500,
  communesMax: 50,
  queryMax: 200,
  perPage: 50,
  /** Passages of a code shown under a code evidence (the code page lists them all). */
  codePassagesShown: 3,
} as const;
