import { describe, expect, test } from "vitest";
import { localStoreName } from "~/editor/collab-session.client";
import { createUser } from "../factories";
import {
  editorOf,
  localCopyWritten,
  noteTestFile,
  sleep,
  STATUS,
  statusOf,
  textOf,
  typeAtEnd,
} from "../support/note-page";

/**
 * The note page when the connection or the person's rights change, in a real Chromium against
 * the real server: offline edits, rights changed or removed (online and offline), forms sent
 * without network, a change too big for the server.
 */
const file = noteTestFile();
const { openNote } = file;

describe("a note when the connection or the rights change", () => {
  test("a role change stops editing until reload; a removed member is told and no longer retried", async () => {
    const { path } = await file.team.newNote();
    const denise = await createUser(file.server.db, { name: "Denise Passagère" });
    await file.server.db.membership.create({
      data: { projectId: file.team.projectId, userId: denise.id, role: "researcher" },
    });
    const d = await openNote(denise, path);
    await expect.poll(() => editorOf(d.page).getAttribute("contenteditable")).toBe("true");
    const sockets: string[] = [];
    d.page.on("websocket", (socket) => sockets.push(socket.url()));

    // Now an observer: the server reconnects her read-only (4409); the page still thinks she writes.
    await file.server.db.membership.update({
      where: { projectId_userId: { projectId: file.team.projectId, userId: denise.id } },
      data: { role: "observer" },
    });
    await d.page.getByRole("alert").filter({ hasText: "Votre rôle dans ce projet a changé" }).waitFor();
    expect(await editorOf(d.page).getAttribute("contenteditable")).toBe("false");
    expect(await d.page.getByRole("toolbar").count()).toBe(0);

    // Back on a read-only socket, she is removed from the project: 4403, a message, no more attempts.
    // (Had her socket been down at that moment, the upgrade would be refused with HTTP 404, which
    // a browser cannot tell from a network failure: she would go on retrying, backed off to 30 s.)
    await statusOf(d.page, STATUS.synced).waitFor();
    await file.server.db.membership.delete({
      where: { projectId_userId: { projectId: file.team.projectId, userId: denise.id } },
    });
    await d.page.getByRole("alert").filter({ hasText: "Votre accès à cette note a été retiré" }).waitFor();
    await statusOf(d.page, STATUS.offline).waitFor();
    const attempts = sockets.length;
    await sleep(3000);
    expect(sockets.length).toBe(attempts);
  });

  test("offline edits stay on the device, then merge both ways when the network returns", async () => {
    const { path } = await file.team.newNote();
    // A codebook tag with no place to break a line: it must wrap rather than widen the page.
    await file.server.db.tag.create({
      data: { projectId: file.team.projectId, label: `circuitcourt${"x".repeat(36)}` },
    });
    const a = await openNote(file.team.alice, path, { width: 375 });
    const b = await openNote(file.team.bruno, path);
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
    await reopened.goto(`${file.server.url}${path}`);
    await statusOf(reopened, STATUS.synced).waitFor();
    await expect.poll(() => textOf(b.page)).toContain("Noté puis onglet fermé.");

    // Nothing in the editor or the note's information makes a 375 px phone scroll sideways.
    const overflow = await reopened.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("removed from the project while offline: told when the network returns, and no more retries", async () => {
    const { path, docName } = await file.team.newNote();
    // Someone of their own: the other tests keep their members.
    const leaving = await createUser(file.server.db, { name: "Élise Partie" });
    await file.server.db.membership.create({
      data: { projectId: file.team.projectId, userId: leaving.id, role: "local_actor" },
    });
    const a = await openNote(leaving, path);
    // Remix fetches the routes of the page's links just after load; let it finish first.
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    await statusOf(a.page, STATUS.offline).waitFor();
    await file.server.db.membership.deleteMany({ where: { projectId: file.team.projectId, userId: leaving.id } });
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
    const { path } = await file.team.newNote();
    const odile = await createUser(file.server.db, { name: "Odile Horsligne" });
    await file.server.db.membership.create({
      data: { projectId: file.team.projectId, userId: odile.id, role: "local_actor" },
    });
    const o = await openNote(odile, path);
    await o.page.waitForLoadState("networkidle");
    await o.context.setOffline(true);
    await statusOf(o.page, STATUS.offline).waitFor();
    await typeAtEnd(o.page, "Écrit hors ligne.");
    await file.server.db.membership.update({
      where: { projectId_userId: { projectId: file.team.projectId, userId: odile.id } },
      data: { role: "observer" },
    });
    await o.context.setOffline(false);
    // The new socket is read-only and drops what she typed: the page must say so, not just "synchronisé".
    await o.page.getByRole("alert").filter({ hasText: "Votre rôle dans ce projet a changé" }).waitFor();
    await expect.poll(() => editorOf(o.page).getAttribute("contenteditable")).toBe("false");
  });

  test("offline, saving the information or creating a note keeps the page and says nothing was sent", async () => {
    const { path } = await file.team.newNote();
    const a = await openNote(file.team.alice, path, { width: 375 });
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
    const saved = await file.server.db.note.findFirstOrThrow({ where: { id: path.split("/").at(-1)! } });
    expect(saved.place).toBe("Halle de Die, côté fontaine");

    // The new-note form, sent offline: told, and the form stays with its title.
    const list = path.replace(/\/[^/]+$/, "");
    await a.page.goto(`${file.server.url}${list}/new`);
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    await a.page.getByLabel("Titre de la note (facultatif)").fill("Fontaine du marché");
    await a.page.getByRole("button", { name: "Créer la note" }).click();
    await a.page.getByRole("alert").filter({ hasText: "la note n'a pas été créée" }).waitFor();
    expect(await a.page.getByLabel("Titre de la note (facultatif)").inputValue()).toBe("Fontaine du marché");
    await a.context.setOffline(false);
    await a.page.goto(`${file.server.url}${list}`);
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    // A page whose data cannot be fetched offline: say it is the network, not a failure here.
    await a.page.getByLabel("Rechercher dans les notes").fill("fontaine");
    await a.page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await a.page.getByRole("heading", { name: "Pas de connexion" }).waitFor();
    await a.context.setOffline(false);
    // Chromium logs each failed request as a console error: expected here. The page is closed
    // first, so that none of those messages can arrive after they were set aside.
    await a.page.close();
    a.problems.splice(
      0,
      a.problems.length,
      ...a.problems.filter(
        (problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem),
      ),
    );
  });

  test("a paste too big for the server: told once, no reconnect loop; deleted and reloaded, the note syncs again", async () => {
    const { path, docName } = await file.team.newNote();
    const a = await openNote(file.team.alice, path);
    const b = await openNote(file.team.bruno, path);
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
    // A reload aborts IndexedDB writes still in flight: let this device's copy be written first.
    await localCopyWritten(a.page, localStoreName(file.team.alice.id, docName));
    await a.page.reload();
    await statusOf(a.page, STATUS.synced).waitFor();
    await expect.poll(() => textOf(b.page)).toContain("Texte raisonnable.");
    expect(await textOf(b.page)).not.toContain("Relevé très long.");
    await expect(a.page.getByText("Une modification est trop volumineuse pour le serveur").count()).resolves.toBe(0);
  });
});
