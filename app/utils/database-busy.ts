/**
 * Waiting for SQLite's lock without stopping the server (docs/decisions/013).
 *
 * better-sqlite3 is synchronous: its busy timeout is SQLite sleeping inside the call, on the
 * thread that made it — for the server, the event loop. While another process held the write
 * lock, a 5 s timeout froze every request and socket for 5 s at a time. So each main-thread
 * connection waits inside SQLite at most `BUSY_TIMEOUT_MS`, and longer waits are retried from
 * here, asynchronously, with backoff: the event loop serves everyone else meanwhile.
 */

/**
 * SQLite's own busy wait (the connection's `timeout`), on the main thread: enough for another
 * process's quick commit. Not more: every request waiting for a long lock pays it at each
 * attempt, so ten waiting writes at 20 ms would hold the loop a good part of every second
 * (measured per failed attempt: 1 ms at 0, 7 ms at 5, 23 ms at 20, 54 ms at 50).
 */
export const BUSY_TIMEOUT_MS = 5;

export type BusyRetryOptions = {
  /** First pause before retrying; each retry doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long (first attempt included) the last busy error becomes a DatabaseBusyError. */
  giveUpAfterMs: number;
};

/** The database stayed locked longer than the caller was willing to wait. */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
  constructor(
    readonly waitedMs: number,
    cause: unknown,
  ) {
    super(`database busy: gave up after ${waitedMs} ms (${String(cause)})`, { cause });
  }
}

/**
 * SQLITE_BUSY (another connection holds the lock; includes BUSY_SNAPSHOT, a transaction whose
 * snapshot another connection's commit made stale) or SQLITE_LOCKED, whoever reports it:
 * better-sqlite3 puts the code on its error, Prisma's driver adapter on `cause.originalCode`,
 * and Prisma's client wraps that error in `meta.driverAdapterError`.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code =
    sqliteCode(error) ??
    sqliteCode(field(error, "cause")) ??
    sqliteCode(field(field(error, "meta"), "driverAdapterError"));
  return code !== undefined && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

function sqliteCode(error: unknown): string | undefined {
  const code = field(error, "code") ?? field(field(error, "cause"), "originalCode");
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Runs `attempt` until it succeeds, retrying when it fails because the database is busy, after
 * pauses that double each time ("equal jitter": half the pause is random, so that requests
 * that failed together do not all come back at the same moment). Any other error is thrown at
 * once. `attempt` must change nothing when it fails busy (one statement, or a transaction
 * rolled back), so that running it again cannot apply anything twice.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
  const started = Date.now();
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** retry);
      const pause = ceiling / 2 + (Math.random() * ceiling) / 2;
      const waited = Date.now() - started;
      if (waited + pause > options.giveUpAfterMs) throw new DatabaseBusyError(waited, error);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
