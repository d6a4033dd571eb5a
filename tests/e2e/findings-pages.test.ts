import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import { editorOf, FINDING_EDITOR_NAME, STATUS, statusOf, textOf } from "../support/note-page";

/**
 * The findings pages in a real Chromium on a 375 px phone: the list, the new-finding form, the
 * live statement, adding evidence, the fields, a reader's view, and the printed report read
 * back from a PDF.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
let projectId: string;
let researcher: Awaited<ReturnType<typeof createUser>>;
let observer: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const db = session.server().db;
  [researcher, observer] = await Promise.all([
    createUser(db, { name: "Rita Chercheuse" }),
    createUser(db, { name: "Omar Observateur" }),
  ]);
  projectId = (
    await createProject(db, {
      members: [
        [researcher.id, "researcher"],
        // A read-only member of the team: drafts are the team's (issue 15), not observers'.
        [observer.id, "local_actor"],
      ],
    })
  ).id;
});

describe("findings in the browser", () => {
  test("a researcher drafts a finding, adds evidence and fields; a reader reads it; the report prints", async () => {
    const base = `/projects/${projectId}/findings`;
    const { page } = await session.logIn(researcher, base, PHONE);
    await page.getByRole("heading", { name: "Constats", level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Nouveau constat" }).click();
    await page.getByLabel("Titre du constat").fill("Le marché rayonne sur la vallée");
    await page.getByLabel("Énoncé (facultatif)").fill("Les clients viennent de toute la vallée de la Drôme.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Créer le constat" }).click();
    await page.waitForURL((url) => /\/findings\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const findingPath = new URL(page.url()).pathname;

    // The title and the statement become the live text's first heading and paragraph.
    await statusOf(page, STATUS.synced).waitFor();
    await expect
      .poll(() => textOf(page, FINDING_EDITOR_NAME), { timeout: 10_000 })
      .toContain("Les clients viennent de toute la vallée de la Drôme.");
    expect(await editorOf(page, FINDING_EDITOR_NAME).locator("h1, h2, h3, h4").first().textContent()).toBe(
      "Le marché rayonne sur la vallée",
    );
    await page.getByRole("heading", { name: "Le marché rayonne sur la vallée", level: 2 }).first().waitFor();

    // An outside source, with the author's line.
    await page.getByText("Une source extérieure").click();
    await page.getByLabel("Titre", { exact: true }).fill("Étude de fréquentation 2025");
    await page.getByLabel("Adresse web (http ou https, facultative)").fill("https://example.org/etude");
    await page.locator("#add-source-comment").fill("La fréquentation double en été");
    await page.locator("form:has(#add-source-comment)").getByRole("button", { name: "Ajouter" }).click();
    await page.getByRole("link", { name: "https://example.org/etude" }).waitFor();
    await page.getByText("La fréquentation double en été").first().waitFor();

    // Confidence and sector.
    await page.getByLabel("Confiance", { exact: true }).selectOption("high");
    await page.getByLabel("Agriculture et alimentation").check();
    await page.getByRole("button", { name: "Enregistrer les informations" }).click();
    await page.getByRole("status").filter({ hasText: "Informations enregistrées." }).waitFor();
    await expect.poll(() => page.getByLabel("Confiance", { exact: true }).inputValue()).toBe("high");
    expect(await axeViolations(page)).toEqual([]);

    // The list shows it with its state, confidence and evidence count.
    await page.goto(`${session.server().url}${base}`);
    const card = page.locator(".finding-card").filter({ hasText: "Le marché rayonne sur la vallée" });
    await card.waitFor();
    expect(await card.textContent()).toContain("Brouillon");
    expect(await card.textContent()).toContain("Confiance : Forte");
    expect(await card.textContent()).toContain("1 preuve");

    // A reader: the text is read-only, no evidence form.
    const reader = await session.logIn(observer, findingPath, PHONE);
    await statusOf(reader.page, STATUS.synced).waitFor();
    await expect
      .poll(() => textOf(reader.page, FINDING_EDITOR_NAME), { timeout: 10_000 })
      .toContain("Les clients viennent de toute la vallée");
    expect(await editorOf(reader.page, FINDING_EDITOR_NAME).getAttribute("contenteditable")).toBe("false");
    // The editor speaks of the finding, not of a note.
    expect(await reader.page.getByText("Lecture seule : votre rôle vous permet de suivre ce constat").count()).toBe(1);
    expect(await reader.page.getByText("cette note").count()).toBe(0);
    expect(await reader.page.getByText("Ajouter une preuve").count()).toBe(0);
    expect(await axeViolations(reader.page)).toEqual([]);

    // The printed report, read back from the PDF Chromium makes of it.
    await reader.page.goto(`${session.server().url}${findingPath}/print`);
    await reader.page.getByText("Étude de fréquentation 2025").waitFor();
    expect(await axeViolations(reader.page)).toEqual([]);
    const pdf = await reader.page.pdf({ format: "A4" });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Le marché rayonne sur la vallée");
    expect(flat).toContain("Les clients viennent de toute la vallée de la Drôme.");
    expect(flat).toContain("Étude de fréquentation 2025");
    expect(flat).toContain("La fréquentation double en été");
    // Nothing of the page's controls on paper.
    expect(flat).not.toContain("Imprimer");

    // The whole project's report has it too.
    await reader.page.goto(`${session.server().url}${base}/print`);
    await reader.page.getByRole("heading", { name: "Le marché rayonne sur la vallée" }).waitFor();
    expect(await axeViolations(reader.page)).toEqual([]);
  });
});
