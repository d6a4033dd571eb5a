import { beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROLES } from "~/models/core/vocabulary";
import { createNote, createTag } from "../factories";
import { connect, plainText, synced, tryUpgrade } from "../support/collab-client";
import { createFinding, EVERYONE, findingsCast, type Who } from "../support/findings-http";
import { location } from "../support/http-client";
import { read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

const READERS: Who[] = [...PROJECT_ROLES, "coalition"];
const EDITORS: Who[] = ["coordinator", "researcher"];
/** A draft is the project team's (issue 15): the council, observers and coalition staff get 404. */
const DRAFT_READERS: Who[] = ["coordinator", "researcher", "local_actor"];
/** What a route answers each person, by whether the action is reading or editing (a draft's, or the project's). */
function expected(who: Who, editing: boolean, onDraft = false): number {
  if (who === "anonymous") return 302;
  if (who === "outsider") return 404;
  if (!(onDraft ? DRAFT_READERS : READERS).includes(who)) return 404;
  return editing && !EDITORS.includes(who) ? 403 : 200;
}

describe("who may do what with findings", () => {
  test("pages and files: every reader reads; only coordinators and researchers get the new-finding form", async () => {
    const author = cast.as("coordinator").userId!;
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: author });
    for (const who of EVERYONE) {
      const { client } = cast.as(who);
      for (const path of ["", `/${id}`, "/print", `/${id}/print`, "/export.md", `/${id}/export.md`]) {
        const response = await client.get(`${cast.base}${path}`);
        expect(response.status, `${who} GET ${path}`).toBe(expected(who, false, path.includes(id)));
        if (who === "anonymous") expect(location(response)).toMatch(/^\/login/);
      }
      expect((await client.get(`${cast.base}/new`)).status, `${who} new`).toBe(expected(who, true));
    }
  });

  test("creating, editing fields and evidence: coordinators and researchers; others 403, outsiders 404", async () => {
    const author = cast.as("coordinator").userId!;
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: author });
    for (const who of EVERYONE) {
      const { client } = cast.as(who);
      const before = await server.db.finding.count({ where: { projectId: cast.project.id } });
      const created = await client.post(`${cast.base}/new`, { title: `Constat de ${who}`, statement: "" });
      const status = expected(who, true);
      expect(created.status, `${who} new`).toBe(status === 200 ? 302 : status);
      expect(await server.db.finding.count({ where: { projectId: cast.project.id } })).toBe(
        before + (status === 200 ? 1 : 0),
      );
      const fields = await client.post(`${cast.base}/${id}`, {
        intent: "fields",
        confidence: "high",
        confidenceRationale: who,
      });
      const onDraft = expected(who, true, true);
      expect(fields.status, `${who} fields`).toBe(onDraft);
      const source = await client.post(`${cast.base}/${id}`, {
        intent: "add-source",
        sourceTitle: `Source ${who}`,
        comment: "",
      });
      expect(source.status, `${who} source`).toBe(onDraft === 200 ? 302 : onDraft);
      const cite = await client.post(`${cast.base}/cite`, { noteId: "x", quote: "x", anchor: "AA", findingId: id });
      expect(cite.status, `${who} cite`).toBe(status === 200 ? 404 : status);
    }
    const rows = await server.db.evidence.findMany({ where: { findingId: id }, select: { sourceTitle: true } });
    expect(rows.map((r) => r.sourceTitle).sort()).toEqual(["Source coordinator", "Source researcher"]);
  });

  test("deleting: a coordinator any finding, a researcher only their own; the document goes too", async () => {
    const researcher = cast.as("researcher");
    const others = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: cast.as("coordinator").userId,
    });
    const own = await createFinding(server.db, { projectId: cast.project.id, authorId: researcher.userId });
    for (const who of EVERYONE.filter((w) => w !== "coordinator")) {
      const response = await cast
        .as(who)
        .client.post(`${cast.base}/${others.id}`, { intent: "delete", confirm: "yes" });
      expect(response.status, who).toBe(who === "anonymous" ? 302 : DRAFT_READERS.includes(who) ? 403 : 404);
    }
    expect((await researcher.client.post(`${cast.base}/${own.id}`, { intent: "delete" })).status).toBe(400);
    expect(await server.db.finding.count({ where: { id: own.id } })).toBe(1);
    const deleted = await researcher.client.post(`${cast.base}/${own.id}`, { intent: "delete", confirm: "yes" });
    expect([deleted.status, location(deleted)]).toEqual([302, cast.base]);
    expect(await server.db.finding.count({ where: { id: own.id } })).toBe(0);
    const byCoordinator = await cast
      .as("coordinator")
      .client.post(`${cast.base}/${others.id}`, { intent: "delete", confirm: "yes" });
    expect(byCoordinator.status).toBe(302);
    expect(await server.db.finding.count({ where: { id: others.id } })).toBe(0);
  });

  test("the finding's document: members open it, another project's member and strangers are refused at the upgrade", async () => {
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    const ws = `${server.url.replace("http", "ws")}/collab/finding:${id}`;
    const headers = (who: Who) => ({ origin: server.url, cookie: cast.as(who).client.cookieHeader() });
    for (const who of READERS) {
      expect(await tryUpgrade(ws, headers(who)), who).toBe(DRAFT_READERS.includes(who) ? "open" : 404);
    }
    expect(await tryUpgrade(ws, headers("outsider"))).toBe(404);
    expect(await tryUpgrade(ws, { origin: server.url })).toBe(401);
    // A finding of another project, asked for with this project's address, is unknown.
    const elsewhere = await createFinding(server.db, { projectId: cast.otherProject.id, authorId: null });
    expect((await cast.as("coordinator").client.get(`${cast.base}/${elsewhere.id}`)).status).toBe(404);
    expect(
      (await cast.as("coordinator").client.post(`${cast.base}/${elsewhere.id}`, { intent: "fields" })).status,
    ).toBe(404);
  });
  test("a reader's edits to the finding's text are dropped; a researcher's are kept and projected", async () => {
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: null, title: "" });
    const open = (who: Who) => connect(server.url, `finding:${id}`, { cookie: cast.as(who).client.cookieHeader() });
    const reader = open("local_actor");
    await synced(reader.provider);
    reader.text.insert(0, "Écrit par un observateur");
    const writer = open("researcher");
    await synced(writer.provider);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(plainText(writer.doc)).toBe("");
    writer.text.insert(0, "Les habitants reviennent au marché");
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await server.db.finding.findUniqueOrThrow({ where: { id } })).title) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await server.db.finding.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Les habitants reviennent au marché",
      lastEditorId: cast.as("researcher").userId,
    });
    reader.destroy();
    writer.destroy();
  });
});

describe("the list and the new-finding form", () => {
  test("a new finding starts with its title; the list shows it with its state, filters and search in the address", async () => {
    const { client } = cast.as("researcher");
    const response = await client.post(`${cast.base}/new`, {
      title: "  Les circuits   courts tiennent ",
      statement: "Trois producteurs sur quatre vendent au marché.",
    });
    expect(response.status).toBe(302);
    const id = location(response)!.split("/").pop()!;
    const finding = await server.db.finding.findUniqueOrThrow({ where: { id } });
    expect(finding).toMatchObject({
      title: "Les circuits courts tiennent",
      state: "draft",
      authorId: cast.as("researcher").userId,
    });
    await server.db.finding.update({
      where: { id },
      data: {
        searchText: "les circuits courts tiennent producteurs",
        sectors: '["agriculture"]',
        confidence: "medium",
      },
    });
    const list = await read(await client.get(cast.base));
    expect(list).toContain("Les circuits courts tiennent");
    expect(list).toContain("Brouillon");
    expect(list).toContain("Confiance : Moyenne");
    expect(await read(await client.get(`${cast.base}?q=PRODUCTEURS`))).toContain("Les circuits courts tiennent");
    expect(await read(await client.get(`${cast.base}?q=absent`))).toContain("Aucun constat ne correspond");
    expect(await read(await client.get(`${cast.base}?sector=agriculture&confidence=medium`))).toContain(
      "Les circuits courts tiennent",
    );
    expect(await read(await client.get(`${cast.base}?state=validated`))).not.toContain("Les circuits courts tiennent");
    // The page carries what the editor writes as the text's first heading and paragraph.
    const page = await read(await client.get(`${cast.base}/${id}`));
    expect(page).toContain("Trois producteurs sur quatre vendent au marché.");
  });

  test("bad input: no title, an oversized title or statement is a French 400 and nothing is created", async () => {
    const { client } = cast.as("coordinator");
    const before = await server.db.finding.count();
    const cases: [Record<string, string>, string | RegExp][] = [
      [{ title: "   ", statement: "" }, "Donnez un titre au constat."],
      [{ title: "a".repeat(121), statement: "" }, "Le titre ne doit pas dépasser 120 caractères."],
      [{ title: "Constat", statement: "b".repeat(2001) }, /L'énoncé ne doit pas dépasser 2.000 caractères\./u],
    ];
    for (const [form, message] of cases) {
      const response = await client.post(`${cast.base}/new`, form);
      expect(response.status).toBe(400);
      expect(await read(response)).toMatch(message);
    }
    expect(await server.db.finding.count()).toBe(before);
  });
});

describe("evidence added through the finding's forms", () => {
  test("codes, events and sources of this project only; URLs http(s) only; bounded lengths", async () => {
    const { client } = cast.as("coordinator");
    const { id } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: cast.as("coordinator").userId,
    });
    const page = `${cast.base}/${id}`;
    const otherCode = await createTag(server.db, { projectId: cast.otherProject.id, label: "Ailleurs" });
    await server.db.timelineEvent.create({
      data: {
        projectId: cast.otherProject.id,
        eventId: "ev-ailleurs",
        title: "Réunion ailleurs",
        type: "meeting",
        startDay: "2026-03-01",
      },
    });
    const refusals: [Record<string, string>, string | RegExp][] = [
      [{ intent: "add-code", codeId: otherCode.id }, "Ce que vous citez n'existe pas dans ce projet."],
      [{ intent: "add-event", eventId: "ev-ailleurs" }, "Ce que vous citez n'existe pas dans ce projet."],
      [{ intent: "add-survey", question: "autre:question" }, "Ce que vous citez n'existe pas dans ce projet."],
      [
        { intent: "add-source", sourceTitle: "Rapport", sourceUrl: "javascript:alert(1)" },
        "L'adresse doit commencer par http:// ou https://.",
      ],
      [
        { intent: "add-source", sourceTitle: "Rapport", sourceUrl: "ftp://example.org/x" },
        "L'adresse doit commencer par http:// ou https://.",
      ],
      [{ intent: "add-source", sourceTitle: "" }, "Donnez un titre à la source."],
      [
        { intent: "add-source", sourceTitle: "Rapport", comment: "c".repeat(1001) },
        /Le commentaire ne doit pas dépasser 1.000 caractères\./u,
      ],
      [{ intent: "nonsense" }, "Cette demande n'est pas comprise."],
    ];
    for (const [form, message] of refusals) {
      const response = await client.post(page, { comment: "", ...form });
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect(await read(response)).toMatch(message);
    }
    expect(await server.db.evidence.count({ where: { findingId: id } })).toBe(0);

    const code = await createTag(server.db, { projectId: cast.project.id, label: "Vente directe" });
    await server.db.timelineEvent.create({
      data: {
        projectId: cast.project.id,
        eventId: "ev-atelier",
        title: "Atelier des producteurs",
        type: "workshop",
        startDay: "2026-02-10",
      },
    });
    const added: Record<string, string>[] = [
      { intent: "add-code", codeId: code.id, comment: "La vente directe revient partout" },
      { intent: "add-event", eventId: "ev-atelier", comment: "Dit en atelier" },
      {
        intent: "add-source",
        sourceTitle: "Étude INSEE",
        sourceUrl: "https://insee.fr/etude",
        sourceReference: "p. 12",
        comment: "",
      },
    ];
    for (const form of added) expect((await client.post(page, form)).status).toBe(302);
    const html = await read(await client.get(page));
    expect(html).toContain("Vente directe");
    expect(html).toContain("Atelier des producteurs");
    expect(html).toContain('href="https://insee.fr/etude"');
    expect(html).toContain("La vente directe revient partout");

    const rows = await server.db.evidence.findMany({
      where: { findingId: id },
      orderBy: { position: "asc" },
      select: { id: true, kind: true },
    });
    expect(rows.map((r) => r.kind)).toEqual(["code", "event", "source"]);
    // Reorder, rewrite the line, remove; evidence of another finding is unknown here.
    expect((await client.post(page, { intent: "down", evidenceId: rows[0]!.id })).status).toBe(302);
    expect(
      (await client.post(page, { intent: "comment", evidenceId: rows[2]!.id, comment: "Les chiffres officiels" }))
        .status,
    ).toBe(302);
    expect((await client.post(page, { intent: "remove", evidenceId: rows[1]!.id })).status).toBe(302);
    const after = await server.db.evidence.findMany({
      where: { findingId: id },
      orderBy: { position: "asc" },
      select: { kind: true, comment: true },
    });
    expect(after).toEqual([
      { kind: "code", comment: "La vente directe revient partout" },
      { kind: "source", comment: "Les chiffres officiels" },
    ]);
    const elsewhere = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    expect(
      (await client.post(`${cast.base}/${elsewhere.id}`, { intent: "remove", evidenceId: rows[0]!.id })).status,
    ).toBe(404);
  });

  test("a timeline event cited shows 'cité dans 1 constat' on the timeline; a deleted event is said to be gone", async () => {
    const { client } = cast.as("coordinator");
    const { id } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: null,
      title: "Constat chronologie",
    });
    await server.db.timelineEvent.create({
      data: {
        projectId: cast.project.id,
        eventId: "ev-marche",
        title: "Marché de Noël",
        type: "meeting",
        startDay: "2026-12-12",
      },
    });
    expect(
      (await client.post(`${cast.base}/${id}`, { intent: "add-event", eventId: "ev-marche", comment: "" })).status,
    ).toBe(302);
    const timeline = await read(await client.get(`/projects/${cast.project.id}/timeline`));
    expect(timeline).toContain("Cité dans 1 constat");
    expect(timeline).toContain("Constat chronologie");
    await server.db.timelineEvent.delete({
      where: { projectId_eventId: { projectId: cast.project.id, eventId: "ev-marche" } },
    });
    const page = await read(await client.get(`${cast.base}/${id}`));
    expect(page).toContain("Marché de Noël");
    expect(page).toContain("Cet événement n'existe plus dans la chronologie.");
  });

  test("a read-only member sees the evidence but no form to change it", async () => {
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    const note = await createNote(server.db, { projectId: cast.project.id, authorId: null, title: "Note du marché" });
    await server.db.evidence.create({
      data: {
        findingId: id,
        projectId: cast.project.id,
        kind: "quote",
        noteId: note.id,
        quote: "le marché attire",
        currentText: "le marché attire",
        comment: "Fréquentation",
      },
    });
    const html = await read(await cast.as("local_actor").client.get(`${cast.base}/${id}`));
    expect(html).toContain("le marché attire");
    expect(html).toContain("Fréquentation");
    expect(html).toContain("votre rôle ne permet pas de le modifier");
    expect(html).not.toContain('name="intent" value="remove"');
    expect(html).not.toContain("Ajouter une preuve");
  });
});

describe("reports", () => {
  test("Markdown exports put the evidence in footnotes, escape what people wrote, and cover one or all findings", async () => {
    const { client } = cast.as("local_actor");
    const { id } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: null,
      title: "Les *circuits* courts",
    });
    await server.db.finding.update({ where: { id }, data: { excerpt: "Ils tiennent.", confidence: "low" } });
    await server.db.evidence.create({
      data: {
        findingId: id,
        projectId: cast.project.id,
        kind: "source",
        sourceTitle: "Enquête [régionale]",
        sourceUrl: "https://example.org/r",
        comment: "Chiffres 2025",
      },
    });
    const one = await client.get(`${cast.base}/${id}/export.md`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(one.headers.get("content-disposition")).toMatch(
      /^attachment; filename="constat-les-circuits-courts-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const markdown = await one.text();
    expect(markdown).toContain("## Les \\*circuits\\* courts");
    expect(markdown).toContain("- Confiance : Faible");
    expect(markdown).toContain("Ils tiennent\\. [^1]");
    expect(markdown).toContain(
      "[^1]: Source extérieure : Enquête \\[régionale\\] <https://example.org/r>. Ce que cela montre : Chiffres 2025",
    );
    const all = await (await client.get(`${cast.base}/export.md`)).text();
    expect(all).toContain("# Constats du projet");
    expect(all).toContain("## Les \\*circuits\\* courts");
    const print = await read(await client.get(`${cast.base}/${id}/print`));
    expect(print).toContain("Enquête [régionale]");
    expect(print).toContain("Ils tiennent.");
  });
});
