import { describe, expect, test } from "vitest";
import {
  axeViolations,
  editorOf,
  headingOutline,
  noteHeaderOf,
  noteTestFile,
  sleep,
  STATUS,
  statusOf,
  textOf,
  typeAtEnd,
} from "../support/note-page";

/**
 * The note page around the editor, in a real Chromium against the real server: a note moved to
 * the trash while others have it open, a title that follows the text for everyone, the page's
 * heading outline, and the list's filters on a phone.
 */
const file = noteTestFile();
const { session, openNote } = file;

const TRASHED_NOTICE = "Quelqu'un a mis cette note à la corbeille";

describe("a note moved to the trash while it is open", () => {
  test("the other editors close at once with a lasting message; restoring brings the note back", async () => {
    const { path } = await file.team.newNote();
    const author = await openNote(file.team.alice, path);
    const other = await openNote(file.team.bruno, path);
    await typeAtEnd(author.page, "Tournée du camion-épicerie");
    await expect.poll(() => textOf(other.page)).toContain("Tournée du camion-épicerie");

    // Only the author (and the coordination) get the button; a local actor on someone else's note does not.
    expect(await other.page.getByRole("button", { name: "Mettre à la corbeille" }).count()).toBe(0);
    await author.page.getByRole("button", { name: "Mettre à la corbeille" }).click();

    // The author lands on the note's trash page, with the way back.
    await author.page.getByRole("heading", { name: "Cette note est dans la corbeille" }).waitFor();
    expect(await editorOf(author.page).count()).toBe(0);

    // The other person is told, and their editor stops: no toolbar, nothing typed is kept.
    const notice = other.page.getByRole("alert").filter({ hasText: TRASHED_NOTICE });
    await notice.waitFor();
    const editor = editorOf(other.page);
    expect(await editor.getAttribute("contenteditable")).toBe("false");
    expect(await other.page.getByRole("toolbar", { name: "Mise en forme" }).count()).toBe(0);
    expect(await statusOf(other.page, STATUS.synced).count()).toBe(0);
    // It lasts: no reconnection brings the editor back.
    await sleep(2500);
    expect(await notice.count()).toBe(1);
    expect(await editor.getAttribute("contenteditable")).toBe("false");

    // Restored by its author: the note is back, editable, with its text.
    await author.page.getByRole("button", { name: "Restaurer la note" }).click();
    await statusOf(author.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(author.page)).toContain("Tournée du camion-épicerie");

    // The notice links back to the list, where the note is again.
    await notice.getByRole("link", { name: "Retour aux notes" }).click();
    await other.page.waitForURL(`**/projects/${file.team.projectId}/notes`);
    await other.page.getByRole("heading", { name: "Notes de terrain" }).waitFor();
    await other.page.reload();
    await other.page.getByRole("link", { name: "Tournée du camion-épicerie" }).waitFor();
  });
});

describe("the note's title", () => {
  test("follows its first line or heading for everyone who has it open, and the list shows it", async () => {
    const { path } = await file.team.newNote();
    const a = await openNote(file.team.alice, path);
    const b = await openNote(file.team.bruno, path);
    expect(await noteHeaderOf(b.page).textContent()).toBe("Sans titre");

    await typeAtEnd(a.page, "Marché du samedi");
    await expect.poll(() => noteHeaderOf(b.page).textContent()).toBe("Marché du samedi");
    await expect.poll(() => b.page.title()).toMatch(/^Marché du samedi · /);
    await expect.poll(() => noteHeaderOf(a.page).textContent()).toBe("Marché du samedi");

    // A heading further down becomes the title, as in the lists.
    await typeAtEnd(a.page, "Halle couverte");
    await a.page.getByRole("button", { name: "Titre", exact: true }).click();
    await expect.poll(() => noteHeaderOf(b.page).textContent()).toBe("Halle couverte");
    await expect.poll(() => b.page.title()).toMatch(/^Halle couverte · /);

    // The list reads the server's projection: the new title on the next load.
    await b.page.getByRole("link", { name: "Toutes les notes" }).click();
    await b.page.waitForURL(`**/projects/${file.team.projectId}/notes`);
    await expect
      .poll(
        async () => {
          await b.page.reload();
          return b.page.locator(".note-card h3").allTextContents();
        },
        { timeout: 15_000 },
      )
      .toContain("Halle couverte");
  });
});

describe("a new note", () => {
  test("asks for the title first, and the note starts with it as its first heading, once even in two tabs", async () => {
    const list = `/projects/${file.team.projectId}/notes`;
    const { page } = await session.logIn(file.team.alice, list, { width: 375 });
    await page.getByRole("link", { name: "Nouvelle note" }).click();
    await page.waitForURL(`**${list}/new`);
    const field = page.getByLabel("Titre de la note (facultatif)");
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);
    await field.fill("Visite de la ferme Brun");
    await page.getByRole("button", { name: "Créer la note" }).click();
    await page.waitForURL(/\/notes\/(?!new)[^/#]+#new$/);
    const path = new URL(page.url()).pathname;
    const noteId = path.split("/").pop()!;

    await statusOf(page, STATUS.synced).waitFor();
    const headings = editorOf(page).locator("h4");
    await expect.poll(() => headings.allTextContents()).toEqual(["Visite de la ferme Brun"]);
    expect(await noteHeaderOf(page).textContent()).toBe("Visite de la ferme Brun");
    // The cursor waits below the title: typing goes straight into the text.
    await page.keyboard.type("Trois vaches au pré");

    // The same new note on a second device with no copy of it (the address still ends in #new):
    // its empty local copy loads first and it writes the title too, yet there is one title.
    const { page: second } = await session.logIn(file.team.alice, list);
    await second.goto(`${file.server.url}${path}#new`);
    await statusOf(second, STATUS.synced).waitFor();
    await expect.poll(() => textOf(second)).toContain("Trois vaches au pré");
    await sleep(500);
    expect(await editorOf(second).locator("h4").allTextContents()).toEqual(["Visite de la ferme Brun"]);
    expect(await headings.allTextContents()).toEqual(["Visite de la ferme Brun"]);

    // The server projects it: the title from the first heading, the text below as excerpt.
    await expect
      .poll(
        () => file.server.db.note.findUniqueOrThrow({ where: { id: noteId }, select: { title: true, excerpt: true } }),
        { timeout: 15_000 },
      )
      .toEqual({ title: "Visite de la ferme Brun", excerpt: "Trois vaches au pré" });
    await page.getByRole("link", { name: "Toutes les notes" }).click();
    await page.waitForURL(`**${list}`);
    await page.reload();
    expect(await page.locator(".note-card h3").allTextContents()).toContain("Visite de la ferme Brun");
  });
});

describe("the page's outline", () => {
  test("headings in a note's text sit below the page's own, in order (axe-core heading-order)", async () => {
    const { path } = await file.team.newNote();
    const { page } = await openNote(file.team.alice, path);
    const toolbar = page.getByRole("toolbar", { name: "Mise en forme" });
    await typeAtEnd(page, "Marché du samedi");
    await toolbar.getByRole("button", { name: "Titre", exact: true }).click();
    await typeAtEnd(page, "Les producteurs");
    await toolbar.getByRole("button", { name: "Sous-titre" }).click();
    await typeAtEnd(page, "Quatorze stands.");
    await editorOf(page).locator("h5").waitFor();

    const outline = await headingOutline(page);
    // Then the page's other sections (h3), the discussion among them (issue 15).
    expect(outline.map((heading) => heading.level)).toEqual([1, 2, 3, 4, 5, 3, 3, 3]);
    expect(outline.slice(1, 5).map((heading) => heading.text)).toEqual([
      "Marché du samedi",
      "Texte de la note",
      "Marché du samedi",
      "Les producteurs",
    ]);
    expect(await axeViolations(page, ["heading-order", "page-has-heading-one"])).toEqual([]);

    // The document keeps its levels (2 and 3): what older clients and the server read.
    await page.reload();
    await statusOf(page, STATUS.synced).waitFor();
    await editorOf(page).locator("h4", { hasText: "Marché du samedi" }).waitFor();
    await editorOf(page).locator("h5", { hasText: "Les producteurs" }).waitFor();
    expect(await axeViolations(page, ["heading-order"])).toEqual([]);
  });
});

describe("the notes list on a phone", () => {
  test("filters fold under « Filtres » at 375 px, open on a wide screen or when one is in use", async () => {
    const notes = `/projects/${file.team.projectId}/notes`;
    const phone = await session.logIn(file.team.alice, notes, { width: 375, height: 740 });
    const filters = phone.page.locator("details.note-filters__more");
    const summary = filters.locator("summary");
    const author = phone.page.getByLabel("Auteur ou autrice");
    await summary.waitFor();
    expect(await summary.textContent()).toBe("Filtres");
    expect(await filters.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await author.isVisible()).toBe(false);
    // The search field stays at hand.
    expect(await phone.page.getByRole("searchbox", { name: "Rechercher dans les notes" }).isVisible()).toBe(true);
    // No sideways scrolling on a phone.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // A keyboard opens it like a button (and a screen reader hears "collapsed", then "expanded").
    await summary.focus();
    await phone.page.keyboard.press("Enter");
    await author.waitFor();
    await author.selectOption({ label: "Bruno Acteur" });
    await phone.page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await phone.page.waitForURL(/author=/);
    // A filter in use: open on arrival, and the summary says how many.
    await expect.poll(() => summary.textContent()).toBe("Filtres (1 actif)");
    expect(await filters.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await phone.page.reload();
    expect(await filters.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);

    // On a wide screen they are open from the first paint.
    const desk = await session.logIn(file.team.bruno, notes, { width: 1280 });
    await desk.page.getByLabel("Auteur ou autrice").waitFor({ state: "visible" });
    expect(await desk.page.locator("details.note-filters__more").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    // Also when the page is loaded in full (the script in the page opens it before the first paint).
    await desk.page.reload();
    expect(await desk.page.getByLabel("Auteur ou autrice").isVisible()).toBe(true);
  });
});
