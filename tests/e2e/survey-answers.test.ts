import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { launchBrowser, newContext } from "../support/browser";
import { HttpClient } from "../support/http-client";
import { startServer, type TestServer } from "../support/server";
import { createResponse, createSurvey, everyTypeDefinition } from "../survey-factories";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  expect(server.stderr()).toBe("");
});

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");

async function submitPublic(page: Page) {
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
}

test("a resident answers on a phone: every kind of mistake explained, then stored; results and CSV agree; closed link", async () => {
  const coordinator = await createUser(server.db);
  const project = await createProject(server.db, { members: [[coordinator.id, "coordinator"]] });
  const survey = await createSurvey(server.db, { projectId: project.id });
  const link = `${server.url}/s/${survey.publicToken}`;

  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await phone.newPage();
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Commerces de proximité" }).waitFor();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // Empty: the required questions, in a summary that takes the focus.
  await submitPublic(page);
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  await expect.poll(() => focusedClass(page)).toContain("error-summary");
  expect(await summary.textContent()).toContain("4 réponses sont à corriger");
  for (const text of ["Répondez à cette question.", "Choisissez une réponse.", "Indiquez une commune."]) {
    expect(await summary.textContent()).toContain(text);
  }

  // Wrong values of every other kind.
  await page.getByLabel("Racontez votre dernier achat local").fill("Au marché de Die, des pommes.");
  await page.getByLabel("Autre", { exact: true }).first().check();
  await page.locator("#q-satisf-3").check();
  await page.getByLabel("Distance jusqu'au commerce (km)").fill("beaucoup");
  await page.getByLabel("Personnes dans le foyer").fill("2,5");
  await page.getByRole("combobox", { name: /Votre commune/ }).fill("Zzzzzz");
  await submitPublic(page);
  // The first summary also said "4 réponses": wait for this round's own message before checking the focus.
  await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain("Écrivez un nombre entier");
  expect(await summary.textContent()).toContain("4 réponses sont à corriger");
  await expect.poll(() => focusedClass(page), { timeout: 5_000 }).toContain("error-summary");
  const text = (await summary.textContent()) ?? "";
  for (const message of [
    "Précisez votre réponse « Autre ».",
    "Écrivez un nombre, par exemple 12 ou 3,5.",
    "Écrivez un nombre entier, sans virgule.",
    "Choisissez une commune dans la liste",
  ]) {
    expect(text).toContain(message);
  }
  // Each field says so, and the summary's link leads to it.
  const distance = page.getByLabel("Distance jusqu'au commerce (km)");
  expect(await distance.getAttribute("aria-invalid")).toBe("true");
  expect(await distance.getAttribute("aria-describedby")).toContain("q-km-error");
  await summary.getByRole("link", { name: /Distance/ }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("q-km");
  expect(await server.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);

  // Fixed, by keyboard where it matters: the commune chosen in the list with the arrows.
  await page.getByLabel("Au marché").check();
  await page.getByLabel("À pied").check();
  await distance.fill("3,5");
  await page.getByLabel("Personnes dans le foyer").fill("3");
  const commune = page.getByRole("combobox", { name: /Votre commune/ });
  await commune.fill("Die");
  await page.getByRole("option", { name: /^Die/ }).first().waitFor();
  await commune.press("ArrowDown");
  await commune.press("Enter");
  await page.getByText("Commune choisie : Die").waitFor();
  await submitPublic(page);
  await page.getByRole("heading", { name: "Merci pour votre réponse" }).waitFor();

  // The results page and the CSV say what was answered.
  const member = new HttpClient(server.url);
  await member.post("/login", { email: coordinator.email, password: coordinator.password });
  const base = `/projects/${project.id}/surveys/${survey.id}`;
  const results = await (await member.get(`${base}/results`)).text();
  expect(results).toContain("1 réponse");
  expect(results).toMatch(/<th scope="row">Au marché<\/th><td class="num">1<\/td><td class="num">100 %<\/td>/);
  expect(results).toMatch(/<th scope="row">Die<\/th><td class="num">1<\/td>/);
  expect(results).toMatch(/<dt>Moyenne<\/dt><dd>3,5<\/dd>/);
  const csv = await (await member.get(`${base}/export.csv`)).text();
  const [, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
  // Paris time and its offset, values in French, the INSEE code kept as text (issue 13, point 4).
  expect(row).toMatch(
    /;\d{4}-\d\d-\d\d \d\d:\d\d:\d\d;UTC\+0[12]:00;1;lien public;;Au marché de Die, des pommes\.;Au marché;;oui;non;non;non;;4;3,5;3;;"=""26113""";Die$/,
  );

  // Closed: the same link says so.
  await server.db.survey.update({ where: { id: survey.id }, data: { status: "closed", closedAt: new Date() } });
  const closed = await page.goto(link);
  expect(closed?.status()).toBe(410);
  await page.getByRole("heading", { name: "Cette enquête est fermée" }).waitFor();
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});

test("field entry offline on a phone: queued on the device, sent once when the network returns", async () => {
  const actor = await createUser(server.db, { name: "Sami Terrain" });
  const project = await createProject(server.db, { members: [[actor.id, "local_actor"]] });
  const survey = await createSurvey(server.db, { projectId: project.id });
  const path = `/projects/${project.id}/surveys/${survey.id}/collect`;

  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await phone.newPage();
  await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(path)}`);
  await page.getByLabel("Adresse électronique").fill(actor.email);
  await page.getByLabel("Mot de passe").fill(actor.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`**${path}`);
  await page.getByText("Aucune réponse en attente sur cet appareil.").waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await phone.context.setOffline(true);
  await page.getByText("Hors connexion").waitFor();
  // A forgotten required answer is pointed out on the spot, offline too, and nothing is queued.
  await page.getByRole("button", { name: "Enregistrer cette réponse" }).click();
  await page.getByRole("link", { name: /Racontez votre dernier achat local/ }).waitFor();
  await expect.poll(() => page.getByText("Répondez à cette question.").count()).toBeGreaterThan(0);
  await page.getByLabel("Racontez votre dernier achat local").fill("Relevé sur le marché, sur papier.");
  await page.getByLabel("À la ferme").check();
  await page.locator("#field-q-satisf-4").check();
  // Offline the picker cannot search: the typed name goes with the response and the server resolves it.
  await page.getByRole("combobox", { name: /Votre commune/ }).fill("Die");
  await page.getByRole("button", { name: "Enregistrer cette réponse" }).click();
  await page.getByText("1 réponse en attente d'envoi sur cet appareil.").waitFor();
  // The form is ready for the next one.
  expect(await page.getByLabel("Racontez votre dernier achat local").inputValue()).toBe("");
  expect(await server.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);

  await phone.context.setOffline(false);
  await page.getByText("Aucune réponse en attente sur cet appareil.").waitFor({ timeout: 30_000 });
  await expect
    .poll(() => server.db.surveyResponse.findMany({ where: { surveyId: survey.id } }), { timeout: 10_000 })
    .toHaveLength(1);
  // Another flush (the periodic retry, the button) has nothing left to send.
  await page.waitForTimeout(500);
  const stored = await server.db.surveyResponse.findMany({ where: { surveyId: survey.id } });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ channel: "field", enteredById: actor.id, communeCode: "26113" });
  expect(JSON.parse(stored[0]!.answers)).toMatchObject({ "q-shop": "opt-farm", "q-satisf": 5 });
  expect(phone.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|net::|Failed to fetch/.test(p))).toEqual([]);
  await phone.context.close();
});

test("field entry: a session lost while responses wait keeps them on the device until the member logs in again", async () => {
  const actor = await createUser(server.db, { name: "Inès Terrain" });
  const project = await createProject(server.db, { members: [[actor.id, "local_actor"]] });
  const survey = await createSurvey(server.db, { projectId: project.id });
  const path = `/projects/${project.id}/surveys/${survey.id}/collect`;
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await phone.newPage();
  const logIn = async () => {
    await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(path)}`);
    await page.getByLabel("Adresse électronique").fill(actor.email);
    await page.getByLabel("Mot de passe").fill(actor.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`**${path}`);
  };
  await logIn();
  await page.getByText("Aucune réponse en attente sur cet appareil.").waitFor();

  await phone.context.setOffline(true);
  await page.getByText("Hors connexion").waitFor();
  await page.getByLabel("Racontez votre dernier achat local").fill("Noté hors connexion.");
  await page.getByLabel("À la ferme").check();
  await page.locator("#field-q-satisf-4").check();
  await page.getByRole("combobox", { name: /Votre commune/ }).fill("Die");
  await page.getByRole("button", { name: "Enregistrer cette réponse" }).click();
  await page.getByText("1 réponse en attente d'envoi sur cet appareil.").waitFor();

  // Meanwhile the session ended (expired, or "log out everywhere" from another device): the
  // server answers with a redirect to the login page, which must not count as stored.
  await phone.context.clearCookies();
  await phone.context.setOffline(false);
  await page.getByText("Votre session a expiré").waitFor({ timeout: 30_000 });
  await page.getByText("1 réponse en attente d'envoi sur cet appareil.").waitFor();
  expect(await server.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);

  // Logged in again, the waiting response goes, once.
  await logIn();
  await page.getByText("Aucune réponse en attente sur cet appareil.").waitFor({ timeout: 30_000 });
  await page.getByText("1 réponse envoyée depuis cet appareil pendant cette visite.").waitFor();
  const stored = await server.db.surveyResponse.findMany({ where: { surveyId: survey.id } });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ channel: "field", enteredById: actor.id });
  expect(phone.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|net::|Failed to fetch/.test(p))).toEqual([]);
  await phone.context.close();
});

test("results and poster fit a 375 px phone even with long unbroken labels and answers", async () => {
  const observer = await createUser(server.db, { name: "Olga Observe" });
  // A researcher: the free texts (raw answers) are on their results page too.
  const project = await createProject(server.db, { members: [[observer.id, "researcher"]] });
  const definition = everyTypeDefinition();
  const shop = definition.sections[0]!.questions.find((q) => q.id === "q-shop")!;
  if (shop.type === "single_choice") shop.options[0]!.label = "Supermarché-hypermarché-drive-".repeat(3);
  const survey = await createSurvey(server.db, { projectId: project.id, definitions: [definition] });
  await createResponse(server.db, {
    surveyId: survey.id,
    versionId: survey.currentVersionId,
    answers: { "q-story": "x".repeat(120), "q-shop": "opt-market", "q-town": "26113" },
  });
  const path = `/projects/${project.id}/surveys/${survey.id}`;
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await phone.newPage();
  await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(`${path}/results`)}`);
  await page.getByLabel("Adresse électronique").fill(observer.email);
  await page.getByLabel("Mot de passe").fill(observer.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`**${path}/results`);
  for (const details of await page.locator("details").all()) await details.evaluate((d) => d.setAttribute("open", ""));
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto(`${server.url}${path}/poster`);
  expect(await overflow()).toBeLessThanOrEqual(0);
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});
