// Prisma CLI configuration. Lives in .config/ because the project's top level is fixed
// (docs/ARCHITECTURE.md); Prisma looks here by default.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Prisma 7 downloads a native schema engine from its own host on first use; these
// machines, CI and many public-sector networks cannot reach it. Our engine runs
// Prisma's published Wasm build instead (docs/decisions/004).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  datasource: { url: process.env.DATABASE_URL ?? `file:${path.join(root, "prisma/data/maillage.db")}` },
});
