import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject, createTag, createUser } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

import { day, notesHelpers, read } from "../support/notes-http";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});
const { session, memberOf } = notesHelpers(() => server);

describe("creating a note", () => {
  test.each(["coordinator", "researcher", "local_actor"] as const)(
    "a %s is asked for the title first, and the note starts with it",
    async (role) => {
      const { user, client, project, notes } = await memberOf(role);
      const list = await read(await client.get(notes));
      expect(list).toContain("Ce projet n'a pas encore de note de terrain.");
      // "Nouvelle note" leads to the form; nothing is created by reaching it.
      expect(list).toMatch(new RegExp(`<a[^>]*href="${notes}/new"[^>]*>Nouvelle note</a>`));
      const form = await client.get(`${notes}/new`);
      expect(form.status).toBe(200);
      const html = await read(form);
      expect(html).toContain("Titre de la note (facultatif)");
      expect(html).toContain("Créer la note");
      expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(0);

      const response = await client.post(`${notes}/new`, { title: "  Marché   du samedi " });
      expect(response.status).toBe(302);
      const [address, hash] = location(response)!.split("#");
      const noteId = address!.split("/").pop()!;
      // The fragment asks the note page to write the title into the empty text.
      expect([address, hash]).toEqual([`${notes}/${noteId}`, "new"]);
      const note = await server.db.note.findUniqueOrThrow({ where: { id: noteId } });
      expect(note).toMatchObject({ projectId: project.id, authorId: user.id, title: "Marché du samedi" });
      expect(await read(await client.get(notes))).toContain("Marché du samedi");

      const page = await read(await client.get(`${notes}/${noteId}`));
      expect(page).toContain("Marché du samedi");
      expect(page).toContain("Chargement de l'éditeur…");
      expect(page).toContain("Enregistrer les informations");
      expect(page).not.toContain("votre rôle ne permet pas de la modifier");
    },
  );

  test("the title may be left empty, and may not be too long", async () => {
    const { client, project, notes } = await memberOf("researcher");
    const tooLong = await client.post(`${notes}/new`, { title: "a".repeat(121) });
    expect(tooLong.status).toBe(400);
    const refused = await read(tooLong);
    expect(refused).toContain("Le titre ne doit pas dépasser 120 caractères.");
    expect(refused).toContain(`value="${"a".repeat(121)}"`);
    expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(0);

    const untitled = await client.post(`${notes}/new`, {});
    expect(untitled.status).toBe(302);
    const noteId = location(untitled)!.split("#")[0]!.split("/").pop()!;
    expect(await server.db.note.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({ title: "" });
    expect(await read(await client.get(`${notes}/${noteId}`))).toContain("Sans titre");
  });

  test.each(["council_reviewer", "observer"] as const)("a %s reads notes but cannot create one", async (role) => {
    const { client, project, notes } = await memberOf(role);
    const author = await createUser(server.db);
    const { id } = await createNote(server.db, {
      projectId: project.id,
      authorId: author.id,
      title: "Visite du marché",
    });
    const list = await read(await client.get(notes));
    expect(list).toContain("Visite du marché");
    expect(list).not.toContain("Nouvelle note");
    expect(list).toContain("votre rôle ne permet pas d'en écrire");
    expect((await client.get(`${notes}/new`)).status).toBe(403);
    expect((await client.post(`${notes}/new`, { title: "Intrus" })).status).toBe(403);
    expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(1);

    const page = await read(await client.get(`${notes}/${id}`));
    expect(page).toContain("Vous pouvez lire cette note, mais votre rôle ne permet pas de la modifier.");
    expect(page).not.toContain("Enregistrer les informations");
    const save = await client.post(`${notes}/${id}`, { intent: "metadata", place: "Ailleurs" });
    expect(save.status).toBe(403);
    expect((await server.db.note.findUniqueOrThrow({ where: { id } })).place).toBeNull();
  });

  test("coalition staff read a shared project's notes and cannot create any", async () => {
    const { user: coordinator } = await session();
    const project = await createProject(server.db, {
      members: [[coordinator.id, "coordinator"]],
      visibility: "coalition",
    });
    const { client } = await session({ siteRole: "coalition_coordinator" });
    const notes = `/projects/${project.id}/notes`;
    expect((await client.get(notes)).status).toBe(200);
    expect((await client.get(`${notes}/new`)).status).toBe(403);
    expect((await client.post(`${notes}/new`, { title: "Intrus" })).status).toBe(403);
    expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(0);
  });

  test("the list itself creates nothing any more: a post to it is refused", async () => {
    const { client, project, notes } = await memberOf("researcher");
    expect((await client.post(`${notes}?index`, { intent: "create" })).status).toBe(405);
    expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("who may see notes", () => {
  test("an outsider gets 404 from the list, the note and every action, and changes nothing", async () => {
    const { user: coordinator } = await session();
    const project = await createProject(server.db, { members: [[coordinator.id, "coordinator"]] });
    const note = await createNote(server.db, { projectId: project.id, authorId: coordinator.id, title: "Secret" });
    const { client } = await session();
    const notes = `/projects/${project.id}/notes`;
    for (const path of [notes, `${notes}?q=secret`, `${notes}/${note.id}`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("Secret");
    }
    expect((await client.get(`${notes}/new`)).status).toBe(404);
    expect((await client.post(`${notes}/new`, { title: "Intrus" })).status).toBe(404);
    const save = await client.post(`${notes}/${note.id}`, { intent: "metadata", place: "Intrus", newTag: "intrus" });
    expect(save.status).toBe(404);
    expect(await server.db.note.count({ where: { projectId: project.id } })).toBe(1);
    expect((await server.db.note.findUniqueOrThrow({ where: { id: note.id } })).place).toBeNull();
    expect(await server.db.tag.count({ where: { projectId: project.id } })).toBe(0);
  });

  test("a note of another project is a 404, even for a coordinator, and cannot be changed through it", async () => {
    const { user, client, notes } = await memberOf("coordinator");
    const other = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const foreign = await createNote(server.db, { projectId: other.id, authorId: user.id, title: "Ailleurs" });
    expect((await client.get(`${notes}/${foreign.id}`)).status).toBe(404);
    expect((await client.get(`${notes}/nexiste-pas`)).status).toBe(404);
    for (const form of [
      { intent: "metadata", place: "Détourné" },
      { intent: "metadata", observedOn: "1492-10-12" },
    ] as Record<string, string>[]) {
      expect((await client.post(`${notes}/${foreign.id}`, form)).status).toBe(404);
    }
    expect((await server.db.note.findUniqueOrThrow({ where: { id: foreign.id } })).place).toBeNull();
    // The same note through its own project is fine.
    expect((await client.get(`/projects/${other.id}/notes/${foreign.id}`)).status).toBe(200);
  });
});

describe("searching and filtering the list", () => {
  async function seeded() {
    const alice = await createUser(server.db, { name: "Alice Martin" });
    const bruno = await createUser(server.db, { name: "Bruno Petit" });
    const { client, project, notes } = await memberOf("observer");
    await server.db.membership.createMany({
      data: [
        { projectId: project.id, userId: alice.id, role: "researcher" },
        { projectId: project.id, userId: bruno.id, role: "local_actor" },
      ],
    });
    const short = await createTag(server.db, { projectId: project.id, label: "Circuit court" });
    const services = await createTag(server.db, { projectId: project.id, label: "Services publics" });
    const base = { projectId: project.id };
    await createNote(server.db, {
      ...base,
      authorId: alice.id,
      title: "Marché de producteurs",
      searchText: "marche de producteurs les eleveurs vendent en direct",
      excerpt: "Les éleveurs vendent en direct.",
      place: "Place du Marché",
      observedOn: day("2026-03-10"),
      lastEditorId: bruno.id,
      lastEditedAt: new Date("2026-03-11T09:30:00Z"),
      tagIds: [short.id],
    });
    await createNote(server.db, {
      ...base,
      authorId: bruno.id,
      title: "Atelier numérique",
      searchText: "atelier numerique a la mediatheque inscription en ligne",
      place: "Médiathèque de Die",
      observedOn: day("2026-01-15"),
      tagIds: [services.id],
    });
    await createNote(server.db, {
      ...base,
      authorId: alice.id,
      title: "Covoiturage",
      searchText: "covoiturage vers valence ligne de bus",
      observedOn: day("2025-11-02"),
    });
    await createNote(server.db, { ...base, authorId: bruno.id, place: "Saint-Étienne" });
    return { client, notes, alice, bruno, short };
  }

  const TITLES = ["Marché de producteurs", "Atelier numérique", "Covoiturage", "Sans titre"];
  async function found(client: HttpClient, url: string) {
    const response = await client.get(url);
    expect(response.status, url).toBe(200);
    const html = await read(response);
    const list = html.slice(html.indexOf('role="status"'));
    return { html, titles: TITLES.filter((title) => list.includes(`>${title}</a>`)) };
  }

  test("lists every note, undated first then most recently observed, with who and when", async () => {
    const { client, notes } = await seeded();
    const { html, titles } = await found(client, notes);
    expect(titles).toEqual(TITLES);
    const order = ["Sans titre", "Marché de producteurs", "Atelier numérique", "Covoiturage"];
    const positions = order.map((title) => html.indexOf(`>${title}</a>`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain("4 notes");
    expect(html).toContain("Par Alice Martin");
    expect(html).toContain("Modifiée par Bruno Petit le 11 mars 2026");
    expect(html).toContain("Les éleveurs vendent en direct.");
  });

  test.each([
    ["q=march%C3%A9", ["Marché de producteurs"]],
    ["q=MEDIATHEQUE", ["Atelier numérique"]],
    ["q=ligne", ["Atelier numérique", "Covoiturage"]],
    ["q=ligne+inscription", ["Atelier numérique"]],
    ["q=m%C3%A9diath%C3%A8que+die", ["Atelier numérique"]],
    ["q=saint+etienne", ["Sans titre"]],
    ["q=covoit", ["Covoiturage"]],
    ["q=introuvable", []],
    ["from=2026-01-01", ["Marché de producteurs", "Atelier numérique"]],
    ["to=2026-01-15", ["Atelier numérique", "Covoiturage"]],
    ["from=2026-01-15&to=2026-01-15", ["Atelier numérique"]],
    ["q=ligne&from=2026-01-01", ["Atelier numérique"]],
  ])("?%s finds %j", async (query, expected) => {
    const { client, notes } = await seeded();
    const { html, titles } = await found(client, `${notes}?${query}`);
    expect(titles.sort()).toEqual([...expected].sort());
    if (expected.length === 0) expect(html).toContain("Aucune note ne correspond à votre recherche.");
    if (expected.length === 2) expect(html).toContain("2 notes correspondent à votre recherche");
  });

  test("filters by author and by tag, and keeps the filters in the form", async () => {
    const { client, notes, alice, short } = await seeded();
    const byAuthor = await found(client, `${notes}?author=${alice.id}`);
    expect(byAuthor.titles).toEqual(["Marché de producteurs", "Covoiturage"]);
    expect(byAuthor.html).toContain(`<option value="${alice.id}" selected="">Alice Martin</option>`);
    const byTag = await found(client, `${notes}?tag=${short.id}&q=direct`);
    expect(byTag.titles).toEqual(["Marché de producteurs"]);
    expect(byTag.html).toContain('value="direct"');
  });

  test("bad dates are reported and ignored, never a crash", async () => {
    const { client, notes } = await seeded();
    const reversed = await found(client, `${notes}?from=2026-03-01&to=2026-01-01`);
    expect(reversed.titles).toHaveLength(4);
    expect(reversed.html).toContain("La date de début est après la date de fin");
    const garbage = await found(
      client,
      `${notes}?from=demain&to=2026-02-31&sort=chaos&page=-3&author=${"x".repeat(500)}`,
    );
    expect(garbage.titles).toHaveLength(4);
    expect(garbage.html).toContain("Cette date n'est pas valide");
  });

  test("sorting by last change and paging through many notes", async () => {
    const { client, project, notes, user } = await memberOf("researcher");
    await server.db.note.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        projectId: project.id,
        authorId: user.id,
        title: `Note numéro ${i + 1}`,
        searchText: `note numero ${i + 1}`,
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const first = await read(await client.get(`${notes}?sort=updated`));
    expect(first).toContain("55 notes");
    expect(first).toContain("Page 1 sur 2");
    expect(first.indexOf(">Note numéro 55<")).toBeLessThan(first.indexOf(">Note numéro 54<"));
    expect(first).not.toContain(">Note numéro 5<");
    const second = await read(await client.get(`${notes}?sort=updated&page=2`));
    expect(second).toContain(">Note numéro 5<");
    expect(second).toContain("Page 2 sur 2");
    expect(second).toContain("Page précédente");
    // Past the end: sent to the last page, with the other filters kept.
    const past = await client.get(`${notes}?sort=updated&page=9`);
    expect(past.status).toBe(302);
    expect(past.headers.get("location")).toBe(`${notes}?sort=updated&page=2`);
    const none = await client.get(`${notes}?q=introuvable&page=3`);
    expect(none.headers.get("location")).toBe(`${notes}?q=introuvable`);
  });
});
