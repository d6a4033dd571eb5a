import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createNote, createTag } from "../factories";
import { createResponse, createSurvey } from "../survey-factories";
import type { TestProvider } from "../support/collab-client";
import { anchorOf, createFinding, findingsCast, writeNote } from "../support/findings-http";
import { read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
let noteId: string;
let writer: TestProvider;
const TEXT = "Le marché du samedi attire des gens de toute la vallée, surtout en été.";

beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
  const coordinator = cast.as("coordinator");
  noteId = (await createNote(server.db, { projectId: cast.project.id, authorId: coordinator.userId, title: "Marché" }))
    .id;
  writer = await writeNote(server, coordinator.client.cookieHeader(), noteId, TEXT);
});
afterAll(() => writer?.destroy());

const QUOTE = "attire des gens de toute la vallée";
const cite = (who: Parameters<typeof cast.as>[0], form: Record<string, string>) =>
  cast.as(who).client.post(`${cast.base}/cite`, form);

describe("citing a passage of a note", () => {
  test("a matching quote makes a new finding titled as asked, with the quote as its first evidence", async () => {
    const response = await cite("researcher", {
      noteId,
      quote: `  ${QUOTE.replace(" ", "\n")} `,
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "Le marché rayonne",
      newFindingTitle: "Le marché rayonne sur la vallée",
    });
    expect(response.status).toBe(200);
    const { findingId, evidenceId } = (await response.json()) as { findingId: string; evidenceId: string };
    expect(await server.db.finding.findUniqueOrThrow({ where: { id: findingId } })).toMatchObject({
      projectId: cast.project.id,
      title: "Le marché rayonne sur la vallée",
      authorId: cast.as("researcher").userId,
    });
    const evidence = await server.db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(evidence).toMatchObject({
      kind: "quote",
      noteId,
      currentText: QUOTE,
      comment: "Le marché rayonne",
      position: 0,
    });
    // An existing finding gets it at the end of its list.
    const again = await cite("coordinator", {
      noteId,
      quote: "surtout en été",
      anchor: anchorOf(writer.doc, "surtout en été"),
      comment: "",
      findingId,
    });
    expect(again.status).toBe(200);
    expect(await server.db.evidence.count({ where: { findingId } })).toBe(2);
    const page = await read(await cast.as("local_actor").client.get(`${cast.base}/${findingId}`));
    expect(page).toContain("des gens de toute la vallée");
    expect(page).toContain(`/projects/${cast.project.id}/notes/${noteId}?evidence=${evidenceId}`);
  });

  test("a quote that is not the anchored text, a forged anchor, another project's note or a trashed one: refused, nothing written", async () => {
    const before = [await server.db.finding.count(), await server.db.evidence.count()];
    const { id: findingId } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    const after = () => Promise.all([server.db.finding.count(), server.db.evidence.count()]);
    const mismatch = await cite("coordinator", {
      noteId,
      quote: "le marché du dimanche",
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
      findingId,
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toEqual({ error: "Le passage cité ne correspond pas au texte de la note" });
    const newOne = await cite("coordinator", {
      noteId,
      quote: "faux",
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
      newFindingTitle: "Jamais créé",
    });
    expect(newOne.status).toBe(400);
    const forged = await cite("coordinator", { noteId, quote: QUOTE, anchor: "AAAA", comment: "", findingId });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: string }).error).toBe("L'emplacement du passage cité n'est pas lisible.");
    const elsewhere = await createNote(server.db, { projectId: cast.otherProject.id, authorId: null });
    const other = await cite("coordinator", {
      noteId: elsewhere.id,
      quote: QUOTE,
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
      findingId,
    });
    expect(other.status).toBe(404);
    const otherFinding = await createFinding(server.db, { projectId: cast.otherProject.id, authorId: null });
    const wrongFinding = await cite("coordinator", {
      noteId,
      quote: QUOTE,
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
      findingId: otherFinding.id,
    });
    expect(wrongFinding.status).toBe(404);
    const neither = await cite("coordinator", {
      noteId,
      quote: QUOTE,
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
    });
    expect(neither.status).toBe(400);
    const trashed = await createNote(server.db, { projectId: cast.project.id, authorId: null });
    await server.db.note.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    const inTrash = await cite("coordinator", {
      noteId: trashed.id,
      quote: QUOTE,
      anchor: anchorOf(writer.doc, QUOTE),
      comment: "",
      findingId,
    });
    expect(inTrash.status).toBe(400);
    expect(((await inTrash.json()) as { error: string }).error).toBe(
      "La note est dans la corbeille : elle ne peut pas être citée.",
    );
    expect(await after()).toEqual([before[0]! + 2, before[1]]);
  });

  test.each(["local_actor", "council_reviewer", "observer", "coalition"] as const)(
    "a %s may not cite (403)",
    async (who) => {
      const { id: findingId } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
      const response = await cite(who, {
        noteId,
        quote: QUOTE,
        anchor: anchorOf(writer.doc, QUOTE),
        comment: "",
        findingId,
      });
      expect(response.status).toBe(403);
      expect(await server.db.evidence.count({ where: { findingId } })).toBe(0);
    },
  );

  test("outsiders get 404, the logged-out the login page, a GET 405", async () => {
    const form = { noteId, quote: QUOTE, anchor: anchorOf(writer.doc, QUOTE), comment: "", newFindingTitle: "Intrus" };
    expect((await cite("outsider", form)).status).toBe(404);
    expect((await cite("anonymous", form)).status).toBe(302);
    expect((await cast.as("coordinator").client.get(`${cast.base}/cite`)).status).toBe(405);
  });

  test("when the note's text changes there, the finding says 'passage modifié' and offers the current text", async () => {
    const quote = "surtout en été";
    const response = await cite("coordinator", {
      noteId,
      quote,
      anchor: anchorOf(writer.doc, quote),
      comment: "",
      newFindingTitle: "L'été",
    });
    const { findingId, evidenceId } = (await response.json()) as { findingId: string; evidenceId: string };
    const page = `${cast.base}/${findingId}`;
    expect(await read(await cast.as("coordinator").client.get(page))).not.toContain(
      "Passage modifié depuis la citation",
    );
    // Someone edits inside the passage; the note's projection refreshes the quote's current text.
    const at = writer.text.toString().indexOf("en été");
    writer.text.insert(at, "pas ");
    const deadline = Date.now() + 15_000;
    let current: string | null = null;
    while (Date.now() < deadline) {
      current = (await server.db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).currentText;
      if (current !== quote) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(current).toBe("surtout pas en été");
    const html = await read(await cast.as("local_actor").client.get(page));
    expect(html).toContain("Passage modifié depuis la citation");
    expect(html).toContain("surtout pas en été");
    expect((await cast.as("coordinator").client.post(page, { intent: "take-current", evidenceId })).status).toBe(302);
    expect(await server.db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({
      quote: "surtout pas en été",
    });
    expect(await read(await cast.as("coordinator").client.get(page))).not.toContain(
      "Passage modifié depuis la citation",
    );
    // The note deleted for good: the quote stays, with "note supprimée".
    const gone = await createNote(server.db, { projectId: cast.project.id, authorId: null });
    await server.db.evidence.update({ where: { id: evidenceId }, data: { noteId: gone.id } });
    await server.db.note.delete({ where: { id: gone.id } });
    const after = await read(await cast.as("coordinator").client.get(page));
    expect(after).toContain("Note supprimée");
    expect(after).toContain("surtout pas en été");
  });
});

describe("evidence that follows its source", () => {
  test("a code's evidence counts its passages live; a code of another project is refused", async () => {
    const code = await createTag(server.db, { projectId: cast.project.id, label: "Attractivité" });
    const { id: findingId } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    const page = `${cast.base}/${findingId}`;
    expect(
      (await cast.as("researcher").client.post(page, { intent: "add-code", codeId: code.id, comment: "" })).status,
    ).toBe(302);
    const passage = (n: number) => ({
      noteId,
      passageId: `p${n}`,
      projectId: cast.project.id,
      codeId: code.id,
      text: `passage ${n}`,
      start: n,
      end: n + 1,
    });
    await server.db.codedPassage.createMany({ data: [passage(1), passage(2)] });
    expect(await read(await cast.as("local_actor").client.get(page))).toContain("2 passages codés");
    await server.db.codedPassage.create({ data: passage(3) });
    const html = await read(await cast.as("local_actor").client.get(page));
    expect(html).toContain("3 passages codés");
    expect(html).toContain(`/projects/${cast.project.id}/codes/${code.id}`);
  });

  test("a survey question's figures are kept at citation, linked live, and marked when they change; the results page says 'cité dans'", async () => {
    const survey = await createSurvey(server.db, { projectId: cast.project.id });
    const answer = (shop: string) =>
      createResponse(server.db, {
        surveyId: survey.id,
        versionId: survey.currentVersionId,
        answers: { "q-shop": shop },
      });
    await answer("opt-market");
    await answer("opt-market");
    await answer("opt-farm");
    const { id: findingId } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: null,
      title: "Constat enquête",
    });
    const page = `${cast.base}/${findingId}`;
    const added = await cast.as("coordinator").client.post(page, {
      intent: "add-survey",
      question: `${survey.id}:q-shop`,
      from: "2020-01-01",
      comment: "Le marché d'abord",
    });
    expect(added.status).toBe(302);
    const evidence = await server.db.evidence.findFirstOrThrow({ where: { findingId } });
    const snapshot = JSON.parse(evidence.snapshot!) as {
      figures: { answered: number; counts: { label: string; count: number }[] };
      filter: { from: string };
    };
    expect(snapshot.figures.answered).toBe(3);
    expect(snapshot.figures.counts.find((c) => c.label === "Au marché")?.count).toBe(2);
    expect(snapshot.filter.from).toBe("2020-01-01");
    let html = await read(await cast.as("local_actor").client.get(page));
    expect(html).toContain(`/projects/${cast.project.id}/surveys/${survey.id}/results?from=2020-01-01`);
    expect(html).not.toContain("Les chiffres ont changé depuis la citation");
    await answer("opt-super");
    html = await read(await cast.as("local_actor").client.get(page));
    expect(html).toContain("Les chiffres ont changé depuis la citation");
    expect(html).toContain("Au marché : 2");
    const results = await read(
      await cast.as("local_actor").client.get(`/projects/${cast.project.id}/surveys/${survey.id}/results`),
    );
    expect(results).toContain("Cité dans 1 constat");
    expect(results).toContain("Constat enquête");
    // Another project's survey is refused.
    const foreign = await createSurvey(server.db, { projectId: cast.otherProject.id });
    const refused = await cast
      .as("coordinator")
      .client.post(page, { intent: "add-survey", question: `${foreign.id}:q-shop`, comment: "" });
    expect(refused.status).toBe(400);
    expect(await server.db.evidence.count({ where: { findingId } })).toBe(1);
  });

  test("a finding with 100 evidence items is served from its rows, without reading any note document", async () => {
    const { id: findingId } = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    await server.db.evidence.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        findingId,
        projectId: cast.project.id,
        kind: "quote",
        noteId,
        quote: `citation ${i}`,
        currentText: i % 2 ? `citation ${i}` : `citation ${i} modifiée`,
        position: i,
      })),
    });
    const client = cast.as("coordinator").client;
    await client.get(`${cast.base}/${findingId}`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const response = await client.get(`${cast.base}/${findingId}`);
      await response.text();
      times.push(performance.now() - start);
    }
    const html = await read(await client.get(`${cast.base}/${findingId}`));
    expect(html.match(/Passage modifié depuis la citation/g)).toHaveLength(50);
    // A generous bound (the machine is shared): the benchmark measures the 80 ms target.
    expect(Math.min(...times)).toBeLessThan(500);
  });
});
