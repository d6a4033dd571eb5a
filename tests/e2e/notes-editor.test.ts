import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sendOwnAwarenessOnly } from "~/editor/awareness.client";
import { createNote, createProject, createUser } from "../factories";
import type { TestContext } from "../support/browser";
import { browserForFile } from "../support/browser-session";
import type { TestServer } from "../support/server";

/**
 * The collaborative note editor in a real Chromium against the real server (HTTP and the
 * /collab websocket on one port): convergence, readers, outsiders, offline edits, links.
 */
const session = browserForFile();
let server: TestServer;
type Person = Awaited<ReturnType<typeof createUser>>;
let alice: Person; // researcher
let bruno: Person; // local actor
let chloe: Person; // council reviewer
let oscar: Person; // not a member
let projectId: string;

const STATUS = {
  synced: "synchronisé",
  offline: "hors ligne — modifications gardées sur cet appareil",
};
const EDITOR_NAME = "Texte de la note";
const LINK_REL = "noopener noreferrer nofollow";

beforeAll(async () => {
  server = session.server();
  [alice, bruno, chloe, oscar] = await Promise.all([
    createUser(server.db, { name: "Alice Chercheuse" }),
    createUser(server.db, { name: "Bruno Acteur" }),
    createUser(server.db, { name: "Chloé Conseil" }),
    createUser(server.db, { name: "Oscar Extérieur" }),
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

async function newNote(): Promise<{ path: string; docName: string }> {
  const note = await createNote(server.db, { projectId, authorId: alice.id });
  return { path: `/projects/${projectId}/notes/${note.id}`, docName: `note:${note.id}` };
}

async function logIn(person: Person, path: string, options: { width?: number } = {}) {
  return session.logIn(person, path, options);
}

const editorOf = (page: Page): Locator => page.getByRole("textbox", { name: EDITOR_NAME });
const statusOf = (page: Page, text: string): Locator =>
  page.getByRole("status").filter({ hasText: new RegExp(`^${text}$`) });

async function openNote(person: Person, path: string, options: { width?: number } = {}) {
  const session = await logIn(person, path, options);
  await statusOf(session.page, STATUS.synced).waitFor();
  return session;
}

async function typeAtEnd(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

/** The note's text as a person reads it: without the other people's caret labels. */
const textOf = (page: Page) =>
  editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

/** The session cookie of a browser context, for a Node y-websocket client acting as that person. */
async function sessionCookie(context: TestContext): Promise<string> {
  const cookies = await context.context.cookies(server.url);
  const session = cookies.find((cookie) => cookie.name === "maillage_session");
  expect(session).toBeDefined();
  return `${session!.name}=${session!.value}`;
}

/** A y-websocket 3.1.0 client in Node, sending the person's cookie and this site's Origin. */
async function nodeClient(cookie: string, docName: string) {
  const origin = server.url;
  class SessionSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, "ws")}/collab`, docName, doc, {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("collaborative field notes in the browser", () => {
  test("two members type in the same note and both see both texts; presence lists them", async () => {
    const { path } = await newNote();
    const a = await openNote(alice, path);
    const b = await openNote(bruno, path);

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
    await a.page.keyboard.press("End");
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
    await a.page.waitForURL(`**/projects/${projectId}/notes`);
    await expect
      .poll(() => b.page.getByRole("list", { name: "Dans cette note :" }).getByText("Alice Chercheuse").count())
      .toBe(0);
  });

  test("a council reviewer sees changes live but cannot type; nothing they send is kept", async () => {
    const { path, docName } = await newNote();
    const a = await openNote(alice, path);
    const reviewer = await openNote(chloe, path);

    const editor = editorOf(reviewer.page);
    expect(await editor.getAttribute("aria-readonly")).toBe("true");
    expect(await editor.getAttribute("contenteditable")).toBe("false");
    await reviewer.page.getByText("Lecture seule", { exact: false }).first().waitFor();
    expect(await reviewer.page.getByRole("toolbar").count()).toBe(0);

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
    const { path, docName } = await newNote();
    const outsider = await logIn(oscar, "/projects");
    const response = await outsider.page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(404);
    expect(await editorOf(outsider.page).count()).toBe(0);

    const cookie = await sessionCookie(outsider);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${docName}`, {
        headers: { cookie, origin: server.url },
      });
      socket.on("unexpected-response", (_request, res) => resolve(res.statusCode ?? 0));
      socket.on("open", () => resolve(101));
      socket.on("error", () => undefined);
    });
    expect([403, 404]).toContain(status);
  });

  test("a role change stops editing until reload; a removed member is told and no longer retried", async () => {
    const { path } = await newNote();
    const denise = await createUser(server.db, { name: "Denise Passagère" });
    await server.db.membership.create({ data: { projectId, userId: denise.id, role: "researcher" } });
    const d = await openNote(denise, path);
    await expect.poll(() => editorOf(d.page).getAttribute("contenteditable")).toBe("true");
    const sockets: string[] = [];
    d.page.on("websocket", (socket) => sockets.push(socket.url()));

    // Now an observer: the server reconnects her read-only (4409); the page still thinks she writes.
    await server.db.membership.update({
      where: { projectId_userId: { projectId, userId: denise.id } },
      data: { role: "observer" },
    });
    await d.page.getByRole("alert").filter({ hasText: "Votre rôle dans ce projet a changé" }).waitFor();
    expect(await editorOf(d.page).getAttribute("contenteditable")).toBe("false");
    expect(await d.page.getByRole("toolbar").count()).toBe(0);

    // Back on a read-only socket, she is removed from the project: 4403, a message, no more attempts.
    // (Had her socket been down at that moment, the upgrade would be refused with HTTP 403, which
    // a browser cannot tell from a network failure: she would go on retrying, backed off to 30 s.)
    await statusOf(d.page, STATUS.synced).waitFor();
    await server.db.membership.delete({ where: { projectId_userId: { projectId, userId: denise.id } } });
    await d.page.getByRole("alert").filter({ hasText: "Votre accès à cette note a été retiré" }).waitFor();
    await statusOf(d.page, STATUS.offline).waitFor();
    const attempts = sockets.length;
    await sleep(3000);
    expect(sockets.length).toBe(attempts);
  });

  test("offline edits stay on the device, then merge both ways when the network returns", async () => {
    const { path } = await newNote();
    // A codebook tag with no place to break a line: it must wrap rather than widen the page.
    await server.db.tag.create({ data: { projectId, label: `circuitcourt${"x".repeat(36)}` } });
    const a = await openNote(alice, path, { width: 375 });
    const b = await openNote(bruno, path);
    await typeAtEnd(a.page, "Avant la coupure.");
    await expect.poll(() => textOf(b.page)).toContain("Avant la coupure.");

    await a.context.setOffline(true);
    await statusOf(a.page, STATUS.offline).waitFor();
    await typeAtEnd(a.page, "Écrit dans la vallée sans réseau.");
    await typeAtEnd(b.page, "Pendant ce temps, au bureau.");
    await sleep(1500);
    expect(await textOf(b.page)).not.toContain("Écrit dans la vallée sans réseau.");
    expect(await textOf(a.page)).not.toContain("Pendant ce temps, au bureau.");

    await a.context.setOffline(false);
    await statusOf(a.page, STATUS.synced).waitFor();
    for (const page of [a.page, b.page]) {
      await expect.poll(() => textOf(page)).toContain("Écrit dans la vallée sans réseau.");
      await expect.poll(() => textOf(page)).toContain("Pendant ce temps, au bureau.");
    }
    await expect.poll(async () => (await textOf(a.page)) === (await textOf(b.page))).toBe(true);

    // Typed offline, tab closed before the network came back: IndexedDB kept it for next time.
    await a.context.setOffline(true);
    await statusOf(a.page, STATUS.offline).waitFor();
    await typeAtEnd(a.page, "Noté puis onglet fermé.");
    await sleep(500);
    await a.page.close();
    await a.context.setOffline(false);
    const reopened = await a.context.newPage();
    await reopened.goto(`${server.url}${path}`);
    await statusOf(reopened, STATUS.synced).waitFor();
    await expect.poll(() => textOf(b.page)).toContain("Noté puis onglet fermé.");

    // Nothing in the editor or the note's information makes a 375 px phone scroll sideways.
    const overflow = await reopened.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("removed from the project while offline: told when the network returns, and no more retries", async () => {
    const { path, docName } = await newNote();
    // Someone of their own: the other tests keep their members.
    const leaving = await createUser(server.db, { name: "Élise Partie" });
    await server.db.membership.create({ data: { projectId, userId: leaving.id, role: "local_actor" } });
    const a = await openNote(leaving, path);
    // Remix fetches the routes of the page's links just after load; let it finish first.
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    await statusOf(a.page, STATUS.offline).waitFor();
    await server.db.membership.deleteMany({ where: { projectId, userId: leaving.id } });
    const upgrades: string[] = [];
    a.page.on("websocket", (socket) => upgrades.push(socket.url()));
    await a.context.setOffline(false);
    // The refused upgrade looks like a network failure to the page; the editor asks the same
    // address over HTTP, hears 403, and stops.
    await a.page.getByRole("alert").filter({ hasText: "Votre accès à cette note a été retiré" }).waitFor();
    const tried = upgrades.length;
    expect(tried).toBeGreaterThan(0);
    await sleep(2500);
    expect(upgrades.length).toBe(tried);
    expect(upgrades.every((url) => url.endsWith(`/collab/${docName}`))).toBe(true);
    // Chromium logs each refused handshake as a console error: expected here, and only here.
    const refused = (problem: string) => /WebSocket connection to .* failed/.test(problem);
    expect(a.problems.filter(refused).length).toBe(tried);
    a.problems.splice(0, a.problems.length, ...a.problems.filter((problem) => !refused(problem)));
  });

  test("made an observer while offline: told when the network returns, and editing stops", async () => {
    const { path } = await newNote();
    const odile = await createUser(server.db, { name: "Odile Horsligne" });
    await server.db.membership.create({ data: { projectId, userId: odile.id, role: "local_actor" } });
    const o = await openNote(odile, path);
    await o.page.waitForLoadState("networkidle");
    await o.context.setOffline(true);
    await statusOf(o.page, STATUS.offline).waitFor();
    await typeAtEnd(o.page, "Écrit hors ligne.");
    await server.db.membership.update({
      where: { projectId_userId: { projectId, userId: odile.id } },
      data: { role: "observer" },
    });
    await o.context.setOffline(false);
    // The new socket is read-only and drops what she typed: the page must say so, not just "synchronisé".
    await o.page.getByRole("alert").filter({ hasText: "Votre rôle dans ce projet a changé" }).waitFor();
    await expect.poll(() => editorOf(o.page).getAttribute("contenteditable")).toBe("false");
  });

  test("offline, saving the information or creating a note keeps the page and says nothing was sent", async () => {
    const { path } = await newNote();
    const a = await openNote(alice, path, { width: 375 });
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    await statusOf(a.page, STATUS.offline).waitFor();
    await a.page.getByLabel("Lieu", { exact: true }).fill("Halle de Die, côté fontaine");
    await a.page.getByRole("button", { name: "Enregistrer les informations" }).click();
    await a.page.getByRole("alert").filter({ hasText: "Pas de connexion : rien n'a été enregistré" }).waitFor();
    // The form and the editor are still there, with what was typed.
    expect(await a.page.getByLabel("Lieu", { exact: true }).inputValue()).toBe("Halle de Die, côté fontaine");
    await editorOf(a.page).waitFor();

    // Back online, the same button saves it.
    await a.context.setOffline(false);
    await a.page.getByRole("button", { name: "Enregistrer les informations" }).click();
    await a.page.getByText("Informations enregistrées.").waitFor();
    const saved = await server.db.note.findFirstOrThrow({ where: { id: path.split("/").at(-1)! } });
    expect(saved.place).toBe("Halle de Die, côté fontaine");

    // "Nouvelle note" from the list, offline: told, and the list stays.
    await a.page.goto(`${server.url}${path.replace(/\/[^/]+$/, "")}`);
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    await a.page.getByRole("button", { name: "Nouvelle note" }).click();
    await a.page.getByRole("alert").filter({ hasText: "la note n'a pas été créée" }).waitFor();
    await a.page.getByRole("heading", { name: "Notes de terrain" }).waitFor();
    // A page whose data cannot be fetched offline: say it is the network, not a failure here.
    await a.page.getByLabel("Rechercher dans les notes").fill("fontaine");
    await a.page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await a.page.getByRole("heading", { name: "Pas de connexion" }).waitFor();
    await a.context.setOffline(false);
    // Chromium logs each failed request as a console error: expected here.
    a.problems.splice(
      0,
      a.problems.length,
      ...a.problems.filter(
        (problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem),
      ),
    );
  });

  test("a paste too big for the server: told once, no reconnect loop; deleted and reloaded, the note syncs again", async () => {
    const { path } = await newNote();
    const a = await openNote(alice, path);
    const b = await openNote(bruno, path);
    const sockets: string[] = [];
    a.page.on("websocket", (socket) => sockets.push(socket.url()));
    // 1.2 MB of text, over the server's 1 MiB message limit, pasted as a browser would.
    await editorOf(a.page).click();
    await editorOf(a.page).evaluate((element) => {
      const data = new DataTransfer();
      data.setData("text/plain", "Relevé très long. ".repeat(66_000));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await a.page.getByText("Une modification est trop volumineuse pour le serveur").waitFor();
    await statusOf(a.page, STATUS.offline).waitFor();
    await sleep(3000);
    expect(sockets).toEqual([]); // no new attempt: it would send the same change again
    expect(await textOf(b.page)).not.toContain("Relevé très long.");

    // As the notice says: delete the pasted text, then reload.
    await editorOf(a.page).click();
    await a.page.keyboard.press("Control+A");
    await a.page.keyboard.press("Backspace");
    await a.page.keyboard.type("Texte raisonnable.");
    await a.page.reload();
    await statusOf(a.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(b.page)).toContain("Texte raisonnable.");
    expect(await textOf(b.page)).not.toContain("Relevé très long.");
    await expect(a.page.getByText("Une modification est trop volumineuse pour le serveur").count()).resolves.toBe(0);
  });

  test("a javascript: link never becomes clickable, typed, pasted or received through Yjs", async () => {
    const { path, docName } = await newNote();
    const a = await openNote(alice, path);
    const b = await openNote(bruno, path);
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
    expect(a.page.url()).toBe(`${server.url}${path}`);
  });
});
