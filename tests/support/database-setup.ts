import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { BIN, ROOT, TMP } from "./paths";

/**
 * Migrates one empty SQLite file with the real Prisma CLI (through our offline engine),
 * then each test file copies it (Epic Stack's base-database pattern).
 */
export default function setup(project: TestProject) {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `base-${project.name}-${crypto.randomUUID()}.db`);
  execFileSync(BIN("prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  project.provide("baseDatabase", file);
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}
