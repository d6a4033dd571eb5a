import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { localStoreName } from "~/editor/collab-session.client";
import { createNote, createProject, createUser } from "../factories";
import { launchBrowser, newContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { localCopyWritten } from "../support/note-page";

/**
 * A note opened once can be opened again with no network (public/sw.js keeps the page,
 * y-indexeddb the text), edited, and the edits reach the server when the network returns.
 */
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

/** Logs in through the form on this device and lands on `path`. */
async function logInOn(
  device: { newPage: () => Promise<Page> },
  user: { email: string; password: string },
  path: string,
) {
  const page = await device.newPage();
  await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(path)}`);
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`**${path}`);
  return page;
}

test("reopen a note offline after a reload — on the first visit —, edit it, and sync when back online", async () => {
  const user = await createUser(server.db, { name: "Léa Terrain" });
  const project = await createProject(server.db, { members: [[user.id, "local_actor"]] });
  const note = await createNote(server.db, { projectId: project.id, authorId: user.id });
  const path = `/projects/${project.id}/notes/${note.id}`;

  const phone = await newContext(browser, { width: 375, height: 740 });
  // Chromium logs the failed network attempts while offline; those are the point of the test.
  const page = await logInOn(phone, user, path);
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();
  await page.getByRole("textbox", { name: "Texte de la note" }).click();
  await page.keyboard.type("Relevé au marché couvert");
  await expect
    .poll(() => server.db.note.findUnique({ where: { id: note.id }, select: { title: true } }), { timeout: 10_000 })
    .toEqual({ title: "Relevé au marché couvert" });
  // A reload aborts IndexedDB writes still in flight, as closing a tab would: the test waits
  // for the local copy to be written before reloading, as a person would not reload within
  // milliseconds of typing.
  await localCopyWritten(page, localStoreName(user.id, `note:${note.id}`));
  // The very first visit: the worker did not see the page load, the page asks it to keep itself.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 10_000 })
    .toBe(true);

  await phone.context.setOffline(true);
  await page.reload();
  const editor = page.getByRole("textbox", { name: "Texte de la note" });
  await editor.waitFor();
  await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain("Relevé au marché couvert");
  await page
    .getByRole("status")
    .filter({ hasText: /^hors ligne/ })
    .waitFor();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" — ajouté hors ligne");

  await phone.context.setOffline(false);
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor({ timeout: 40_000 });
  await expect
    .poll(() => server.db.note.findUnique({ where: { id: note.id }, select: { title: true } }), { timeout: 10_000 })
    .toEqual({ title: "Relevé au marché couvert — ajouté hors ligne" });
  // Offline, the network attempts fail, and so does Remix's lookup of the routes behind the
  // page's links (it falls back to full page loads): expected here, nothing else is.
  const offlineNoise = /ERR_INTERNET_DISCONNECTED|WebSocket|net::|Failed to fetch manifest patches/;
  expect(phone.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  await phone.context.close();
});

test("a note reached from the list (a client-side navigation) also reopens offline", async () => {
  const user = await createUser(server.db, { name: "Noé Terrain" });
  const project = await createProject(server.db, { members: [[user.id, "researcher"]] });
  const note = await createNote(server.db, { projectId: project.id, authorId: user.id });
  const list = `/projects/${project.id}/notes`;
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await logInOn(phone, user, list);
  await page.evaluate(() => navigator.serviceWorker.ready);

  await page.locator(`a[href$="/notes/${note.id}"]`).first().click();
  await page.waitForURL(`**/notes/${note.id}`);
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 10_000 })
    .toBe(true);

  await phone.context.setOffline(true);
  await page.reload();
  await page.getByRole("textbox", { name: "Texte de la note" }).waitFor();
  await page
    .getByRole("status")
    .filter({ hasText: /^hors ligne/ })
    .waitFor();
  const offlineNoise = /ERR_INTERNET_DISCONNECTED|WebSocket|net::|Failed to fetch manifest patches/;
  expect(phone.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  await phone.context.close();
});

test("offline, a note opened before opens from the list with its local copy; one never opened says so", async () => {
  const user = await createUser(server.db, { name: "Iris Terrain" });
  const project = await createProject(server.db, { members: [[user.id, "local_actor"]] });
  const kept = await createNote(server.db, { projectId: project.id, authorId: user.id, title: "Gardée" });
  const never = await createNote(server.db, { projectId: project.id, authorId: user.id, title: "Jamais ouverte" });
  const list = `/projects/${project.id}/notes`;
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await logInOn(phone, user, list);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Opened by a full page load (a link from a message, a bookmark, a reload), then typed in:
  // the page was kept, but not the data Remix asks for on a client-side navigation.
  await page.goto(`${server.url}${list}/${kept.id}`);
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();
  await page.getByRole("textbox", { name: "Texte de la note" }).click();
  await page.keyboard.type("Halle aux grains");
  await localCopyWritten(page, localStoreName(user.id, `note:${kept.id}`));
  // Back to the list by its link (a client-side navigation), then the network goes. Remix
  // learns the routes behind the list's links first (lazy route discovery), as a person who
  // reads the list before leaving the village lets it.
  const discovered = page.waitForResponse(
    (response) => /__manifest.*/.test(response.url()) && response.url().includes(never.id),
  );
  await page.getByRole("link", { name: "Toutes les notes" }).click();
  await page.waitForURL(`**${list}`);
  await discovered;
  await phone.context.setOffline(true);

  await page.locator(`a[href$="/notes/${kept.id}"]`).first().click();
  await page.waitForURL(`**/notes/${kept.id}`);
  const editor = page.getByRole("textbox", { name: "Texte de la note" });
  await editor.waitFor();
  await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain("Halle aux grains");
  await page
    .getByRole("status")
    .filter({ hasText: /^hors ligne/ })
    .waitFor();

  // Back to the list as this device last saw it, and a note never opened here: said so.
  await page.getByRole("link", { name: "Toutes les notes" }).click();
  await page.waitForURL(`**${list}`);
  await page.locator(`a[href$="/notes/${never.id}"]`).first().click();
  await page.getByRole("heading", { name: "Note non disponible hors ligne" }).waitFor();
  await expect.poll(() => page.getByText("pas encore été ouverte sur cet appareil").count()).toBe(1);
  // The browser's back button brings the list back too.
  await page.goBack();
  await page.locator(`a[href$="/notes/${kept.id}"]`).first().waitFor();
  const offlineNoise = /ERR_INTERNET_DISCONNECTED|WebSocket|net::|Failed to fetch manifest patches/;
  expect(phone.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  await phone.context.close();
});

test("a finding opened once reopens offline, its statement from the local copy", async () => {
  const user = await createUser(server.db, { name: "Rémi Terrain" });
  const project = await createProject(server.db, { members: [[user.id, "researcher"]] });
  const finding = await server.db.finding.create({
    data: { projectId: project.id, authorId: user.id, title: "Le marché tient le village" },
    select: { id: true },
  });
  const path = `/projects/${project.id}/findings/${finding.id}`;
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await logInOn(phone, user, path);
  const editor = page.getByRole("textbox", { name: "Texte du constat" });
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Relevé sur trois samedis");
  await localCopyWritten(page, localStoreName(user.id, `finding:${finding.id}`));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 10_000 })
    .toBe(true);

  await phone.context.setOffline(true);
  await page.reload();
  await editor.waitFor();
  await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain("Relevé sur trois samedis");
  await page
    .getByRole("status")
    .filter({ hasText: /^hors ligne/ })
    .waitFor();
  const offlineNoise = /ERR_INTERNET_DISCONNECTED|WebSocket|net::|Failed to fetch manifest patches/;
  expect(phone.problems.filter((p) => !offlineNoise.test(p))).toEqual([]);
  await phone.context.close();
});
