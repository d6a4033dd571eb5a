/**
 * The numbers of comment threads, shared by the server (validation, bounded lists) and the
 * pages (maxLength, hints). Pure: components import it.
 */
export const COMMENT_LIMITS = {
  /** A comment's body, trimmed: a few paragraphs. */
  bodyMax: 5000,
  /** A passage a thread is anchored to, as selected (the same bound as a cited quote). */
  quoteMax: 5000,
  /** Members mentioned in one comment. */
  mentionsMax: 20,
  /** Threads per finding or note: the page reads them all, so they are bounded. */
  threadsMax: 200,
  /** Comments read for one page (500 is the issue's heavy case): the oldest threads' first. */
  commentsShown: 2000,
} as const;

/** The anchor of a new thread travels as base64url of its bytes (two small relative positions). */
export const ANCHOR_PATTERN = /^[A-Za-z0-9_-]{1,2000}={0,2}$/;

/** Where a thread lives on its page: `#thread-<id>`. */
export const threadHash = (threadId: string) => `#thread-${threadId}`;
