import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import { editorOf, STATUS, statusOf, textOf } from "../support/note-page";

/**
 * The council's pages in a real Chromium on a 375 px phone: the landing's pending work, the
 * saisines list, a coordinator's new saisine, the avis co-written by two council reviewers on
 * two devices, adopted (then read-only for both), and transmitted.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
const AVIS_EDITOR = "Texte de l’avis";
let projectId: string;
let people: Record<"coordinator" | "first" | "second", Awaited<ReturnType<typeof createUser>>>;

beforeAll(async () => {
  const db = session.server().db;
  const [coordinator, first, second] = await Promise.all([
    createUser(db, { name: "Claire Coordinatrice" }),
    createUser(db, { name: "Bernard Conseil" }),
    createUser(db, { name: "Nadia Conseil" }),
  ]);
  people = { coordinator, first, second };
  projectId = (
    await createProject(db, {
      members: [
        [coordinator.id, "coordinator"],
        [first.id, "council_reviewer"],
        [second.id, "council_reviewer"],
      ],
    })
  ).id;
  const finding = await db.finding.create({
    data: {
      projectId,
      title: "Le marché attire la vallée",
      state: "submitted",
      firstSubmittedAt: new Date(),
      version: 1,
    },
  });
  void finding;
});

describe("the council in the browser", () => {
  test("a saisine is opened, its avis co-written by two reviewers, adopted and transmitted", async () => {
    const base = `/projects/${projectId}/council`;
    const { page: coordinator } = await session.logIn(people.coordinator, base, PHONE);
    await coordinator.getByRole("heading", { name: "Conseil de développement", level: 2 }).waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);
    await coordinator.getByRole("link", { name: "Nouvelle saisine" }).click();
    await coordinator.getByLabel("Question posée au conseil").fill("Faut-il garder le marché le samedi ?");
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await coordinator.getByLabel("Date de remise de l’avis").fill(due);
    await coordinator.getByLabel(/Le marché attire la vallée/).check();
    expect(await axeViolations(coordinator)).toEqual([]);
    await coordinator.getByRole("button", { name: "Ouvrir la saisine" }).click();
    await coordinator.waitForURL((url) => /\/council\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const saisinePath = new URL(coordinator.url()).pathname;

    // The council reviewer lands on their pending work, the saisine first.
    const { page: first } = await session.logIn(people.first, "/projects", PHONE);
    await first.getByRole("heading", { name: "À traiter" }).waitFor();
    expect(await axeViolations(first)).toEqual([]);
    await first.getByRole("link", { name: "Faut-il garder le marché le samedi ?" }).click();
    await first.waitForURL(`**${saisinePath}`);
    await statusOf(first, STATUS.synced).waitFor();
    expect(await axeViolations(first)).toEqual([]);
    const { page: second } = await session.logIn(people.second, saisinePath, PHONE);
    await statusOf(second, STATUS.synced).waitFor();

    await editorOf(first, AVIS_EDITOR).click();
    await first.keyboard.type("Le conseil recommande le samedi. ");
    await expect
      .poll(() => textOf(second, AVIS_EDITOR), { timeout: 10_000 })
      .toContain("Le conseil recommande le samedi.");
    await editorOf(second, AVIS_EDITOR).click();
    await second.keyboard.press("End");
    await second.keyboard.type("Avec une navette.");
    await expect.poll(() => textOf(first, AVIS_EDITOR), { timeout: 10_000 }).toContain("Avec une navette.");

    // Adopted with votes: frozen, shown as adopted to both.
    await first.getByLabel("Voix pour").fill("11");
    await first.getByLabel("Abstentions").fill("1");
    await first.getByRole("button", { name: "Adopter l’avis" }).click();
    await first.getByText("Cet avis est adopté : son texte ne change plus.").waitFor();
    await first.getByText("11 pour, 0 contre, 1 abstentions").waitFor();
    expect(await axeViolations(first)).toEqual([]);
    await second.reload();
    await second.getByText("Cet avis est adopté").waitFor();
    expect(await second.getByText(/Le conseil recommande le samedi\.\s*Avec une navette\./).count()).toBeGreaterThan(0);
    expect(await second.getByRole("textbox", { name: AVIS_EDITOR }).count()).toBe(0);

    await coordinator.reload();
    await coordinator.getByRole("button", { name: "Marquer comme transmis" }).click();
    await coordinator.getByText(/^Transmis le/).waitFor();
    await coordinator.goto(`${session.server().url}${saisinePath}/print`);
    await coordinator.getByRole("heading", { name: "Avis sans titre" }).waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);
  });
});
