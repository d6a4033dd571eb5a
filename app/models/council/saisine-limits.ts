/** The bounds of a saisine's forms, shared by the server's checks and the form's hints. */
export const SAISINE_LIMITS = { questionMax: 2000, findingsMax: 100, votesMax: 100_000 } as const;
