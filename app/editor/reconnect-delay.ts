/**
 * Reconnection policy for the collaboration websocket, without browser dependencies so that it
 * can be unit-tested. `reconnect.client.ts` applies it to the y-websocket provider.
 *
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * after a server restart every client would otherwise retry in lock-step (the stock y-websocket
 * client waits min(100·2^n, 2500) ms, no jitter), which hits the restarting process all at once.
 */

/** Ceiling of the first retry window, in milliseconds. Default 500. */
export const RECONNECT_BASE_MS = 500;
/** No retry waits longer than this, in milliseconds. Default 30 000. */
export const RECONNECT_CAP_MS = 30_000;

export type BackoffOptions = {
  /** Ceiling of the first window (attempt 0). Default RECONNECT_BASE_MS. */
  baseMs?: number;
  /** Largest window. Default RECONNECT_CAP_MS. */
  capMs?: number;
  /** A number in [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
};

/**
 * How long to wait before reconnection attempt `attempt` (0 for the first retry after a
 * connection was lost): a uniformly random delay in [0, min(cap, base·2^attempt)).
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = RECONNECT_BASE_MS, capMs = RECONNECT_CAP_MS, random = Math.random } = options;
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** 1100 is Infinity, which Math.min turns back into the cap: no overflow to guard.
  const ceiling = Math.min(capMs, baseMs * 2 ** n);
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}

/**
 * Websocket close codes the collaboration server uses (server/collab/). Three are final, as
 * retrying cannot help and only hammers the server: 4403, access was revoked; 4410, the
 * document was deleted (a note moved to the trash); and 1009, a message was too big — on
 * reconnecting, the client would send the same unsynced change again (it is the sync answer to
 * every new connection), be closed again, and loop. Everything else
 * is transient: 4429 "document full, retry later", 4409 "your rights changed, reconnect to get
 * the new ones", 1008/1003/1007 "bad message", 1006 for a refused upgrade (the browser hides
 * the HTTP status), network loss.
 */
export const CLOSE_ACCESS_REVOKED = 4403;
export const CLOSE_DOCUMENT_FULL = 4429;
export const CLOSE_RIGHTS_CHANGED = 4409;
export const CLOSE_DOCUMENT_DELETED = 4410;
export const CLOSE_MESSAGE_TOO_BIG = 1009;

export function shouldRetryAfterClose(code: number): boolean {
  return code !== CLOSE_ACCESS_REVOKED && code !== CLOSE_DOCUMENT_DELETED && code !== CLOSE_MESSAGE_TOO_BIG;
}
