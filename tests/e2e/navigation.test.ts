import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject, createUser, TEST_PASSWORD } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import type { TestServer } from "../support/server";

/**
 * Finding one's way on a phone (issue 13, point 10): the project's sections at 375 px, and the
 * header's "Créer un compte" / "Se connecter" from an invitation, which must not lose it.
 */
const session = browserForFile();
let server: TestServer;
type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let projectId: string;

beforeAll(async () => {
  server = session.server();
  coordinator = await createUser(server.db, { name: "Camille Coordination" });
  projectId = (await createProject(server.db, { members: [[coordinator.id, "coordinator"]] })).id;
});

/** An invitation link as the members page makes one (only the token's hash is stored). */
async function invitationToken(role: "researcher" | "local_actor" = "researcher") {
  const token = crypto.randomBytes(32).toString("base64url");
  await server.db.invitation.create({
    data: {
      tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
      projectId,
      role,
      createdById: coordinator.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    },
  });
  return token;
}

const headerLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name, exact: true });

describe("the project's sections on a phone", () => {
  test("at 375 px every tab is whole and on screen, the current one marked, each reachable by keyboard with a visible focus", async () => {
    const { page } = await session.logIn(coordinator, `/projects/${projectId}/timeline`, { width: 375 });
    const nav = page.getByRole("navigation", { name: "Sections du projet" });
    const tabs = nav.getByRole("link");
    // allTextContents does not wait: the page may still be arriving on a busy machine.
    await tabs.first().waitFor();
    const names = await tabs.allTextContents();
    // The coordinator sees every section, settings included: the longest strip there is.
    expect(names).toEqual([
      "Accueil",
      "Notes de terrain",
      "Enquêtes",
      "Chronologie",
      "Codes",
      "Constats",
      "Conseil",
      "Membres",
      "Paramètres",
    ]);
    expect(await nav.getByRole("link", { name: "Chronologie" }).getAttribute("aria-current")).toBe("page");

    // Nothing is cut: no tab runs past the screen or hides in a strip that scrolls.
    const clipped = await nav.evaluate((element) => {
      const list = element.querySelector("ul")!;
      return {
        listOverflow: list.scrollWidth - list.clientWidth,
        outside: [...element.querySelectorAll("a")]
          .filter((a) => {
            const box = a.getBoundingClientRect();
            return box.left < 0 || box.right > window.innerWidth || a.scrollWidth > a.clientWidth;
          })
          .map((a) => a.textContent),
      };
    });
    expect(clipped).toEqual({ listOverflow: 0, outside: [] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // Every tab is a finger-sized target, and the keyboard reaches each one with a visible focus.
    for (const name of names) {
      const tab = nav.getByRole("link", { name, exact: true });
      expect((await tab.boundingBox())!.height, name).toBeGreaterThanOrEqual(44);
    }
    await nav.getByRole("link", { name: "Accueil" }).focus();
    for (const name of names.slice(1)) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return {
          text: element.textContent,
          inView: box.left >= 0 && box.right <= window.innerWidth,
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        };
      });
      expect(focused, name).toEqual({ text: name, inView: true, outline: true });
    }
  });
});

describe("the header's account links keep the invitation", () => {
  test("'Créer un compte' from an invitation page, then signing up, lands back on the invitation", async () => {
    const token = await invitationToken();
    const { newPage } = await session.open({ width: 375 });
    const page = await newPage();
    await page.goto(`${server.url}/invitations/${token}`);
    await page.getByRole("link", { name: "Créer un compte et rejoindre" }).waitFor();

    await headerLink(page, "Créer un compte").click();
    await page.getByRole("heading", { name: "Créer un compte" }).waitFor();
    const email = `invitee-${crypto.randomUUID()}@example.org`;
    await page.getByLabel("Nom", { exact: true }).fill("Nadia Invitée");
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    // Back on the invitation, signed in: joining is one click, with the project and role in view.
    await page.waitForURL(`**/invitations/${token}`);
    await page.getByRole("button", { name: "Rejoindre le projet" }).click();
    await page.waitForURL(`**/projects/${projectId}`);
    const user = await server.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const membership = await server.db.membership.findFirst({ where: { projectId, userId: user.id } });
    expect(membership?.role).toBe("researcher");
  });

  test("'Se connecter' from an invitation page brings an existing account back to it", async () => {
    const token = await invitationToken("local_actor");
    const invitee = await createUser(server.db, { name: "Olivier Invité" });
    const { newPage } = await session.open();
    const page = await newPage();
    await page.goto(`${server.url}/invitations/${token}`);
    await headerLink(page, "Se connecter").click();
    await page.getByRole("heading", { name: "Connexion" }).waitFor();
    await page.getByLabel("Adresse électronique").fill(invitee.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(invitee.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`**/invitations/${token}`);
    await page.getByRole("button", { name: "Rejoindre le projet" }).waitFor();

    // Elsewhere, an address from outside the site is never followed.
    await page.context().clearCookies();
    await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent("//evil.example/x")}`);
    await page.getByLabel("Adresse électronique").fill(invitee.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(invitee.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.url}/projects`);
  });
});

describe("the notes pages added for the trash and the new-note form", () => {
  test("at 375 px the new-note form and the trash fit the screen and axe finds nothing", async () => {
    const note = await createNote(server.db, { projectId, authorId: coordinator.id, title: "Marché du samedi" });
    await server.db.note.update({
      where: { id: note.id },
      data: { deletedAt: new Date(), deletedById: coordinator.id },
    });
    const { page } = await session.logIn(coordinator, `/projects/${projectId}/notes/new`, { width: 375 });
    for (const path of ["notes/new", "notes/trash"]) {
      await page.goto(`${server.url}/projects/${projectId}/${path}`);
      await page.getByRole("main").waitFor();
      if (path === "notes/new") await page.getByRole("textbox").first().waitFor();
      else await page.getByText("Marché du samedi").waitFor();
      expect(await axeViolations(page), path).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
    }
  });
});
