import { describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import { createResponse, createSurvey } from "../survey-factories";

/**
 * axe-core on every survey page (issue 13, point 3): the public form (empty, then with its
 * errors), the thank-you page, field entry, the designer's preview, the results and the poster.
 * No violation of any rule axe runs by default.
 */
const session = browserForFile();

async function coordinatorWithSurvey() {
  const server = session.server();
  const user = await createUser(server.db);
  const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
  const survey = await createSurvey(server.db, { projectId: project.id });
  for (const [i, town] of ["26113", "01053", "38185"].entries()) {
    await createResponse(server.db, {
      surveyId: survey.id,
      versionId: survey.currentVersionId,
      submittedAt: new Date(Date.UTC(2026, 2, 1 + i, 9)),
      answers: {
        "q-story": `Réponse ${i}`,
        "q-shop": "opt-market",
        "q-modes": ["opt-foot"],
        "q-satisf": 4,
        "q-town": town,
      },
    });
  }
  return { user, project, survey, base: `/projects/${project.id}/surveys/${survey.id}` };
}

describe("survey pages pass axe-core", () => {
  test("the public form, empty and with its errors", async () => {
    const { survey } = await coordinatorWithSurvey();
    const phone = await session.open({ width: 375, height: 740 });
    const page = await phone.newPage();
    await page.goto(`${session.server().url}/s/${survey.publicToken}`);
    await page.getByRole("heading", { level: 1, name: "Commerces de proximité" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // "Plusieurs réponses possibles." is said once per multiple-choice question, and described.
    const modes = page.getByRole("group", { name: /Comment vous y rendez-vous/ });
    expect(await modes.getByText("Plusieurs réponses possibles.").count()).toBe(1);
    // The groups carry no aria-required (not allowed on a group); the legend says "(obligatoire)".
    expect(await page.locator("fieldset[aria-required]").count()).toBe(0);

    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the poster, its short address, and the thank-you page reached by it", async () => {
    const { user, base } = await coordinatorWithSurvey();
    const { page } = await session.logIn(user, `${base}/poster`);
    const address = (await page.locator(".poster strong").textContent())!;
    expect(address).toMatch(/\/s\/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await axeViolations(page, ".poster")).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    const respondent = await session.open({ width: 375, height: 740 });
    const form = await respondent.newPage();
    await form.goto(`${session.server().url}${address.slice(address.indexOf("/s/"))}`);
    await form.getByRole("heading", { level: 1, name: "Commerces de proximité" }).waitFor();
    // A focused page: nothing in the header leads a respondent away from the form.
    expect(await form.getByRole("link", { name: "Se connecter" }).count()).toBe(0);
    expect(await form.getByRole("link", { name: "Créer un compte" }).count()).toBe(0);
    await form.getByLabel("Racontez votre dernier achat local").fill("Des pommes.");
    await form.getByLabel("Au marché").check();
    await form.locator("#q-satisf-3").check();
    await form.getByRole("combobox", { name: /Votre commune/ }).fill("Die");
    await form.getByRole("option", { name: /^Die/ }).first().click();
    await form.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await form.getByRole("heading", { level: 1, name: "Merci pour votre réponse" }).waitFor();
    expect(await axeViolations(form)).toEqual([]);
  });

  test("field entry, results and the designer's preview", async () => {
    const { user, base } = await coordinatorWithSurvey();
    const { page } = await session.logIn(user, `${base}/collect`);
    await page.getByRole("heading", { name: /Saisie terrain/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.server().url}${base}/results`);
    await page.getByRole("heading", { name: "Réponses libres" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.server().url}${base}`);
    const preview = page.locator(".survey-designer__preview");
    await preview.waitFor({ state: "attached" });
    expect(await axeViolations(page, ".survey-designer__preview")).toEqual([]);
  });
});
