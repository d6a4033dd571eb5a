import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { createProject, createUser } from "../factories";
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
import { HttpClient } from "../support/http-client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const open: TestProvider[] = [];
beforeAll(async () => {
  server = await startServer({ env: { COLLAB_REVALIDATE_EVERY_MS: "300", COLLAB_PROJECTION_DELAY_MS: "50" } });
});
afterAll(async () => {
  for (const p of open) p.destroy();
  await server.stop();
  expect(server.stderr()).toBe("");
});

async function member(
  projectId: string | null,
  role: "coordinator" | "researcher" | "local_actor" | "council_reviewer" | "observer",
) {
  const user = await createUser(server.db);
  if (projectId) await server.db.membership.create({ data: { projectId, userId: user.id, role } });
  const client = new HttpClient(server.url);
  await client.post("/login", { email: user.email, password: user.password });
  return { user, cookie: client.cookieHeader(), client };
}

async function noteFixture() {
  const owner = await member(null, "coordinator");
  const project = await createProject(server.db, { members: [[owner.user.id, "coordinator"]] });
  const note = await server.db.note.create({
    data: { projectId: project.id, authorId: owner.user.id },
    select: { id: true },
  });
  return { project, owner, docName: `note:${note.id}`, noteId: note.id };
}

function provider(docName: string, cookie: string) {
  const p = connect(server.url, docName, { cookie });
  open.push(p);
  return p;
}

const wsUrl = (docName: string) => `${server.url.replace("http", "ws")}/collab/${docName}`;

describe("who may connect", () => {
  test("refuses at the upgrade: no cookie, foreign Origin, non-member, bad or unknown names", async () => {
    const { docName, owner } = await noteFixture();
    const outsider = await member(null, "observer");
    const base = { origin: server.url };
    expect(await tryUpgrade(wsUrl(docName), base)).toBe(401);
    expect(await tryUpgrade(wsUrl(docName), { ...base, cookie: "maillage_session=forged" })).toBe(401);
    expect(await tryUpgrade(wsUrl(docName), { origin: "https://evil.example", cookie: owner.cookie })).toBe(403);
    expect(await tryUpgrade(wsUrl(docName), { cookie: owner.cookie })).toBe(403);
    expect(await tryUpgrade(wsUrl(docName), { ...base, cookie: outsider.cookie })).toBe(404);
    for (const bad of ["note", "note:", "nope:abcdefghij", "note:../../etc", "note:%ZZ", "note:abc?x", "timeline:x"]) {
      expect(await tryUpgrade(wsUrl(bad), { ...base, cookie: owner.cookie }), bad).toBe(400);
    }
    expect(await tryUpgrade(wsUrl("note:doesnotexist1"), { ...base, cookie: owner.cookie })).toBe(404);
    expect(await tryUpgrade(`${server.url.replace("http", "ws")}/elsewhere`, { ...base, cookie: owner.cookie })).toBe(
      404,
    );
    expect(await tryUpgrade(wsUrl(docName), { ...base, cookie: owner.cookie })).toBe("open");
  });
});

describe("the same address over plain HTTP", () => {
  test("says whether the socket would be accepted, for every document kind, as the upgrade does", async () => {
    const { docName, owner, project } = await noteFixture();
    const survey = await server.db.survey.create({
      data: { projectId: project.id, publicToken: `token-${project.id}` },
      select: { id: true },
    });
    const outsider = await member(null, "observer");
    const anonymous = new HttpClient(server.url);
    const status = async (client: HttpClient, name: string) => (await client.get(`/collab/${name}`)).status;

    for (const name of [docName, `survey:${survey.id}`, `timeline:${project.id}`]) {
      expect(await status(owner.client, name), name).toBe(204);
      expect(await tryUpgrade(wsUrl(name), { cookie: owner.cookie, origin: server.url }), name).toBe("open");
      expect(await status(outsider.client, name), name).toBe(404);
      expect(await tryUpgrade(wsUrl(name), { cookie: outsider.cookie, origin: server.url }), name).toBe(404);
      expect(await status(anonymous, name), name).toBe(401);
    }
    // And whether it would be read-only, as the upgrade decides.
    const rights = async (client: HttpClient, name: string) =>
      (await client.get(`/collab/${name}`)).headers.get("x-collab-rights");
    const reviewer = await member(project.id, "council_reviewer");
    for (const name of [docName, `survey:${survey.id}`, `timeline:${project.id}`]) {
      expect(await rights(owner.client, name), name).toBe("write");
      expect(await rights(reviewer.client, name), name).toBe("read");
    }
    expect(await status(owner.client, "note:doesnotexist0")).toBe(404);
    expect(await status(owner.client, "note:..%2F..%2Fetc")).toBe(400);
    expect(await status(owner.client, "script:abcdefgh12")).toBe(400);

    // Removed from the project: the answer changes at once.
    await server.db.membership.deleteMany({ where: { projectId: project.id, userId: owner.user.id } });
    expect(await status(owner.client, docName)).toBe(404);
  });
});

describe("editing together", () => {
  test("two writers converge, the text is stored and projected into the note row", async () => {
    const { docName, owner, project, noteId } = await noteFixture();
    const researcher = await member(project.id, "researcher");
    const a = provider(docName, owner.cookie);
    const b = provider(docName, researcher.cookie);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.transact(() => {
      const heading = new Y.XmlElement("heading");
      heading.insert(0, [new Y.XmlText("Marché de Die")]);
      a.doc.getXmlFragment("default").insert(0, [heading]);
    });
    await until(() => b.doc.getXmlFragment("default").length === 1, 5000, "heading at b");
    const para = new Y.XmlElement("paragraph");
    para.insert(0, [new Y.XmlText("Les producteurs vendent le samedi matin.")]);
    b.doc.getXmlFragment("default").insert(1, [para]);
    await until(() => plainText(a.doc).includes("samedi"), 5000, "paragraph at a");
    expect(plainText(a.doc)).toBe(plainText(b.doc));
    expect(await server.db.documentUpdate.count({ where: { docName } })).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          server.db.note.findUnique({
            where: { id: noteId },
            select: { title: true, excerpt: true, wordCount: true, lastEditorId: true },
          }),
        { timeout: 5000 },
      )
      .toEqual({
        title: "Marché de Die",
        excerpt: "Les producteurs vendent le samedi matin.",
        wordCount: 9,
        lastEditorId: researcher.user.id,
      });
  });

  test("a council reviewer sees live changes but its updates are dropped, never stored or broadcast", async () => {
    const { docName, owner, project } = await noteFixture();
    const reviewer = await member(project.id, "council_reviewer");
    const writer = provider(docName, owner.cookie);
    const reader = provider(docName, reviewer.cookie);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    writer.text.insert(0, "écrit par la coordination");
    await until(() => plainText(reader.doc).includes("coordination"), 5000, "live change at reader");
    const rowsBefore = await server.db.documentUpdate.count({ where: { docName } });
    reader.text.insert(0, "INTRUSION ");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(plainText(writer.doc)).not.toContain("INTRUSION");
    expect(await server.db.documentUpdate.count({ where: { docName } })).toBe(rowsBefore);
    const fresh = provider(docName, owner.cookie);
    await synced(fresh.provider);
    expect(plainText(fresh.doc)).toBe("écrit par la coordination");
  });
});

describe("bad input never hurts others", () => {
  test("a 2 MiB frame closes that socket with 1009; others keep working", async () => {
    const { docName, owner } = await noteFixture();
    const bystander = provider(docName, owner.cookie);
    await synced(bystander.provider);
    const raw = await openRaw(wsUrl(docName), { origin: server.url, cookie: owner.cookie });
    const closed = closeCode(raw);
    raw.send(new Uint8Array(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    bystander.text.insert(0, "toujours là");
    const check = provider(docName, owner.cookie);
    await until(() => plainText(check.doc).includes("toujours là"), 5000, "bystander edit after the flood");
  });

  test.each([
    ["zero-length", new Uint8Array(0)],
    ["unknown type", new Uint8Array([7, 1, 2])],
    ["truncated sync", new Uint8Array([0, 2, 200, 1])],
    ["unknown sync subtype", new Uint8Array([0, 9, 0])],
    ["garbage update", new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255])],
    ["trailing bytes", new Uint8Array([0, 0, 1, 0, 42])],
    ["awareness not JSON", new Uint8Array([1, 6, 1, 77, 1, 2, 123, 120])],
  ])("%s closes only that socket", async (_label, frame) => {
    const { docName, owner } = await noteFixture();
    const raw = await openRaw(wsUrl(docName), { origin: server.url, cookie: owner.cookie });
    const closed = closeCode(raw);
    raw.send(frame);
    expect(await closed).toBe(1007);
    const still = provider(docName, owner.cookie);
    await synced(still.provider);
    still.text.insert(0, "ok");
    expect(plainText(still.doc)).toBe("ok");
  });

  test("a text frame is refused with 1003", async () => {
    const { docName, owner } = await noteFixture();
    const raw = await openRaw(wsUrl(docName), { origin: server.url, cookie: owner.cookie });
    const closed = closeCode(raw);
    raw.send("hello");
    expect(await closed).toBe(1003);
  });
});

describe("revocation", () => {
  test("a removed member and a logged-out session lose their sockets within seconds", async () => {
    const { docName, owner, project } = await noteFixture();
    const removed = await member(project.id, "local_actor");
    const loggedOut = await member(project.id, "researcher");
    const a = await openRaw(wsUrl(docName), { origin: server.url, cookie: removed.cookie });
    const b = await openRaw(wsUrl(docName), { origin: server.url, cookie: loggedOut.cookie });
    const [closedA, closedB] = [closeCode(a), closeCode(b)];
    await owner.client.post(`/projects/${project.id}/members`, { intent: "remove", userId: removed.user.id });
    await loggedOut.client.post("/logout", {});
    expect(await closedA).toBe(4403);
    expect(await closedB).toBe(4403);
  });

  test("a member demoted to observer is asked to reconnect, and comes back read-only", async () => {
    const { docName, owner, project } = await noteFixture();
    const demoted = await member(project.id, "researcher");
    const socket = await openRaw(wsUrl(docName), { origin: server.url, cookie: demoted.cookie });
    const closed = closeCode(socket);
    await owner.client.post(`/projects/${project.id}/members`, {
      intent: "changeRole",
      userId: demoted.user.id,
      role: "observer",
    });
    expect(await closed).toBe(4409);
    const again = provider(docName, demoted.cookie);
    await synced(again.provider);
    again.text.insert(0, "tentative");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await server.db.documentUpdate.count({ where: { docName } })).toBe(0);
  });
});

describe("presence", () => {
  test("clients see each other, echoes are harmless, and nobody can move someone else's cursor", async () => {
    const { docName, owner, project } = await noteFixture();
    const other = await member(project.id, "local_actor");
    const a = provider(docName, owner.cookie);
    const b = provider(docName, other.cookie);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.awareness.setLocalStateField("user", { name: "Camille" });
    b.provider.awareness.setLocalStateField("user", { name: "Rachid" });
    const names = (p: TestProvider) =>
      [...p.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name).sort();
    await until(() => names(a).join() === "Camille,Rachid" && names(b).join() === "Camille,Rachid", 5000, "presence");
    // Both sockets stay open although each client echoes the other's state (y-websocket does).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

    // A forged entry for Camille's id, sent by Rachid's socket, is ignored.
    const entry = [
      ...varUint(1),
      ...varUint(a.doc.clientID),
      ...varUint(99),
      ...varString('{"user":{"name":"Usurpé"}}'),
    ];
    const forged = new Uint8Array([1, ...varUint(entry.length), ...entry]);
    (b.provider.ws as WebSocket).send(forged);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names(a)).toEqual(["Camille", "Rachid"]);
    expect(b.provider.wsconnected).toBe(true);
  });
});

function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push((value & 127) | 128);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

function varString(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...varUint(bytes.length), ...bytes];
}
