/**
 * Shared numbers, in one place, for the server (validation) and the browser (hints,
 * maxLength attributes). Not a .server module: components import it.
 */
export const LIMITS = {
  /** OWASP ASVS 2.1.1: at least 8 characters. */
  passwordMin: 8,
  /** Generous, so that passphrases fit, but a multi-megabyte body cannot tie up Argon2. */
  passwordMax: 1024,
  nameMax: 100,
  emailMax: 254,
  projectTitleMin: 3,
  projectTitleMax: 120,
  projectQuestionMin: 10,
  projectQuestionMax: 1000,
  /** Largest form body the server reads (413 beyond). */
  formBytes: 1024 * 1024,
  /** Invitation links expire after this many days. */
  invitationDays: 7,
  notePlaceMax: 200,
  noteQueryMax: 200,
  /** More words than this add nothing but cost: each one is a LIKE over every note of the project. */
  noteQueryWords: 8,
  /** A phone shows 50 cards comfortably; the count tells how many more there are. */
  notesPerPage: 50,
  /** No field note predates this; anything earlier is a typing slip. */
  earliestObservedDay: "1900-01-01",
  /** A codebook label: 1 to 40 characters once trimmed. */
  tagLabelMax: 40,
  /** A REFI-QDA codebook (.qdc) to import: a few hundred codes weigh some tens of kilobytes. */
  codebookFileBytes: 2 * 1024 * 1024,
} as const;
