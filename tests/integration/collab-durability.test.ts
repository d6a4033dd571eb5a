import { afterEach, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { connect, plainText, synced, tryUpgrade, until, type TestProvider } from "../support/collab-client";
import { HttpClient } from "../support/http-client";
import { startServer, type TestServer } from "../support/server";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(env: Record<string, string> = {}, databaseFile?: string) {
  const server = await startServer({ env, databaseFile });
  cleanup.push(() => server.stop());
  return server;
}

async function writerOn(server: TestServer) {
  const user = await createUser(server.db);
  const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
  const note = await server.db.note.create({
    data: { projectId: project.id, authorId: user.id },
    select: { id: true },
  });
  const client = new HttpClient(server.url);
  await client.post("/login", { email: user.email, password: user.password });
  return { docName: `note:${note.id}`, cookie: client.cookieHeader() };
}

function open(server: TestServer, docName: string, cookie: string): TestProvider {
  const p = connect(server.url, docName, { cookie });
  cleanup.push(() => p.destroy());
  return p;
}

test("kill -9 right after an edit another client has seen: after a restart the edit is there", async () => {
  // Compacting every 3 updates leaves both a snapshot and a log behind at the crash.
  const first = await startServer({ env: { COLLAB_COMPACT_EVERY: "3" } });
  const { docName, cookie } = await writerOn(first);
  const a = connect(first.url, docName, { cookie });
  const b = connect(first.url, docName, { cookie });
  await Promise.all([synced(a.provider), synced(b.provider)]);
  for (const word of ["relevé", " du 12 mars", " :", " 14", " producteurs"]) {
    a.text.insert(a.text.length, word);
    await until(() => plainText(b.doc).endsWith(word), 5000, `"${word}" seen by b`);
  }
  a.text.insert(a.text.length, " présents");
  await until(() => plainText(b.doc).includes("présents"), 5000, "last edit seen by b");
  expect(await first.db.documentSnapshot.count({ where: { docName } })).toBe(1);
  expect(await first.db.documentUpdate.count({ where: { docName } })).toBeGreaterThan(0);
  await first.crash();
  a.destroy();
  b.destroy();

  const second = await setup({}, first.databaseFile);
  const c = open(second, docName, cookie);
  await synced(c.provider);
  expect(plainText(c.doc)).toBe("relevé du 12 mars : 14 producteurs présents");
});

test("a failing write is not broadcast, is retried, and lands once the database accepts it", async () => {
  const server = await setup({ COLLAB_RETRY_WRITE_MS: "50" });
  const { docName, cookie } = await writerOn(server);
  const a = open(server, docName, cookie);
  const b = open(server, docName, cookie);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  // A real SQLite failure on every append, as a full or read-only disk would give.
  await server.db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_updates BEFORE INSERT ON "DocumentUpdate" BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`,
  );
  a.text.insert(0, "pendant la panne");
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(plainText(b.doc)).toBe("");
  expect(await server.db.documentUpdate.count({ where: { docName } })).toBe(0);
  a.text.insert(0, "et ensuite ");

  await server.db.$executeRawUnsafe("DROP TRIGGER refuse_updates");
  await until(() => plainText(b.doc) === "et ensuite pendant la panne", 5000, "retried updates at b");
  expect(await server.db.documentUpdate.count({ where: { docName } })).toBeGreaterThanOrEqual(2);
});

test("the update log is compacted into one snapshot, and the document reloads identical", async () => {
  const server = await setup({ COLLAB_COMPACT_EVERY: "5", COLLAB_UNLOAD_AFTER_MS: "100" });
  const { docName, cookie } = await writerOn(server);
  const a = connect(server.url, docName, { cookie });
  await synced(a.provider);
  for (let i = 0; i < 12; i++) a.text.insert(a.text.length, `mot${i} `);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const expected = plainText(a.doc);
  await expect.poll(() => server.db.documentUpdate.count({ where: { docName } }), { timeout: 3000 }).toBeLessThan(5);
  expect(await server.db.documentSnapshot.count({ where: { docName } })).toBe(1);
  a.destroy();
  // Unloaded after its last client left: the remaining log is folded into the snapshot too.
  await expect.poll(() => server.db.documentUpdate.count({ where: { docName } }), { timeout: 3000 }).toBe(0);
  const b = open(server, docName, cookie);
  await synced(b.provider);
  expect(plainText(b.doc)).toBe(expected);
});

test("after a full compaction, the next edit is numbered after the snapshot and survives kill -9", async () => {
  const first = await setup({ COLLAB_COMPACT_EVERY: "5" });
  const { docName, cookie } = await writerOn(first);
  const a = connect(first.url, docName, { cookie });
  const watcher = connect(first.url, docName, { cookie });
  await Promise.all([synced(a.provider), synced(watcher.provider)]);
  for (let i = 0; i < 7; i++) a.text.insert(a.text.length, `mot${i} `);
  // Seen by another client, so stored.
  await until(() => plainText(watcher.doc) === plainText(a.doc), 5000, "edits relayed");
  // SIGTERM folds the whole log into the snapshot: the next server finds no update rows.
  expect(await first.terminate()).toBe(0);
  a.destroy();
  watcher.destroy();

  const second = await setup({}, first.databaseFile);
  expect(await second.db.documentUpdate.count({ where: { docName } })).toBe(0);
  const { lastUpdateId } = await second.db.documentSnapshot.findUniqueOrThrow({ where: { docName } });
  expect(lastUpdateId).toBeGreaterThanOrEqual(7);
  // Ids count per document: a room loaded from a snapshot continues after its mark, not at 1 —
  // an update numbered at or below the mark would be skipped at the next load.
  const b = connect(second.url, docName, { cookie });
  await synced(b.provider);
  b.text.insert(b.text.length, "après");
  await expect
    .poll(() => second.db.documentUpdate.findMany({ where: { docName }, select: { id: true } }), { timeout: 10_000 })
    .toEqual([{ id: lastUpdateId + 1 }]);
  await second.crash();
  b.destroy();

  const third = await setup({}, first.databaseFile);
  const c = open(third, docName, cookie);
  await synced(c.provider);
  expect(plainText(c.doc)).toBe("mot0 mot1 mot2 mot3 mot4 mot5 mot6 après");
});

test("a note typed without a pause is projected every max-wait, and once more when it goes quiet", async () => {
  const server = await setup({ COLLAB_PROJECTION_DELAY_MS: "400", COLLAB_PROJECTION_MAX_WAIT_MS: "1000" });
  const { docName, cookie } = await writerOn(server);
  const noteId = docName.slice("note:".length);
  const title = async () =>
    (await server.db.note.findUniqueOrThrow({ where: { id: noteId }, select: { title: true } })).title;
  const a = open(server, docName, cookie);
  await synced(a.provider);
  // A word every 100 ms for 2.5 s: never the 400 ms of quiet a projection waits for.
  const seenWhileTyping: string[] = [];
  for (let i = 0; i < 25; i++) {
    a.text.insert(a.text.length, `m${i} `);
    await new Promise((resolve) => setTimeout(resolve, 100));
    seenWhileTyping.push(await title());
  }
  const finalText = plainText(a.doc).trim();
  // Projected while the typing went on: a title that is neither empty nor the final text.
  expect(seenWhileTyping.filter((seen) => seen !== "" && seen !== finalText)).not.toEqual([]);
  await expect.poll(title, { timeout: 3000 }).toBe(finalText);
});

test("a document takes a bounded number of clients, and a session a bounded number of connections", async () => {
  const server = await setup({ COLLAB_MAX_CLIENTS_PER_DOCUMENT: "2", COLLAB_CONNECTIONS_PER_MINUTE: "6" });
  const { docName, cookie } = await writerOn(server);
  const url = `${server.url.replace("http", "ws")}/collab/${docName}`;
  const headers = { origin: server.url, cookie };
  const a = open(server, docName, cookie);
  const b = open(server, docName, cookie);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  expect(await tryUpgrade(url, headers)).toBe(503);
  const statuses: (number | "open")[] = [];
  for (let i = 0; i < 4; i++) statuses.push(await tryUpgrade(url, headers));
  expect(statuses).toContain(429);
});

test("SIGTERM writes every open document's snapshot and exits cleanly", async () => {
  const server = await startServer();
  const { docName, cookie } = await writerOn(server);
  const a = connect(server.url, docName, { cookie });
  await synced(a.provider);
  a.text.insert(0, "avant l'arrêt");
  const watcher = connect(server.url, docName, { cookie });
  await until(() => plainText(watcher.doc) === "avant l'arrêt", 5000, "edit stored and relayed");
  watcher.destroy();
  const reader = new (await import("better-sqlite3")).default(server.databaseFile);
  expect(await server.terminate()).toBe(0);
  a.destroy();
  const counts = reader
    .prepare(
      'SELECT (SELECT count(*) FROM "DocumentUpdate" WHERE docName = ?) AS updates, (SELECT count(*) FROM "DocumentSnapshot" WHERE docName = ?) AS snapshots',
    )
    .get(docName, docName);
  reader.close();
  expect(counts).toEqual({ updates: 0, snapshots: 1 });
  const restarted = await setup({}, server.databaseFile);
  const b = open(restarted, docName, cookie);
  await synced(b.provider);
  expect(plainText(b.doc)).toBe("avant l'arrêt");
});

test("a cold document is served from its stored bytes; edits made before connecting still reach it", async () => {
  const server = await setup({ COLLAB_UNLOAD_AFTER_MS: "100" });
  const { docName, cookie } = await writerOn(server);
  const first = open(server, docName, cookie);
  await synced(first.provider);
  first.text.insert(0, "stocké");
  const watcher = open(server, docName, cookie);
  await until(() => plainText(watcher.doc) === "stocké", 5000, "edit relayed");
  for (const step of cleanup.splice(1).reverse()) await step(); // every client leaves: the room unloads
  await new Promise((resolve) => setTimeout(resolve, 400));

  // A reader of the cold document gets it whole.
  const reader = open(server, docName, cookie);
  await synced(reader.provider);
  expect(plainText(reader.doc)).toBe("stocké");

  // A writer that typed before its socket opened (as after a night offline): the server's state
  // vector, read from the stored bytes, asks for the edit; it is stored and reaches the reader.
  const offline = connect(server.url, docName, { cookie });
  cleanup.push(() => offline.destroy());
  offline.text.insert(0, "hors ligne ");
  await until(() => plainText(reader.doc).includes("hors ligne"), 5000, "offline edit relayed");
  await until(() => plainText(offline.doc) === plainText(reader.doc), 5000, "converged");
  const restarted = await server.terminate();
  expect(restarted).toBe(0);
  const again = await setup({}, server.databaseFile);
  const check = open(again, docName, cookie);
  await synced(check.provider);
  expect(plainText(check.doc)).toBe(plainText(reader.doc));
});
