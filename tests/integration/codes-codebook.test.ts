// The codebook's rules through the code view's forms: one code per name (case, accents and spaces
// folded), a question before a near-duplicate, one level of parents, merges that move everything,
// (the start-up backfill of names written before `Tag.nameKey`: codes-backfill.test.ts).
import { beforeAll, describe, expect, test } from "vitest";
import { createCode, createCodedPassage, createNote, createProject } from "../factories";
import { read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

async function researcherProject() {
  const { user, client } = await logIn(server);
  const project = await createProject(server.db, { members: [[user.id, "researcher"]] });
  return { user, client, project, base: `/projects/${project.id}/codes` };
}

const fields = (label: string, extra: Record<string, string> = {}) => ({
  label,
  definition: "",
  colour: "#1f6f8b",
  parentId: "",
  ...extra,
});

const labels = async (projectId: string) =>
  (await server.db.tag.findMany({ where: { projectId }, select: { label: true } })).map((tag) => tag.label).sort();

describe("codebook names", () => {
  test("a name is unique whatever its case, accents and spacing", async () => {
    const { client, project, base } = await researcherProject();
    const created = await client.post(base, { intent: "create", ...fields("  Marché  du   samedi ") });
    expect(created.status).toBe(302);
    const code = await server.db.tag.findFirstOrThrow({ where: { projectId: project.id } });
    expect(code).toMatchObject({
      label: "Marché du samedi",
      nameKey: "marche du samedi",
      createdById: expect.any(String),
    });
    expect(created.headers.get("location")).toBe(`${base}?created=${code.id}`);
    expect(await read(await client.get(created.headers.get("location")!))).toContain("Code « Marché du samedi » créé.");

    for (const label of ["marche du samedi", "MARCHÉ DU SAMEDI", "Marche  du Samedi"]) {
      const again = await client.post(base, { intent: "create", ...fields(label) });
      expect(again.status, label).toBe(400);
      expect(await read(again)).toContain("Un code de ce nom existe déjà : « Marché du samedi ».");
    }
    // Renaming another code to it is refused too.
    const other = await createCode(server.db, { projectId: project.id, label: "Mobilité" });
    const renamed = await client.post(`${base}/${other.id}`, { intent: "update", ...fields("MARCHE DU SAMEDI") });
    expect(renamed.status).toBe(400);
    expect(await labels(project.id)).toEqual(["Marché du samedi", "Mobilité"]);
    // Its own name in another spelling is a rename, not a clash.
    const respelled = await client.post(`${base}/${code.id}`, { intent: "update", ...fields("Marché du Samedi") });
    expect(respelled.status).toBe(302);
    expect(await labels(project.id)).toEqual(["Marché du Samedi", "Mobilité"]);
  });

  test("a near-duplicate is asked about before it is created or given", async () => {
    const { client, project, base } = await researcherProject();
    const market = await createCode(server.db, { projectId: project.id, label: "Marché" });
    const asked = await client.post(base, { intent: "create", ...fields("Marchés", { definition: "Les halles" }) });
    expect(asked.status).toBe(409);
    const html = await read(asked);
    expect(html).toContain("Un code proche existe déjà : « Marché ». Créer « Marchés » quand même ?");
    expect(html).toMatch(/name="confirmed" value="Marchés"[^>]*>Oui, créer « Marchés »</);
    expect(html).toContain(`href="${base}/${market.id}"`);
    // The form keeps what was typed.
    expect(html).toContain(">Les halles</textarea>");
    expect(await labels(project.id)).toEqual(["Marché"]);
    // A confirmation for another name does not count.
    const stale = await client.post(base, { intent: "create", ...fields("Circuits-courts"), confirmed: "Marchés" });
    expect(stale.status).toBe(302);
    const other = await client.post(base, { intent: "create", ...fields("Circuit court"), confirmed: "Marchés" });
    expect(other.status).toBe(409);
    expect(await read(other)).toContain("Un code proche existe déjà : « Circuits-courts ».");
    // Confirmed: created.
    const confirmed = await client.post(base, { intent: "create", ...fields("Marchés"), confirmed: "Marchés" });
    expect(confirmed.status).toBe(302);
    expect(await labels(project.id)).toEqual(["Circuits-courts", "Marché", "Marchés"]);

    // A rename to a look-alike is asked about too.
    const mobility = await createCode(server.db, { projectId: project.id, label: "Mobilité" });
    const rename = await client.post(`${base}/${mobility.id}`, { intent: "update", ...fields("Circuit-court") });
    expect(rename.status).toBe(409);
    expect(await read(rename)).toContain("Renommer en « Circuit-court » quand même ?");
    expect(await labels(project.id)).toContain("Mobilité");
    const done = await client.post(`${base}/${mobility.id}`, {
      intent: "update",
      ...fields("Circuit-court"),
      confirmed: "Circuit-court",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${base}/${mobility.id}?done=saved`);
  });

  test.each([
    [fields(""), "label", "Indiquez le nom du code."],
    [fields("   "), "label", "Indiquez le nom du code."],
    [fields("x".repeat(41)), "label", "Le nom fait 40 caractères au plus."],
    [fields("Vélo", { definition: "d".repeat(1001) }), "definition", /La définition fait 1\s000 caractères au plus\./],
    [fields("Vélo", { colour: "bleu" }), "colour", "Choisissez une couleur au format #rrvvbb"],
    [fields("Vélo", { colour: "#12345" }), "colour", "Choisissez une couleur au format #rrvvbb"],
    [fields("Vélo", { parentId: "inconnu" }), "parentId", "Ce code parent n'existe pas (ou plus) dans ce projet."],
  ])("bad input %j is a 400 with a French message, nothing written", async (form, field, message) => {
    const { client, project, base } = await researcherProject();
    const response = await client.post(base, { intent: "create", ...form });
    expect(response.status).toBe(400);
    const html = await read(response);
    expect(html).toMatch(message);
    expect(html).toContain(`id="${field}-error"`);
    expect(await labels(project.id)).toEqual([]);
  });

  test("an unknown intent or a body that is not a form is refused", async () => {
    const { client, project, base } = await researcherProject();
    expect((await client.post(base, { intent: "delete", ...fields("Vélo") })).status).toBe(400);
    const code = await createCode(server.db, { projectId: project.id, label: "Vélo" });
    expect((await client.post(`${base}/${code.id}`, { intent: "explode" })).status).toBe(400);
    const json = await client.send(base, {
      method: "POST",
      body: "{}",
      headers: { origin: server.url, "content-type": "application/json" },
    });
    expect(json.status).toBe(400);
    expect(await labels(project.id)).toEqual(["Vélo"]);
  });
});

describe("parents", () => {
  test("one level: a parent has no parent, a code with children gets none", async () => {
    const { client, project, base } = await researcherProject();
    const economy = await createCode(server.db, { projectId: project.id, label: "Économie" });
    const created = await client.post(base, { intent: "create", ...fields("Circuit court", { parentId: economy.id }) });
    expect(created.status).toBe(302);
    const child = await server.db.tag.findFirstOrThrow({ where: { projectId: project.id, label: "Circuit court" } });
    expect(child.parentId).toBe(economy.id);

    const grandchild = await client.post(base, {
      intent: "create",
      ...fields("Vente directe", { parentId: child.id }),
    });
    expect(grandchild.status).toBe(400);
    expect(await read(grandchild)).toContain("« Circuit court » est déjà un sous-code");

    const other = await createCode(server.db, { projectId: project.id, label: "Territoire" });
    const parentWithChildren = await client.post(`${base}/${economy.id}`, {
      intent: "update",
      ...fields("Économie", { parentId: other.id }),
    });
    expect(parentWithChildren.status).toBe(400);
    expect(await read(parentWithChildren)).toContain("Ce code a des sous-codes");

    const self = await client.post(`${base}/${other.id}`, {
      intent: "update",
      ...fields("Territoire", { parentId: other.id }),
    });
    expect(self.status).toBe(400);
    expect(await read(self)).toContain("Un code ne peut pas être son propre parent.");
    expect((await server.db.tag.findUniqueOrThrow({ where: { id: economy.id } })).parentId).toBeNull();
    expect((await server.db.tag.findUniqueOrThrow({ where: { id: other.id } })).parentId).toBeNull();

    // The list groups children under their parent.
    const page = await read(await client.get(base));
    const economyAt = page.indexOf(">Économie</a>");
    expect(economyAt).toBeGreaterThan(-1);
    expect(page.indexOf("Sous-codes de « Économie » : ")).toBeGreaterThan(economyAt);
  });
});

describe("merge and retire", () => {
  test("merging A into B moves its passages, notes and evidence in one go", async () => {
    const { client, user, project, base } = await researcherProject();
    const a = await createCode(server.db, { projectId: project.id, label: "Vente à la ferme" });
    const b = await createCode(server.db, { projectId: project.id, label: "Circuit court" });
    const child = await createCode(server.db, { projectId: project.id, label: "Panier", parentId: a.id });
    const both = await createNote(server.db, { projectId: project.id, authorId: user.id, tagIds: [a.id, b.id] });
    const onlyA = await createNote(server.db, { projectId: project.id, authorId: user.id, tagIds: [a.id] });
    await createCodedPassage(server.db, { noteId: both.id, projectId: project.id, codeId: a.id, start: 0, end: 4 });
    await createCodedPassage(server.db, { noteId: onlyA.id, projectId: project.id, codeId: a.id, start: 2, end: 9 });
    const finding = await server.db.finding.create({ data: { projectId: project.id, title: "Les circuits tiennent" } });
    await server.db.evidence.create({
      data: { findingId: finding.id, projectId: project.id, kind: "code", codeId: a.id },
    });

    const response = await client.post(`${base}/${a.id}`, { intent: "merge", intoId: b.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${base}/${b.id}?done=merged&mergedFrom=${a.id}`);
    // Not the passages filter "from" (observed since): the page shows no "filtre ignoré".
    expect(await read(await client.get(response.headers.get("location")!))).not.toContain("Filtre ignoré");
    expect(await server.db.tag.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ mergedIntoId: b.id });
    expect(await server.db.codedPassage.count({ where: { codeId: a.id } })).toBe(0);
    expect(await server.db.codedPassage.count({ where: { codeId: b.id } })).toBe(2);
    const noteTags = await server.db.noteTag.findMany({
      where: { noteId: { in: [both.id, onlyA.id] } },
      select: { noteId: true, tagId: true },
    });
    expect(noteTags.sort((x, y) => x.noteId.localeCompare(y.noteId))).toEqual(
      [
        { noteId: both.id, tagId: b.id },
        { noteId: onlyA.id, tagId: b.id },
      ].sort((x, y) => x.noteId.localeCompare(y.noteId)),
    );
    expect(await server.db.evidence.findFirstOrThrow({ where: { findingId: finding.id } })).toMatchObject({
      codeId: b.id,
    });
    // A's child now sits under B: still one level.
    expect((await server.db.tag.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(b.id);

    const target = await read(await client.get(response.headers.get("location")!));
    expect(target).toContain("« Vente à la ferme » a été fusionné dans ce code.");
    expect(target).toContain("Cité dans 1 constat");
    // A's old address leads to B; A leaves the list.
    const old = await client.get(`${base}/${a.id}?page=1`);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`${base}/${b.id}?page=1`);
    expect(await read(await client.get(base))).not.toContain(">Vente à la ferme</a>");
    // A merged code is not changed any more, nor merged again, nor a merge target. (Posted as a
    // page, the answer is its page's redirect to B; as data, the action's 400.)
    const data = `?_data=${encodeURIComponent("routes/projects.$projectId.codes.$codeId")}`;
    const retire = await client.post(`${base}/${a.id}`, { intent: "retire" });
    expect(retire.status).toBe(302);
    expect(retire.headers.get("location")).toBe(`${base}/${b.id}`);
    const retireData = await client.post(`${base}/${a.id}${data}`, { intent: "retire" });
    expect(retireData.status).toBe(400);
    expect(await retireData.json()).toMatchObject({
      formError: "Ce code a été fusionné dans un autre : modifiez plutôt celui-ci.",
    });
    expect((await client.post(`${base}/${a.id}${data}`, { intent: "merge", intoId: b.id })).status).toBe(400);
    expect(await server.db.tag.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      retiredAt: null,
      mergedIntoId: b.id,
    });
    expect((await client.post(`${base}/${child.id}`, { intent: "merge", intoId: a.id })).status).toBe(400);
    expect((await client.post(`${base}/${b.id}`, { intent: "merge", intoId: b.id })).status).toBe(400);
    // Its name stays taken: it lives on in B.
    expect((await client.post(base, { intent: "create", ...fields("vente a la ferme") })).status).toBe(400);
  });

  test("a retired code is listed apart, keeps its passages and comes back", async () => {
    const { client, user, project, base } = await researcherProject();
    const code = await createCode(server.db, { projectId: project.id, label: "Friche" });
    const note = await createNote(server.db, { projectId: project.id, authorId: user.id });
    await createCodedPassage(server.db, { noteId: note.id, projectId: project.id, codeId: code.id, start: 0, end: 3 });
    expect((await client.post(`${base}/${code.id}`, { intent: "retire" })).status).toBe(302);
    const page = await read(await client.get(base));
    expect(page.indexOf("Codes retirés")).toBeGreaterThan(-1);
    expect(page.indexOf(">Friche</a>")).toBeGreaterThan(page.indexOf("Codes retirés"));
    expect(await read(await client.get(`${base}/${code.id}`))).toContain("Ce code est retiré");
    expect(await server.db.codedPassage.count({ where: { codeId: code.id } })).toBe(1);
    expect((await client.post(`${base}/${code.id}`, { intent: "restore" })).status).toBe(302);
    expect(await read(await client.get(base))).not.toContain("Codes retirés");
  });
});
