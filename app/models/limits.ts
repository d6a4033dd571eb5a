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
} as const;
