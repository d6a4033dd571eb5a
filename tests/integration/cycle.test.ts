import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject } from "../factories";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

type Role = "coordinator" | "researcher" | "local_actor" | "council_reviewer" | "observer";

async function projectWith(roles: Role[]) {
  const people = await Promise.all(roles.map(() => logIn(server)));
  const project = await createProject(server.db, {
    members: people.map(({ user }, i) => [user.id, roles[i]!] as [string, Role]),
  });
  return { project, people };
}

const move = (intent: string, expectedCycle: number, expectedPhase: string, comment = "") => ({
  intent,
  expectedCycle: String(expectedCycle),
  expectedPhase,
  comment,
});

const html = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");

describe("moving through the cycle", () => {
  test("a coordinator moves to the next phase: the project, the log and the history show it", async () => {
    const { project, people } = await projectWith(["coordinator"]);
    const [{ client, user }] = people as [(typeof people)[number]];
    const response = await client.post(
      `/projects/${project.id}/cycle`,
      move("next", 1, "framing", "Question validée avec la mairie"),
    );
    expect(response.status).toBe(200);
    expect((await server.db.project.findUniqueOrThrow({ where: { id: project.id } })).phase).toBe("diagnosis");
    const changes = await server.db.phaseChange.findMany({ where: { projectId: project.id } });
    expect(changes).toEqual([
      expect.objectContaining({
        fromPhase: "framing",
        toPhase: "diagnosis",
        userId: user.id,
        comment: "Question validée avec la mairie",
      }),
    ]);
    const page = await html(await client.get(`/projects/${project.id}/cycle`));
    expect(page).toContain("Cadrage → Diagnostic partagé");
    expect(page).toContain("Question validée avec la mairie");
    expect(page).toContain(user.name);
    const home = await html(await client.get(`/projects/${project.id}`));
    expect(home).toContain("Cycle 1, phase actuelle : Diagnostic partagé");
    expect(await html(await client.get("/projects"))).toContain("Cycle 1 · Phase 2/7 : Diagnostic partagé");
  });

  test("a stale form (the phase already moved) gets a clear 409 and nothing moves twice", async () => {
    const { project, people } = await projectWith(["coordinator", "coordinator"]);
    const [a, b] = people as [(typeof people)[number], (typeof people)[number]];
    const [first, second] = await Promise.all([
      a.client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing")),
      b.client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing")),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(await refused.text()).toContain("Le projet a déjà changé de phase entre-temps");
    expect((await server.db.project.findUniqueOrThrow({ where: { id: project.id } })).phase).toBe("diagnosis");
    expect(await server.db.phaseChange.count({ where: { projectId: project.id } })).toBe(1);
  });

  test("a new cycle goes back to framing, ends the previous one, and is not started twice", async () => {
    const { project, people } = await projectWith(["coordinator"]);
    const [{ client }] = people as [(typeof people)[number]];
    await server.db.project.update({ where: { id: project.id }, data: { phase: "capitalisation" } });
    expect((await client.post(`/projects/${project.id}/cycle`, move("next", 1, "capitalisation"))).status).toBe(400);
    const [first, second] = await Promise.all([
      client.post(`/projects/${project.id}/cycle`, move("newCycle", 1, "capitalisation", "Bilan fait")),
      client.post(`/projects/${project.id}/cycle`, move("newCycle", 1, "capitalisation", "Bilan fait")),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const cycles = await server.db.projectCycle.findMany({
      where: { projectId: project.id },
      orderBy: { number: "asc" },
    });
    expect(cycles.map((c) => c.number)).toEqual([1, 2]);
    expect(cycles[0]!.endedAt).not.toBeNull();
    expect((await server.db.project.findUniqueOrThrow({ where: { id: project.id } })).phase).toBe("framing");
    const change = await server.db.phaseChange.findFirstOrThrow({ where: { projectId: project.id } });
    expect(change).toMatchObject({ cycleId: cycles[1]!.id, fromPhase: null, toPhase: "framing" });
    const page = await html(await client.get(`/projects/${project.id}/cycle`));
    expect(page).toContain("Début du cycle 2 en Cadrage");
    // A form still showing cycle 1 "framing" must not move cycle 2.
    expect((await client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing"))).status).toBe(409);
  });

  test("only coordinators move phases: others get 403, outsiders 404, and nothing changes", async () => {
    const { project, people } = await projectWith(["coordinator", "researcher", "observer"]);
    const outsider = await logIn(server);
    expect((await people[1]!.client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing"))).status).toBe(
      403,
    );
    expect((await people[2]!.client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing"))).status).toBe(
      403,
    );
    expect((await outsider.client.post(`/projects/${project.id}/cycle`, move("next", 1, "framing"))).status).toBe(404);
    expect((await outsider.client.get(`/projects/${project.id}/cycle`)).status).toBe(404);
    const readerPage = await html(await people[2]!.client.get(`/projects/${project.id}/cycle`));
    expect(readerPage).not.toContain("Passer à la phase suivante");
    expect((await server.db.project.findUniqueOrThrow({ where: { id: project.id } })).phase).toBe("framing");
    expect(await server.db.phaseChange.count({ where: { projectId: project.id } })).toBe(0);
  });

  test("bad input: unknown intent or phase, oversized comment → 400, nothing recorded", async () => {
    const { project, people } = await projectWith(["coordinator"]);
    const { client } = people[0]!;
    for (const form of [
      move("jump", 1, "framing"),
      move("next", 1, "conquest"),
      move("next", 0, "framing"),
      move("next", 1, "framing", "x".repeat(501)),
    ]) {
      expect((await client.post(`/projects/${project.id}/cycle`, form)).status, JSON.stringify(form).slice(0, 60)).toBe(
        400,
      );
    }
    expect(await server.db.phaseChange.count({ where: { projectId: project.id } })).toBe(0);
  });

  test("the settings form no longer changes the phase", async () => {
    const { project, people } = await projectWith(["coordinator"]);
    const { client } = people[0]!;
    const response = await client.post(`/projects/${project.id}/settings`, {
      title: "Drive fermier du Diois",
      question: "Comment un drive fermier peut-il garder la valeur sur le territoire ?",
      territory: "commune:26113",
      sectors: ["agriculture"],
      phase: "reflection",
      visibility: "members",
    });
    expect(response.status).toBe(302);
    const stored = await server.db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.title).toBe("Drive fermier du Diois");
    expect(stored.phase).toBe("framing");
    expect(await html(await client.get(`/projects/${project.id}/settings`))).not.toContain('name="phase"');
  });

  test("a new project records the phase it starts in", async () => {
    const { client, user } = await logIn(server);
    const response = await client.post("/projects/new", {
      title: "Tiers-lieu numérique du Vercors",
      question: "Comment un tiers-lieu peut-il accompagner les démarches en ligne ?",
      territory: "commune:38548",
      sectors: ["public_services"],
      phase: "diagnosis",
      visibility: "members",
    });
    const projectId = response.headers.get("location")!.split("/").pop()!;
    expect(await server.db.phaseChange.findMany({ where: { projectId } })).toEqual([
      expect.objectContaining({ fromPhase: null, toPhase: "diagnosis", userId: user.id }),
    ]);
  });
});

describe("notes in the cycle", () => {
  test("a note is attached to a cycle and phase, and the list filters by them", async () => {
    const { project, people } = await projectWith(["researcher", "observer"]);
    const [writer, reader] = people as [(typeof people)[number], (typeof people)[number]];
    const cycle1 = await server.db.projectCycle.findFirstOrThrow({ where: { projectId: project.id } });
    const cycle2 = await server.db.projectCycle.create({ data: { projectId: project.id, number: 2 } });
    const attached = await createNote(server.db, { projectId: project.id, authorId: writer.user.id, title: "Marché" });
    const other = await createNote(server.db, { projectId: project.id, authorId: writer.user.id, title: "Atelier" });
    const save = (noteId: string, cycleId: string, phase: string) =>
      writer.client.post(`/projects/${project.id}/notes/${noteId}`, {
        intent: "metadata",
        observedOn: "",
        place: "",
        commune: "",
        newTag: "",
        cycleId,
        phase,
      });
    expect((await save(attached.id, cycle1.id, "diagnosis")).status).toBe(200);
    expect((await save(other.id, cycle2.id, "action")).status).toBe(200);
    expect(await server.db.note.findUniqueOrThrow({ where: { id: attached.id } })).toMatchObject({
      cycleId: cycle1.id,
      phase: "diagnosis",
    });

    // Another project's cycle, or an unknown phase: refused with a message, nothing stored.
    const foreign = await createProject(server.db, { members: [] });
    const foreignCycle = await server.db.projectCycle.findFirstOrThrow({ where: { projectId: foreign.id } });
    const refused = await save(attached.id, foreignCycle.id, "diagnosis");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Ce cycle n&#x27;existe pas dans le projet.");
    expect((await save(attached.id, cycle1.id, "conquest")).status).toBe(400);
    expect((await server.db.note.findUniqueOrThrow({ where: { id: attached.id } })).cycleId).toBe(cycle1.id);

    const list = async (query: string) => html(await reader.client.get(`/projects/${project.id}/notes?${query}`));
    const byCycle = await list(`cycle=${cycle1.id}`);
    expect(byCycle).toContain("Marché");
    expect(byCycle).not.toContain("Atelier");
    const byPhase = await list("phase=action");
    expect(byPhase).toContain("Atelier");
    expect(byPhase).not.toContain("Marché");
    expect(await list(`cycle=${cycle2.id}&phase=diagnosis`)).toContain("Aucune note ne correspond");
    expect(await list("phase=nonsense")).toContain("Atelier");
  });
});
