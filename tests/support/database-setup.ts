import crypto from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, removeDatabase } from "./migrate";
import { TMP } from "./paths";

/**
 * Migrates one empty SQLite file with the real Prisma CLI (through our offline engine),
 * then each test file copies it (Epic Stack's base-database pattern).
 */
export default function setup(project: TestProject) {
  const file = path.join(TMP, `base-${project.name}-${crypto.randomUUID()}.db`);
  migrateDatabase(file);
  project.provide("baseDatabase", file);
  return () => removeDatabase(file);
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}
