import type http from "node:http";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabOptions } from "../../server/collab/options";
import {
  closeCode,
  connect,
  openRaw,
  plainText,
  synced,
  tryUpgrade,
  until,
  type TestProvider,
} from "../support/collab-client";
import { listen, removeDatabaseCopy, useDatabaseCopy } from "../support/collab-parts";

// Each part of the collaboration server on its own, in this process, over real sockets, a
// real SQLite file and real y-websocket providers (the whole server is tested end to end in
// collab.test.ts and collab-durability.test.ts).
const databaseFile = useDatabaseCopy();
const { prisma } = await import("~/models/core/db.server");
const { lucia } = await import("~/models/accounts/auth.server");
const { createNote, createProject, createUser } = await import("../factories");
const { attachCollaboration } = await import("../../server/collab/index");
const { collabOptionsFromEnv } = await import("../../server/collab/options");
const { SqliteDocumentStore } = await import("../../server/collab/sqlite-document-store");
const { SqliteRightsReader } = await import("../../server/collab/rights-reader");

const started: { stop: () => Promise<void> }[] = [];

async function start(
  options: Partial<CollabOptions> = {},
  {
    extensions = [],
    store = new SqliteDocumentStore(databaseFile),
  }: Partial<Parameters<typeof attachCollaboration>[1]> = {},
) {
  const { server, url } = await listen();
  const logs: string[] = [];
  const collab = attachCollaboration(server, {
    store,
    reader: new SqliteRightsReader(databaseFile),
    options: collabOptionsFromEnv({} as NodeJS.ProcessEnv, {
      unloadAfterMs: 50,
      revalidateEveryMs: 100,
      projectionDelayMs: 50,
      ...options,
    }),
    extensions,
    log: (line) => logs.push(line),
  });
  const providers: TestProvider[] = [];
  const handle = {
    url,
    collab,
    logs,
    server: server as http.Server,
    provider(docName: string, cookie: string) {
      const provider = connect(url, docName, { cookie });
      providers.push(provider);
      return provider;
    },
    async stop() {
      for (const provider of providers) provider.destroy();
      await collab.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  started.push(handle);
  return handle;
}

async function member(role: "coordinator" | "observer" | "researcher", projectId?: string) {
  const user = await createUser(prisma);
  const project = projectId
    ? await prisma.membership.create({ data: { userId: user.id, projectId, role }, select: { projectId: true } })
    : await createProject(prisma, { members: [[user.id, role]] });
  const session = await lucia.createSession(user.id, {});
  const cookie = lucia.createSessionCookie(session.id).serialize().split(";")[0]!;
  return { user, projectId: "projectId" in project ? project.projectId : project.id, cookie, sessionId: session.id };
}

afterAll(async () => {
  for (const handle of started.splice(0)) await handle.stop().catch(() => undefined);
  await prisma.$disconnect();
  removeDatabaseCopy(databaseFile);
});

describe("upgrade and authorisation", () => {
  let owner: Awaited<ReturnType<typeof member>>;
  let noteName: string;
  beforeAll(async () => {
    owner = await member("coordinator");
    noteName = `note:${(await createNote(prisma, { projectId: owner.projectId, authorId: owner.user.id })).id}`;
  });

  it("answers every refusal with its status before any document byte", async () => {
    const s = await start({ maxClientsPerDocument: 1 });
    const ws = (name: string) => `${s.url.replace("http", "ws")}/collab/${name}`;
    const headers = { origin: s.url, cookie: owner.cookie };
    expect(await tryUpgrade(ws("note:../etc"), headers)).toBe(400);
    expect(await tryUpgrade(ws(noteName), { origin: "https://ailleurs.example", cookie: owner.cookie })).toBe(403);
    expect(await tryUpgrade(ws(noteName), { origin: s.url })).toBe(401);
    const stranger = await member("coordinator");
    expect(await tryUpgrade(ws(noteName), { origin: s.url, cookie: stranger.cookie })).toBe(404);
    const first = await openRaw(ws(noteName), headers);
    expect(await tryUpgrade(ws(noteName), headers)).toBe(503);
    first.close();
  });

  it("counts attempts per session and per user, and only attempts without a session per address", async () => {
    const s = await start({ connectionsPerMinute: 3, refusalsPerMinute: 2 });
    const ws = `${s.url.replace("http", "ws")}/collab/timeline:${owner.projectId}`;
    const attempts = async (headers: Record<string, string>, count: number) => {
      const statuses: (number | "open")[] = [];
      for (let i = 0; i < count; i++) statuses.push(await tryUpgrade(ws, headers));
      return statuses;
    };
    expect(await attempts({ origin: s.url }, 3)).toEqual([401, 401, 429]);
    // The address is over its allowance for anonymous attempts, not for signed-in people.
    expect(await attempts({ origin: s.url, cookie: owner.cookie }, 4)).toEqual(["open", "open", "open", 429]);
    const colleague = await member("researcher", owner.projectId);
    expect(await attempts({ origin: s.url, cookie: colleague.cookie }, 1)).toEqual(["open"]);
  });

  it("a workshop of 40 people behind one address reconnects 300 sockets after a restart", async () => {
    const people = [await member("coordinator")];
    for (let i = 1; i < 40; i++) people.push(await member("researcher", people[0]!.projectId));
    const notes = await Promise.all(
      Array.from({ length: 8 }, () =>
        createNote(prisma, { projectId: people[0]!.projectId, authorId: people[0]!.user.id }),
      ),
    );
    const names = [`timeline:${people[0]!.projectId}`, ...notes.map((note) => `note:${note.id}`)];
    const connectAll = async (url: string) => {
      const sockets = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          openRaw(`${url.replace("http", "ws")}/collab/${names[i % names.length]}`, {
            origin: url,
            cookie: people[i % people.length]!.cookie,
          }).then(
            (socket) => socket,
            () => null,
          ),
        ),
      );
      const open = sockets.filter((socket) => socket !== null);
      for (const socket of open) socket.close();
      return open.length;
    };
    const before = await start();
    expect(await connectAll(before.url)).toBe(300);
    await before.stop();
    const after = await start();
    expect(await connectAll(after.url)).toBe(300);
  });

  it("lets an extension refuse a socket at onAuthenticate", async () => {
    const s = await start(
      {},
      { extensions: [{ name: "deny", onAuthenticate: () => Promise.reject(new Error("no")) }] },
    );
    const headers = { origin: s.url, cookie: owner.cookie };
    expect(await tryUpgrade(`${s.url.replace("http", "ws")}/collab/${noteName}`, headers)).toBe(403);
    expect(s.logs.some((line) => line.includes("by deny"))).toBe(true);
  });
});

describe("room registry", () => {
  it("loads a document once for sockets arriving together, stores it and frees it when idle", async () => {
    const owner = await member("coordinator");
    const note = await createNote(prisma, { projectId: owner.projectId, authorId: owner.user.id });
    const name = `note:${note.id}`;
    const seen = { load: 0, store: 0 };
    const s = await start(
      { compactEvery: 1000 },
      {
        extensions: [
          { name: "count", onLoadDocument: () => void seen.load++, onStoreDocument: async () => void seen.store++ },
        ],
      },
    );
    const a = s.provider(name, owner.cookie);
    const b = s.provider(name, owner.cookie);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    expect(seen.load).toBe(1);
    a.text.insert(0, "Marché du samedi");
    await until(() => plainText(b.doc) === "Marché du samedi", 5000, "relayed");
    a.destroy();
    b.destroy();
    await until(() => !s.collab.rooms.has(name), 5000, "unloaded");
    await until(() => seen.store === 1, 5000, "stored");
    // Unloading compacted the log into one snapshot.
    await expect.poll(() => prisma.documentUpdate.count({ where: { docName: name } })).toBe(0);
    expect(await prisma.documentSnapshot.count({ where: { docName: name } })).toBe(1);
    const c = s.provider(name, owner.cookie);
    await synced(c.provider);
    await until(() => plainText(c.doc) === "Marché du samedi", 5000, "reloaded");
  });
});

describe("room log", () => {
  it("retries a failing store and relays nothing before it is stored, in order", async () => {
    const owner = await member("coordinator");
    const note = await createNote(prisma, { projectId: owner.projectId, authorId: owner.user.id });
    const name = `note:${note.id}`;
    const real = new SqliteDocumentStore(databaseFile);
    let failures = 3;
    let stored = 0;
    // Fault injection around the real store: the first appends fail.
    const store: typeof real = Object.assign(Object.create(real) as typeof real, {
      async appendMany(docName: string, afterId: number, updates: Uint8Array[]) {
        if (docName === name && failures > 0) {
          failures--;
          throw new Error("disk full");
        }
        await real.appendMany(docName, afterId, updates);
        if (docName === name) stored += updates.length;
      },
    });
    const s = await start({ retryWriteMs: 20 }, { store });
    const a = s.provider(name, owner.cookie);
    const b = s.provider(name, owner.cookie);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    for (const word of ["Un ", "deux ", "trois"]) a.text.insert(a.text.length, word);
    await until(() => plainText(b.doc) === "Un deux trois", 5000, "relayed after retries");
    expect(stored).toBeGreaterThan(0);
    expect(failures).toBe(0);
    const ids = (await prisma.documentUpdate.findMany({ where: { docName: name }, select: { id: true } })).map(
      (row) => row.id,
    );
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(s.logs.filter((line) => line.includes("write failed"))).toHaveLength(3);
  });
});

describe("revalidation", () => {
  it("closes a socket whose session ended (4403) and one whose rights changed (4409)", async () => {
    const owner = await member("coordinator");
    const reader = await member("researcher", owner.projectId);
    const s = await start();
    const ws = `${s.url.replace("http", "ws")}/collab/timeline:${owner.projectId}`;
    const ownerSocket = await openRaw(ws, { origin: s.url, cookie: owner.cookie });
    const readerSocket = await openRaw(ws, { origin: s.url, cookie: reader.cookie });
    const [ownerClosed, readerClosed] = [closeCode(ownerSocket), closeCode(readerSocket)];
    await lucia.invalidateSession(owner.sessionId);
    await prisma.membership.update({
      where: { projectId_userId: { projectId: owner.projectId, userId: reader.user.id } },
      data: { role: "observer" },
    });
    expect(await ownerClosed).toBe(4403);
    expect(await readerClosed).toBe(4409);
  });
});

describe("documents service and projections", () => {
  it("projects a note after a quiet moment, closes its sockets with 4410 and removes it for good", async () => {
    const owner = await member("coordinator");
    const note = await createNote(prisma, { projectId: owner.projectId, authorId: owner.user.id });
    const name = `note:${note.id}`;
    const s = await start();
    expect(await s.collab.documents.rights(name, owner.user.id)).toBe("write");
    expect(await s.collab.documents.rights("note:nope", owner.user.id)).toBeNull();
    const a = s.provider(name, owner.cookie);
    await synced(a.provider);
    a.text.insert(0, "Halles de Die");
    await expect
      .poll(async () => (await prisma.note.findUnique({ where: { id: note.id }, select: { title: true } }))?.title)
      .toBe("Halles de Die");
    await expect.poll(() => prisma.documentUpdate.count({ where: { docName: name } })).toBeGreaterThan(0);
    const raw = await openRaw(`${s.url.replace("http", "ws")}/collab/${name}`, { origin: s.url, cookie: owner.cookie });
    const closed = closeCode(raw);
    s.collab.documents.closeDocument(name);
    expect(await closed).toBe(4410);
    await s.collab.documents.removeDocument(name);
    expect(s.collab.rooms.has(name)).toBe(false);
    expect(await prisma.documentUpdate.count({ where: { docName: name } })).toBe(0);
    expect(await prisma.documentSnapshot.count({ where: { docName: name } })).toBe(0);
  });
});

describe("presence limits", () => {
  /** One y-websocket awareness message carrying `ids.length` states of `size` characters. */
  function presenceFlood(ids: number[], size: number): Uint8Array {
    const state = JSON.stringify({ user: { name: "x".repeat(size) } });
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(update, id);
      encoding.writeVarUint(update, 1);
      encoding.writeVarString(update, state);
    }
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1); // awareness
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    return encoding.toUint8Array(message);
  }

  it("a flooding socket, even a reader's, is closed and its peers receive almost nothing", async () => {
    const owner = await member("coordinator");
    const observer = await member("observer", owner.projectId);
    const s = await start();
    const ws = `${s.url.replace("http", "ws")}/collab/timeline:${owner.projectId}`;
    const peer = await openRaw(ws, { origin: s.url, cookie: owner.cookie });
    let received = 0;
    peer.on("message", (data: Buffer) => (received += data.byteLength));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = received;

    // 200 frames of one 900 KB state: the first closes the socket (4413).
    const big = await openRaw(ws, { origin: s.url, cookie: observer.cookie });
    const bigClosed = closeCode(big);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    for (let i = 0; i < 200 && big.readyState === big.OPEN; i++) {
      big.send(presenceFlood([1000 + i], 900_000));
      await tick();
    }
    expect(await bigClosed).toBe(4413);

    // Many made-up ids per frame, each state under the size limit: one presence is kept, the
    // rest dropped; past the rate the socket is closed (4429).
    const many = await openRaw(ws, { origin: s.url, cookie: observer.cookie });
    const manyClosed = closeCode(many);
    for (let i = 0; i < 200 && many.readyState === many.OPEN; i++) {
      many.send(
        presenceFlood(
          Array.from({ length: 200 }, (_, j) => 5000 + i * 200 + j),
          3000,
        ),
      );
    }
    expect(await manyClosed).toBe(4429);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Under the flood a peer got hundreds of megabytes before; now at most the one kept presence
    // relayed a few dozen times.
    const flooded = received - baseline;
    console.log(`[presence flood] a peer received ${flooded} bytes`);
    expect(flooded).toBeLessThan(300_000);
    expect(s.collab.rooms.get(`timeline:${owner.projectId}`)!.awareness.getStates().size).toBeLessThanOrEqual(1);
    peer.close();
  });
});

describe("document schema", () => {
  it("refuses an update that takes a note out of its schema: the socket is told, nothing stored or relayed", async () => {
    const owner = await member("coordinator");
    const note = await createNote(prisma, { projectId: owner.projectId, authorId: owner.user.id });
    const name = `note:${note.id}`;
    const s = await start();
    const honest = s.provider(name, owner.cookie);
    const watcher = s.provider(name, owner.cookie);
    await Promise.all([synced(honest.provider), synced(watcher.provider)]);
    honest.text.insert(0, "Texte valide");
    await until(() => plainText(watcher.doc) === "Texte valide", 5000, "valid text relayed");
    const stored = await prisma.documentUpdate.count({ where: { docName: name } });

    // A hand-made client: a <script> element beside the paragraph, and a heading inside it.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(honest.doc));
    const before = Y.encodeStateVector(forged);
    forged.transact(() => {
      const fragment = forged.getXmlFragment("default");
      fragment.insert(1, [new Y.XmlElement("script")]);
      (fragment.get(0) as Y.XmlElement).insert(1, [new Y.XmlElement("heading")]);
    });
    const raw = await openRaw(`${s.url.replace("http", "ws")}/collab/${name}`, { origin: s.url, cookie: owner.cookie });
    const closed = closeCode(raw);
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0); // sync
    encoding.writeVarUint(message, 2); // update
    encoding.writeVarUint8Array(message, Y.encodeStateAsUpdate(forged, before));
    raw.send(encoding.toUint8Array(message));
    expect(await closed).toBe(4422);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await prisma.documentUpdate.count({ where: { docName: name } })).toBe(stored);
    expect(watcher.doc.getXmlFragment("default").length).toBe(1);
    expect(s.logs.some((line) => line.includes("outside the document's schema"))).toBe(true);
    // The honest writer carries on.
    honest.text.insert(honest.text.length, " et suite");
    await until(() => plainText(watcher.doc) === "Texte valide et suite", 5000, "still relayed");
  });
});
