import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { expect, test } from "vitest";
import { oneTransactionAtATime } from "./one-transaction-at-a-time.server";

/** A driver adapter that only records, in order, what reached the connection. */
function recordingFactory(log: string[]): SqlDriverAdapterFactory {
  const result = { columnNames: [], columnTypes: [], rows: [] };
  const transaction = (): Transaction => ({
    provider: "sqlite",
    adapterName: "recording",
    options: { usePhantomQuery: false },
    queryRaw: async (query) => (log.push(`tx ${query.sql}`), result),
    executeRaw: async (query) => (log.push(`tx ${query.sql}`), 0),
    commit: async () => void log.push("commit"),
    rollback: async () => void log.push("rollback"),
  });
  const adapter: SqlDriverAdapter = {
    provider: "sqlite",
    adapterName: "recording",
    queryRaw: async (query) => (log.push(query.sql), result),
    executeRaw: async (query) => (log.push(query.sql), 0),
    executeScript: async () => undefined,
    startTransaction: async () => (log.push("begin"), transaction()),
    dispose: async () => undefined,
  };
  return { provider: "sqlite", adapterName: "recording", connect: async () => adapter };
}

const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test("a query from elsewhere waits for the open transaction to end; the transaction's own pass", async () => {
  const log: string[] = [];
  let inside = false;
  const adapter = await oneTransactionAtATime(recordingFactory(log), () => inside).connect();
  const transaction = await adapter.startTransaction();
  await transaction.executeRaw(sql("INSERT a"));
  const outside = adapter.executeRaw(sql("INSERT b"));
  inside = true;
  await adapter.queryRaw(sql("SELECT from the callback"));
  inside = false;
  await tick();
  expect(log).toEqual(["begin", "tx INSERT a", "SELECT from the callback"]);
  await transaction.rollback();
  await outside;
  // Not inside the transaction that was rolled back: the acknowledged write stays.
  expect(log.slice(3)).toEqual(["rollback", "INSERT b"]);
});

test("transactions take turns on the one connection", async () => {
  const log: string[] = [];
  const factory = recordingFactory(log);
  const adapter = await oneTransactionAtATime(factory, () => false).connect();
  const first = await adapter.startTransaction();
  const second = adapter.startTransaction();
  await tick();
  expect(log).toEqual(["begin"]);
  await first.commit();
  await (await second).commit();
  expect(log).toEqual(["begin", "commit", "begin", "commit"]);
});
