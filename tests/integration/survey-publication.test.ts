import { afterAll, describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { parseDefinition, questionsOf } from "~/models/surveys/survey-definition";
import type { ProjectRole } from "~/models/core/vocabulary";
import { findQuestion, optionMaps } from "~/models/surveys/survey-doc";
import { addQuestion, removeQuestion } from "~/models/surveys/survey-doc-edit";
import { addOption, removeOption } from "~/models/surveys/survey-doc-question";
import { draftStamp } from "~/models/surveys/survey-version.server";
import { createProject, createUser } from "../factories";
import { connect, synced, type TestProvider } from "../support/collab-client";
import { HttpClient, location } from "../support/http-client";
import { serverForFile } from "../support/session";
import { read } from "../support/survey-session";

/**
 * Issue 13, point 1 (docs/decisions/014-survey-publication.md): once a survey is open, its
 * co-designed changes are a draft. The public link, field entry and exports keep the published
 * version until a member with surveys.manage reviews and publishes them.
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

function setText(text: Y.Text, value: string) {
  text.doc!.transact(() => {
    text.delete(0, text.length);
    text.insert(0, value);
  });
}

const surveyRow = (surveyId: string) =>
  server().db.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: {
      publicToken: true,
      draftDefinition: true,
      currentVersion: { select: { id: true, number: true, definition: true } },
    },
  });

/**
 * An open survey with three answered questions: a town, a first name, and where people shop
 * (market ×2, supermarket ×2, farm ×1), designed by a researcher through a real provider.
 */
async function openSurvey() {
  const researcher = await person(null, "researcher");
  const project = await createProject(server().db, { members: [[researcher.user.id, "researcher"]] });
  const created = await researcher.client.post(`/projects/${project.id}/surveys`, { intent: "create" });
  const surveyId = /\/surveys\/([a-z0-9]+)$/.exec(location(created) ?? "")![1]!;
  const path = `/projects/${project.id}/surveys/${surveyId}`;
  const writer = connect(server().url, `survey:${surveyId}`, { cookie: researcher.cookie });
  open.push(writer);
  await synced(writer.provider);
  const town = addQuestion(writer.doc, "short_text", undefined, "Votre commune");
  const name = addQuestion(writer.doc, "short_text", undefined, "Votre prénom");
  const where = addQuestion(writer.doc, "single_choice", undefined, "Où faites-vous vos courses ?");
  const question = findQuestion(writer.doc, where)!.question;
  addOption(writer.doc, where); // a choice question starts with two empty options
  const [market, shop, farm] = optionMaps(question).map((o) => o.get("id") as string) as [string, string, string];
  ["Au marché", "En supermarché", "À la ferme"].forEach((label, i) =>
    setText(optionMaps(question)[i]!.get("label") as Y.Text, label),
  );
  await expect
    .poll(async () => (await surveyRow(surveyId)).currentVersion?.definition ?? "", { timeout: 5000 })
    .toContain("À la ferme");
  expect((await researcher.client.post(path, { intent: "status", from: "draft", to: "open" })).status).toBe(200);
  const { currentVersion, publicToken } = await surveyRow(surveyId);
  const choices = [market, market, shop, shop, farm];
  await server().db.surveyResponse.createMany({
    data: choices.map((choice, i) => ({
      surveyId,
      versionId: currentVersion!.id,
      submissionKey: `cle-publication-${surveyId}-${i}`,
      channel: "public",
      answers: JSON.stringify({ [town]: "Die", [where]: choice, ...(i < 3 ? { [name]: "Alex" } : {}) }),
    })),
  });
  return { researcher, project, surveyId, path, writer, publicToken, town, name, where, shop, v1: currentVersion! };
}

const csvHeader = async (client: HttpClient, path: string) =>
  (await read(await client.get(`${path}/export.csv`))).split("\n")[0];

describe("changes to an open survey wait for publication", () => {
  test("the public link and the CSV keep the published version; the review blocks, then publishes", async () => {
    const s = await openSurvey();
    const publicPage = async () => read(await s.researcher.client.get(`/s/${s.publicToken}`));
    const headerBefore = await csvHeader(s.researcher.client, s.path);
    expect(headerBefore).toContain("Votre commune");

    // Co-design stays live: an empty untitled question, a reworded one, a removed question and option.
    const blank = addQuestion(s.writer.doc, "short_text");
    setText(findQuestion(s.writer.doc, s.town)!.question.get("label") as Y.Text, "Votre commune de résidence");
    removeQuestion(s.writer.doc, s.name);
    removeOption(s.writer.doc, s.where, s.shop);
    await expect
      .poll(async () => (await surveyRow(s.surveyId)).draftDefinition ?? "", { timeout: 5000 })
      .toContain(blank);

    // What respondents get has not moved: same version, same questions, same CSV columns.
    const row = await surveyRow(s.surveyId);
    expect(row.currentVersion).toEqual(s.v1);
    const form = await publicPage();
    expect(form).toContain("Votre prénom");
    expect(form).toContain("En supermarché");
    expect(form).not.toContain("Votre commune de résidence");
    expect(form).not.toContain(blank);
    expect(await csvHeader(s.researcher.client, s.path)).toBe(headerBefore);
    expect(await read(await s.researcher.client.get(s.path))).toContain("Modifications non publiées");

    // The review says why it cannot be published, and the action refuses it in French too.
    const blocked = await read(await s.researcher.client.get(`${s.path}?publication`));
    expect(blocked).toContain("la question 3 n'a pas d'intitulé");
    expect(blocked).not.toContain("Publier ces modifications");
    const refused = await s.researcher.client.post(s.path, {
      intent: "publish",
      stamp: draftStamp(row.draftDefinition!),
    });
    expect(refused.status).toBe(400);
    expect(await read(refused)).toContain(
      "la question 3 n'a pas d'intitulé : les personnes verraient une case sans question.",
    );
    expect((await surveyRow(s.surveyId)).currentVersion).toEqual(s.v1);

    // Labelled, it can be: the summary lists every change, with the answers removed items hold.
    setText(findQuestion(s.writer.doc, blank)!.question.get("label") as Y.Text, "Votre âge");
    await expect.poll(async () => (await surveyRow(s.surveyId)).draftDefinition ?? "").toContain("Votre âge");
    const review = await read(await s.researcher.client.get(`${s.path}?publication`));
    expect(review).toContain("Questions ajoutées");
    expect(review).toContain("« Votre âge »");
    expect(review).toContain("Questions retirées");
    expect(review).toContain("« Votre prénom » (3 réponses)");
    expect(review).toContain("« Votre commune » devient « Votre commune de résidence »");
    expect(review).toContain("« En supermarché », dans « Où faites-vous vos courses ? » (2 réponses)");
    const stamp = /name="stamp" value="([^"]+)"/.exec(review)![1]!;

    // A stale review (the design moved on since) publishes nothing.
    expect((await s.researcher.client.post(s.path, { intent: "publish", stamp: "ancien" })).status).toBe(409);

    const published = await s.researcher.client.post(s.path, { intent: "publish", stamp });
    expect(published.status).toBe(200);
    expect(await read(published)).toContain("les personnes qui répondent voient maintenant la version 2");
    const after = await surveyRow(s.surveyId);
    expect(after.draftDefinition).toBeNull();
    expect(after.currentVersion!.number).toBe(2);
    expect(questionsOf(parseDefinition(after.currentVersion!.definition)).map((q) => q.label)).toEqual([
      "Votre commune de résidence",
      "Où faites-vous vos courses ?",
      "Votre âge",
    ]);
    // Version 1 keeps what its answers were given against (decision 008).
    const v1 = await server().db.surveyVersion.findUniqueOrThrow({
      where: { id: s.v1.id },
      select: { definition: true },
    });
    expect(v1.definition).toBe(s.v1.definition);
    const formAfter = await publicPage();
    expect(formAfter).toContain("Votre commune de résidence");
    expect(formAfter).not.toContain("En supermarché");
    expect(await csvHeader(s.researcher.client, s.path)).toContain("Votre âge");
    expect(await read(await s.researcher.client.get(s.path))).not.toContain("Modifications non publiées");
  });
});

describe("who may publish", () => {
  test("coordinators and researchers; other members get 403, non-members 404", async () => {
    const s = await openSurvey();
    addQuestion(s.writer.doc, "date", undefined, "Date de votre dernière visite");
    await expect
      .poll(async () => (await surveyRow(s.surveyId)).draftDefinition ?? "", { timeout: 5000 })
      .toContain("dernière visite");
    const stamp = draftStamp((await surveyRow(s.surveyId)).draftDefinition!);
    for (const role of ["local_actor", "observer", "council_reviewer"] as const) {
      const member = await person(s.project.id, role);
      expect((await member.client.post(s.path, { intent: "publish", stamp })).status, role).toBe(403);
      // The review is not offered to them either: only the notice and who can publish.
      const page = await read(await member.client.get(`${s.path}?publication`));
      expect(page).not.toContain("Publier ces modifications");
    }
    const outsider = await person(null, "researcher");
    expect((await outsider.client.post(s.path, { intent: "publish", stamp })).status).toBe(404);
    expect((await surveyRow(s.surveyId)).currentVersion).toEqual(s.v1);

    const coordinator = await person(s.project.id, "coordinator");
    const byCoordinator = await coordinator.client.post(s.path, { intent: "publish", stamp });
    expect(byCoordinator.status, await read(byCoordinator.clone())).toBe(200);
    expect((await surveyRow(s.surveyId)).currentVersion!.definition).toContain("dernière visite");
  });

  test("a draft survey has nothing to publish: its design is what opening publishes, with the same rules", async () => {
    const researcher = await person(null, "researcher");
    const project = await createProject(server().db, { members: [[researcher.user.id, "researcher"]] });
    const created = await researcher.client.post(`/projects/${project.id}/surveys`, { intent: "create" });
    const surveyId = /\/surveys\/([a-z0-9]+)$/.exec(location(created) ?? "")![1]!;
    const path = `/projects/${project.id}/surveys/${surveyId}`;
    const writer = connect(server().url, `survey:${surveyId}`, { cookie: researcher.cookie });
    open.push(writer);
    await synced(writer.provider);
    addQuestion(writer.doc, "short_text", undefined, "Votre prénom");
    addQuestion(writer.doc, "multiple_choice", undefined, "Vos jours de marché");
    await expect
      .poll(async () => (await surveyRow(surveyId)).currentVersion?.definition ?? "", { timeout: 5000 })
      .toContain("Vos jours de marché");
    expect((await surveyRow(surveyId)).draftDefinition).toBeNull();
    const refused = await researcher.client.post(path, { intent: "status", from: "draft", to: "open" });
    expect(refused.status).toBe(400);
    expect(await read(refused)).toContain("l'option 1 de la question 2 (« Vos jours de marché ») est vide.");
  });
});
