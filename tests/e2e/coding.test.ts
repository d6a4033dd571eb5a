import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { axeViolations } from "../support/axe";
import { createCode } from "../factories";
import { editorOf, noteTestFile, sleep, STATUS, statusOf } from "../support/note-page";

/**
 * Coding passages in the note editor, in Chromium against the real server: two people coding
 * overlapping text at once, a reader, removing a code, opening a note at a passage, citing a
 * passage in a finding, axe-core with the picker open, and a phone-sized screen.
 */
const file = noteTestFile();
/** What reaches other people live (and the projection, a second after typing stops) may take a while on a busy machine. */
const LIVE = { timeout: 10_000 };
const { openNote } = file;

/** Selects the first occurrence of `text` in the note's text, as a mouse drag would. */
async function selectText(page: Page, text: string) {
  await editorOf(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let whole = "";
    const nodes: { node: Text; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: whole.length });
      whole += n.textContent;
    }
    const from = whole.indexOf(wanted);
    if (from < 0) throw new Error(`"${wanted}" not in "${whole}"`);
    const at = (offset: number, end: boolean) => {
      const found = nodes.find(
        ({ node, start }) => offset >= start && (end ? offset <= start + node.length : offset < start + node.length),
      )!;
      return [found.node, offset - found.start] as const;
    };
    const range = document.createRange();
    range.setStart(...at(from, false));
    range.setEnd(...at(from + wanted.length, true));
    (root as HTMLElement).focus();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
  await sleep(150);
}

const codesShown = (page: Page) =>
  editorOf(page).evaluate((root) =>
    [...root.querySelectorAll("mark.coded-passage")].map((m) => [m.textContent, m.getAttribute("title")]),
  );

describe("coding a note", () => {
  test("two people code overlapping passages at once, a reader sees them, a code is removed, a passage is found", async () => {
    const { alice, bruno, chloe, projectId } = file.team;
    const db = file.server.db;
    await createCode(db, { projectId, label: "Eau", colour: "#1f6f8b", definition: "L'eau comme ressource." });
    await createCode(db, { projectId, label: "Foncier", colour: "#b5452a", definition: "La terre et son prix." });
    const note = await file.team.newNote();
    const a = await openNote(alice, note.path);
    await editorOf(a.page).click();
    await a.page.keyboard.type("Le marché de Die ouvre le samedi matin");
    const b = await openNote(bruno, note.path, { width: 375 });
    await expect.poll(() => editorOf(b.page).textContent(), LIVE).toContain("samedi matin");

    // Alice by keyboard (Ctrl+Alt+K), Bruno on a phone with the toolbar button, at the same time.
    await selectText(a.page, "marché de Die");
    await a.page.keyboard.press("Control+Alt+K");
    const pickerA = a.page.getByRole("dialog", { name: "Coder le passage" });
    await pickerA.getByRole("combobox", { name: "Chercher un code" }).fill("eau");
    await a.page.keyboard.press("Enter");
    expect(await pickerA.getByRole("option", { name: /Eau/ }).getAttribute("aria-selected")).toBe("true");
    expect(await axeViolations(a.page)).toEqual([]);

    await selectText(b.page, "Die ouvre");
    await b.page.getByRole("button", { name: "Coder" }).click();
    const pickerB = b.page.getByRole("dialog", { name: "Coder le passage" });
    const foncier = pickerB.getByRole("option", { name: /Foncier/ });
    const box = (await foncier.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await foncier.click();

    await Promise.all([
      pickerA.getByRole("button", { name: "Appliquer" }).click(),
      pickerB.getByRole("button", { name: "Appliquer" }).click(),
    ]);
    for (const page of [a.page, b.page]) {
      await expect
        .poll(() => codesShown(page), LIVE)
        .toEqual([
          ["marché de ", "Eau"],
          ["Die", "Eau, Foncier"],
          [" ouvre", "Foncier"],
        ]);
    }

    // A council reviewer sees the codes and their names, and cannot code.
    const c = await openNote(chloe, note.path);
    await expect.poll(() => codesShown(c.page), LIVE).toHaveLength(3);
    expect(await c.page.getByRole("button", { name: "Coder" }).count()).toBe(0);
    await c.page.getByRole("button", { name: /Foncier : 1 passage/ }).click();
    await c.page.getByText("Passage codé : Foncier.").waitFor({ state: "attached" });
    expect(await c.page.getByRole("button", { name: /Retirer le code/ }).count()).toBe(0);

    // Alice removes her code in one action: the caret inside the passage, then "Retirer".
    await selectText(a.page, "arch");
    await a.page.keyboard.press("ArrowLeft");
    await a.page.getByRole("button", { name: "Retirer le code Eau de ce passage" }).click();
    for (const page of [a.page, b.page, c.page]) {
      await expect.poll(() => codesShown(page), LIVE).toEqual([["Die ouvre", "Foncier"]]);
    }

    // Opening the note at the passage (as the code view links it): highlighted and announced.
    await expect.poll(() => db.codedPassage.count({ where: { projectId } }), LIVE).toBe(1);
    const row = await db.codedPassage.findFirstOrThrow({ where: { projectId }, select: { passageId: true } });
    const found = await openNote(chloe, `${note.path}?passage=${row.passageId}`);
    await expect.poll(() => found.page.locator(".passage-found").allTextContents(), LIVE).toEqual(["Die ouvre"]);
    await found.page.getByText("Passage surligné dans la note : « Die ouvre ».").waitFor({ state: "attached" });
    expect(await statusOf(found.page, STATUS.synced).count()).toBe(1);
  });

  test("citing a passage in a new finding, opening the note at the quote, and the finding marking a later edit", async () => {
    const { alice } = file.team;
    const note = await file.team.newNote();
    const a = await openNote(alice, note.path);
    await editorOf(a.page).click();
    await a.page.keyboard.type("Les producteurs vendent surtout au marché du samedi");
    // The server checks the quote against the note as stored: let the text reach it first.
    await sleep(1500);
    await selectText(a.page, "vendent surtout au marché");
    await a.page.getByRole("button", { name: "Citer dans un constat" }).click();
    const dialog = a.page.getByRole("dialog", { name: "Citer ce passage dans un constat" });
    await dialog.getByLabel("Titre du nouveau constat").fill("La vente directe passe par le marché");
    await dialog.getByLabel("Ce que ce passage montre").fill("Le marché reste le lieu de vente.");
    expect(await axeViolations(a.page)).toEqual([]);
    await dialog.getByRole("button", { name: "Citer" }).click();
    await dialog.getByRole("link", { name: "Voir le constat" }).waitFor();
    const evidence = await file.server.db.evidence.findFirstOrThrow({
      where: { noteId: note.path.split("/").pop() },
      select: { id: true, quote: true, comment: true },
    });
    expect(evidence).toMatchObject({
      quote: "vendent surtout au marché",
      comment: "Le marché reste le lieu de vente.",
    });

    const again = await openNote(alice, `${note.path}?evidence=${evidence.id}`);
    await expect
      .poll(() => again.page.locator(".passage-found").allTextContents(), LIVE)
      .toEqual(["vendent surtout au marché"]);
    await again.page.getByText("Cité dans 1 constat :").waitFor();

    // A local actor rewrites the quoted words in their own browser; the finding says so.
    const b = await openNote(file.team.bruno, note.path);
    await selectText(b.page, "surtout");
    await b.page.keyboard.type("presque tout");
    const finding = await file.server.db.evidence.findUniqueOrThrow({
      where: { id: evidence.id },
      select: { findingId: true },
    });
    await expect
      .poll(
        async () => {
          await a.page.goto(`${file.server.url}${note.path.replace(/\/notes\/.*/, "")}/findings/${finding.findingId}`);
          return a.page.getByText("Passage modifié depuis la citation").count();
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe(1);
    await a.page.getByText("vendent presque tout au marché").first().waitFor();
  });
});
