import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { createProject, createUser } from "../factories";
import { connect, plainText, synced, until, type TestProvider } from "../support/collab-client";
import { HttpClient, location } from "../support/http-client";
import { startServer, type TestServer } from "../support/server";

/**
 * Issue 13, point 12: another process holds SQLite's write lock for 15 s. Nothing may wait for
 * it on the server's event loop: pages keep answering, edits wait unacknowledged, and once the
 * lock is gone every edit is stored and relayed, in order (docs/decisions/013).
 */
const LOCK_MS = 15_000;

let server: TestServer;
const providers: TestProvider[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const p of providers) p.destroy();
  for (const child of children) child.kill();
  await server.stop();
  expect(server.stderr()).toBe("");
});

const validProject = {
  question: "Comment garder la valeur des ventes sur le territoire ?",
  territory: "commune:38548",
  sectors: ["agriculture"],
  phase: "diagnosis",
  visibility: "members",
};

/** A `node -e` process; resolves with the first line it prints. */
function nodeProcess(source: string): { child: ChildProcess; lines: string[]; line: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const lines: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().trim().split("\n")));
  const line = (text: string) => until(() => lines.includes(text), LOCK_MS + 10_000, `"${text}" from a child process`);
  return { child, lines, line };
}

/** A second process: `BEGIN IMMEDIATE` takes the write lock, held for `ms`, then COMMIT. */
function holdWriteLock(file: string, ms: number) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  return nodeProcess(`
    const Database = require(${JSON.stringify(driver)});
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE");
    console.log("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); console.log("released"); }, ${ms});
  `);
}

/**
 * A bare HTTP server in its own process, timed like the app: on this shared two-core machine
 * other work can stall any process for a moment, and its worst latency says how much of the
 * app's comes from the machine rather than from the app.
 */
async function controlServer(): Promise<string> {
  const control = nodeProcess(`
    require("node:http").createServer((req, res) => res.end("ok"))
      .listen(0, "127.0.0.1", function () { console.log("port " + this.address().port); });
  `);
  await until(() => control.lines.some((l) => l.startsWith("port ")), 10_000, "the control server");
  return `http://127.0.0.1:${control.lines.find((l) => l.startsWith("port "))!.slice(5)}`;
}

/** GETs `path` one after the other until `done()`, and returns every latency in ms. */
async function timeRequests(client: HttpClient, path: string, done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!done()) {
    const started = performance.now();
    const response = await client.get(path);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    expect(response.status, path).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies;
}

const worst = (latencies: number[]) => Math.round(Math.max(...latencies));
const median = (latencies: number[]) => Math.round([...latencies].sort((a, b) => a - b)[latencies.length >> 1]!);

test(
  "a 15 s write lock held by another process freezes nothing, and no edit is lost",
  { timeout: 90_000 },
  async () => {
    const user = await createUser(server.db);
    const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const note = await server.db.note.create({
      data: { projectId: project.id, authorId: user.id },
      select: { id: true },
    });
    const docName = `note:${note.id}`;
    const member = new HttpClient(server.url);
    expect((await member.post("/login", { email: user.email, password: user.password })).status).toBe(302);
    const visitor = new HttpClient(server.url);
    const control = new HttpClient(await controlServer());
    const notePage = `/projects/${project.id}/notes/${note.id}`;

    const writer = connect(server.url, docName, { cookie: member.cookieHeader() });
    const reader = connect(server.url, docName, { cookie: member.cookieHeader() });
    providers.push(writer, reader);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    writer.text.insert(0, "avant");
    await until(() => plainText(reader.doc) === "avant", 5000, "the edit before the lock");
    // Every path once, so that what is timed is the lock and not a first render (nor the
    // territory index that the project form reads, built from the official files on first use,
    // nor Prisma compiling the project's creation the first time).
    expect((await member.post("/projects/new", { ...validProject, title: "Avant le verrou" })).status).toBe(302);
    for (const [client, path] of [
      [member, notePage],
      [member, "/projects"],
      [visitor, "/login"],
      [visitor, "/favicon.svg"],
    ] as const) {
      expect((await client.get(path)).status).toBe(200);
    }

    const lock = holdWriteLock(server.databaseFile, LOCK_MS);
    await lock.line("locked");
    const lockedAt = Date.now();
    let released = false;
    void lock.line("released").then(() => (released = true));

    // A write asked for at once waits, then gives up with a 503 the person can read; one asked
    // for near the end waits for the lock to go and lands, whole (an interactive transaction).
    const refused = member.post("/projects/new", { ...validProject, title: "Pendant le verrou" });
    const lateWrite = new Promise((resolve) => setTimeout(resolve, LOCK_MS - 4000)).then(() =>
      member.post("/projects/new", { ...validProject, title: "Juste avant la fin du verrou" }),
    );

    // Someone types during the lock: nothing may be relayed before it is stored.
    const typed: string[] = [];
    const typing = (async () => {
      for (let i = 0; !released && Date.now() - lockedAt < LOCK_MS - 500; i++) {
        const word = ` mot${i}`;
        writer.text.insert(writer.text.length, word);
        typed.push(word);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();
    let relayedDuringLock = false;
    const watching = until(() => (relayedDuringLock ||= plainText(reader.doc) !== "avant") || released, LOCK_MS + 5000);

    const [notePageTimes, projectsTimes, loginTimes, staticTimes, controlTimes] = await Promise.all([
      timeRequests(member, notePage, () => released),
      timeRequests(member, "/projects", () => released),
      timeRequests(visitor, "/login", () => released),
      timeRequests(visitor, "/favicon.svg", () => released),
      timeRequests(control, "/", () => released),
    ]);
    await Promise.all([typing, watching]);

    const pages = [...notePageTimes, ...projectsTimes, ...loginTimes];
    console.log(
      `During a ${LOCK_MS / 1000} s write lock: max HTTP latency ${worst(pages)} ms (median ${median(pages)}) ` +
        `over ${pages.length} page requests ` +
        `(logged-in note page ${worst(notePageTimes)}, logged-in project list ${worst(projectsTimes)}, ` +
        `public login page ${worst(loginTimes)}), static file ${worst(staticTimes)} ms over ${staticTimes.length}; ` +
        `a bare server in another process ${worst(controlTimes)} ms (the machine's own stalls); ${typed.length} edits typed.`,
    );
    // What the app adds to what the machine does to any process stays far below one busy wait
    // (5 s; it was the whole lock, 15 s, when SQLite's busy wait slept on the event loop). On a
    // quiet machine both are tens of milliseconds; with the suite's other worker running a
    // browser on the same two cores, page renders queue behind it for about a second. The
    // figure itself is printed above; this bound only catches a wait that blocks the loop.
    expect(worst(pages) - worst(controlTimes)).toBeLessThan(3000);
    expect(worst(staticTimes) - worst(controlTimes)).toBeLessThan(3000);
    expect(relayedDuringLock).toBe(false);

    const refusedResponse = await refused;
    expect(refusedResponse.status).toBe(503);
    expect(await refusedResponse.text()).toContain("La base de données est occupée, réessayez dans un instant.");
    const lateResponse = await lateWrite;
    expect(lateResponse.status).toBe(302);
    const created = await server.db.project.findMany({
      where: { title: { in: ["Pendant le verrou", "Juste avant la fin du verrou"] } },
      select: { id: true, title: true, _count: { select: { memberships: true, phaseChanges: true } } },
    });
    expect(created).toEqual([
      {
        id: location(lateResponse)!.split("/").pop(),
        title: "Juste avant la fin du verrou",
        _count: { memberships: 1, phaseChanges: 1 },
      },
    ]);

    // Once the lock is gone: every edit stored and relayed, in the order typed.
    const expected = "avant" + typed.join("");
    await until(() => plainText(reader.doc) === expected, 15_000, "every edit relayed after the lock");
    expect(plainText(writer.doc)).toBe(expected);
    const rows = await server.db.documentUpdate.findMany({
      where: { docName },
      select: { id: true, update: true },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => row.id)).toEqual(rows.map((_, i) => i + 1));
    const stored = new Y.Doc();
    for (const row of rows) {
      Y.applyUpdate(stored, row.update);
      // Applied in id order, no update ever waits for a later one.
      expect(stored.store.pendingStructs).toBeNull();
    }
    expect(plainText(stored)).toBe(expected);
  },
);
