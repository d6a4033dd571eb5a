/**
 * Prepares the database before the server starts (`npm start`): applies committed
 * migrations, then seeds the demo coalition when the database is empty and DEMO_DATA is
 * on. Safe to run on every start.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getEnv } from "../app/utils/env.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const env = getEnv();
fs.mkdirSync(path.dirname(env.databaseFile), { recursive: true });

// The Prisma CLI reads DATABASE_URL through .config/prisma.ts; give it the resolved file.
const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: `file:${env.databaseFile}` },
});
if (migrate.status !== 0) {
  console.error("Database migration failed; the server was not started.");
  process.exit(migrate.status ?? 1);
}

const { prisma } = await import("../app/models/core/db.server");
// WAL lets readers continue while the collaboration server writes; the mode is stored in the file.
await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
// Housekeeping on every start: expired sessions, and invitations dead for a month.
const now = new Date();
await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
await prisma.invitation.deleteMany({ where: { expiresAt: { lte: new Date(now.getTime() - 30 * 86_400_000) } } });
// Codebook names from before `Tag.nameKey` existed get their key (old look-alikes merged).
const { backfillCodeNameKeys } = await import("../app/models/codes/code-name-backfill.server");
const backfill = await backfillCodeNameKeys();
if (backfill.merged) console.log(`Codebook: ${backfill.merged} code(s) merged into an older one of the same name.`);
if (env.DEMO_DATA && (await prisma.user.count()) === 0) {
  // The demo data runs as a script of its own, like the migrations: server/ may import app/
  // (models, utils, i18n) but never prisma/, which sits beside it and builds on the same models
  // (docs/ARCHITECTURE.md, "Layers"; tests/unit/layers.test.ts checks it).
  const seed = spawnSync("npx", ["tsx", path.join(root, "prisma/seed-run.ts")], { stdio: "inherit", cwd: root });
  if (seed.status !== 0) {
    console.error("Creating the demo data failed; the server was not started.");
    process.exit(seed.status ?? 1);
  }
  console.log("Demo data created (see README for the demo logins).");
}
await prisma.$disconnect();
