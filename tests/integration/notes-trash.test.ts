import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createNote, createProject, createUser } from "../factories";
import { connect, synced, type TestProvider } from "../support/collab-client";
import { location } from "../support/http-client";
import { TMP } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { purgeInChildProcess as purgeAll } from "../support/purge";

/**
 * The notes trash through the real server: who may move a note there and bring it back, what
 * it leaves (lists, search, filters, pickers), what its open editors are told, and its removal
 * for good after 30 days with its update log.
 */
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});
const sockets: TestProvider[] = [];
afterAll(() => {
  for (const socket of sockets) socket.destroy();
});

const DAY = 86_400_000;

/** Waits until an asynchronous check holds (a row written or removed by the server). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function read(response: Response) {
  return (await response.text())
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** A project with a coordinator, and a note written by `author` (a member with that role). */
async function projectWithNote(
  authorRole: ProjectRole = "researcher",
  visibility: "members" | "coalition" = "members",
) {
  const coordinator = await logIn(server);
  const author = await logIn(server);
  const project = await createProject(server.db, {
    members: [
      [coordinator.user.id, "coordinator"],
      [author.user.id, authorRole],
    ],
    visibility,
  });
  const note = await createNote(server.db, {
    projectId: project.id,
    authorId: author.user.id,
    title: "Tournée du camion-épicerie",
    searchText: "tournee du camion epicerie hameaux",
    place: "Hameau de Chamarges",
  });
  const notes = `/projects/${project.id}/notes`;
  return { coordinator, author, project, note, notes, path: `${notes}/${note.id}` };
}

/** Someone logged in, added to the project with `role` (none: not a member), or coalition staff. */
async function person(projectId: string, role: ProjectRole | "coalition" | "outsider") {
  const someone = await logIn(server, role === "coalition" ? { siteRole: "coalition_coordinator" } : {});
  if (role !== "coalition" && role !== "outsider") {
    await server.db.membership.create({ data: { projectId, userId: someone.user.id, role } });
  }
  return someone;
}

const deletedAt = async (noteId: string) =>
  (await server.db.note.findUniqueOrThrow({ where: { id: noteId }, select: { deletedAt: true } })).deletedAt;

describe("who may move a note to the trash, and bring it back", () => {
  // [who, the note's author is them?, answer to trash, answer to restore]
  const cases: [string, ProjectRole | "coalition" | "outsider", boolean, number][] = [
    ["a coordinator, any note", "coordinator", false, 302],
    ["a researcher, their own note", "researcher", true, 302],
    ["a researcher, someone else's note", "researcher", false, 403],
    ["a local actor, their own note", "local_actor", true, 302],
    ["a local actor, someone else's note", "local_actor", false, 403],
    ["a council reviewer", "council_reviewer", false, 403],
    ["an observer", "observer", false, 403],
    ["coalition staff reading a shared project", "coalition", false, 403],
    ["someone outside the project (who may not know it exists)", "outsider", false, 404],
  ];

  test.each(cases)("%s: %s", async (_, role, ownNote, status) => {
    const setup = await projectWithNote("researcher", "coalition");
    const actor = await person(setup.project.id, role);
    if (ownNote) await server.db.note.update({ where: { id: setup.note.id }, data: { authorId: actor.user.id } });

    // The page offers the button to those who may use it, and only to them.
    const page = await actor.client.get(setup.path);
    expect(page.status).toBe(role === "outsider" ? 404 : 200);
    expect((await read(page)).includes("Mettre à la corbeille")).toBe(status === 302);

    const trash = await actor.client.post(setup.path, { intent: "trash" });
    expect(trash.status).toBe(status);
    if (status === 302) expect(location(trash)).toBe(setup.path);
    expect(await deletedAt(setup.note.id)).toEqual(status === 302 ? expect.any(Date) : null);

    // Restoring: a note the coordination trashed, whoever asks.
    if (status !== 302) {
      expect((await setup.coordinator.client.post(setup.path, { intent: "trash" })).status).toBe(302);
    }
    const restore = await actor.client.post(setup.path, { intent: "restore" });
    expect(restore.status).toBe(status);
    expect(await deletedAt(setup.note.id)).toEqual(status === 302 ? null : expect.any(Date));
  });

  test("the trash page lists who trashed what and when, with a restore button only where allowed", async () => {
    const setup = await projectWithNote("local_actor");
    const other = await createNote(server.db, {
      projectId: setup.project.id,
      authorId: setup.coordinator.user.id,
      title: "Note de la coordination",
    });
    await setup.author.client.post(setup.path, { intent: "trash" });
    await setup.coordinator.client.post(`${setup.notes}/${other.id}`, { intent: "trash" });
    // Trashed 28 days ago, so "2 days" left.
    await server.db.note.update({ where: { id: other.id }, data: { deletedAt: new Date(Date.now() - 28 * DAY) } });

    const trash = await read(await setup.author.client.get(`${setup.notes}/trash`));
    expect(trash).toContain("Corbeille des notes");
    expect(trash).toContain("Tournée du camion-épicerie");
    expect(trash).toContain(`Mise à la corbeille par ${setup.author.user.name} le`);
    expect(trash).toContain("Supprimée définitivement dans 30 jours");
    expect(trash).toContain("Note de la coordination");
    expect(trash).toContain("Supprimée définitivement dans 2 jours");
    // The author restores their own note, not the coordination's.
    expect(trash).toContain('aria-label="Restaurer « Tournée du camion-épicerie »"');
    expect(trash).not.toContain('aria-label="Restaurer « Note de la coordination »"');
    const refused = await setup.author.client.post(`${setup.notes}/trash`, { intent: "restore", noteId: other.id });
    expect(refused.status).toBe(403);

    const restored = await setup.author.client.post(`${setup.notes}/trash`, {
      intent: "restore",
      noteId: setup.note.id,
    });
    expect(restored.status).toBe(200);
    expect(await read(restored)).toContain("« Tournée du camion-épicerie » est de retour dans les notes.");
    expect(await read(await setup.author.client.get(setup.notes))).toContain(">Tournée du camion-épicerie</a>");

    // The list links to the trash, with how many notes it holds.
    expect(await read(await setup.coordinator.client.get(setup.notes))).toContain("Corbeille (1)");
  });

  test("readers have no trash page; outsiders do not learn the project exists", async () => {
    const setup = await projectWithNote();
    for (const [role, status] of [
      ["observer", 403],
      ["council_reviewer", 403],
      ["outsider", 404],
    ] as const) {
      const reader = await person(setup.project.id, role);
      expect((await reader.client.get(`${setup.notes}/trash`)).status, role).toBe(status);
      const post = await reader.client.post(`${setup.notes}/trash`, { intent: "restore", noteId: setup.note.id });
      expect(post.status, role).toBe(status);
    }
    expect(await read(await setup.coordinator.client.get(setup.notes))).toContain(">Corbeille</a>");
  });

  test("a note whose 30 days are over cannot be restored any more: it is being removed", async () => {
    const setup = await projectWithNote();
    await setup.author.client.post(setup.path, { intent: "trash" });
    await server.db.note.update({ where: { id: setup.note.id }, data: { deletedAt: new Date(Date.now() - 31 * DAY) } });
    const page = await read(await setup.coordinator.client.get(setup.path));
    expect(page).toContain("en cours de suppression définitive");
    expect(page).not.toContain("Restaurer la note");
    const late = await setup.coordinator.client.post(`${setup.notes}/trash`, {
      intent: "restore",
      noteId: setup.note.id,
    });
    expect(late.status).toBe(409);
    expect(await deletedAt(setup.note.id)).not.toBeNull();
  });
});

describe("a trashed note leaves the project's pages", () => {
  test("gone from the list, its count, search, the author filter; its page says where it is", async () => {
    const setup = await projectWithNote();
    const author = setup.author.user;
    const list = (query = "") => setup.coordinator.client.get(`${setup.notes}${query}`).then(read);
    expect(await list()).toContain("1 note");
    expect(await list("?q=camion")).toContain(">Tournée du camion-épicerie</a>");

    await setup.author.client.post(setup.path, { intent: "trash" });
    // The author leaves the project: only their trashed note kept them in the author filter.
    await server.db.membership.deleteMany({ where: { projectId: setup.project.id, userId: author.id } });

    const after = await list();
    expect(after).not.toContain("Tournée du camion-épicerie");
    expect(after).toContain("Aucune note");
    expect(after).not.toContain(`>${author.name}</option>`);
    for (const query of ["?q=camion", "?q=chamarges", `?author=${author.id}`]) {
      const found = await list(query);
      expect(found, query).not.toContain("Tournée du camion-épicerie");
      expect(found, query).toContain("Aucune note ne correspond à votre recherche.");
    }

    // Its page is not the editor: what happened, and the way back.
    const page = await setup.coordinator.client.get(setup.path);
    expect(page.status).toBe(200);
    const html = await read(page);
    expect(html).toContain("Cette note est dans la corbeille");
    expect(html).toContain("« Tournée du camion-épicerie » a été mise à la corbeille.");
    expect(html).toContain(`Mise à la corbeille par ${author.name} le`);
    expect(html).toContain("Restaurer la note");
    expect(html).not.toContain("Chargement de l'éditeur");
    expect(html).not.toContain("Enregistrer les informations");

    // An observer is told the note is in the trash, not what it was, and cannot restore it.
    const observer = await person(setup.project.id, "observer");
    const seen = await read(await observer.client.get(setup.path));
    expect(seen).toContain("Cette note est dans la corbeille");
    expect(seen).not.toContain("Tournée du camion-épicerie");
    expect(seen).not.toContain("Restaurer la note");

    // Saving its information from a page opened before: nothing written, the page says why.
    const save = await setup.coordinator.client.post(setup.path, { intent: "metadata", place: "Ailleurs" });
    expect(save.status).toBe(302);
    expect(location(save)).toBe(setup.path);
    const row = await server.db.note.findUniqueOrThrow({ where: { id: setup.note.id }, select: { place: true } });
    expect(row.place).toBe("Hameau de Chamarges");

    // Restored, it is back everywhere.
    expect((await setup.coordinator.client.post(setup.path, { intent: "restore" })).status).toBe(302);
    expect(await list("?q=camion")).toContain(">Tournée du camion-épicerie</a>");
  });

  test("its document can no longer be opened, and open editors are closed with 4410 at once", async () => {
    const setup = await projectWithNote();
    const docName = `note:${setup.note.id}`;
    const open = connect(server.url, docName, { cookie: setup.coordinator.client.cookieHeader() });
    sockets.push(open);
    await synced(open.provider);
    const closed = new Promise<number>((resolve) => open.provider.once("closed", (event) => resolve(event.code)));

    await setup.author.client.post(setup.path, { intent: "trash" });
    expect(await closed).toBe(4410);
    const rights = await setup.coordinator.client.get(`/collab/${encodeURIComponent(docName)}`);
    expect(rights.status).toBe(404);

    await setup.author.client.post(setup.path, { intent: "restore" });
    expect((await setup.coordinator.client.get(`/collab/${encodeURIComponent(docName)}`)).status).toBe(204);
  });
});

describe("after 30 days", () => {
  /** Rows a note's document leaves in the store. */
  async function storedRows(db: TestServer["db"], docName: string) {
    return (
      (await db.documentUpdate.count({ where: { docName } })) +
      (await db.documentSnapshot.count({ where: { docName } }))
    );
  }

  test("purgeTrashedNotes removes notes trashed over 30 days ago, their documents first, and nothing else", async () => {
    const setup = await projectWithNote();
    const { db } = server;
    const docName = `note:${setup.note.id}`;
    const recent = await createNote(db, { projectId: setup.project.id, authorId: setup.author.user.id });
    const active = await createNote(db, { projectId: setup.project.id, authorId: setup.author.user.id });
    // Its update log and snapshot, as the store leaves them (never opened here: no room in memory).
    await db.documentUpdate.create({ data: { docName, id: 1, update: Buffer.from([0, 0]) } });
    await db.documentSnapshot.create({ data: { docName, state: Buffer.from([0, 0]), lastUpdateId: 0 } });
    await setup.author.client.post(setup.path, { intent: "trash" });
    await setup.author.client.post(`${setup.notes}/${recent.id}`, { intent: "trash" });

    // 31 days from now: the note trashed now is due; one trashed "two days from now" is not yet.
    await db.note.update({ where: { id: recent.id }, data: { deletedAt: new Date(Date.now() + 2 * DAY) } });
    const result = purgeInChildProcess(server.databaseFile, new Date(Date.now() + 31 * DAY).toISOString());
    // Other tests of this file left notes in the trash too: those are due as well.
    expect(result.failures).toBe(0);
    expect(result.removed).toBe(result.removedDocuments.length);
    expect(result.removedDocuments).toContain(docName);
    expect(result.removedDocuments).not.toContain(`note:${recent.id}`);
    expect(result.removedDocuments).not.toContain(`note:${active.id}`);
    expect(await db.note.count({ where: { id: setup.note.id } })).toBe(0);
    expect(await storedRows(db, docName)).toBe(0);
    expect(await db.note.count({ where: { id: { in: [recent.id, active.id] } } })).toBe(2);
  });

  test("the server removes a note trashed 31 days ago, with its update log, when it starts", async () => {
    // A database of its own, seeded before the server starts: the purge runs at start.
    const databaseFile = path.join(TMP, `trash-${crypto.randomUUID()}.db`);
    fs.copyFileSync(inject("baseDatabase"), databaseFile);
    const first = await startServer({ databaseFile });
    const author = await createUser(first.db);
    const project = await createProject(first.db, { members: [[author.id, "coordinator"]] });
    const old = await createNote(first.db, { projectId: project.id, authorId: author.id, title: "Ancienne" });
    const recent = await createNote(first.db, { projectId: project.id, authorId: author.id, title: "Récente" });
    for (const [note, days] of [
      [old, 31],
      [recent, 29],
    ] as const) {
      const docName = `note:${note.id}`;
      await first.db.note.update({
        where: { id: note.id },
        data: { deletedAt: new Date(Date.now() - days * DAY), deletedById: author.id },
      });
      await first.db.documentUpdate.create({ data: { docName, id: 1, update: Buffer.from([0, 0]) } });
      await first.db.documentSnapshot.create({ data: { docName, state: Buffer.from([0, 0]), lastUpdateId: 0 } });
    }
    expect(await first.terminate()).toBe(0);

    const second = await startServer({ databaseFile });
    try {
      await eventually(async () => (await second.db.note.count({ where: { id: old.id } })) === 0, "the purge");
      expect(await storedRows(second.db, `note:${old.id}`)).toBe(0);
      expect(await second.db.note.count({ where: { id: recent.id } })).toBe(1);
      expect(await storedRows(second.db, `note:${recent.id}`)).toBe(2);
    } finally {
      await second.stop();
      expect(first.stderr() + second.stderr()).toBe("");
    }
  });
});

const purgeInChildProcess = (databaseFile: string, now: string) =>
  purgeAll(databaseFile, now, { module: "note-trash", fn: "purgeTrashedNotes" });
