import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { startWalCheckpointer } from "../../server/collab/wal-checkpointer";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function walDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-wal-"));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "test.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // As the document store sets it: only the checkpointer should checkpoint here.
  db.pragma("wal_autocheckpoint = 10000");
  db.exec("CREATE TABLE t (x BLOB)");
  cleanup.push(() => {
    db.close();
  });
  return { file, db };
}

function writeRows(db: Database.Database, count: number) {
  const insert = db.prepare("INSERT INTO t (x) VALUES (?)");
  for (let i = 0; i < count; i++) insert.run(Buffer.alloc(1000, i % 256));
}

/** Rows committed in WAL mode reach the database file itself only through a checkpoint. */
const fileSize = (file: string) => fs.statSync(file).size;

test("the worker copies the log into the database file, so the main connection never has to", async () => {
  const { file, db } = walDatabase();
  const before = fileSize(file);
  const logged: string[] = [];
  const checkpointer = startWalCheckpointer(file, { everyMs: 50, log: (line) => logged.push(line) });
  cleanup.push(() => checkpointer.stop());
  writeRows(db, 200);
  await expect.poll(() => fileSize(file), { timeout: 5000 }).toBeGreaterThan(before + 150_000);
  expect(logged).toEqual([]);
});

test("without it the rows stay in the log (the check above can fail)", async () => {
  const { file, db } = walDatabase();
  const before = fileSize(file);
  writeRows(db, 200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(fileSize(file)).toBe(before);
});

test("a database that cannot be opened is reported, not thrown", async () => {
  const logged: string[] = [];
  const checkpointer = startWalCheckpointer(path.join(os.tmpdir(), "no-such-dir", "x", "test.db"), {
    log: (line) => logged.push(line),
  });
  cleanup.push(() => checkpointer.stop());
  await expect.poll(() => logged.length, { timeout: 5000 }).toBeGreaterThan(0);
  expect(logged[0]).toMatch(/WAL checkpointer stopped/);
});
