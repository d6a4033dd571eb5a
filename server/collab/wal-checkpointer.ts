import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Copies the SQLite write-ahead log into the database file from a worker thread, on its own
 * connection. A checkpoint writes every page the log changed and waits for the disk (fsync):
 * 10–30 ms after a few seconds of typing, which on the main thread would hold back every
 * keystroke of every document meanwhile. PASSIVE never waits for readers or writers, so the
 * server keeps appending while it runs (docs/decisions/010). Its connection may keep a long
 * busy timeout: SQLite sleeps in this thread, not on the event loop (decision 013).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.everyMs);
`;

export type WalCheckpointer = { stop: () => Promise<void> };

export function startWalCheckpointer(
  file: string,
  { everyMs = 1000, log = console.error }: { everyMs?: number; log?: (line: string) => void } = {},
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, driver } });
  // A failed checkpoint is not an error for anyone: the log keeps growing until the next one
  // succeeds, and the main connection's own auto-checkpoint is the safety net.
  worker.on("message", (message: string) => log(`WAL checkpoint failed: ${message}`));
  worker.on("error", (error) => log(`WAL checkpointer stopped: ${String(error)}`));
  worker.unref();
  return {
    async stop() {
      await worker.terminate();
    },
  };
}
