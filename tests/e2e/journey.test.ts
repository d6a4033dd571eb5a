import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, newContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

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

async function signUp(page: Page, name: string, submit = "Créer mon compte") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  await page.getByLabel("Nom").fill(name);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill("une phrase de passe pour le test");
  await page.getByRole("button", { name: submit }).click();
  return email;
}

test("sign up, create a project on a commune, invite a member who joins; an outsider gets 404", async () => {
  // 1. The coordinator signs up and creates a project, picking the commune with the keyboard.
  const coordinator = await newContext(browser);
  const page = await coordinator.newPage();
  await page.goto(`${server.url}/signup`);
  await signUp(page, "Camille Test");
  await page.waitForURL("**/projects");
  await page.getByRole("link", { name: "Nouveau projet" }).click();
  await page.getByLabel("Titre du projet").fill("Épicerie coopérative de Die");
  await page
    .getByLabel("Question de recherche")
    .fill("Une épicerie coopérative en ligne peut-elle servir les hameaux ?");
  const territory = page.getByRole("combobox", { name: "Territoire" });
  await territory.fill("26150");
  const option = page.getByRole("option", { name: /^Die\b.*INSEE 26113/ });
  await option.waitFor();
  const options = await page.getByRole("option").allTextContents();
  await territory.press("ArrowDown");
  for (let i = 0; i < options.findIndex((text) => text.startsWith("Die") && text.includes("26113")); i++) {
    await territory.press("ArrowDown");
  }
  await territory.press("Enter");
  await expect.poll(() => page.getByText(/Territoire choisi : Die/).count()).toBe(1);
  await page.getByLabel("Commerce de proximité").check();
  await page.getByLabel("Partagé avec la coalition").check();
  await page.getByRole("button", { name: "Créer le projet" }).click();
  await page.waitForURL(/\/projects\/(?!new$)[^/]+$/);
  const projectUrl = page.url();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Épicerie coopérative de Die");
  await page.getByText("Drôme (26)").waitFor();
  await page.getByText("Votre rôle : Coordination").waitFor();

  // 2. The coordinator creates an invitation link for a researcher.
  await page.getByRole("navigation", { name: "Sections du projet" }).getByRole("link", { name: "Membres" }).click();
  await page.getByLabel("Rôle proposé").selectOption("researcher");
  await page.getByRole("button", { name: "Créer un lien d'invitation" }).click();
  const linkField = page.getByLabel("Lien d'invitation");
  await linkField.waitFor();
  const inviteUrl = await linkField.inputValue();
  expect(inviteUrl).toMatch(/\/invitations\/[\w-]{40,}$/);

  // 3. The invitee opens the link in another browser, signs up and joins.
  const invitee = await newContext(browser);
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(inviteUrl);
  await inviteePage.getByText(/en tant que Chercheuse ou chercheur/).waitFor();
  await inviteePage.getByRole("link", { name: "Créer un compte et rejoindre" }).click();
  await signUp(inviteePage, "Rachid Test", "Créer un compte et rejoindre");
  // Signing up from the link joins the project in the same step.
  await inviteePage.waitForURL(projectUrl);
  await inviteePage.getByText("Votre rôle : Chercheuse ou chercheur").waitFor();
  await inviteePage.getByRole("link", { name: "Mes projets" }).click();
  await inviteePage.getByRole("link", { name: "Épicerie coopérative de Die" }).waitFor();

  // The coordinator sees the new member after a reload.
  await page.reload();
  const newcomerRole = page.getByRole("combobox", { name: "Rôle de Rachid Test" });
  await newcomerRole.waitFor();
  expect(await newcomerRole.inputValue()).toBe("researcher");

  // 4. Someone else, not invited, gets a 404.
  const outsider = await newContext(browser);
  const outsiderPage = await outsider.newPage();
  await outsiderPage.goto(`${server.url}/signup`);
  await signUp(outsiderPage, "Personne Extérieure");
  await outsiderPage.waitForURL("**/projects");
  const response = await outsiderPage.goto(projectUrl);
  expect(response?.status()).toBe(404);
  await outsiderPage.getByRole("heading", { name: "Page introuvable" }).waitFor();
  expect(await outsiderPage.getByText("Épicerie coopérative de Die").count()).toBe(0);
  // The used link does not let the outsider in either.
  const reused = await outsiderPage.goto(inviteUrl);
  expect(reused?.status()).toBe(410);

  for (const ctx of [coordinator, invitee, outsider]) {
    expect(ctx.problems).toEqual([]);
    await ctx.context.close();
  }
});

test("the language can be switched to English and is remembered; pages fit a 375 px phone", async () => {
  const phone = await newContext(browser, { width: 375, height: 740 });
  const page = await phone.newPage();
  await page.goto(`${server.url}/signup`);
  expect(await page.getAttribute("html", "lang")).toBe("fr");
  await page.getByRole("button", { name: "EN" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign up");
  await page.getByLabel("Name").fill("Phone User");
  await page.getByLabel("Email address").fill(`phone-${crypto.randomUUID().slice(0, 8)}@example.org`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.getByText("The password must be at least 8 characters.").waitFor();
  // The error is tied to its field for screen readers.
  expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
  expect(await page.getByLabel("Password").getAttribute("aria-describedby")).toContain("password-error");

  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL("**/projects");
  await page.reload();
  expect(await page.getAttribute("html", "lang")).toBe("en");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My projects");

  for (const path of ["/projects", "/projects/new", "/account"]) {
    await page.goto(`${server.url}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  // Keyboard users reach the content first through the skip link.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});
