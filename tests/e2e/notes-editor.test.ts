import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sendOwnAwarenessOnly } from "~/editor/awareness.client";
import type { TestContext } from "../support/browser";
import { editorOf, noteTestFile, sleep, STATUS, statusOf, textOf, typeAtEnd, type Person } from "../support/note-page";

/**
 * The collaborative note editor in a real Chromium against the real server (HTTP and the
 * /collab websocket on one port): convergence, readers, outsiders, links. Connections lost,
 * rights changed and offline work: notes-connection.test.ts.
 */
const file = noteTestFile();
const { session, openNote } = file;
const LINK_REL = "noopener noreferrer nofollow";

const logIn = (person: Person, path: string, options: { width?: number } = {}) => session.logIn(person, path, options);

/** The session cookie of a browser context, for a Node y-websocket client acting as that person. */
async function sessionCookie(context: TestContext): Promise<string> {
  const cookies = await context.context.cookies(file.server.url);
  const session = cookies.find((cookie) => cookie.name === "maillage_session");
  expect(session).toBeDefined();
  return `${session!.name}=${session!.value}`;
}

/** A y-websocket 3.1.0 client in Node, sending the person's cookie and this site's Origin. */
async function nodeClient(cookie: string, docName: string) {
  const origin = file.server.url;
  class SessionSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${file.server.url.replace(/^http/, "ws")}/collab`, docName, doc, {
    WebSocketPolyfill: SessionSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Like the editor: speak only for ourselves (see app/editor/awareness.client.ts).
  const stopFiltering = sendOwnAwarenessOnly(provider);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync for ${docName}`)), 10_000);
    provider.on("sync", (synced) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    close() {
      stopFiltering();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends paragraphs to the note's "default" fragment the way y-prosemirror stores them. */
function appendParagraphs(doc: Y.Doc, paragraphs: { text: string; link?: Record<string, unknown> }[]) {
  doc.transact(() => {
    const fragment = doc.getXmlFragment("default");
    for (const { text, link } of paragraphs) {
      const paragraph = new Y.XmlElement("paragraph");
      const content = new Y.XmlText();
      paragraph.insert(0, [content]);
      fragment.insert(fragment.length, [paragraph]);
      content.insert(0, text, link ? { link } : undefined);
    }
  });
}

/** No javascript:-like href anywhere, and every href in the editor is http(s) or mailto. */
async function expectNoDangerousHref(page: Page) {
  expect(await page.locator('a[href^="javascript" i], a[href^="data" i], a[href^="vbscript" i]').count()).toBe(0);
  const hrefs = await editorOf(page)
    .locator("a[href]")
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
}

describe("collaborative field notes in the browser", () => {
  test("two members type in the same note and both see both texts; presence lists them", async () => {
    const { path } = await file.team.newNote();
    const a = await openNote(file.team.alice, path);
    const b = await openNote(file.team.bruno, path);

    await typeAtEnd(a.page, "Marché de Die : quarante producteurs ce samedi.");
    await typeAtEnd(b.page, "Le car du mardi passe à 8 h 10.");
    for (const page of [a.page, b.page]) {
      await expect.poll(() => textOf(page)).toContain("Marché de Die : quarante producteurs ce samedi.");
      await expect.poll(() => textOf(page)).toContain("Le car du mardi passe à 8 h 10.");
    }
    await expect.poll(async () => (await textOf(a.page)) === (await textOf(b.page))).toBe(true);

    // Presence: each sees the other, by name, and themself marked as such.
    const presenceA = a.page.getByRole("list", { name: "Dans cette note :" });
    await presenceA.getByText("Bruno Acteur").waitFor();
    await presenceA.getByText("Alice Chercheuse (vous)").waitFor();
    await b.page.getByRole("list", { name: "Dans cette note :" }).getByText("Alice Chercheuse").waitFor();

    // The toolbar reflects the format under the caret.
    const bold = a.page.getByRole("toolbar", { name: "Mise en forme" }).getByRole("button", { name: "Gras" });
    expect(await bold.getAttribute("aria-pressed")).toBe("false");
    await bold.click();
    await expect.poll(() => bold.getAttribute("aria-pressed")).toBe("true");

    // The toolbar is one Tab stop; arrow keys, Home and End move inside it.
    const focused = () => a.page.evaluate(() => document.activeElement?.textContent ?? "");
    await bold.focus();
    await a.page.keyboard.press("ArrowRight");
    expect(await focused()).toBe("Italique");
    // End reaches the last button (coding and citing follow the formats, issue 14, then commenting,
    // issue 15); "Lien" is before them.
    await a.page.keyboard.press("End");
    expect(await focused()).toBe("Commenter");
    await a.page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("Citer dans un constat");
    await a.page.keyboard.press("ArrowLeft");
    await a.page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("Lien");
    await a.page.keyboard.press("Enter");
    const address = a.page.getByRole("textbox", { name: "Adresse du lien" });
    await expect.poll(() => address.evaluate((input) => input === document.activeElement)).toBe(true);
    await a.page.keyboard.press("Escape");
    expect(await address.count()).toBe(0);
    await expect.poll(() => editorOf(a.page).evaluate((e) => e === document.activeElement)).toBe(true);

    // The server kept it: a reload shows both texts.
    await b.page.reload();
    await statusOf(b.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(b.page)).toContain("Marché de Die : quarante producteurs ce samedi.");

    // Leaving the note (client-side navigation) closes the connection: the other sees them go.
    await a.page.getByRole("link", { name: "Toutes les notes" }).click();
    await a.page.waitForURL(`**/projects/${file.team.projectId}/notes`);
    await expect
      .poll(() => b.page.getByRole("list", { name: "Dans cette note :" }).getByText("Alice Chercheuse").count())
      .toBe(0);
  });

  test("a council reviewer sees changes live but cannot type; nothing they send is kept", async () => {
    const { path, docName } = await file.team.newNote();
    const a = await openNote(file.team.alice, path);
    const reviewer = await openNote(file.team.chloe, path);

    const editor = editorOf(reviewer.page);
    expect(await editor.getAttribute("aria-readonly")).toBe("true");
    expect(await editor.getAttribute("contenteditable")).toBe("false");
    await reviewer.page.getByText("Lecture seule", { exact: false }).first().waitFor();
    // No formatting; only "Commenter" (issue 15: reviewers comment on passages of read-only text).
    expect(await reviewer.page.getByRole("toolbar", { name: "Mise en forme" }).count()).toBe(0);
    expect(
      await reviewer.page.getByRole("toolbar", { name: "Commenter le texte" }).getByRole("button").allTextContents(),
    ).toEqual(["Commenter"]);

    await typeAtEnd(a.page, "Entretien avec la gérante de l'épicerie.");
    await expect.poll(() => textOf(reviewer.page)).toContain("Entretien avec la gérante de l'épicerie.");

    await editor.click();
    await reviewer.page.keyboard.type("INTRUSION au clavier");
    expect(await textOf(reviewer.page)).not.toContain("INTRUSION");

    // Even a client that ignores the UI and writes with the reviewer's session gets nowhere.
    const rogue = await nodeClient(await sessionCookie(reviewer), docName);
    appendParagraphs(rogue.doc, [{ text: "INTRUSION par le réseau" }]);
    await sleep(1500);
    rogue.close();
    expect(await textOf(a.page)).not.toContain("INTRUSION");

    await reviewer.page.reload();
    await statusOf(reviewer.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(reviewer.page)).toContain("Entretien avec la gérante de l'épicerie.");
    expect(await textOf(reviewer.page)).not.toContain("INTRUSION");
    const fresh = await nodeClient(await sessionCookie(a), docName);
    expect(fresh.doc.getXmlFragment("default").toString()).not.toContain("INTRUSION");
    fresh.close();
  });

  test("someone outside the project gets a 404 page and no websocket", async () => {
    const { path, docName } = await file.team.newNote();
    const outsider = await logIn(file.team.oscar, "/projects");
    const response = await outsider.page.goto(`${file.server.url}${path}`);
    expect(response?.status()).toBe(404);
    expect(await editorOf(outsider.page).count()).toBe(0);

    const cookie = await sessionCookie(outsider);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${file.server.url.replace(/^http/, "ws")}/collab/${docName}`, {
        headers: { cookie, origin: file.server.url },
      });
      socket.on("unexpected-response", (_request, res) => resolve(res.statusCode ?? 0));
      socket.on("open", () => resolve(101));
      socket.on("error", () => undefined);
    });
    expect([403, 404]).toContain(status);
  });

  test("a javascript: link never becomes clickable, typed, pasted or received through Yjs", async () => {
    const { path, docName } = await file.team.newNote();
    const a = await openNote(file.team.alice, path);
    const b = await openNote(file.team.bruno, path);
    const dialogs: string[] = [];
    for (const page of [a.page, b.page]) {
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }

    // 1. Typed in the link form: refused with a message, then a real address is accepted.
    await typeAtEnd(a.page, "lien du marché");
    await a.page.keyboard.press("Shift+Home");
    await a.page.getByRole("button", { name: "Lien" }).click();
    const address = a.page.getByRole("textbox", { name: "Adresse du lien" });
    for (const hostile of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
    ]) {
      await address.fill(hostile);
      await address.press("Enter");
      await a.page.getByRole("alert").filter({ hasText: "Seules les adresses web" }).waitFor();
      await expectNoDangerousHref(a.page);
    }
    await address.fill("https://exemple.fr/marche");
    await address.press("Enter");
    const good = editorOf(a.page).locator('a[href="https://exemple.fr/marche"]');
    await good.waitFor();
    expect(await good.getAttribute("rel")).toBe(LINK_REL);
    expect(await good.getAttribute("target")).toBe("_blank");
    await editorOf(b.page).locator('a[href="https://exemple.fr/marche"]').waitFor();

    // 2. Typed as text: not autolinked.
    await typeAtEnd(a.page, "javascript:alert(document.cookie) ");

    // 3. Pasted HTML: hostile anchors lose their link, the safe one keeps it.
    await editorOf(a.page).click();
    await a.page.keyboard.press("Control+End");
    await a.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<p><a href="javascript:alert(1)">collé-1</a> <a href=" JaVaScRiPt:alert(2)">collé-2</a> ' +
          '<a href="java&#09;script:alert(3)">collé-3</a> <a href="data:text/html,x">collé-4</a> ' +
          '<a href="https://exemple.fr/colle">collé-sûr</a></p>',
      );
      data.setData("text/plain", "collé");
      document
        .querySelector('[role="textbox"][contenteditable="true"]')!
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => textOf(a.page)).toContain("collé-4");
    await editorOf(a.page).locator('a[href="https://exemple.fr/colle"]').waitFor();

    // 4. Written straight into the Y.Doc by another client, bypassing every editor check.
    const hostileMarks = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "\u0001javascript:alert(1)",
      "javascript&colon;alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
    ];
    const remote = await nodeClient(await sessionCookie(b), docName);
    appendParagraphs(
      remote.doc,
      hostileMarks.map((href, index) => ({
        text: `piège-${index}`,
        link: { href, target: "_self", rel: "opener", class: "skip-link" },
      })),
    );
    for (const page of [a.page, b.page]) {
      await expect.poll(() => textOf(page)).toContain(`piège-${hostileMarks.length - 1}`);
      await expectNoDangerousHref(page);
      const inert = editorOf(page).locator("a.link-inert");
      expect(await inert.count()).toBeGreaterThanOrEqual(hostileMarks.length);
      expect(await inert.evaluateAll((anchors) => anchors.filter((x) => x.hasAttribute("href")).length)).toBe(0);
      await inert.first().click();
    }
    remote.close();

    // Still inert after a reload (from the server and from IndexedDB).
    await a.page.reload();
    await statusOf(a.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(a.page)).toContain("piège-0");
    await expectNoDangerousHref(a.page);
    expect(dialogs).toEqual([]);
    expect(a.page.url()).toBe(`${file.server.url}${path}`);
  });
});
