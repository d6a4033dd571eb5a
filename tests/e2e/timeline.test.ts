import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { writeEvent, type EventFields } from "~/models/timeline/timeline-document";
import { createProject, createUser } from "../factories";
import { browserForFile } from "../support/browser-session";
import { connect, synced } from "../support/collab-client";
import { HttpClient } from "../support/http-client";
import type { TestServer } from "../support/server";

/**
 * The co-edited timeline and the cycle page in a real Chromium against the real server:
 * two writers converge, a reader cannot edit, invalid input is refused without touching the
 * document, a phase move is recorded, and a phone's 375 px is enough.
 */
const session = browserForFile({ env: { COLLAB_PROJECTION_DELAY_MS: "50" } });
let server: TestServer;
type Person = Awaited<ReturnType<typeof createUser>>;
let alice: Person; // researcher
let bruno: Person; // local actor
let chloe: Person; // council reviewer
let dora: Person; // coordinator
let projectId: string;

beforeAll(async () => {
  server = session.server();
  [alice, bruno, chloe, dora] = await Promise.all([
    createUser(server.db, { name: "Alice Chercheuse" }),
    createUser(server.db, { name: "Bruno Acteur" }),
    createUser(server.db, { name: "Chloé Conseil" }),
    createUser(server.db, { name: "Dora Coordination" }),
  ]);
  const project = await createProject(server.db, {
    members: [
      [alice.id, "researcher"],
      [bruno.id, "local_actor"],
      [chloe.id, "council_reviewer"],
      [dora.id, "coordinator"],
    ],
  });
  projectId = project.id;
});

async function logIn(person: Person, path: string, options: { width?: number } = {}) {
  return (await session.logIn(person, path, options)).page;
}

const timelinePath = () => `/projects/${projectId}/timeline`;

async function openTimeline(person: Person, options: { width?: number } = {}) {
  const page = await logIn(person, timelinePath(), options);
  await page
    .getByRole("status")
    .filter({ hasText: /^synchronisé$/ })
    .waitFor();
  return page;
}

const eventItem = (page: Page, title: string): Locator => page.locator(".timeline__event").filter({ hasText: title });

async function fillEvent(page: Page, fields: { title?: string; start?: string; end?: string; type?: string }) {
  if (fields.title !== undefined) await page.getByLabel("Titre", { exact: true }).fill(fields.title);
  if (fields.type) await page.getByLabel("Type", { exact: true }).selectOption({ label: fields.type });
  if (fields.start !== undefined) await page.getByLabel("Date (ou premier jour)").fill(fields.start);
  if (fields.end !== undefined) await page.getByLabel("Dernier jour (facultatif)").fill(fields.end);
}

describe("the co-edited timeline", () => {
  test("two members add and edit events together and converge; a reader follows live without controls", async () => {
    const a = await openTimeline(alice);
    const b = await openTimeline(bruno);
    const c = await openTimeline(chloe);

    await a.getByRole("button", { name: "Ajouter un événement" }).click();
    await fillEvent(a, { title: "Atelier participatif au fablab", type: "Atelier participatif", start: "2099-05-10" });
    await a.getByLabel("C'est un jalon du projet").check();
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await eventItem(b, "Atelier participatif au fablab").waitFor();
    await expect.poll(() => eventItem(b, "Atelier participatif au fablab").textContent()).toContain("Jalon");

    // Bruno edits the title; Alice adds another event meanwhile; everyone converges.
    await b.getByRole("button", { name: "Modifier « Atelier participatif au fablab »" }).click();
    await b.getByLabel("Titre", { exact: true }).fill("Atelier numérique au fablab de Die");
    await a.getByRole("button", { name: "Ajouter un événement" }).click();
    await fillEvent(a, { title: "Entretien avec la mairie", type: "Entretien", start: "2001-02-03" });
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await b.getByRole("button", { name: "Enregistrer l'événement" }).click();

    const titles = (page: Page) => page.locator(".timeline__title").allTextContents();
    const expected = ["Atelier numérique au fablab de Die", "Entretien avec la mairie"];
    for (const page of [a, b, c]) await expect.poll(() => titles(page), { timeout: 10_000 }).toEqual(expected);
    // Upcoming first, then past.
    await expect
      .poll(() =>
        a.locator("#timeline-past + * .timeline__title, #timeline-past ~ * .timeline__title").allTextContents(),
      )
      .toEqual(["Entretien avec la mairie"]);

    // The reader: told it is read only, no way to edit.
    await c.getByText("Lecture seule : votre rôle vous permet de suivre la chronologie en direct").waitFor();
    expect(await c.getByRole("button", { name: "Ajouter un événement" }).count()).toBe(0);
    expect(await c.getByRole("button", { name: /^Modifier/ }).count()).toBe(0);

    // The projection follows: the stored rows are what print views and calendars read.
    await expect
      .poll(async () => (await server.db.timelineEvent.findMany({ where: { projectId } })).map((r) => r.title).sort())
      .toEqual(expected);
  });

  test("two members edit different fields of one event at the same time; both changes stay", async () => {
    const a = await openTimeline(alice);
    const b = await openTimeline(bruno);
    await a.getByRole("button", { name: "Ajouter un événement" }).click();
    await fillEvent(a, { title: "Réunion publique", start: "2099-07-10" });
    await a.getByLabel("Description").fill("Salle des fêtes");
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await eventItem(b, "Réunion publique").waitFor();

    // Both open the event; Alice renames it and saves while Bruno's form is still open.
    await b.getByRole("button", { name: "Modifier « Réunion publique »" }).click();
    await a.getByRole("button", { name: "Modifier « Réunion publique »" }).click();
    await a.getByLabel("Titre", { exact: true }).fill("Réunion publique d'été");
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await eventItem(b, "Réunion publique d'été").waitFor();
    // Bruno's form still shows the old title; he only changes the description.
    await b.getByLabel("Description").fill("Salle des fêtes, entrée libre");
    await b.getByRole("button", { name: "Enregistrer l'événement" }).click();

    for (const page of [a, b]) {
      const item = eventItem(page, "entrée libre");
      await expect.poll(() => item.locator(".timeline__title").textContent()).toBe("Réunion publique d'été");
    }
  });

  test("an event deleted by someone else while it is being edited is not brought back", async () => {
    const a = await openTimeline(alice);
    const b = await openTimeline(bruno);
    await a.getByRole("button", { name: "Ajouter un événement" }).click();
    await fillEvent(a, { title: "Visite de la ferme", start: "2099-05-02" });
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await eventItem(b, "Visite de la ferme").waitFor();

    await b.getByRole("button", { name: "Modifier « Visite de la ferme »" }).click();
    await b.getByLabel("Description").fill("Avec les élèves du collège");
    a.once("dialog", (dialog) => void dialog.accept());
    await a.getByRole("button", { name: "Supprimer « Visite de la ferme »" }).click();
    await b.getByRole("alert").filter({ hasText: "vient de supprimer cet événement" }).waitFor();
    expect(await b.getByRole("button", { name: "Enregistrer l'événement" }).count()).toBe(0);
    await b.waitForTimeout(500);
    for (const page of [a, b]) expect(await eventItem(page, "Visite de la ferme").count()).toBe(0);
  });

  test("keyboard only: the form opens on its first field; saving, cancelling and deleting give focus back", async () => {
    const a = await openTimeline(alice);
    expect(await a.locator(".presence__label").textContent()).toBe("Sur la chronologie :");
    const focused = () =>
      a.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);
    await a.getByRole("button", { name: "Ajouter un événement" }).focus();
    await a.keyboard.press("Enter");
    await expect.poll(() => a.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");
    await a.keyboard.type("Comité de pilotage");
    await a.getByLabel("Date (ou premier jour)").fill("2099-09-01");
    await a.getByRole("button", { name: "Enregistrer l'événement" }).focus();
    await a.keyboard.press("Enter");
    await expect.poll(focused).toBe("Modifier « Comité de pilotage »");

    await a.keyboard.press("Enter");
    await a.getByRole("button", { name: "Annuler" }).focus();
    await a.keyboard.press("Enter");
    await expect.poll(focused).toBe("Modifier « Comité de pilotage »");

    a.once("dialog", (dialog) => void dialog.accept());
    await a.getByRole("button", { name: "Supprimer « Comité de pilotage »" }).focus();
    await a.keyboard.press("Enter");
    await expect.poll(focused).toBe("Ajouter un événement");
  });

  test("invalid input gets a clear message next to the field and changes nothing", async () => {
    const a = await openTimeline(alice);
    const before = await a.locator(".timeline__event").count();
    await a.getByRole("button", { name: "Ajouter un événement" }).click();
    await fillEvent(a, { title: "Réunion bilan", start: "2099-05-10", end: "2099-05-01" });
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    const end = a.getByLabel("Dernier jour (facultatif)");
    await expect.poll(() => end.getAttribute("aria-invalid")).toBe("true");
    expect(await end.getAttribute("aria-describedby")).toContain("end-error");
    expect(await a.locator("#end-error").textContent()).toBe("La fin doit venir après le début.");
    await a.getByRole("alert").filter({ hasText: "L'événement n'a pas été enregistré" }).waitFor();

    await fillEvent(a, { start: "3026-05-10", end: "" });
    await a.getByLabel("Titre", { exact: true }).fill("x".repeat(250));
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await expect.poll(() => a.locator("#start-error").textContent()).toBe("L'année doit se situer entre 1900 et 2100.");
    await a.getByLabel("Nombre de participant·e·s (facultatif)").fill("-3");
    await a.getByRole("button", { name: "Enregistrer l'événement" }).click();
    await expect
      .poll(() => a.locator("#participants-error").textContent())
      .toMatch(/^Le nombre de participant·e·s doit être compris entre 0 et 100\s000\.$/);

    await a.getByRole("button", { name: "Annuler" }).click();
    expect(await a.locator(".timeline__event").count()).toBe(before);
    expect(await a.getByText("Réunion bilan").count()).toBe(0);
  });

  test("at 375 px the timeline and its form fit without sideways scrolling", async () => {
    const phone = await openTimeline(bruno, { width: 375 });
    await phone.getByRole("button", { name: "Ajouter un événement" }).click();
    await phone.getByLabel("Titre", { exact: true }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every field is a finger-sized target, times and numbers included.
    for (const label of [
      "Date (ou premier jour)",
      "Heure de début (facultatif)",
      "Nombre de participant·e·s (facultatif)",
    ]) {
      expect((await phone.getByLabel(label).boundingBox())!.height, label).toBeGreaterThanOrEqual(44);
    }
    await phone.getByRole("button", { name: "Annuler" }).click();
    await phone.goto(`${server.url}${timelinePath()}/print`);
    await phone.getByRole("heading", { name: "Chronologie" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

describe("the order of events and the phase filter", () => {
  /** Events written straight into a fresh project's timeline document, as a writer's device would. */
  async function projectWithEvents(events: Record<string, Partial<EventFields>>) {
    const project = await createProject(server.db, { members: [[alice.id, "researcher"]] });
    const client = new HttpClient(server.url);
    expect((await client.post("/login", { email: alice.email, password: alice.password })).status).toBe(302);
    const writer = connect(server.url, `timeline:${project.id}`, { cookie: client.cookieHeader() });
    await synced(writer.provider);
    for (const [id, fields] of Object.entries(events)) {
      writeEvent(writer.doc, id, {
        title: "Événement",
        type: "meeting",
        start: "2099-01-01",
        end: null,
        startTime: null,
        endTime: null,
        description: "",
        participants: null,
        people: "",
        noteIds: [],
        surveyIds: [],
        milestone: false,
        cycle: 1,
        phase: null,
        ...fields,
      });
    }
    const count = Object.keys(events).length;
    await expect
      .poll(() => server.db.timelineEvent.count({ where: { projectId: project.id } }), { timeout: 10_000 })
      .toBe(count);
    writer.destroy();
    return project.id;
  }

  const titles = (page: Page, section: "upcoming" | "past") =>
    page.locator(`section[aria-labelledby="timeline-${section}"] .timeline__title`).allTextContents();

  test("events read in date order, each labelled with its phase; the phase filter is in the address and prints the same", async () => {
    // Phases that alternate over time: grouping by phase used to break the date order.
    const id = await projectWithEvents({
      evtplan00001: { title: "Atelier plan d'action", type: "workshop", start: "2099-03-01", phase: "action_plan" },
      evtdiag00002: { title: "Restitution du diagnostic", start: "2099-04-01", phase: "diagnosis" },
      evtplan00003: { title: "Comité du plan d'action", start: "2099-05-01", phase: "action_plan" },
      evtfram00004: { title: "Entretien de cadrage", type: "interview", start: "2001-01-01", phase: "framing" },
    });
    const path = `/projects/${id}/timeline`;
    const page = await logIn(alice, path);
    await page
      .getByRole("status")
      .filter({ hasText: /^synchronisé$/ })
      .waitFor();
    const allUpcoming = ["Atelier plan d'action", "Restitution du diagnostic", "Comité du plan d'action"];
    await expect.poll(() => titles(page, "upcoming")).toEqual(allUpcoming);
    expect(await titles(page, "past")).toEqual(["Entretien de cadrage"]);
    // The phase is a label on each event, not a heading that splits the list.
    expect(await eventItem(page, "Restitution du diagnostic").textContent()).toContain("Cycle 1 · Diagnostic partagé");
    expect(await eventItem(page, "Comité du plan d'action").textContent()).toContain("Cycle 1 · Plan d'action");
    expect(await page.getByRole("heading", { name: /Plan d'action|Diagnostic partagé|Cadrage/ }).count()).toBe(0);

    // The filter: a labelled control, kept in the address, applied to the live timeline.
    await page.getByLabel("Filtrer par phase").selectOption({ label: "Plan d'action" });
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await page.waitForURL(/[?&]phase=action_plan/);
    await expect.poll(() => titles(page, "upcoming")).toEqual(["Atelier plan d'action", "Comité du plan d'action"]);
    expect(await titles(page, "past")).toEqual([]);
    expect(await page.locator('section[aria-labelledby="timeline-past"]').textContent()).toContain(
      "Aucun événement ne correspond à ce filtre.",
    );

    // The print view keeps the filter, the order and the labels, and says what it leaves out.
    await page.getByRole("link", { name: "Version à imprimer" }).click();
    await page.waitForURL(/\/print\?phase=action_plan$/);
    expect(await titles(page, "upcoming")).toEqual(["Atelier plan d'action", "Comité du plan d'action"]);
    expect(await page.locator(".timeline-print").textContent()).toContain("Phase : Plan d'action");
    expect(await page.locator('section[aria-labelledby="timeline-past"]').textContent()).toContain(
      "Aucun événement ne correspond à ce filtre.",
    );
    expect(await eventItem(page, "Atelier plan d'action").textContent()).toContain("Cycle 1 · Plan d'action");

    // Without JavaScript, the same form filters on the server.
    const context = await session.browser().newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    try {
      const plain = await context.newPage();
      await plain.goto(`${server.url}/login?redirectTo=${encodeURIComponent(path)}`);
      await plain.getByLabel("Adresse électronique").fill(alice.email);
      await plain.getByLabel("Mot de passe").fill(alice.password);
      await plain.getByRole("button", { name: "Se connecter" }).click();
      await plain.waitForURL(`**${path}`);
      expect(await titles(plain, "upcoming")).toEqual(allUpcoming);
      await plain.getByLabel("Filtrer par phase").selectOption({ label: "Diagnostic partagé" });
      await plain.getByRole("button", { name: "Filtrer", exact: true }).click();
      await plain.waitForURL(/[?&]phase=diagnosis/);
      expect(await titles(plain, "upcoming")).toEqual(["Restitution du diagnostic"]);
      expect(await plain.getByLabel("Filtrer par phase").inputValue()).toBe("diagnosis");
    } finally {
      await context.close();
    }
  });
});

describe("the cycle", () => {
  test("a coordinator moves to the next phase; the change and its comment show in the history", async () => {
    const page = await logIn(dora, `/projects/${projectId}/cycle`);
    await page.getByLabel("Commentaire (facultatif)").fill("Cadrage validé en comité de pilotage");
    await page.getByRole("button", { name: "Passer à la phase suivante : Diagnostic partagé" }).click();
    await page.getByRole("status").filter({ hasText: "Changement enregistré." }).waitFor();
    const history = page.locator(".phase-history");
    await expect.poll(() => history.textContent()).toContain("Cadrage → Diagnostic partagé");
    expect(await history.textContent()).toContain("Cadrage validé en comité de pilotage");
    expect(await history.textContent()).toContain("Dora Coordination");
    expect(await page.locator(".project-header").textContent()).toContain("Cycle 1 · Phase 2/7 : Diagnostic partagé");

    // A reader sees the history but no control.
    const reader = await logIn(chloe, `/projects/${projectId}/cycle`);
    expect(await reader.locator(".phase-history").textContent()).toContain("Cadrage → Diagnostic partagé");
    expect(await reader.getByRole("button", { name: /Passer à la phase suivante/ }).count()).toBe(0);
  });
});
