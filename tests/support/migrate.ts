import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BIN, ROOT } from "./paths";

/** A fresh SQLite file migrated with the real Prisma CLI (through our offline engine), in WAL mode. */
export function migrateDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(BIN("prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
