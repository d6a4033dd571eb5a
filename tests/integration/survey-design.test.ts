import { afterAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { parseDefinition, questionsOf } from "~/models/surveys/survey-definition";
import type { ProjectRole } from "~/models/core/vocabulary";
import { findQuestion, readDefinition, sectionsArray, titleText } from "~/models/surveys/survey-doc";
import { addQuestion } from "~/models/surveys/survey-doc-edit";
import { createProject, createUser } from "../factories";
import { connect, synced, tryUpgrade, until, type TestProvider } from "../support/collab-client";
import { HttpClient, location } from "../support/http-client";
import { serverForFile } from "../support/session";

/**
 * Survey design end to end through the real server: the document over real y-websocket
 * providers, its projection into Survey and SurveyVersion rows, and the status workflow.
 */
const server = serverForFile({ env: { COLLAB_PROJECTION_DELAY_MS: "50", COLLAB_REVALIDATE_EVERY_MS: "300" } });
const open: TestProvider[] = [];
afterAll(() => {
  for (const p of open) p.destroy();
});

async function person(projectId: string | null, role: ProjectRole) {
  const user = await createUser(server().db);
  if (projectId) await server().db.membership.create({ data: { projectId, userId: user.id, role } });
  const client = new HttpClient(server().url);
  expect((await client.post("/login", { email: user.email, password: user.password })).status).toBe(302);
  return { user, client, cookie: client.cookieHeader() };
}

/** A project with a researcher who created one survey through the list page's button. */
async function fixture() {
  const researcher = await person(null, "researcher");
  const project = await createProject(server().db, { members: [[researcher.user.id, "researcher"]] });
  const response = await researcher.client.post(`/projects/${project.id}/surveys`, { intent: "create" });
  expect(response.status).toBe(302);
  const surveyId = /\/surveys\/([a-z0-9]+)$/.exec(location(response) ?? "")![1]!;
  return {
    researcher,
    project,
    surveyId,
    docName: `survey:${surveyId}`,
    path: `/projects/${project.id}/surveys/${surveyId}`,
  };
}

function provider(docName: string, cookie: string) {
  const p = connect(server().url, docName, { cookie });
  open.push(p);
  return p;
}

function setLabel(doc: Y.Doc, questionId: string, text: string) {
  const label = findQuestion(doc, questionId)!.question.get("label") as Y.Text;
  doc.transact(() => {
    label.delete(0, label.length);
    label.insert(0, text);
  });
}

async function surveyRow(surveyId: string) {
  return server().db.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: {
      title: true,
      questionCount: true,
      status: true,
      publicToken: true,
      createdById: true,
      openedAt: true,
      closedAt: true,
      currentVersion: { select: { id: true, number: true, definition: true } },
    },
  });
}

const versions = (surveyId: string) =>
  server().db.surveyVersion.findMany({
    where: { surveyId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, definition: true },
  });

describe("the design is projected into SQL", () => {
  test("a writer's edits become the title, question count and version 1", async () => {
    const { researcher, surveyId, docName, project } = await fixture();
    const created = await surveyRow(surveyId);
    expect(created).toMatchObject({ status: "draft", title: "", questionCount: 0, currentVersion: null });
    expect(created.createdById).toBe(researcher.user.id);
    expect(created.publicToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const writer = provider(docName, researcher.cookie);
    await synced(writer.provider);
    titleText(writer.doc).insert(0, "Commerces du centre-bourg");
    const q1 = addQuestion(writer.doc, "single_choice", undefined, "Où faites-vous vos courses ?");
    addQuestion(writer.doc, "scale", undefined, "Votre satisfaction");
    await expect.poll(async () => (await surveyRow(surveyId)).questionCount, { timeout: 5000 }).toBe(2);
    const row = await surveyRow(surveyId);
    expect(row.title).toBe("Commerces du centre-bourg");
    expect(row.currentVersion!.number).toBe(1);
    expect(parseDefinition(row.currentVersion!.definition)).toEqual(readDefinition(writer.doc));
    expect(questionsOf(parseDefinition(row.currentVersion!.definition))[0]!.id).toBe(q1);

    // Without responses, further edits rewrite version 1 rather than piling up versions.
    setLabel(writer.doc, q1, "Où achetez-vous vos légumes ?");
    await expect
      .poll(async () => questionsOf(parseDefinition((await surveyRow(surveyId)).currentVersion!.definition))[0]!.label)
      .toBe("Où achetez-vous vos légumes ?");
    expect(await versions(surveyId)).toHaveLength(1);

    const list = await (await researcher.client.get(`/projects/${project.id}/surveys`)).text();
    expect(list).toContain("Commerces du centre-bourg");
    expect(list).toContain("2 questions");
  });

  test("once a response exists, a change creates version 2 and version 1 keeps its definition", async () => {
    const { researcher, surveyId, docName } = await fixture();
    const writer = provider(docName, researcher.cookie);
    await synced(writer.provider);
    const q1 = addQuestion(writer.doc, "short_text", undefined, "Votre commune d'origine");
    await expect.poll(async () => (await surveyRow(surveyId)).currentVersion?.number ?? null).toBe(1);
    const [v1] = await versions(surveyId);
    await server().db.surveyResponse.create({
      data: {
        surveyId,
        versionId: v1!.id,
        submissionKey: "cle-de-test-0001",
        channel: "public",
        answers: JSON.stringify({ [q1]: "Die" }),
      },
    });

    setLabel(writer.doc, q1, "Votre commune de résidence");
    addQuestion(writer.doc, "number", undefined, "Kilomètres parcourus");
    await expect.poll(async () => (await surveyRow(surveyId)).currentVersion?.number, { timeout: 5000 }).toBe(2);
    await expect.poll(async () => (await surveyRow(surveyId)).questionCount).toBe(2);
    const [first, second] = await versions(surveyId);
    expect(first!.definition).toBe(v1!.definition);
    expect(questionsOf(parseDefinition(first!.definition)).map((q) => q.label)).toEqual(["Votre commune d'origine"]);
    const latest = questionsOf(parseDefinition(second!.definition));
    expect(latest.map((q) => q.label)).toEqual(["Votre commune de résidence", "Kilomètres parcourus"]);
    // The question kept its identity across versions: results line them up by id.
    expect(latest[0]!.id).toBe(q1);

    // Version 2 has no responses yet: more edits rewrite it, no version 3.
    setLabel(writer.doc, q1, "Votre commune");
    await expect
      .poll(async () => questionsOf(parseDefinition((await surveyRow(surveyId)).currentVersion!.definition))[0]!.label)
      .toBe("Votre commune");
    expect(await versions(surveyId)).toHaveLength(2);
  });

  test("a hostile writer's document is cleaned before it reaches SQL; the server keeps working", async () => {
    const { researcher, surveyId, docName } = await fixture();
    const writer = provider(docName, researcher.cookie);
    await synced(writer.provider);
    const { doc } = writer;
    doc.transact(() => {
      titleText(doc).insert(0, "Titre\u0000 piégé " + "x".repeat(5000));
      const sections = sectionsArray(doc);
      sections.push(["pas une section", 12, new Y.Text("non")]);
      const section = new Y.Map<unknown>();
      section.set("id", "section-1");
      const questions = new Y.Array<unknown>();
      section.set("questions", questions);
      sections.push([section]);
      const junk = (entries: Record<string, unknown>) => {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(entries)) map.set(key, value);
        return map;
      };
      questions.push([
        junk({ id: "question-1", type: "upload", label: "Fichier" }),
        junk({ id: "question-2", type: "number", label: "Âge", numberMin: 99, numberMax: 1 }),
        junk({ id: "question-2", type: "short_text", label: "doublon" }),
        junk({ id: "x", type: "short_text", label: "id trop court" }),
        junk({ id: "question-3", type: "scale", label: new Y.Text("Note"), scaleMin: -4, scaleMax: 1e9 }),
      ]);
    });
    await expect.poll(async () => (await surveyRow(surveyId)).questionCount, { timeout: 5000 }).toBe(2);
    const row = await surveyRow(surveyId);
    expect(row.title).toHaveLength(200);
    expect(row.title.startsWith("Titre piégé xxx")).toBe(true);
    const stored = questionsOf(parseDefinition(row.currentVersion!.definition));
    expect(stored).toEqual([
      {
        id: "question-2",
        type: "number",
        label: "Âge",
        help: "",
        required: false,
        min: null,
        max: null,
        integer: false,
      },
      {
        id: "question-3",
        type: "scale",
        label: "Note",
        help: "",
        required: false,
        min: 1,
        max: 5,
        minLabel: "",
        maxLabel: "",
      },
    ]);
    // Still serving: a fresh client loads the same document.
    const fresh = provider(docName, researcher.cookie);
    await synced(fresh.provider);
    expect(questionsOf(readDefinition(fresh.doc))).toEqual(stored);
  });

  test("a council reviewer follows live, but its updates are dropped", async () => {
    const { researcher, surveyId, docName, project } = await fixture();
    const reviewer = await person(project.id, "council_reviewer");
    const writer = provider(docName, researcher.cookie);
    const reader = provider(docName, reviewer.cookie);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    titleText(writer.doc).insert(0, "Mobilité");
    await until(() => titleText(reader.doc).toString() === "Mobilité", 5000, "title at the reader");
    await expect.poll(async () => (await surveyRow(surveyId)).title).toBe("Mobilité");

    titleText(reader.doc).insert(0, "PIRATÉ ");
    addQuestion(reader.doc, "short_text", undefined, "Question pirate");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(titleText(writer.doc).toString()).toBe("Mobilité");
    expect(await surveyRow(surveyId)).toMatchObject({ title: "Mobilité", questionCount: 0 });
    const fresh = provider(docName, researcher.cookie);
    await synced(fresh.provider);
    expect(readDefinition(fresh.doc)).toEqual({ title: "Mobilité", intro: "", sections: [] });
  });

  test("a non-member is refused at the upgrade; the reader page shows the design read-only", async () => {
    const { docName, project, path } = await fixture();
    const outsider = await person(null, "researcher");
    const observer = await person(project.id, "observer");
    const url = `${server().url.replace("http", "ws")}/collab/${docName}`;
    expect(await tryUpgrade(url, { origin: server().url, cookie: outsider.cookie })).toBe(404);
    expect(await tryUpgrade(url, { origin: server().url, cookie: observer.cookie })).toBe("open");
    expect((await outsider.client.get(path)).status).toBe(404);
    const page = await observer.client.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("mais votre rôle ne permet pas de la modifier");
    const list = await (await observer.client.get(`/projects/${project.id}/surveys`)).text();
    expect(list).not.toContain("Nouvelle enquête");
    expect((await observer.client.post(`/projects/${project.id}/surveys`, { intent: "create" })).status).toBe(403);
  });
});

describe("status", () => {
  test("draft → open → closed → open, by researchers only, never an empty survey, never a stale step", async () => {
    const { researcher, surveyId, docName, project, path } = await fixture();
    const localActor = await person(project.id, "local_actor");
    const step = (client: HttpClient, from: string, to: string) => client.post(path, { intent: "status", from, to });

    expect((await step(localActor.client, "draft", "open")).status).toBe(403);

    const empty = await step(researcher.client, "draft", "open");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("elle doit avoir au moins une question avec un intitulé");

    // A question without a label is not enough either.
    const writer = provider(docName, researcher.cookie);
    await synced(writer.provider);
    const q1 = addQuestion(writer.doc, "short_text");
    await expect.poll(async () => (await surveyRow(surveyId)).questionCount).toBe(1);
    expect((await step(researcher.client, "draft", "open")).status).toBe(400);
    setLabel(writer.doc, q1, "Votre prénom");
    await expect
      .poll(async () => (await surveyRow(surveyId)).currentVersion?.definition ?? "")
      .toContain("Votre prénom");

    const opened = await step(researcher.client, "draft", "open");
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain("elle peut recevoir des réponses");
    const afterOpen = await surveyRow(surveyId);
    expect(afterOpen.status).toBe("open");
    expect(afterOpen.openedAt).not.toBeNull();

    // The same click from a stale page: refused, with the reason.
    const stale = await step(researcher.client, "draft", "open");
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("vient d&#x27;être changé par quelqu&#x27;un d&#x27;autre");
    expect((await step(researcher.client, "open", "draft")).status).toBe(400);
    expect((await step(localActor.client, "open", "closed")).status).toBe(403);

    expect((await step(researcher.client, "open", "closed")).status).toBe(200);
    const afterClose = await surveyRow(surveyId);
    expect(afterClose.status).toBe("closed");
    expect(afterClose.closedAt).not.toBeNull();
    // Never back to draft; reopening keeps the first opening date.
    expect((await step(researcher.client, "closed", "draft")).status).toBe(400);
    expect((await step(researcher.client, "closed", "open")).status).toBe(200);
    const reopened = await surveyRow(surveyId);
    expect(reopened).toMatchObject({ status: "open", closedAt: null, openedAt: afterOpen.openedAt });

    expect((await researcher.client.post(path, { intent: "status", from: "open", to: "archived" })).status).toBe(400);
    expect((await researcher.client.post(path, { intent: "nope" })).status).toBe(400);
  });

  test("two people opening at once: one succeeds, the other is told", async () => {
    const { researcher, surveyId, docName, project, path } = await fixture();
    const coordinator = await person(project.id, "coordinator");
    const writer = provider(docName, researcher.cookie);
    await synced(writer.provider);
    addQuestion(writer.doc, "date", undefined, "Date de votre dernière visite");
    await expect.poll(async () => (await surveyRow(surveyId)).questionCount).toBe(1);
    const statuses = await Promise.all(
      [researcher, coordinator].map(
        async (p) => (await p.client.post(path, { intent: "status", from: "draft", to: "open" })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
  });

  test("a draft without responses can be deleted; an opened one cannot", async () => {
    const a = await fixture();
    const deleted = await a.researcher.client.post(a.path, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(location(deleted)).toBe(`/projects/${a.project.id}/surveys`);
    expect(await server().db.survey.count({ where: { id: a.surveyId } })).toBe(0);

    const b = await fixture();
    const writer = provider(b.docName, b.researcher.cookie);
    await synced(writer.provider);
    addQuestion(writer.doc, "commune", undefined, "Votre commune");
    await expect.poll(async () => (await surveyRow(b.surveyId)).questionCount).toBe(1);
    expect((await b.researcher.client.post(b.path, { intent: "status", from: "draft", to: "open" })).status).toBe(200);
    expect((await b.researcher.client.post(b.path, { intent: "delete" })).status).toBe(409);
    expect(await server().db.survey.count({ where: { id: b.surveyId } })).toBe(1);
  });
});

describe("another project's survey is unknown", () => {
  test("404 for its pages and its actions, even for a coordinator of the other project", async () => {
    const mine = await fixture();
    const theirs = await fixture();
    const foreignPath = `/projects/${mine.project.id}/surveys/${theirs.surveyId}`;
    expect((await mine.researcher.client.get(foreignPath)).status).toBe(404);
    const post = await mine.researcher.client.post(foreignPath, { intent: "status", from: "draft", to: "open" });
    expect(post.status).toBe(404);
    expect((await mine.researcher.client.post(foreignPath, { intent: "delete" })).status).toBe(404);
    expect((await mine.researcher.client.get(`/projects/${mine.project.id}/surveys/nosuchsurvey1`)).status).toBe(404);
    expect((await surveyRow(theirs.surveyId)).status).toBe("draft");
  });
});

describe("place in the action-research cycle", () => {
  test("a new survey sits in the project's current cycle and phase; writers move it; the list filters by it", async () => {
    const { researcher, project, surveyId, path } = await fixture();
    const cycles = await server().db.projectCycle.findMany({ where: { projectId: project.id }, select: { id: true } });
    expect(
      await server().db.survey.findUniqueOrThrow({ where: { id: surveyId }, select: { cycleId: true, phase: true } }),
    ).toEqual({ cycleId: cycles[0]!.id, phase: "framing" });

    // Another project's cycle and an unknown phase are refused with a message, and nothing changes.
    const other = await createProject(server().db, { members: [[researcher.user.id, "coordinator"]] });
    const foreignCycle = await server().db.projectCycle.findFirstOrThrow({ where: { projectId: other.id } });
    const refused = await researcher.client.post(`${path}?index`, { cycleId: foreignCycle.id, phase: "nonsense" });
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain("existe pas dans le projet.");
    expect(body).toContain("Phase inconnue.");
    expect((await server().db.survey.findUniqueOrThrow({ where: { id: surveyId } })).phase).toBe("framing");

    expect((await researcher.client.post(`${path}?index`, { cycleId: cycles[0]!.id, phase: "diagnosis" })).status).toBe(
      200,
    );
    expect((await server().db.survey.findUniqueOrThrow({ where: { id: surveyId } })).phase).toBe("diagnosis");

    // A reader cannot move it.
    const observer = await person(project.id, "observer");
    expect((await observer.client.post(`${path}?index`, { cycleId: "", phase: "" })).status).toBe(403);

    const list = (query: string) =>
      researcher.client.get(`/projects/${project.id}/surveys${query}`).then((r) => r.text());
    const second = await researcher.client.post(`/projects/${project.id}/surveys`, { intent: "create" });
    const secondId = /\/surveys\/([a-z0-9]+)$/.exec(location(second) ?? "")![1]!;
    expect(await list("?phase=diagnosis")).toContain(`/surveys/${surveyId}"`);
    expect(await list("?phase=diagnosis")).not.toContain(`/surveys/${secondId}"`);
    expect(await list("?phase=framing")).toContain(`/surveys/${secondId}"`);
    expect(await list(`?cycle=${cycles[0]!.id}`)).toContain(`/surveys/${secondId}"`);
    // A hand-edited address is no filter, not an error.
    expect(await list("?phase=%3Cscript%3E")).toContain(`/surveys/${secondId}"`);
  });
});
