// server/setup.ts on a database written before `Tag.nameKey`: every tag gets its key, and old tags
// that fold to one name become one code (the older keeps the name, the others are merged into it).
import { execFileSync } from "node:child_process";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { createNote, createProject, createTag, createUser } from "../factories";
import { ROOT } from "../support/paths";
import { startServer, type TestServer } from "../support/server";

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
});

/** The start-up as `npm start` runs it, before the server (which is stopped: it holds the file). */
function runSetup(databaseFile: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "server/setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${databaseFile}`, DEMO_DATA: "false" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

// Two server starts and a migration run: give it room on a busy 2-core machine.
test("the start-up fills name keys and merges old tags of one name into the older", { timeout: 90_000 }, async () => {
  server = await startServer();
  const db = server.db;
  const user = await createUser(db);
  const project = await createProject(db, { members: [[user.id, "researcher"]] });
  const other = await createProject(db, { members: [[user.id, "researcher"]] });
  const old = async (projectId: string, label: string, createdAt: string) =>
    db.tag.create({ data: { projectId, label, createdAt: new Date(createdAt) }, select: { id: true } });
  const market = await old(project.id, "Marché", "2026-01-01T10:00:00Z");
  const marketAgain = await old(project.id, "MARCHE", "2026-02-01T10:00:00Z");
  const marketSpaced = await old(project.id, "marché ", "2026-03-01T10:00:00Z");
  const bike = await old(project.id, "Vélo", "2026-01-05T10:00:00Z");
  // Another project's "marche" is its own code.
  const elsewhere = await old(other.id, "marche", "2026-04-01T10:00:00Z");
  const both = await createNote(db, { projectId: project.id, authorId: user.id, tagIds: [market.id, marketAgain.id] });
  const later = await createNote(db, { projectId: project.id, authorId: user.id, tagIds: [marketSpaced.id] });
  // A tag written by this version already has its key: left as it is.
  const keyed = await createTag(db, { projectId: project.id, label: "Circuit court" });
  expect(await server.terminate()).toBe(0);

  expect(runSetup(server.databaseFile)).toContain("Codebook: 2 code(s) merged into an older one of the same name.");
  const check = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: server.databaseFile, timeout: 5000 }) });
  try {
    const tags = await check.tag.findMany({ select: { id: true, nameKey: true, mergedIntoId: true } });
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    expect(byId.get(market.id)).toMatchObject({ nameKey: "marche", mergedIntoId: null });
    expect(byId.get(marketAgain.id)).toMatchObject({ mergedIntoId: market.id });
    expect(byId.get(marketSpaced.id)).toMatchObject({ mergedIntoId: market.id });
    expect(byId.get(bike.id)).toMatchObject({ nameKey: "velo", mergedIntoId: null });
    expect(byId.get(elsewhere.id)).toMatchObject({ nameKey: "marche", mergedIntoId: null });
    expect(byId.get(keyed.id)).toMatchObject({ nameKey: "circuit court", mergedIntoId: null });
    // A note keeps one row for the kept tag, none for the merged ones.
    const tagsOf = (noteId: string) => check.noteTag.findMany({ where: { noteId }, select: { tagId: true } });
    expect(await tagsOf(both.id)).toEqual([{ tagId: market.id }]);
    expect(await tagsOf(later.id)).toEqual([{ tagId: market.id }]);
  } finally {
    await check.$disconnect();
  }
  // The next start has nothing left to do.
  expect(runSetup(server.databaseFile)).not.toContain("Codebook:");
});
