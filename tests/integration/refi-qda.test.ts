import { unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject } from "../factories";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { refiQdaHelpers, refiSchemaErrors, writeNoteDocument } from "./refi-qda-helpers";

/**
 * Exchange with the researchers' own tools (issue 14 §1): the codebook as a REFI-QDA `.qdc`,
 * the notes and their coded passages as a `.qdpx`, both validated against the published
 * schemas; a codebook imported back, merged by name, nothing duplicated; bad files refused.
 */
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const { codedProject, importFile, codebookOf } = refiQdaHelpers(() => server);

test("the schemas refuse what they should (the validation is not a formality)", async () => {
  expect(
    await refiSchemaErrors(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`, "Codebook.xsd"),
  ).not.toEqual([]);
  const badGuid = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="a" isCodable="true"/></Codes></CodeBook>`;
  expect(await refiSchemaErrors(badGuid, "Codebook.xsd")).not.toEqual([]);
  expect(await refiSchemaErrors(`<Project xmlns="urn:QDA-XML:project:1.0"/>`, "Project.xsd")).not.toEqual([]);
});

describe("the codebook as a REFI-QDA .qdc", () => {
  test("validates against Codebook.xsd, nests children, leaves merged codes out, and is stable", async () => {
    const { researcher, codes } = await codedProject();
    const response = await researcher.client.get(`${codes}/export.qdc`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="codes-projet-.*\.qdc"$/);
    const xml = await response.text();
    expect(await refiSchemaErrors(xml, "Codebook.xsd")).toEqual([]);
    expect(xml).toMatch(
      /<Code guid="[0-9A-F-]{36}" name="Mobilité" isCodable="true" color="#aa3300">\s*<Description>Se déplacer sans voiture<\/Description>\s*<Code [^>]*name="Covoiturage"/,
    );
    expect(xml).toContain('name="Marché &amp; circuits courts"');
    expect(xml).toMatch(/name="Ancien code" isCodable="false"/);
    expect(xml).not.toContain('name="Covoit"');
    // Deterministic GUIDs: a second export is the same file.
    expect(await (await researcher.client.get(`${codes}/export.qdc`)).text()).toBe(xml);
  });

  test("an empty codebook has nothing to export", async () => {
    const coordinator = await logIn(server);
    const project = await createProject(server.db, { members: [[coordinator.user.id, "coordinator"]] });
    const response = await coordinator.client.get(`/projects/${project.id}/codes/export.qdc`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Le livre de codes est vide : il n'y a rien à exporter.");
  });

  test("imported into another project reproduces the codes; into the same one creates nothing", async () => {
    const { researcher, project, codes } = await codedProject();
    const xml = await (await researcher.client.get(`${codes}/export.qdc`)).text();
    const other = await createProject(server.db, { members: [[researcher.user.id, "coordinator"]] });
    const imported = await importFile(researcher.client, `/projects/${other.id}/codes`, xml);
    expect(imported.status).toBe(200);
    const page = await imported.text();
    expect(page).toContain("Livre de codes importé : 4 codes ajoutés, 0 déjà présents.");
    const strip = (list: Awaited<ReturnType<typeof codebookOf>>) => list.map(({ nameKey: _, ...code }) => code);
    const source = (await codebookOf(project.id)).filter((c) => c.label !== "Covoit");
    expect(strip(await codebookOf(other.id))).toEqual(strip(source));
    expect((await codebookOf(other.id)).every((c) => c.nameKey)).toBe(true);

    const again = await importFile(researcher.client, codes, xml);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Livre de codes importé : 0 codes ajoutés, 4 déjà présents.");
    expect(await server.db.tag.count({ where: { projectId: project.id } })).toBe(5);
  });

  test("merges by name, completes only what is empty, flattens deep nesting", async () => {
    const { researcher, project, codes } = await codedProject();
    await server.db.tag.updateMany({
      where: { projectId: project.id, label: "Ancien code" },
      data: { definition: "" },
    });
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="11111111-1111-1111-1111-111111111111" name="MOBILITE" isCodable="true" color="#000000">
      <Description>Autre définition</Description>
      <Code guid="22222222-2222-2222-2222-222222222222" name="Transport à la demande" isCodable="true" color="#123456">
        <Description>TAD</Description>
        <Code guid="33333333-3333-3333-3333-333333333333" name="Navette" isCodable="true"/>
      </Code>
    </Code>
    <Code guid="44444444-4444-4444-4444-444444444444" name="ancien code" isCodable="true"><Description>Rempli</Description></Code>
    <Code guid="55555555-5555-5555-5555-555555555555" name="covoit" isCodable="true"/>
    <Code guid="66666666-6666-6666-6666-666666666666" name="Abandonné" isCodable="false"/>
  </Codes>
</CodeBook>`;
    expect(await refiSchemaErrors(qdc, "Codebook.xsd")).toEqual([]);
    const response = await importFile(researcher.client, codes, qdc);
    expect(response.status).toBe(200);
    const after = await codebookOf(project.id);
    const byLabel = new Map(after.map((c) => [c.label, c]));
    // Kept: our name, definition and colour win; only an empty definition is filled.
    expect(byLabel.get("Mobilité")).toMatchObject({ definition: "Se déplacer sans voiture", colour: "#aa3300" });
    expect(byLabel.get("Ancien code")).toMatchObject({ definition: "Rempli", retired: true });
    // A merged code's name stands for the code it was merged into: nothing created.
    expect(after.filter((c) => c.label.toLowerCase() === "covoit")).toHaveLength(1);
    expect(byLabel.get("Transport à la demande")).toMatchObject({
      parent: "Mobilité",
      definition: "TAD",
      colour: "#123456",
    });
    expect(byLabel.get("Navette")).toMatchObject({ parent: "Mobilité" });
    expect(byLabel.get("Abandonné")).toMatchObject({ retired: true, parent: null });
    expect(after).toHaveLength(8);
  });
});

describe("bad codebook files", () => {
  const cases: [string, string | Uint8Array<ArrayBuffer>, string][] = [
    ["not XML", "code;définition\nMarché;les marchés", "n'est pas un document XML bien formé"],
    ["not text", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), "n'est pas un texte lisible"],
    ["another root", `<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>`, "son élément principal doit être CodeBook"],
    [
      "entities declared in a DTD",
      `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="&b;" isCodable="true"/></Codes></CodeBook>`,
      "DOCTYPE",
    ],
    [
      "an external entity",
      `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="&xxe;" isCodable="true"/></Codes></CodeBook>`,
      "DOCTYPE",
    ],
    [
      "a valid code before a broken one",
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="Nouveau" isCodable="true"/><Code guid="x" name="" isCodable="true"/></Codes></CodeBook>`,
      "n'a pas de nom",
    ],
    [
      "an oversized file",
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><!--${"x".repeat(2 * 1024 * 1024)}--></CodeBook>`,
      "dépasse 2 Mo",
    ],
  ];
  test.each(cases)("%s: a French 400, nothing written", async (_, contents, message) => {
    const { researcher, project, codes } = await codedProject();
    const before = await codebookOf(project.id);
    const response = await importFile(researcher.client, codes, contents);
    expect(response.status).toBe(400);
    expect((await response.text()).replaceAll("&#x27;", "'")).toContain(message);
    expect(await codebookOf(project.id)).toEqual(before);
  });

  test("no file at all", async () => {
    const { researcher, codes } = await codedProject();
    const response = await researcher.client.send(`${codes}/import`, {
      method: "POST",
      body: new FormData(),
      headers: { origin: server.url },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choisissez un fichier .qdc à importer.");
  });
});

describe("the notes as a REFI-QDA .qdpx", () => {
  test("a zip of project.qde (valid against Project.xsd) and one text per note; positions select the coded text", async () => {
    const { researcher, codes, note, trashed } = await codedProject();
    const response = await researcher.client.get(`${codes}/export.qdpx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const qde = new TextDecoder().decode(files["project.qde"]);
    expect(await refiSchemaErrors(qde, "Project.xsd")).toEqual([]);
    const sources = Object.keys(files).filter((name) => name.startsWith("sources/"));
    expect(sources).toHaveLength(1);
    expect(qde).not.toContain("Jetée");
    expect(qde).toContain('<User guid="');
    expect(qde).toContain('name="Aïcha Benali"');

    const source =
      /<TextSource guid="([0-9A-F-]+)" name="Tournée du camion-épicerie" plainTextPath="internal:\/\/\1\.txt"/.exec(
        qde,
      );
    expect(source).not.toBeNull();
    const text = new TextDecoder().decode(files[`sources/${source![1]}.txt`]);
    expect(text).toContain("Châtillon-en-Diois");
    const codeNames = new Map([...qde.matchAll(/<Code guid="([0-9A-F-]+)" name="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const points = [...text];
    const selections = [
      ...qde.matchAll(
        /<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"[^>]*>\s*<Coding [^>]*>\s*<CodeRef targetGUID="([0-9A-F-]+)"/g,
      ),
    ].map((m) => [codeNames.get(m[3]), points.slice(Number(m[1]), Number(m[2])).join("")]);
    expect(selections.sort()).toEqual(
      [
        ["Marché &amp; circuits courts", "passe à Châtillon-en-Diois le mardi 🙂"],
        ["Covoiturage", "le covoiturage 🚗 vers Die"],
        ["Mobilité", "🚚 passe à Châtillon"],
      ].sort(),
    );
    expect(note.id).not.toBe(trashed.id);
  });

  test("more notes than one batch: every note once, each passage in its own text", async () => {
    const coordinator = await logIn(server);
    const project = await createProject(server.db, { members: [[coordinator.user.id, "coordinator"]] });
    const code = await server.db.tag.create({
      data: { projectId: project.id, label: "Commerce" },
      select: { id: true },
    });
    const count = 120;
    for (let i = 0; i < count; i++) {
      const note = await createNote(server.db, {
        projectId: project.id,
        authorId: coordinator.user.id,
        title: `Note ${i}`,
      });
      const quote = `boutique n°${i} 🏪`;
      const text = await writeNoteDocument(server.db, note.id, [`Note ${i}`, `Visite de la ${quote}.`]);
      const start = text.indexOf(quote);
      await server.db.codedPassage.create({
        data: {
          noteId: note.id,
          passageId: "p",
          projectId: project.id,
          codeId: code.id,
          text: quote,
          start,
          end: start + quote.length,
        },
      });
    }
    const response = await coordinator.client.get(`/projects/${project.id}/codes/export.qdpx`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const qde = new TextDecoder().decode(files["project.qde"]);
    expect(await refiSchemaErrors(qde, "Project.xsd")).toEqual([]);
    const sources = [
      ...qde.matchAll(
        /<TextSource guid="([0-9A-F-]+)" name="Note (\d+)"[^>]*>\s*<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"/g,
      ),
    ];
    expect(sources).toHaveLength(count);
    expect(Object.keys(files).filter((name) => name.startsWith("sources/"))).toHaveLength(count);
    for (const [, guid, i, start, end] of sources) {
      const points = [...new TextDecoder().decode(files[`sources/${guid}.txt`])];
      expect(points.slice(Number(start), Number(end)).join("")).toBe(`boutique n°${i} 🏪`);
    }
  });

  test("a project without notes nor codes is still a valid project", async () => {
    const coordinator = await logIn(server);
    const project = await createProject(server.db, { members: [[coordinator.user.id, "coordinator"]] });
    const response = await coordinator.client.get(`/projects/${project.id}/codes/export.qdpx`);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["project.qde"]);
    expect(await refiSchemaErrors(new TextDecoder().decode(files["project.qde"]), "Project.xsd")).toEqual([]);
  });
});
