import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

export type { Prisma } from "~/generated/prisma/client";

// One client per process. In development Remix re-imports modules on every change,
// so the client is kept on globalThis to avoid opening a new connection each time.
const globalForPrisma = globalThis as unknown as { maillagePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const file = getEnv().databaseFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // busy timeout: a second writer (setup script, collab server) waits instead of failing.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = (globalForPrisma.maillagePrisma ??= createClient());
