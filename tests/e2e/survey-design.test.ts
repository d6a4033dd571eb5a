import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { parseDefinition, questionsOf } from "~/models/surveys/survey-definition";
import { createProject, createUser } from "../factories";
import { browserForFile } from "../support/browser-session";
import { axeViolations } from "../support/note-page";
import type { TestServer } from "../support/server";

/**
 * Two members design a survey together in a real Chromium against the real server: live
 * co-editing, keyboard reordering, publishing, a council reviewer following read-only, a phone.
 */
const session = browserForFile({ env: { COLLAB_PROJECTION_DELAY_MS: "100" } });
let server: TestServer;
type Person = Awaited<ReturnType<typeof createUser>>;
let alice: Person; // researcher
let bruno: Person; // local actor
let chloe: Person; // council reviewer
let projectId: string;

beforeAll(async () => {
  server = session.server();
  [alice, bruno, chloe] = await Promise.all([
    createUser(server.db, { name: "Alice Chercheuse" }),
    createUser(server.db, { name: "Bruno Acteur" }),
    createUser(server.db, { name: "Chloé Conseil" }),
  ]);
  const project = await createProject(server.db, {
    members: [
      [alice.id, "researcher"],
      [bruno.id, "local_actor"],
      [chloe.id, "council_reviewer"],
    ],
  });
  projectId = project.id;
});

async function logIn(person: Person, path: string, options: { width?: number } = {}) {
  return (await session.logIn(person, path, options)).page;
}

const synced = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();

async function addQuestion(page: Page, type: string) {
  await page.getByLabel("Type de la nouvelle question").last().selectOption({ label: type });
  await page.getByRole("button", { name: "Ajouter la question" }).last().click();
}

const labelOf = (page: Page, number: number) => page.getByLabel(`Intitulé de la question ${number}`, { exact: true });

/** A question's one-line summary: the disclosure button that opens it. */
const toggleOf = (page: Page, number: number) =>
  page.getByRole("button", { name: new RegExp(`^Question ${number}\\b`) });

async function expectSummary(page: Page, number: number, label: string) {
  await expect
    .poll(async () => (await toggleOf(page, number).textContent()) ?? "", { timeout: 10_000 })
    .toContain(label);
}

async function expectValue(page: Page, label: string, value: string) {
  await expect.poll(() => page.getByLabel(label, { exact: true }).inputValue(), { timeout: 10_000 }).toBe(value);
}

async function projected(surveyId: string) {
  const row = await server.db.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: { status: true, currentVersion: { select: { definition: true } } },
  });
  return {
    status: row.status,
    labels: row.currentVersion ? questionsOf(parseDefinition(row.currentVersion.definition)).map((q) => q.label) : [],
  };
}

test("two members build a survey together, reorder it by keyboard, publish it; a reviewer follows read-only", async () => {
  // Alice creates the survey from the list in one click.
  const alicePage = await logIn(alice, `/projects/${projectId}/surveys`);
  await alicePage.getByRole("button", { name: "Nouvelle enquête" }).click();
  await alicePage.waitForURL(/\/surveys\/[a-z0-9]+$/);
  const path = new URL(alicePage.url()).pathname;
  const surveyId = path.split("/").pop()!;
  await synced(alicePage);
  await expect.poll(() => alicePage.getByText("Brouillon", { exact: true }).count()).toBe(1);

  const brunoPage = await logIn(bruno, path);
  await synced(brunoPage);
  // Each sees the other in the presence list.
  await alicePage.getByRole("listitem").filter({ hasText: "Bruno Acteur" }).waitFor();
  await brunoPage.getByRole("listitem").filter({ hasText: "Alice Chercheuse" }).waitFor();

  // Alice types the title; Bruno sees it arrive as she types.
  await alicePage.getByLabel("Titre de l'enquête").pressSequentially("Commerces de Die");
  await expectValue(brunoPage, "Titre de l'enquête", "Commerces de Die");
  await brunoPage.getByRole("heading", { level: 2, name: "Commerces de Die" }).waitFor();

  // Alice adds a single-choice question with two options.
  await addQuestion(alicePage, "Choix unique");
  await labelOf(alicePage, 1).pressSequentially("Où faites-vous vos courses ?");
  await alicePage.getByLabel("Option 1", { exact: true }).fill("Au marché");
  await alicePage.getByLabel("Option 2", { exact: true }).fill("En grande surface");
  await alicePage.getByRole("checkbox", { name: "Proposer « Autre, précisez »" }).check();
  // Bruno's copy of the question is folded: its line follows Alice's typing; he opens it.
  await expectSummary(brunoPage, 1, "Où faites-vous vos courses ?");
  await toggleOf(brunoPage, 1).click();
  await expectValue(brunoPage, "Option 2", "En grande surface");

  // Bruno adds a scale from 0 to 10 and a short text; Alice sees them.
  await addQuestion(brunoPage, "Échelle");
  await labelOf(brunoPage, 2).fill("Votre satisfaction");
  await brunoPage.getByLabel("Échelle", { exact: true }).selectOption({ label: "de 0 à 10" });
  await brunoPage.getByLabel("Libellé de la note 10 (facultatif)").fill("Très satisfait");
  await addQuestion(brunoPage, "Texte court");
  await labelOf(brunoPage, 3).fill("Votre prénom");
  await expectSummary(alicePage, 2, "Votre satisfaction");
  await expectSummary(alicePage, 3, "Votre prénom");
  await toggleOf(alicePage, 2).click();
  await expectValue(alicePage, "Libellé de la note 10 (facultatif)", "Très satisfait");

  // A number question: a maximum below the minimum is refused with a message and never shared.
  await addQuestion(alicePage, "Nombre");
  await labelOf(alicePage, 4).fill("Kilomètres parcourus");
  await alicePage.getByLabel("Minimum (facultatif)").fill("10");
  await alicePage.getByLabel("Maximum (facultatif)").fill("5");
  await alicePage.getByText("Le maximum ne peut pas être inférieur au minimum (10).").waitFor();
  await toggleOf(brunoPage, 4).click();
  await expectValue(brunoPage, "Minimum (facultatif)", "10");
  await alicePage.getByLabel("Maximum (facultatif)").fill("300");
  await expectValue(brunoPage, "Maximum (facultatif)", "300");

  // The live preview shows what respondents will see.
  const preview = alicePage.getByRole("form", { name: "Aperçu" });
  await preview.getByText("Où faites-vous vos courses ?").waitFor();
  await preview.getByRole("radio", { name: "Au marché" }).waitFor();
  await preview.getByRole("radio", { name: "Autre", exact: true }).waitFor();
  await preview.getByRole("radio", { name: "10 (Très satisfait)" }).waitFor();

  // Keyboard reordering: "Votre prénom" goes up one place with the Monter button.
  const up = alicePage.getByRole("button", { name: "Monter la question 3" });
  await up.focus();
  await alicePage.keyboard.press("Enter");
  await expectSummary(alicePage, 2, "Votre prénom");
  await expectSummary(brunoPage, 2, "Votre prénom");
  await expectSummary(brunoPage, 3, "Votre satisfaction");
  await alicePage.getByText("Question « Votre prénom » déplacée : position 2 sur 4, section 1.").waitFor();
  // Focus stayed on the moved question's button: pressing again moves it once more.
  await alicePage.keyboard.press("Enter");
  await expectSummary(alicePage, 1, "Votre prénom");
  // And with dnd-kit's keyboard sensor: pick up question 4, one step up, drop.
  await alicePage.getByRole("button", { name: "Glisser la question 4" }).focus();
  await alicePage.keyboard.press("Space");
  // dnd-kit's live region says what is picked up and where it is, in French.
  await alicePage
    .getByText("Question « Kilomètres parcourus » au-dessus de la position 4.")
    .waitFor({ state: "attached" });
  await alicePage.keyboard.press("ArrowUp");
  await alicePage
    .getByText("Question « Kilomètres parcourus » au-dessus de la position 3.")
    .waitFor({ state: "attached" });
  await alicePage.keyboard.press("Space");
  await expectSummary(brunoPage, 3, "Kilomètres parcourus");
  await expectSummary(brunoPage, 4, "Votre satisfaction");

  // The design reaches SQL, ids and all; then Alice opens the survey.
  await expect
    .poll(async () => (await projected(surveyId)).labels, { timeout: 10_000 })
    .toEqual(["Votre prénom", "Où faites-vous vos courses ?", "Kilomètres parcourus", "Votre satisfaction"]);
  await alicePage.getByRole("button", { name: "Ouvrir l'enquête" }).click();
  await alicePage.getByText("L'enquête est ouverte : elle peut recevoir des réponses.").waitFor();
  expect((await projected(surveyId)).status).toBe("open");
  // Bruno (local actor) may design but not change the status.
  await brunoPage.reload();
  await synced(brunoPage);
  expect(await brunoPage.getByRole("button", { name: "Fermer l'enquête" }).count()).toBe(0);

  // Chloé, council reviewer: sees the design live, read-only, with a notice.
  const chloePage = await logIn(chloe, path);
  await synced(chloePage);
  await chloePage.getByText("mais votre rôle ne permet pas de la modifier").waitFor();
  const title = chloePage.getByLabel("Titre de l'enquête");
  expect(await title.inputValue()).toBe("Commerces de Die");
  expect(await title.getAttribute("readonly")).not.toBeNull();
  expect(await chloePage.getByRole("button", { name: "Ajouter la question" }).count()).toBe(0);
  expect(await chloePage.getByRole("button", { name: /^Monter/ }).count()).toBe(0);
  await alicePage.getByLabel("Titre de l'enquête").press("End");
  await alicePage.getByLabel("Titre de l'enquête").pressSequentially(" 2026");
  await expectValue(chloePage, "Titre de l'enquête", "Commerces de Die 2026");

  // The survey is open: that change is not published yet (decision 014). Everyone sees it;
  // Alice (researcher) reviews and publishes it, Chloé is told who can.
  await alicePage.getByText("Modifications non publiées").waitFor();
  await chloePage.getByText("Modifications non publiées").waitFor();
  await chloePage
    .getByText("La coordination ou une personne chargée de recherche du projet peut les publier.")
    .waitFor();
  expect(await chloePage.getByRole("link", { name: "Voir les changements et publier" }).count()).toBe(0);
  const draft = () =>
    server.db.survey.findUniqueOrThrow({ where: { id: surveyId }, select: { draftDefinition: true, title: true } });
  await expect.poll(async () => (await draft()).draftDefinition ?? "", { timeout: 10_000 }).toContain("2026");
  expect((await draft()).title).toBe("Commerces de Die");
  await alicePage.getByRole("link", { name: "Voir les changements et publier" }).click();
  const review = alicePage.getByRole("region", { name: "Publier les modifications" });
  await review.getByText("Autres changements : le titre.").waitFor();
  await review.getByRole("button", { name: "Publier ces modifications" }).click();
  await alicePage
    .getByText("Modifications publiées : les personnes qui répondent voient maintenant la version 1.")
    .waitFor();
  expect(await draft()).toEqual({ draftDefinition: null, title: "Commerces de Die 2026" });
  await expect.poll(() => alicePage.getByText("Modifications non publiées").count()).toBe(0);
});

test("questions fold to one line and open one at a time, by keyboard too", async () => {
  const survey = await server.db.survey.create({
    data: { projectId, createdById: alice.id, publicToken: `jeton-pliage-${Date.now()}` },
    select: { id: true },
  });
  const path = `/projects/${projectId}/surveys/${survey.id}`;
  const page = await logIn(alice, path);
  await synced(page);
  // Each new question opens, and the one open before folds.
  for (const [number, type, label] of [
    [1, "Texte court", "Votre prénom"],
    [2, "Choix unique", "Votre commerce préféré"],
    [3, "Date", "Votre dernière visite"],
  ] as const) {
    await addQuestion(page, type);
    await labelOf(page, number).fill(label);
    await expectSummary(page, number, label);
  }
  const expanded = () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".question-toggle")].map((b) => b.getAttribute("aria-expanded") === "true"),
    );
  expect(await expanded()).toEqual([false, false, true]);
  expect(await page.getByLabel("Option 1", { exact: true }).count()).toBe(0);
  // The folded line says the type and whether an answer is required.
  await page.getByRole("checkbox", { name: "Réponse obligatoire" }).check();
  await expectSummary(page, 3, "Date · obligatoire");
  await expectSummary(page, 2, "Choix unique");

  // Keyboard: Enter on question 2's line opens it (and folds 3); focus stays on the button.
  await toggleOf(page, 2).focus();
  await page.keyboard.press("Enter");
  expect(await expanded()).toEqual([false, true, false]);
  await page.getByLabel("Option 1", { exact: true }).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"));
  expect(await focused()).toBe("true");
  const controls = await toggleOf(page, 2).getAttribute("aria-controls");
  expect(await page.locator(`[id="${controls}"]`).isVisible()).toBe(true);
  // The open question is in the address: a reload opens it again.
  expect(new URL(page.url()).hash).toMatch(/^#question-/);
  await page.reload();
  await synced(page);
  await page.getByLabel("Option 1", { exact: true }).waitFor();
  expect(await expanded()).toEqual([false, true, false]);
  // Space folds it again: nothing open, nothing in the address.
  await toggleOf(page, 2).focus();
  await page.keyboard.press("Space");
  expect(await expanded()).toEqual([false, false, false]);
  expect(new URL(page.url()).hash).toBe("");
  expect(
    await axeViolations(page, [
      "aria-allowed-attr",
      "aria-valid-attr-value",
      "button-name",
      "nested-interactive",
      "duplicate-id-aria",
    ]),
  ).toEqual([]);
});

test("on a 375 px phone the designer is usable and the preview is one button away", async () => {
  const survey = await server.db.survey.create({
    data: { projectId, createdById: alice.id, publicToken: `jeton-telephone-${Date.now()}` },
    select: { id: true },
  });
  const page = await logIn(alice, `/projects/${projectId}/surveys/${survey.id}`, { width: 375 });
  await synced(page);
  await addQuestion(page, "Choix multiples");
  await labelOf(page, 1).fill("Quels jours venez-vous ?");
  await page.getByLabel("Option 1", { exact: true }).fill("Samedi");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The preview is hidden behind its toggle; the design is hidden while it is shown.
  const preview = page.getByRole("form", { name: "Aperçu" });
  expect(await preview.isVisible()).toBe(false);
  await page.getByRole("button", { name: "Aperçu" }).click();
  await preview.getByRole("checkbox", { name: "Samedi" }).waitFor();
  expect(await labelOf(page, 1).isVisible()).toBe(false);
  await page.getByRole("button", { name: "Revenir à la conception" }).click();
  expect(await labelOf(page, 1).isVisible()).toBe(true);
  // Everything the list shows fits too.
  await page.goto(`${server.url}/projects/${projectId}/surveys`);
  await page.getByRole("link", { name: "Enquête sans titre" }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
