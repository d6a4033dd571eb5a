import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { eventsMap, writeEvent, type EventFields } from "~/models/timeline/timeline-document";
import { createNote, createProject, createUser } from "../factories";
import { connect, synced, until, type TestProvider } from "../support/collab-client";
import { HttpClient } from "../support/http-client";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const open: TestProvider[] = [];
beforeAll(async () => {
  server = await startServer({ env: { COLLAB_PROJECTION_DELAY_MS: "50" } });
});
afterAll(async () => {
  for (const p of open) p.destroy();
  await server.stop();
  expect(server.stderr()).toBe("");
});

type Role = "coordinator" | "researcher" | "local_actor" | "council_reviewer" | "observer";

async function member(projectId: string | null, role: Role) {
  const user = await createUser(server.db);
  if (projectId) await server.db.membership.create({ data: { projectId, userId: user.id, role } });
  const client = new HttpClient(server.url);
  expect((await client.post("/login", { email: user.email, password: user.password })).status).toBe(302);
  return { user, client, cookie: client.cookieHeader() };
}

async function fixture() {
  const owner = await member(null, "coordinator");
  const project = await createProject(server.db, { members: [[owner.user.id, "coordinator"]] });
  return { owner, project };
}

function provider(projectId: string, cookie: string) {
  const p = connect(server.url, `timeline:${projectId}`, { cookie });
  open.push(p);
  return p;
}

const event = (fields: Partial<EventFields> = {}): EventFields => ({
  title: "Réunion publique à la salle polyvalente",
  type: "meeting",
  start: "2099-03-12",
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
  phase: "framing",
  ...fields,
});

const rows = (projectId: string) =>
  server.db.timelineEvent.findMany({ where: { projectId }, orderBy: { startDay: "asc" } });

describe("the timeline document", () => {
  test("a writer's events are projected into SQL, links kept only to this project's notes", async () => {
    const { owner, project } = await fixture();
    const local = await member(project.id, "local_actor");
    const note = await createNote(server.db, { projectId: project.id, authorId: owner.user.id, title: "Marché" });
    const foreign = await createProject(server.db, { members: [] });
    const foreignNote = await createNote(server.db, { projectId: foreign.id, authorId: null, title: "Ailleurs" });
    const a = provider(project.id, owner.cookie);
    const b = provider(project.id, local.cookie);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    writeEvent(
      a.doc,
      "evtfirst0001",
      event({ milestone: true, noteIds: [note.id, foreignNote.id], participants: 42, people: "Mairie de Die" }),
    );
    await until(() => eventsMap(b.doc).has("evtfirst0001"), 5000, "event at b");
    writeEvent(b.doc, "evtsecond002", event({ title: "Atelier au fablab", type: "workshop", start: "2099-04-01" }));
    await expect
      .poll(async () => (await rows(project.id)).map((r) => r.title), { timeout: 5000 })
      .toEqual(["Réunion publique à la salle polyvalente", "Atelier au fablab"]);
    const [first] = await rows(project.id);
    expect(first).toMatchObject({ milestone: true, participants: 42, people: "Mairie de Die", cycleNumber: 1 });
    const links = await server.db.timelineEventNote.findMany({
      where: { projectId: project.id },
      select: { noteId: true },
    });
    expect(links.map((link) => link.noteId)).toEqual([note.id]);

    // The page renders from the projection, without the document.
    const page = (await (await owner.client.get(`/projects/${project.id}/timeline`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Atelier au fablab");
    expect(page).toContain("Jalon");
    expect(page).toContain("Note : Marché");
    expect(page).not.toContain("Ailleurs");

    // A deletion is projected too.
    eventsMap(a.doc).delete("evtsecond002");
    await expect.poll(async () => (await rows(project.id)).length, { timeout: 5000 }).toBe(1);
  });

  test("a reader sees events live but its updates are dropped, never stored or projected", async () => {
    const { owner, project } = await fixture();
    const observer = await member(project.id, "observer");
    const writer = provider(project.id, owner.cookie);
    const reader = provider(project.id, observer.cookie);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    writeEvent(writer.doc, "evtwriter001", event());
    await until(() => eventsMap(reader.doc).has("evtwriter001"), 5000, "live event at the reader");
    await expect.poll(async () => (await rows(project.id)).length, { timeout: 5000 }).toBe(1);
    const stored = await server.db.documentUpdate.count({ where: { docName: `timeline:${project.id}` } });
    writeEvent(reader.doc, "evtreader001", event({ title: "INTRUSION" }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsMap(writer.doc).has("evtreader001")).toBe(false);
    expect(await server.db.documentUpdate.count({ where: { docName: `timeline:${project.id}` } })).toBe(stored);
    expect((await rows(project.id)).map((r) => r.title)).not.toContain("INTRUSION");
  });

  test("a hostile writer's invalid events are skipped by the projection; valid ones still land", async () => {
    const { owner, project } = await fixture();
    const hostile = provider(project.id, owner.cookie);
    await synced(hostile.provider);
    const raw = (id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      eventsMap(hostile.doc).set(id, map);
    };
    hostile.doc.transact(() => {
      raw("evtbackward1", { ...event(), start: "2099-05-10", end: "2099-05-01" });
      raw("evtyear30001", { ...event(), start: "3000-01-01" });
      raw("evthuge00001", { ...event(), description: "x".repeat(100_000) });
      raw("evtnegative1", { ...event(), participants: -5 });
      raw("evtbadtype01", { ...event(), type: "<script>" });
      raw("evtnotitle01", { ...event(), title: 42 });
      raw("../../etc", event());
      raw("evtcycle5001", { ...event(), cycle: 500 });
      eventsMap(hostile.doc).set("evtnotamap01", "just a string");
      raw("evtgood00001", { ...event(), title: "Valide" });
    });
    await expect
      .poll(async () => (await rows(project.id)).map((r) => r.eventId), { timeout: 5000 })
      .toEqual(["evtgood00001"]);
    // The server is still serving this document to others.
    const later = provider(project.id, owner.cookie);
    await synced(later.provider);
    expect(eventsMap(later.doc).has("evtgood00001")).toBe(true);
  });
});

describe("calendars", () => {
  async function seeded() {
    const { owner, project } = await fixture();
    const base = { projectId: project.id, type: "meeting", cycleNumber: 1, phase: "framing" };
    await server.db.timelineEvent.createMany({
      data: [
        { ...base, eventId: "evtpast00001", title: "Réunion d'hier", startDay: "2001-06-01" },
        { ...base, eventId: "evtallday001", title: "Fête de la récolte à Châtillon-en-Diois", startDay: "2099-09-20" },
        {
          ...base,
          eventId: "evttimed0001",
          title: "Atelier numérique",
          type: "workshop",
          startDay: "2099-07-15",
          startTime: "14:30",
          endTime: "16:00",
          milestone: true,
        },
        { ...base, eventId: "evtrange0001", title: "Semaine du marché", startDay: "2099-10-01", endDay: "2099-10-03" },
      ],
    });
    return { owner, project };
  }

  function parse(text: string) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  }

  test("the .ics download holds the upcoming events only, all-day and timed, in UTF-8 with stable UIDs", async () => {
    const { owner, project } = await seeded();
    const response = await owner.client.get(`/projects/${project.id}/timeline.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = await response.text();
    const events = parse(text);
    // Upcoming only ("Réunion d'hier" is past); a milestone is starred in its title.
    expect(events.map((e) => e.summary).sort()).toEqual(
      ["★ Atelier numérique", "Fête de la récolte à Châtillon-en-Diois", "Semaine du marché"].sort(),
    );
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
    const allDay = byTitle["Fête de la récolte à Châtillon-en-Diois"]!;
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe("2099-09-20");
    const range = byTitle["Semaine du marché"]!;
    expect(range.endDate.toString()).toBe("2099-10-04"); // exclusive end (RFC 5545)
    const timed = byTitle["★ Atelier numérique"]!;
    expect(timed.startDate.isDate).toBe(false);
    // 14:30 in Paris in July (UTC+2) is 12:30 UTC.
    expect(timed.startDate.toJSDate().toISOString()).toBe("2099-07-15T12:30:00.000Z");
    expect(timed.endDate.toJSDate().toISOString()).toBe("2099-07-15T14:00:00.000Z");
    expect(timed.uid).toBe(`evttimed0001.${project.id}@maillage`);
    const again = parse(await (await owner.client.get(`/projects/${project.id}/timeline.ics`)).text());
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());

    const outsider = await member(null, "observer");
    expect((await outsider.client.get(`/projects/${project.id}/timeline.ics`)).status).toBe(404);
    expect((await new HttpClient(server.url).get(`/projects/${project.id}/timeline.ics`)).status).toBe(302);
  });

  test("a subscription link works without a cookie, until regenerated, revoked, or access ends", async () => {
    const { project } = await seeded();
    const reader = await member(project.id, "observer");
    const createLink = async () => {
      const response = await reader.client.post(`/projects/${project.id}/timeline`, { intent: "calendarCreate" });
      expect(response.status).toBe(200);
      const match = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(await response.text());
      expect(match).not.toBeNull();
      return `/calendar/${match![1]}.ics`;
    };
    const anonymous = new HttpClient(server.url);
    const link = await createLink();
    const stored = await server.db.calendarToken.findFirstOrThrow({ where: { userId: reader.user.id } });
    expect(link).not.toContain(stored.tokenHash);
    const polled = await anonymous.get(link);
    expect(polled.status).toBe(200);
    expect(polled.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(parse(await polled.text()).map((e) => e.summary)).toContain("Semaine du marché");

    const wrong = link.replace(/(.)\.ics$/, (_, last: string) => `${last === "A" ? "B" : "A"}.ics`);
    expect((await anonymous.get(wrong)).status).toBe(404);
    expect((await anonymous.get("/calendar/short.ics")).status).toBe(404);
    // Posting to a calendar is refused plainly (and, checked after the file, logs no stack trace).
    const posted = await anonymous.post(link, { anything: "x" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect((await reader.client.post(`/projects/${project.id}/timeline.ics`, {})).status).toBe(405);

    const replaced = await createLink();
    expect(replaced).not.toBe(link);
    expect((await anonymous.get(link)).status).toBe(404);
    expect((await anonymous.get(replaced)).status).toBe(200);

    await reader.client.post(`/projects/${project.id}/timeline`, { intent: "calendarRevoke" });
    expect((await anonymous.get(replaced)).status).toBe(404);

    const third = await createLink();
    expect((await anonymous.get(third)).status).toBe(200);
    await server.db.membership.deleteMany({ where: { projectId: project.id, userId: reader.user.id } });
    expect((await anonymous.get(third)).status).toBe(404);
  });
});

describe("who may see the timeline", () => {
  test("outsiders get 404 from the page, the print view and the calendar; readers see no edit controls", async () => {
    const { project } = await fixture();
    const outsider = await member(null, "researcher");
    for (const path of ["/timeline", "/timeline/print", "/timeline.ics", "/cycle"]) {
      expect((await outsider.client.get(`/projects/${project.id}${path}`)).status, path).toBe(404);
    }
    expect((await outsider.client.post(`/projects/${project.id}/timeline`, { intent: "calendarCreate" })).status).toBe(
      404,
    );
    const reviewer = await member(project.id, "council_reviewer");
    const page = await (await reviewer.client.get(`/projects/${project.id}/timeline`)).text();
    expect(page).toContain("Lecture seule");
    expect(page).not.toContain("Ajouter un événement");
    expect((await reviewer.client.get(`/projects/${project.id}/timeline/print`)).status).toBe(200);
  });
});
