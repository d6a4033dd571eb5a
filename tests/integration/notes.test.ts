import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createNote, createProject, createTag, createUser } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const session = (overrides: Parameters<typeof createUser>[1] = {}) => logIn(server, overrides);

/** A project with one member of the given role, logged in. */
async function memberOf(role: ProjectRole) {
  const member = await session();
  const project = await createProject(server.db, { members: [[member.user.id, role]] });
  return { ...member, project, notes: `/projects/${project.id}/notes` };
}

/** The page as a person reads it: React's text separators and entities removed. */
async function read(response: Response) {
  return (await response.text())
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

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

describe("note metadata", () => {
  async function editableNote() {
    const member = await memberOf("local_actor");
    const note = await createNote(server.db, { projectId: member.project.id, authorId: member.user.id });
    return { ...member, note, path: `${member.notes}/${note.id}` };
  }

  async function snapshot(noteId: string, projectId: string) {
    return {
      note: await server.db.note.findUniqueOrThrow({
        where: { id: noteId },
        select: { observedOn: true, place: true, placeCommuneCode: true, placeCommuneName: true },
      }),
      noteTags: await server.db.noteTag.findMany({ where: { noteId }, select: { tagId: true } }),
      tags: await server.db.tag.count({ where: { projectId } }),
    };
  }

  test("saves the observed date, place, commune and tags together", async () => {
    const { client, project, note, path } = await editableNote();
    const market = await createTag(server.db, { projectId: project.id, label: "Marché" });
    await createTag(server.db, { projectId: project.id, label: "Mobilité" });
    const response = await client.post(path, {
      intent: "metadata",
      observedOn: "2026-03-14",
      place: "  Halle couverte  ",
      commune: "26113",
      tagIds: [market.id],
      newTag: "",
    });
    expect(response.status).toBe(200);
    expect(await read(response)).toContain("Informations enregistrées.");
    const saved = await snapshot(note.id, project.id);
    expect(saved.note).toEqual({
      observedOn: day("2026-03-14"),
      place: "Halle couverte",
      placeCommuneCode: "26113",
      placeCommuneName: "Die",
    });
    expect(saved.noteTags).toEqual([{ tagId: market.id }]);

    const list = await read(await client.get(`/projects/${project.id}/notes`));
    expect(list).toContain("Observée le 14 mars 2026");
    expect(list).toContain("Lieu : Halle couverte, Die");
    expect(list).toMatch(/<li>Marché<\/li>/);

    // Clearing everything is allowed too.
    const cleared = await client.post(path, { intent: "metadata", observedOn: "", place: "", commune: "" });
    expect(cleared.status).toBe(200);
    expect(await snapshot(note.id, project.id)).toMatchObject({
      note: { observedOn: null, place: null, placeCommuneCode: null, placeCommuneName: null },
      noteTags: [],
    });
  });

  test("two people saving from pages opened at the same time keep each other's changes", async () => {
    const { client, project, note, path } = await editableNote();
    const market = await createTag(server.db, { projectId: project.id, label: "Marché" });
    const mobility = await createTag(server.db, { projectId: project.id, label: "Mobilité" });
    const school = await createTag(server.db, { projectId: project.id, label: "École" });
    await server.db.note.update({ where: { id: note.id }, data: { place: "Halle", observedOn: day("2026-10-24") } });
    await server.db.noteTag.create({ data: { noteId: note.id, tagId: school.id } });
    // What both pages showed when they were opened, sent back as was.*.
    const opened = {
      intent: "metadata",
      observedOn: "2026-10-24",
      place: "Halle",
      commune: "",
      tagIds: [school.id],
      "was.observedOn": "2026-10-24",
      "was.place": "Halle",
      "was.commune": "",
      "was.cycleId": "",
      "was.phase": "",
      "was.tagIds": [school.id],
    };
    // A changes the date and ticks "Marché".
    const a = await client.post(path, { ...opened, observedOn: "2026-10-01", tagIds: [school.id, market.id] });
    expect(a.status).toBe(200);
    // B, from the page opened before A saved, changes the place, unticks "École" and ticks "Mobilité".
    const b = await client.post(path, { ...opened, place: "Place du marché", tagIds: [mobility.id] });
    expect(b.status).toBe(200);
    const saved = await snapshot(note.id, project.id);
    expect(saved.note).toMatchObject({ observedOn: day("2026-10-01"), place: "Place du marché" });
    expect(saved.noteTags.map((tag) => tag.tagId).sort()).toEqual([market.id, mobility.id].sort());

    // A forged "was" (unknown ids, a long string) changes nothing beyond what the form says.
    const forged = await client.post(path, {
      ...opened,
      observedOn: "2026-10-01",
      place: "Place du marché",
      tagIds: [market.id, mobility.id],
      "was.place": "x".repeat(5000),
      "was.tagIds": ["tag-inconnu", school.id],
    });
    expect(forged.status).toBe(200);
    expect(await snapshot(note.id, project.id)).toEqual(saved);
  });

  const nextYearPlusTwo = new Date();
  nextYearPlusTwo.setUTCFullYear(nextYearPlusTwo.getUTCFullYear() + 1);
  nextYearPlusTwo.setUTCDate(nextYearPlusTwo.getUTCDate() + 2);

  test.each([
    [{ observedOn: "1899-12-31" }, "doit se situer entre le 1er janvier 1900"],
    [{ observedOn: isoDay(nextYearPlusTwo) }, "doit se situer entre"],
    [{ observedOn: "2026-02-30" }, "Cette date n'existe pas"],
    [{ observedOn: "hier" }, "Cette date n'existe pas"],
    [{ place: "x".repeat(201) }, "Le lieu ne doit pas dépasser 200 caractères."],
    [{ commune: "99999" }, "inconnue des données officielles"],
    [{ commune: "26" }, "inconnue des données officielles"],
    [{ tagIds: ["tag-inconnu"] }, "ne fait pas partie du livre de codes"],
    [{ newTag: "é".repeat(41) }, "Une étiquette ne doit pas dépasser 40 caractères."],
    [{ intent: "explode" }, "Requête invalide"],
  ])("refuses %j with a 400 and a message, and changes nothing", async (override, message) => {
    const { client, project, note, path } = await editableNote();
    const tag = await createTag(server.db, { projectId: project.id, label: "Existant" });
    await server.db.noteTag.create({ data: { noteId: note.id, tagId: tag.id } });
    const before = await snapshot(note.id, project.id);
    const response = await client.post(path, {
      intent: "metadata",
      observedOn: "2026-03-14",
      place: "Ferme des Granges",
      commune: "26113",
      tagIds: [],
      newTag: "Nouvelle étiquette",
      ...override,
    });
    expect(response.status).toBe(400);
    const html = await read(response);
    expect(html).toContain(message);
    // Every field message is announced with its field (RGAA 11.10).
    for (const [, field] of html.matchAll(/id="(\w+)-error"/g)) {
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*${field}-error`));
    }
    expect(await snapshot(note.id, project.id)).toEqual(before);
  });

  test("a tag of another project's codebook is refused like an unknown one", async () => {
    const { user, client, project, note, path } = await editableNote();
    const other = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const foreignTag = await createTag(server.db, { projectId: other.id, label: "Étranger" });
    const response = await client.post(path, { intent: "metadata", tagIds: [foreignTag.id] });
    expect(response.status).toBe(400);
    expect(await server.db.noteTag.count({ where: { noteId: note.id } })).toBe(0);
    expect(await server.db.tag.count({ where: { projectId: project.id } })).toBe(0);
  });

  test("a new tag joins the codebook and is reused whatever its case and spacing", async () => {
    const { user, client, project, note, path } = await editableNote();
    const first = await client.post(path, { intent: "metadata", newTag: "  Circuit   court " });
    expect(first.status).toBe(200);
    const codebook = await server.db.tag.findMany({
      where: { projectId: project.id },
      select: { id: true, label: true },
    });
    expect(codebook).toEqual([{ id: expect.any(String), label: "Circuit court" }]);
    expect(await server.db.noteTag.findMany({ where: { noteId: note.id }, select: { tagId: true } })).toEqual([
      { tagId: codebook[0]!.id },
    ]);

    const second = await createNote(server.db, { projectId: project.id, authorId: user.id });
    const again = await client.post(`/projects/${project.id}/notes/${second.id}`, {
      intent: "metadata",
      newTag: "CIRCUIT COURT",
      tagIds: [codebook[0]!.id],
    });
    expect(again.status).toBe(200);
    expect(await server.db.tag.count({ where: { projectId: project.id } })).toBe(1);
    expect(await server.db.noteTag.findMany({ where: { noteId: second.id }, select: { tagId: true } })).toEqual([
      { tagId: codebook[0]!.id },
    ]);
    // Accented capitals fold too: "ÉCONOMIE" is the codebook's "économie".
    const economy = await createTag(server.db, { projectId: project.id, label: "économie locale" });
    expect((await client.post(path, { intent: "metadata", newTag: "ÉCONOMIE LOCALE" })).status).toBe(200);
    expect(await server.db.tag.count({ where: { projectId: project.id } })).toBe(2);
    expect(await server.db.noteTag.findMany({ where: { noteId: note.id }, select: { tagId: true } })).toEqual([
      { tagId: economy.id },
    ]);
    // The edit form offers the codebook as checkboxes, ticked for this note's tags.
    const form = await read(await client.get(path));
    expect(form).toContain(`name="tagIds" value="${codebook[0]!.id}"/>Circuit court</label>`);
    expect(form).toContain(`name="tagIds" checked="" value="${economy.id}"/>économie locale</label>`);
  });
  test("a tag that differs from one in the codebook only by accents or spacing is asked about first", async () => {
    const { client, project, note, path } = await editableNote();
    const market = await createTag(server.db, { projectId: project.id, label: "Marché" });
    const short = await createTag(server.db, { projectId: project.id, label: "Circuit court" });
    const tags = () =>
      server.db.tag.findMany({ where: { projectId: project.id }, select: { label: true }, orderBy: { label: "asc" } });

    // Asked on the server, whatever the browser does: nothing is saved until the person chooses.
    const asked = await client.post(path, { intent: "metadata", newTag: "Marche", place: "Halle" });
    expect(asked.status).toBe(409);
    const html = await read(asked);
    expect(html).toContain("Une étiquette proche existe déjà : « Marché ». Créer « Marche » quand même ?");
    expect(html).toMatch(/name="newTagChoice" value="create"[^>]*>Créer « Marche »</);
    expect(html).toMatch(/name="newTagChoice" value="use"[^>]*>Utiliser « Marché »</);
    expect(html).toContain('name="newTagAsked" value="Marche"');
    expect(html).toContain('value="Halle"');
    expect((await snapshot(note.id, project.id)).note.place).toBeNull();
    expect(await tags()).toEqual([{ label: "Circuit court" }, { label: "Marché" }]);

    // "Utiliser « Marché »": the existing tag goes on the note, and the rest of the form is saved.
    const answer = { intent: "metadata", newTag: "Marche", newTagAsked: "Marche", place: "Halle" };
    expect((await client.post(path, { ...answer, newTagChoice: "use" })).status).toBe(200);
    expect(await snapshot(note.id, project.id)).toMatchObject({
      note: { place: "Halle" },
      noteTags: [{ tagId: market.id }],
    });
    expect(await tags()).toHaveLength(2);

    // "Créer « Marche » quand même": a word of its own (walking, not the market).
    expect((await client.post(path, { ...answer, newTagChoice: "create" })).status).toBe(200);
    expect(await tags()).toEqual([{ label: "Circuit court" }, { label: "Marche" }, { label: "Marché" }]);

    // Spacing and punctuation count as look-alikes too; an answer about another label does not count.
    for (const newTag of ["circuit-court", "Circuitcourt", "CIRCUIT - COURT"]) {
      const again = await client.post(path, {
        intent: "metadata",
        newTag,
        newTagAsked: "Marche",
        newTagChoice: "create",
      });
      expect(again.status, newTag).toBe(409);
      expect(await read(again)).toContain("Une étiquette proche existe déjà : « Circuit court ».");
    }
    // Case alone is the same tag: reused without a question.
    expect((await client.post(path, { intent: "metadata", newTag: "CIRCUIT COURT" })).status).toBe(200);
    expect((await snapshot(note.id, project.id)).noteTags).toEqual([{ tagId: short.id }]);
    expect(await tags()).toHaveLength(3);
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
