import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { DEFAULT_LOCALE, translator } from "~/i18n";
import {
  BUSY_TIMEOUT_MS,
  DatabaseBusyError,
  isDatabaseBusy,
  retryWhileBusy,
  type BusyRetryOptions,
} from "~/utils/database-busy";
import { getEnv } from "~/utils/env.server";
import { databaseBusy } from "~/utils/http.server";
import { oneTransactionAtATime } from "./one-transaction-at-a-time.server";

export type { Prisma } from "~/generated/prisma/client";

/**
 * How long a query waits for a lock held by another connection (another process: a script,
 * a backup, the sqlite3 shell; or the collaboration server's own connection), asynchronously:
 * 10 ms, then twice as long each time up to a second, for 10 s at most — then the request
 * answers 503 (docs/decisions/013). Once the lock is gone a waiting query lands within a
 * second; while it lasts each waiting query costs the event loop a few ms a second.
 */
const BUSY_RETRY: BusyRetryOptions = { firstDelayMs: 10, maxDelayMs: 1000, giveUpAfterMs: 10_000 };

/** Set while an interactive or batch transaction runs an attempt; `busy` is its first busy error. */
const transactionAttempt = new AsyncLocalStorage<{ busy: unknown }>();

// One client per process. In development Remix re-imports modules on every change,
// so the client is kept on globalThis to avoid opening a new connection each time.
const globalForPrisma = globalThis as unknown as { maillagePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const file = getEnv().databaseFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // SQLite's busy wait sleeps on the event loop: a few milliseconds only, longer waits are
  // retried below without blocking it.
  const adapter = oneTransactionAtATime(
    new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }),
    () => transactionAttempt.getStore() !== undefined,
  );
  const retrying = new PrismaClient({ adapter }).$extends({
    name: "retry-while-busy",
    query: {
      async $allOperations({ args, query }) {
        const attempt = transactionAttempt.getStore();
        if (!attempt) return whileBusy(() => query(args));
        // Inside a transaction one statement cannot be retried alone (its snapshot may be
        // stale): the whole transaction is. Remember the failure even if the caller catches it.
        try {
          return await query(args);
        } catch (error) {
          if (isDatabaseBusy(error)) attempt.busy ??= error;
          throw error;
        }
      },
    },
  });
  type Transact = (input: unknown, options?: unknown) => Promise<unknown>;
  const parent = retrying as unknown as { $transaction: Transact };
  const client = retrying.$extends({
    name: "transactions-retried-whole",
    client: {
      $transaction: ((input, options) => transactionWhileBusy(parent, input, options)) satisfies Transact,
    },
  });
  // Both extensions keep every method's signature: callers (and `Prisma.TransactionClient`)
  // see the plain client type.
  return client as unknown as PrismaClient;
}

/**
 * `prisma.$transaction(async (tx) => …)` and `prisma.$transaction([…])`, retried as a whole when
 * the database is busy. A busy statement inside makes the attempt roll back, even if the
 * callback caught its error (committing the rest would apply half of it); the next attempt
 * runs the callback again from the start, on fresh data.
 */
function transactionWhileBusy(
  parent: { $transaction: (input: unknown, options?: unknown) => Promise<unknown> },
  input: unknown,
  options: unknown,
): Promise<unknown> {
  return whileBusy(() => {
    const attempt: { busy: unknown } = { busy: undefined };
    return transactionAttempt.run(attempt, () => {
      if (typeof input !== "function") return parent.$transaction(input, options);
      const callback = input as (tx: unknown) => Promise<unknown>;
      return parent.$transaction(async (tx: unknown) => {
        const result = await callback(tx);
        if (attempt.busy !== undefined) throw attempt.busy;
        return result;
      }, options);
    });
  });
}

async function whileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await retryWhileBusy(attempt, BUSY_RETRY);
  } catch (error) {
    if (!(error instanceof DatabaseBusyError)) throw error;
    console.log(`[db] ${error.message}`);
    // A Response, so that the loader or action answers 503 with the error page's message. The
    // database layer does not know the request's language: French, the reference one.
    const response = databaseBusy(translator(DEFAULT_LOCALE));
    // Outside a request (collaboration projections, scripts) the thrown value is logged.
    response.toString = () => error.message;
    throw response;
  }
}

export const prisma: PrismaClient = (globalForPrisma.maillagePrisma ??= createClient());
