import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll } from "vitest";
import { createNote, createProject, createUser } from "../factories";
import { browserForFile } from "./browser-session";
import { ROOT } from "./paths";
import type { TestServer } from "./server";

/**
 * The note page as the browser tests drive it (tests/e2e/notes-*.test.ts): the people of a
 * project, a new note, the editor, its status line and its text.
 */
type BrowserSession = ReturnType<typeof browserForFile>;
export type Person = Awaited<ReturnType<typeof createUser>>;

export const STATUS = {
  synced: "synchronisé",
  offline: "hors ligne — modifications gardées sur cet appareil",
};
const EDITOR_NAME = "Texte de la note";
/** The same editor on a finding's page. */
export const FINDING_EDITOR_NAME = "Texte du constat";

/** A researcher, a local actor, a council reviewer, someone outside, and their project. */
export async function noteTeam(session: BrowserSession) {
  const db = session.server().db;
  const [alice, bruno, chloe, oscar] = await Promise.all([
    createUser(db, { name: "Alice Chercheuse" }),
    createUser(db, { name: "Bruno Acteur" }),
    createUser(db, { name: "Chloé Conseil" }),
    createUser(db, { name: "Oscar Extérieur" }),
  ]);
  const project = await createProject(db, {
    members: [
      [alice.id, "researcher"],
      [bruno.id, "local_actor"],
      [chloe.id, "council_reviewer"],
    ],
  });
  const projectId = project.id;
  return {
    alice,
    bruno,
    chloe,
    oscar,
    projectId,
    async newNote(): Promise<{ path: string; docName: string }> {
      const note = await createNote(db, { projectId, authorId: alice.id });
      return { path: `/projects/${projectId}/notes/${note.id}`, docName: `note:${note.id}` };
    },
  };
}

export type NoteTeam = Awaited<ReturnType<typeof noteTeam>>;

/**
 * A browser and the server for one test file, with a project team: call it at the top level.
 * `server` and `team` are set once the file's setup has run (inside tests, not before).
 */
export function noteTestFile() {
  const session = browserForFile();
  const file = {
    session,
    server: undefined as unknown as TestServer,
    team: undefined as unknown as NoteTeam,
    /** Logs the person in on a new device, on the note, once its text is synced. */
    openNote: (person: Person, path: string, options: { width?: number } = {}) =>
      openNote(session, person, path, options),
  };
  beforeAll(async () => {
    file.server = session.server();
    file.team = await noteTeam(session);
  });
  return file;
}

/** Logs the person in on a new device, on the note, once its text is synced. */
export async function openNote(
  session: BrowserSession,
  person: Person,
  path: string,
  options: { width?: number } = {},
) {
  const opened = await session.logIn(person, path, options);
  await statusOf(opened.page, STATUS.synced).waitFor();
  return opened;
}

export const editorOf = (page: Page, name = EDITOR_NAME): Locator => page.getByRole("textbox", { name });

export const statusOf = (page: Page, text: string): Locator =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${text}$`) });

export async function typeAtEnd(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

/** The note's text as a person reads it: without the other people's caret labels. */
/**
 * Selects `text` inside an editor (read-only ones too), as a person dragging over it would:
 * a DOM range over the first text node holding it, then the mouse-up the editor listens to.
 */
export async function selectText(page: Page, text: string, name = EDITOR_NAME) {
  const editor = editorOf(page, name);
  await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, text);
  await editor.dispatchEvent("mouseup");
}

export const textOf = (page: Page, name = EDITOR_NAME) =>
  editorOf(page, name).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every IndexedDB write the page has started on this store is committed: a read
 * transaction on the same store only starts once the write transactions created before it are
 * finished, whichever connection created them.
 */
export async function localCopyWritten(page: Page, storeName: string) {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction("updates", "readonly");
          transaction.objectStore("updates").count();
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    storeName,
  );
}

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/**
 * What axe-core finds on the page for the given rules (ids and the offending elements).
 * Injected through the DevTools protocol, which the page's Content-Security-Policy does not
 * apply to, so the page itself keeps its real policy.
 */
export async function axeViolations(page: Page, rules: string[]) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { runOnly: { type: "rule", values } });
    return results.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => node.html),
    }));
  }, rules);
}

/** The page's headings as assistive technologies list them: level and text, in order. */
export const headingOutline = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6, [role=heading]")].map((heading) => ({
      level: Number(heading.getAttribute("aria-level") ?? heading.tagName.slice(1)),
      text: (heading.textContent ?? "").trim(),
    })),
  );

/** The note page's title, as its header shows it. */
export const noteHeaderOf = (page: Page): Locator => page.locator("#note-title");
