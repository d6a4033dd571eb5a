import { beforeAll, describe, expect, test } from "vitest";
import { createFinding, EVERYONE, findingsCast, type Who } from "../support/findings-http";
import { location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
let council: string;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
  council = `/projects/${cast.project.id}/council`;
});

const READERS: Who[] = ["coordinator", "researcher", "local_actor", "council_reviewer", "observer", "coalition"];
/** Reading: every reader; strangers 404; nobody to the login page. */
const readStatus = (who: Who) => (who === "anonymous" ? 302 : READERS.includes(who) ? 200 : 404);
/** Acting: `allowed` may, other readers 403, strangers 404. */
const actStatus = (who: Who, allowed: Who[], ok: number) =>
  who === "anonymous" ? 302 : allowed.includes(who) ? ok : READERS.includes(who) ? 403 : 404;

async function submittedFinding(title = "Le marché attire") {
  const { id } = await createFinding(server.db, {
    projectId: cast.project.id,
    authorId: cast.as("researcher").userId,
    title,
  });
  await server.db.finding.update({
    where: { id },
    data: { state: "submitted", firstSubmittedAt: new Date(), version: 1 },
  });
  return id;
}

async function saisine(state = "drafting", findingIds: string[] = []) {
  return server.db.saisine.create({
    data: {
      projectId: cast.project.id,
      origin: "referral",
      question: "Le marché doit-il rester le samedi ?",
      state,
      dueOn: new Date(Date.now() + 10 * 86_400_000),
      findings: { create: findingIds.map((findingId) => ({ findingId })) },
    },
    select: { id: true },
  });
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("saisines: who may read and open them", () => {
  test("pages and files: every reader reads; the new-saisine form is the coordinator's and the council's", async () => {
    const { id } = await saisine();
    for (const who of EVERYONE) {
      const { client } = cast.as(who);
      for (const path of ["", `/${id}`, `/${id}/print`, `/${id}/export.md`]) {
        const response = await client.get(`${council}${path}`);
        expect(response.status, `${who} GET ${path}`).toBe(readStatus(who));
        if (who === "anonymous") expect(location(response)).toMatch(/^\/login/);
      }
      const form = await client.get(`${council}/new`);
      expect(form.status, `${who} new`).toBe(actStatus(who, ["coordinator", "council_reviewer"], 200));
    }
    // A saisine of another project, asked for with this project's address, is unknown.
    const elsewhere = await server.db.saisine.create({
      data: { projectId: cast.otherProject.id, origin: "referral", question: "Ailleurs" },
    });
    expect((await cast.as("coordinator").client.get(`${council}/${elsewhere.id}`)).status).toBe(404);
    expect(
      (await cast.as("council_reviewer").client.post(`${council}/${elsewhere.id}`, { intent: "adopt" })).status,
    ).toBe(404);
  });

  test("opening: a coordinator refers with a due day, a council reviewer opens an auto-saisine; the others cannot", async () => {
    const findingId = await submittedFinding();
    for (const who of EVERYONE) {
      const before = await server.db.saisine.count({ where: { projectId: cast.project.id } });
      const response = await cast
        .as(who)
        .client.post(`${council}/new`, { question: `Question de ${who}`, dueOn: inDays(12), findings: [findingId] });
      const status = actStatus(who, ["coordinator", "council_reviewer"], 302);
      expect(response.status, who).toBe(status);
      expect(await server.db.saisine.count({ where: { projectId: cast.project.id } }), who).toBe(
        before + (["coordinator", "council_reviewer"].includes(who) ? 1 : 0),
      );
    }
    const rows = await server.db.saisine.findMany({
      where: { question: { startsWith: "Question de" } },
      select: { id: true, origin: true, question: true, dueOn: true, findings: { select: { findingId: true } } },
      orderBy: { question: "asc" },
    });
    expect(rows.map((r) => [r.question, r.origin])).toEqual([
      ["Question de coordinator", "referral"],
      ["Question de council_reviewer", "own_initiative"],
    ]);
    expect(rows[0]!.findings).toEqual([{ findingId }]);
    expect(rows[0]!.dueOn?.toISOString().slice(0, 10)).toBe(inDays(12));
    // The council hears of a saisine; of an auto-saisine, the coordinators too. Never the actor.
    const told = async (saisineId: string) =>
      (
        await server.db.notification.findMany({
          where: { type: "saisine_opened", href: { endsWith: saisineId } },
          select: { userId: true },
        })
      )
        .map((n) => n.userId)
        .sort();
    expect(await told(rows[0]!.id)).toEqual([cast.as("council_reviewer").userId]);
    expect(await told(rows[1]!.id)).toEqual([cast.as("coordinator").userId]);
  });

  test("bad input: no or invalid due day, a draft or another project's finding → 400, nothing written", async () => {
    const coordinator = cast.as("coordinator").client;
    const draft = await createFinding(server.db, { projectId: cast.project.id, authorId: null });
    const foreign = await createFinding(server.db, { projectId: cast.otherProject.id, authorId: null });
    await server.db.finding.update({
      where: { id: foreign.id },
      data: { state: "submitted", firstSubmittedAt: new Date() },
    });
    const before = await server.db.saisine.count();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ question: "Q", dueOn: "" }, "indiquez la date"],
      [{ question: "Q", dueOn: "2026-02-30" }, "n’existe pas"],
      [{ question: "Q", dueOn: "demain" }, "n’existe pas"],
      [{ question: "Q", dueOn: "2001-01-01" }, "passée"],
      [{ question: "  ", dueOn: inDays(5) }, "écrivez la question"],
      [{ question: "Q", dueOn: inDays(5), findings: [draft.id] }, "pas lisible par le conseil"],
      [{ question: "Q", dueOn: inDays(5), findings: [foreign.id] }, "pas lisible par le conseil"],
      [{ question: "Q", dueOn: inDays(5), findings: ["nimportequoi"] }, "pas lisible par le conseil"],
    ];
    for (const [form, message] of cases) {
      const response = await coordinator.post(`${council}/new`, form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect((await response.text()).toLowerCase()).toContain(message.toLowerCase());
    }
    // An auto-saisine may go without a due day, not with a wrong one.
    const reviewer = cast.as("council_reviewer").client;
    expect((await reviewer.post(`${council}/new`, { question: "Q", dueOn: "31/02/2027" })).status).toBe(400);
    expect(await server.db.saisine.count()).toBe(before);
    expect((await reviewer.post(`${council}/new`, { question: "Sans date", dueOn: "" })).status).toBe(302);
  });
});

describe("the avis: adoption and transmission", () => {
  test("adopting: council reviewers only; votes checked; a replayed adoption is a 409; members are told", async () => {
    const findingId = await submittedFinding("Constat couvert");
    const { id } = await saisine("drafting", [findingId]);
    for (const who of EVERYONE.filter((w) => w !== "council_reviewer")) {
      const response = await cast.as(who).client.post(`${council}/${id}`, { intent: "adopt", votesFor: "3" });
      expect(response.status, who).toBe(actStatus(who, [], 302));
    }
    const reviewer = cast.as("council_reviewer").client;
    for (const bad of ["-1", "abc", "1.5", "1e3", "9999999"]) {
      const response = await reviewer.post(`${council}/${id}`, { intent: "adopt", votesFor: bad });
      expect(response.status, bad).toBe(400);
    }
    expect((await server.db.saisine.findUniqueOrThrow({ where: { id } })).state).toBe("drafting");
    expect((await reviewer.post(`${council}/${id}`, { intent: "nope" })).status).toBe(400);
    const adopted = await reviewer.post(`${council}/${id}`, {
      intent: "adopt",
      votesFor: "12",
      votesAgainst: "0",
      votesAbstain: "",
    });
    expect([adopted.status, location(adopted)]).toEqual([302, `${council}/${id}`]);
    const row = await server.db.saisine.findUniqueOrThrow({ where: { id } });
    expect([row.state, row.votesFor, row.votesAgainst, row.votesAbstain]).toEqual(["adopted", 12, 0, null]);
    expect(row.adoptedAt).not.toBeNull();
    const replay = await reviewer.post(`${council}/${id}`, { intent: "adopt", votesFor: "1" });
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain("déjà été adopté");
    expect((await server.db.saisine.findUniqueOrThrow({ where: { id } })).votesFor).toBe(12);
    const told = await server.db.notification.findMany({
      where: { type: "avis_adopted", href: { endsWith: id } },
      select: { userId: true },
    });
    // Every member but the one who adopted it.
    expect(told).toHaveLength(4);
    expect(told.map((n) => n.userId)).not.toContain(cast.as("council_reviewer").userId);
    // Linked from the finding it covers.
    const forTeam = await cast.as("researcher").client.get(`/projects/${cast.project.id}/findings/${findingId}`);
    expect(await forTeam.text()).toContain(`/council/${id}`);
  });

  test("transmitting: coordinators and council reviewers, adopted avis only, once", async () => {
    const { id } = await saisine("drafting");
    const coordinator = cast.as("coordinator").client;
    expect((await coordinator.post(`${council}/${id}`, { intent: "transmit" })).status).toBe(409);
    await server.db.saisine.update({ where: { id }, data: { state: "adopted", adoptedAt: new Date() } });
    for (const who of EVERYONE.filter((w) => !["coordinator", "council_reviewer"].includes(w))) {
      const response = await cast.as(who).client.post(`${council}/${id}`, { intent: "transmit" });
      expect(response.status, who).toBe(actStatus(who, [], 302));
    }
    expect((await coordinator.post(`${council}/${id}`, { intent: "transmit" })).status).toBe(302);
    expect((await server.db.saisine.findUniqueOrThrow({ where: { id } })).state).toBe("transmitted");
    expect((await cast.as("council_reviewer").client.post(`${council}/${id}`, { intent: "transmit" })).status).toBe(
      409,
    );
    const other = await saisine("adopted");
    expect(
      (await cast.as("council_reviewer").client.post(`${council}/${other.id}`, { intent: "transmit" })).status,
    ).toBe(302);
  });

  test("the council's landing: pending findings and open saisines first; none for others", async () => {
    const findingId = await submittedFinding("En attente de verdict");
    const { id } = await saisine("drafting");
    const page = await (await cast.as("council_reviewer").client.get("/projects")).text();
    expect(page).toContain("À traiter");
    expect(page).toContain(`/findings/${findingId}`);
    expect(page).toContain(`/council/${id}`);
    expect(page.indexOf("À traiter")).toBeLessThan(page.indexOf(`href="/projects/${cast.project.id}"`));
    expect(await (await cast.as("researcher").client.get("/projects")).text()).not.toContain("À traiter");
    // The project's home page lists open saisines with their due days.
    const home = await (await cast.as("observer").client.get(`/projects/${cast.project.id}`)).text();
    expect(home).toContain(`/council/${id}`);
    expect(home).toContain("À rendre le");
  });
});
