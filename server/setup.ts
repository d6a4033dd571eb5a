/**
 * Prepares the database before the server starts (`npm start`): applies committed
 * migrations, then seeds the demo coalition when the database is empty and DEMO_DATA is
 * on. Safe to run on every start.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../app/utils/env.server";

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
if (env.DEMO_DATA && (await prisma.user.count()) === 0) {
  const { seedDemoData } = await import("../prisma/seed");
  await seedDemoData(prisma);
  console.log("Demo data created (see README for the demo logins).");
}
await prisma.$disconnect();
