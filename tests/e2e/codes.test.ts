import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { createCode, createCodedPassage, createNote, createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";

/**
 * The code view in a real Chromium on a 375 px phone: creating a code whose name looks like an
 * existing one (asked first), merging it, the co-occurrence table scrolling in its own region,
 * axe-core clean, and no page wider than the screen.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
let projectId: string;
let researcher: Awaited<ReturnType<typeof createUser>>;

const LABELS = ["Marché", "Circuit court", "École", "Mobilité", "Logement", "Santé", "Culture", "Eau potable"];

beforeAll(async () => {
  const db = session.server().db;
  researcher = await createUser(db, { name: "Rita Chercheuse" });
  projectId = (await createProject(db, { members: [[researcher.id, "researcher"]] })).id;
  const codes = [];
  for (const label of LABELS)
    codes.push(await createCode(db, { projectId, label, definition: `Ce qui touche à ${label}` }));
  const note = await createNote(db, { projectId, authorId: researcher.id, title: "Marché du samedi" });
  // Every code overlaps every other in this note: the matrix has all eight.
  for (const [index, code] of codes.entries()) {
    await createCodedPassage(db, {
      noteId: note.id,
      projectId,
      codeId: code.id,
      start: index,
      end: 40,
      text: "Les stands du samedi",
    });
  }
});

/**
 * The page is no wider than the screen, and nothing reaches past its edge but what is inside the
 * co-occurrence matrix's own scrolling region (the elements named if not, to say what to fix).
 */
async function expectFits(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => !el.closest(".cooc-scroll > *") && el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
}

describe("the code view in the browser", () => {
  test("create with a near-duplicate warning, merge, co-occurrences; accessible at 375 px", async () => {
    const base = `/projects/${projectId}/codes`;
    const { page } = await session.logIn(researcher, base, PHONE);
    await page.getByRole("heading", { name: "Codes", level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expectFits(page);

    // The co-occurrence matrix, on its own page: a real table, in a labelled region that scrolls on its own.
    await page.getByRole("link", { name: "Voir le tableau des co-occurrences" }).click();
    await page.getByRole("heading", { name: "Co-occurrences", level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const region = page.getByRole("region", { name: "Co-occurrences des codes (passages qui se chevauchent)" });
    const table = region.getByRole("table", { name: "Co-occurrences des codes (passages qui se chevauchent)" });
    await table.waitFor();
    expect(await table.getByRole("columnheader").count()).toBe(LABELS.length);
    expect(await table.getByRole("rowheader").count()).toBe(LABELS.length);
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectFits(page);
    await page.getByRole("link", { name: "Tous les codes" }).click();
    await page.getByRole("heading", { name: "Codes", level: 2 }).waitFor();

    // A near-duplicate of "Marché" is asked about before it is created.
    await page.getByLabel("Nom du code").fill("Marchés");
    await page.getByLabel("Définition").fill("Les halles et leurs abords");
    await page.getByRole("button", { name: "Créer le code" }).click();
    const question = page.getByRole("alert").filter({ hasText: "Un code proche existe déjà : « Marché »." });
    await question.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByLabel("Définition").inputValue()).toBe("Les halles et leurs abords");
    await page.getByRole("button", { name: "Oui, créer « Marchés »" }).click();
    await page.getByRole("status").filter({ hasText: "Code « Marchés » créé." }).waitFor();
    await page.getByRole("link", { name: "Marchés", exact: true }).click();
    await page.getByRole("heading", { name: "Marchés", level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expectFits(page);

    // Merged into "Marché": its page is Marché's, which says so; "Marchés" leaves the list.
    await page.getByLabel("Fusionner dans", { exact: true }).selectOption({ label: "Marché" });
    await page.getByRole("button", { name: "Fusionner", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "« Marchés » a été fusionné dans ce code." }).waitFor();
    await page.getByRole("heading", { name: "Marché", level: 2 }).waitFor();
    expect(await page.getByText("Les stands du samedi").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await expectFits(page);
    await page.getByRole("link", { name: "Tous les codes" }).click();
    await page.getByRole("heading", { name: "Codes", level: 2 }).waitFor();
    expect(await page.getByRole("link", { name: "Marchés", exact: true }).count()).toBe(0);
  });
});
