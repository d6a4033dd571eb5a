// The code view's routes and actions, by every role (docs/ARCHITECTURE.md, "Rights"):
// reading is `content.read`, changing the codebook `codes.manage`, a code of another project 404.
import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createCode, createCodedPassage, createNote, createProject } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

type Who = ProjectRole | "coalition_coordinator" | "outsider" | "logged_out";
const MANAGERS: Who[] = ["coordinator", "researcher"];
const READERS: Who[] = ["local_actor", "council_reviewer", "observer", "coalition_coordinator"];
const EVERYONE: Who[] = [...MANAGERS, ...READERS, "outsider", "logged_out"];

/** A coalition-visible project with one member per role, its codebook, and a client per person. */
async function world() {
  const clients = new Map<Who, HttpClient>();
  const ids: [string, ProjectRole][] = [];
  for (const role of ["coordinator", "researcher", "local_actor", "council_reviewer", "observer"] as const) {
    const { user, client } = await logIn(server);
    clients.set(role, client);
    ids.push([user.id, role]);
  }
  const project = await createProject(server.db, { members: ids, visibility: "coalition" });
  clients.set("coalition_coordinator", (await logIn(server, { siteRole: "coalition_coordinator" })).client);
  const outsider = await logIn(server);
  const other = await createProject(server.db, { members: [[outsider.user.id, "coordinator"]] });
  clients.set("outsider", outsider.client);
  clients.set("logged_out", new HttpClient(server.url));
  const market = await createCode(server.db, { projectId: project.id, label: "Marché", definition: "Les ventes" });
  const school = await createCode(server.db, { projectId: project.id, label: "École" });
  const note = await createNote(server.db, { projectId: project.id, authorId: ids[0]![0], title: "Samedi" });
  await createCodedPassage(server.db, { noteId: note.id, projectId: project.id, codeId: market.id, start: 0, end: 5 });
  const foreign = await createCode(server.db, { projectId: other.id, label: "Ailleurs" });
  return { project, other, market, school, foreign, clients, base: `/projects/${project.id}/codes` };
}

/** What a refused request leaves: the codebook exactly as it was. */
const codebookOf = (projectId: string) =>
  server.db.tag.findMany({
    where: { projectId },
    select: { id: true, label: true, definition: true, parentId: true, retiredAt: true, mergedIntoId: true },
    orderBy: { id: "asc" },
  });

function expectOutcome(who: Who, response: Response, allowed: number) {
  if (who === "logged_out") {
    expect(response.status, who).toBe(302);
    expect(location(response), who).toMatch(/^\/login/);
  } else if (who === "outsider") expect(response.status, who).toBe(404);
  else expect(response.status, who).toBe(allowed);
}

describe("code view rights", () => {
  test.each(EVERYONE)("%s reads the code view, a code's page and the exports as the rights say", async (who) => {
    const { clients, base, market } = await world();
    const client = clients.get(who)!;
    const reader = who !== "outsider" && who !== "logged_out";
    const paths = [base, `${base}/${market.id}`, `${base}/co-occurrences`, `${base}/export.csv`, `${base}/export.md`];
    for (const path of paths) {
      const response = await client.get(path);
      expectOutcome(who, response, 200);
      const body = await response.text();
      if (reader && !path.includes("export") && !path.includes("co-occurrences"))
        expect(body, path).toContain("Marché");
    }
    if (!reader) return;
    const page = await (await client.get(base)).text();
    // Only managers get the forms.
    expect(page.includes('name="intent" value="create"'), who).toBe(MANAGERS.includes(who));
    const codePage = await (await client.get(`${base}/${market.id}`)).text();
    expect(codePage.includes('name="intent" value="update"'), who).toBe(MANAGERS.includes(who));
    expect(codePage.includes('name="intent" value="merge"'), who).toBe(MANAGERS.includes(who));
  });

  test.each(EVERYONE)("%s creates, edits, merges, retires and restores codes as the rights say", async (who) => {
    const { project, clients, base, market, school } = await world();
    const client = clients.get(who)!;
    const manager = MANAGERS.includes(who);
    const before = await codebookOf(project.id);
    const form = { definition: "", colour: "#1f6f8b", parentId: "" };

    const created = await client.post(base, { intent: "create", label: "Mobilité", ...form });
    expectOutcome(who, created, manager ? 302 : 403);
    const updated = await client.post(`${base}/${school.id}`, { intent: "update", label: "Écoles rurales", ...form });
    expectOutcome(who, updated, manager ? 302 : 403);
    const retired = await client.post(`${base}/${school.id}`, { intent: "retire" });
    expectOutcome(who, retired, manager ? 302 : 403);
    const restored = await client.post(`${base}/${school.id}`, { intent: "restore" });
    expectOutcome(who, restored, manager ? 302 : 403);
    const merged = await client.post(`${base}/${school.id}`, { intent: "merge", intoId: market.id });
    expectOutcome(who, merged, manager ? 302 : 403);

    const after = await codebookOf(project.id);
    if (!manager) {
      expect(after).toEqual(before);
      return;
    }
    expect(after.map((code) => code.label).sort()).toEqual(["Marché", "Mobilité", "Écoles rurales"].sort());
    expect(after.find((code) => code.id === school.id)).toMatchObject({ retiredAt: null, mergedIntoId: market.id });
  });

  test("a code of another project is not found, to read, to change or to export", async () => {
    const { clients, base, foreign, market, other } = await world();
    const coordinator = clients.get("coordinator")!;
    expect((await coordinator.get(`${base}/${foreign.id}`)).status).toBe(404);
    for (const intent of ["update", "retire", "restore", "merge"]) {
      const response = await coordinator.post(`${base}/${foreign.id}`, {
        intent,
        label: "Volé",
        definition: "",
        colour: "#1f6f8b",
        parentId: "",
        intoId: market.id,
      });
      expect(response.status, intent).toBe(404);
    }
    for (const path of ["export.csv", "export.md"]) {
      expect((await coordinator.get(`${base}/${path}?code=${foreign.id}`)).status, path).toBe(404);
    }
    // Nor can it be used as a parent or a merge target from this project.
    const parent = await coordinator.post(base, {
      intent: "create",
      label: "Enfant",
      definition: "",
      colour: "#1f6f8b",
      parentId: foreign.id,
    });
    expect(parent.status).toBe(400);
    const into = await coordinator.post(`${base}/${market.id}`, { intent: "merge", intoId: foreign.id });
    expect(into.status).toBe(400);
    expect(await codebookOf(other.id)).toEqual([
      { id: foreign.id, label: "Ailleurs", definition: "", parentId: null, retiredAt: null, mergedIntoId: null },
    ]);
    expect((await codebookOf(other.id)).length).toBe(1);
    // An unknown code id is a 404 too.
    expect((await coordinator.get(`${base}/inconnu`)).status).toBe(404);
  });

  test("exports answer only GET", async () => {
    const { clients, base } = await world();
    const response = await clients.get("coordinator")!.post(`${base}/export.csv`, {});
    expect(response.status).toBe(405);
  });
});
