// The note information form (split from notes.test.ts): dates, place, tags and cycle.
import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject, createTag } from "../factories";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

import { day, isoDay, notesHelpers, read } from "../support/notes-http";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});
const { memberOf } = notesHelpers(() => server);

describe("note metadata", () => {
  /** A researcher's note: researchers edit notes and may add codes to the codebook. */
  async function editableNote() {
    const member = await memberOf("researcher");
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

  test("a local actor ticks existing codes but may not add one to the codebook (403, nothing written)", async () => {
    const member = await memberOf("local_actor");
    const note = await createNote(server.db, { projectId: member.project.id, authorId: member.user.id });
    const path = `/projects/${member.project.id}/notes/${note.id}`;
    const market = await createTag(server.db, { projectId: member.project.id, label: "Marché" });
    const form = await read(await member.client.get(path));
    expect(form).toContain(`name="tagIds" value="${market.id}"`);
    expect(form).not.toContain('name="newTag"');
    const refused = await member.client.post(path, { intent: "metadata", newTag: "Nouveau code", tagIds: [market.id] });
    expect(refused.status).toBe(403);
    expect(await read(refused)).toContain(
      "Seules la coordination et les personnes chargées de recherche ajoutent des codes",
    );
    expect(await server.db.tag.count({ where: { projectId: member.project.id } })).toBe(1);
    expect(await server.db.noteTag.count({ where: { noteId: note.id } })).toBe(0);
    const ticked = await member.client.post(path, { intent: "metadata", tagIds: [market.id] });
    expect(ticked.status).toBe(200);
    expect(await server.db.noteTag.count({ where: { noteId: note.id } })).toBe(1);
  });

  test("a retired code is offered only on the notes that carry it", async () => {
    const { client, project, note, path } = await editableNote();
    const retired = await server.db.tag.create({
      data: { projectId: project.id, label: "Divers", nameKey: "divers", retiredAt: new Date() },
      select: { id: true },
    });
    expect(await read(await client.get(path))).not.toContain(`value="${retired.id}"`);
    await server.db.noteTag.create({ data: { noteId: note.id, tagId: retired.id } });
    expect(await read(await client.get(path))).toContain(`name="tagIds" checked="" value="${retired.id}"`);
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
  test("a tag that differs from one in the codebook only by spacing, punctuation or a plural is asked about first", async () => {
    const { client, project, note, path } = await editableNote();
    const market = await createTag(server.db, { projectId: project.id, label: "Marché" });
    const short = await createTag(server.db, { projectId: project.id, label: "Circuit court" });
    const tags = () =>
      server.db.tag.findMany({ where: { projectId: project.id }, select: { label: true }, orderBy: { label: "asc" } });

    // Asked on the server, whatever the browser does: nothing is saved until the person chooses.
    const asked = await client.post(path, { intent: "metadata", newTag: "Marchés", place: "Halle" });
    expect(asked.status).toBe(409);
    const html = await read(asked);
    expect(html).toContain("Une étiquette proche existe déjà : « Marché ». Créer « Marchés » quand même ?");
    expect(html).toMatch(/name="newTagChoice" value="create"[^>]*>Créer « Marchés »</);
    expect(html).toMatch(/name="newTagChoice" value="use"[^>]*>Utiliser « Marché »</);
    expect(html).toContain('name="newTagAsked" value="Marchés"');
    expect(html).toContain('value="Halle"');
    expect((await snapshot(note.id, project.id)).note.place).toBeNull();
    expect(await tags()).toEqual([{ label: "Circuit court" }, { label: "Marché" }]);

    // "Utiliser « Marché »": the existing tag goes on the note, and the rest of the form is saved.
    const answer = { intent: "metadata", newTag: "Marchés", newTagAsked: "Marchés", place: "Halle" };
    expect((await client.post(path, { ...answer, newTagChoice: "use" })).status).toBe(200);
    expect(await snapshot(note.id, project.id)).toMatchObject({
      note: { place: "Halle" },
      noteTags: [{ tagId: market.id }],
    });
    expect(await tags()).toHaveLength(2);

    // "Créer « Marchés » quand même": a code of its own (the markets as places, say).
    expect((await client.post(path, { ...answer, newTagChoice: "create" })).status).toBe(200);
    expect(await tags()).toEqual([{ label: "Circuit court" }, { label: "Marché" }, { label: "Marchés" }]);

    // Spacing and punctuation count as look-alikes too; an answer about another label does not count.
    for (const newTag of ["circuit-court", "Circuitcourt", "CIRCUIT - COURT"]) {
      const again = await client.post(path, {
        intent: "metadata",
        newTag,
        newTagAsked: "Marchés",
        newTagChoice: "create",
      });
      expect(again.status, newTag).toBe(409);
      expect(await read(again)).toContain("Une étiquette proche existe déjà : « Circuit court ».");
    }
    // Case and accents alone are the same tag: reused without a question.
    expect((await client.post(path, { intent: "metadata", newTag: "CIRCUIT COURT" })).status).toBe(200);
    expect((await client.post(path, { intent: "metadata", newTag: "marche" })).status).toBe(200);
    expect((await snapshot(note.id, project.id)).noteTags).toEqual([{ tagId: market.id }]);
    expect((await client.post(path, { intent: "metadata", newTag: "CIRCUIT COURT" })).status).toBe(200);
    expect((await snapshot(note.id, project.id)).noteTags).toEqual([{ tagId: short.id }]);
    expect(await tags()).toHaveLength(3);
  });
});
