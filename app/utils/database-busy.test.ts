import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { BUSY_TIMEOUT_MS, DatabaseBusyError, isDatabaseBusy, retryWhileBusy } from "./database-busy";

const files: string[] = [];
afterEach(() => {
  for (const file of files.splice(0))
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

/** Two connections on one WAL file, as the server and another process would be; `holder` takes the write lock. */
function twoConnections() {
  const file = path.join(os.tmpdir(), `busy-${crypto.randomUUID()}.db`);
  files.push(file);
  const holder = new Database(file);
  holder.pragma("journal_mode = WAL");
  holder.exec("CREATE TABLE t (n INTEGER)");
  const server = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  holder.exec("BEGIN IMMEDIATE");
  return { holder, insert: async () => void server.prepare("INSERT INTO t VALUES (1)").run(), server };
}

const quick = { firstDelayMs: 5, maxDelayMs: 40, giveUpAfterMs: 5000 };

describe("waiting for SQLite's write lock", () => {
  test("a locked write fails within the short busy timeout, and is recognised however it is wrapped", async () => {
    const { insert, holder } = twoConnections();
    const started = performance.now();
    const error = await insert().catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(BUSY_TIMEOUT_MS + 45);
    expect((error as { code?: string }).code).toBe("SQLITE_BUSY");
    expect(isDatabaseBusy(error)).toBe(true);
    // Prisma's client error carries the driver adapter's error in `meta`.
    const prisma = (originalCode: string) => ({
      code: "P1008",
      meta: { driverAdapterError: { cause: { originalCode } } },
    });
    expect(isDatabaseBusy(prisma("SQLITE_BUSY_SNAPSHOT"))).toBe(true);
    expect(isDatabaseBusy({ cause: { originalCode: "SQLITE_LOCKED" } })).toBe(true);
    expect(isDatabaseBusy(prisma("SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
    expect(isDatabaseBusy(new Error("database is locked"))).toBe(false);
    holder.exec("COMMIT");
  });

  test("retried without blocking the event loop, it lands once the lock is released", async () => {
    const { insert, holder, server } = twoConnections();
    let longestTick = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestTick = Math.max(longestTick, performance.now() - last);
      last = performance.now();
    }, 2);
    setTimeout(() => holder.exec("COMMIT"), 300);
    let attempts = 0;
    await retryWhileBusy(() => (attempts++, insert()), quick);
    clearInterval(ticker);
    expect(server.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1 });
    expect(attempts).toBeGreaterThan(2);
    // Each attempt sleeps inside SQLite for at most the busy timeout; the waits between are timers.
    expect(longestTick).toBeLessThan(BUSY_TIMEOUT_MS + 45);
  });

  test("gives up after the bound with a DatabaseBusyError; any other error is thrown at once", async () => {
    const { insert, holder } = twoConnections();
    const error = await retryWhileBusy(insert, { ...quick, giveUpAfterMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    // The last attempt starts before the bound; it may end a busy timeout (and a late timer) after it.
    expect((error as DatabaseBusyError).waitedMs).toBeLessThan(200 + BUSY_TIMEOUT_MS + 100);
    expect(isDatabaseBusy((error as DatabaseBusyError).cause)).toBe(true);
    holder.exec("COMMIT");

    let attempts = 0;
    const failure = new Error("no such table: u");
    await expect(
      retryWhileBusy(async () => {
        attempts++;
        throw failure;
      }, quick),
    ).rejects.toBe(failure);
    expect(attempts).toBe(1);
  });
});
