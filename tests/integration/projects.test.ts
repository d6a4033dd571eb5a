import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const session = (overrides: Parameters<typeof createUser>[1] = {}) => logIn(server, overrides);

const validProject = {
  title: "Tiers-lieu numérique du Vercors",
  question: "Comment un tiers-lieu peut-il accompagner les démarches en ligne des habitants ?",
  territory: "commune:38548",
  sectors: ["public_services", "other"],
  phase: "diagnosis",
  visibility: "members",
};

describe("creating a project", () => {
  test("stores the official territory and makes the creator coordinator", async () => {
    const { user, client } = await session();
    const response = await client.post("/projects/new", validProject);
    expect(response.status).toBe(302);
    const projectId = location(response)!.split("/").pop()!;
    const project = await server.db.project.findUniqueOrThrow({
      where: { id: projectId },
      include: { memberships: true },
    });
    expect(project).toMatchObject({
      territoryKind: "commune",
      territoryCode: "38548",
      departement: "38",
      region: "84",
      phase: "diagnosis",
    });
    expect(project.territoryName).toBe("Villard-de-Lans");
    expect(project.population).toBeGreaterThan(3000);
    expect(JSON.parse(project.sectors)).toEqual(["public_services", "other"]);
    expect(project.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "coordinator" })]);
    const home = (await (await client.get(`/projects/${projectId}`)).text()).replaceAll("<!-- -->", "");
    expect(home).toContain("Villard-de-Lans");
    expect(home).toContain("Isère (38)");
    expect(home).toContain("Diagnostic partagé");
  });

  test.each([
    [{ territory: "commune:99999" }, "inconnu des données officielles"],
    [{ territory: "" }, "Choisissez le territoire"],
    [{ territory: "planet:earth" }, "inconnu des données officielles"],
    [{ sectors: [] }, "au moins un secteur"],
    [{ sectors: ["casino"] }, "Secteur inconnu"],
    [{ phase: "conquest" }, "Phase inconnue"],
    [{ visibility: "public" }, "Visibilité inconnue"],
    [{ title: "x".repeat(121) }, "ne doit pas dépasser 120"],
    [{ question: "Court ?" }, "au moins 10 caractères"],
  ])("refuses %j with a clear message and creates nothing", async (override, message) => {
    const { user, client } = await session();
    const response = await client.post("/projects/new", { ...validProject, ...override });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await server.db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  test("the territory search answers by name, code and postal code, for logged-in users only", async () => {
    const { client } = await session();
    const byPostal = (await (await client.get("/api/territories?q=26150")).json()) as { results: { name: string }[] };
    expect(byPostal.results.map((r) => r.name)).toContain("Die");
    const anonymous = await fetch(new URL("/api/territories?q=die", server.url), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });
});

describe("who may see a project", () => {
  test("a non-member gets a 404 from every page and action of a members-only project", async () => {
    const { user: coordinator } = await session();
    const project = await createProject(server.db, { members: [[coordinator.id, "coordinator"]] });
    const { client: outsider } = await session();
    for (const path of ["", "/members", "/settings", "/notes", "/surveys", "/timeline", "/findings"]) {
      const response = await outsider.get(`/projects/${project.id}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain(project.title);
    }
    for (const [path, form] of [
      ["/members", { intent: "invite", role: "coordinator" }],
      ["/members", { intent: "remove", userId: coordinator.id }],
      ["/settings", validProject],
    ] as const) {
      expect((await outsider.post(`/projects/${project.id}${path}`, form)).status, path).toBe(404);
    }
    expect(await server.db.invitation.count({ where: { projectId: project.id } })).toBe(0);
    expect(await server.db.membership.count({ where: { projectId: project.id } })).toBe(1);
    expect(await (await outsider.get("/projects")).text()).not.toContain(project.title);
  });

  test("an unknown project is the same 404 as a hidden one", async () => {
    const { client } = await session();
    expect((await client.get("/projects/nexiste-pas")).status).toBe(404);
  });

  test("coalition staff read projects shared with the coalition, but not members-only ones", async () => {
    const { user: coordinator } = await session();
    const shared = await createProject(server.db, {
      members: [[coordinator.id, "coordinator"]],
      visibility: "coalition",
    });
    const hidden = await createProject(server.db, { members: [[coordinator.id, "coordinator"]] });
    const { client: staff } = await session({ siteRole: "coalition_coordinator" });
    const list = await (await staff.get("/projects")).text();
    expect(list).toContain(shared.title);
    expect(list).not.toContain(hidden.title);
    expect((await staff.get(`/projects/${shared.id}`)).status).toBe(200);
    expect((await staff.get(`/projects/${hidden.id}`)).status).toBe(404);
    expect((await staff.post(`/projects/${shared.id}/members`, { intent: "invite", role: "observer" })).status).toBe(
      403,
    );
  });

  test("readers can see members but cannot manage them or edit the project", async () => {
    const { user: coordinator } = await session();
    const { user: observer, client } = await session();
    const project = await createProject(server.db, {
      members: [
        [coordinator.id, "coordinator"],
        [observer.id, "observer"],
      ],
    });
    const page = await client.get(`/projects/${project.id}/members`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(coordinator.email);
    expect(
      (
        await client.post(`/projects/${project.id}/members`, {
          intent: "changeRole",
          userId: observer.id,
          role: "coordinator",
        })
      ).status,
    ).toBe(403);
    expect((await client.get(`/projects/${project.id}/settings`)).status).toBe(403);
    const membership = await server.db.membership.findFirstOrThrow({
      where: { userId: observer.id },
      select: { role: true },
    });
    expect(membership.role).toBe("observer");
  });
  test("only those who may edit the project see its settings tab", async () => {
    const { user: coordinator, client: coordinatorClient } = await session();
    const { user: researcher, client: researcherClient } = await session();
    const project = await createProject(server.db, {
      members: [
        [coordinator.id, "coordinator"],
        [researcher.id, "researcher"],
      ],
    });
    const settingsLink = `href="/projects/${project.id}/settings"`;
    expect(await (await coordinatorClient.get(`/projects/${project.id}`)).text()).toContain(settingsLink);
    expect(await (await researcherClient.get(`/projects/${project.id}`)).text()).not.toContain(settingsLink);
  });
});

describe("members and roles", () => {
  test("a project always keeps at least one coordinator", async () => {
    const { user, client } = await session();
    const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const demote = await client.post(`/projects/${project.id}/members`, {
      intent: "changeRole",
      userId: user.id,
      role: "researcher",
    });
    expect(demote.status).toBe(400);
    expect(await demote.text()).toContain("au moins une coordinatrice ou un coordinateur");
    const remove = await client.post(`/projects/${project.id}/members`, { intent: "remove", userId: user.id });
    expect(remove.status).toBe(400);
    expect(
      await server.db.membership.findFirstOrThrow({ where: { projectId: project.id }, select: { role: true } }),
    ).toEqual({ role: "coordinator" });
  });

  test("a coordinator changes roles and removes members; with two coordinators one may step down", async () => {
    const { user, client } = await session();
    const other = await createUser(server.db);
    const project = await createProject(server.db, {
      members: [
        [user.id, "coordinator"],
        [other.id, "local_actor"],
      ],
    });
    const path = `/projects/${project.id}/members`;
    expect((await client.post(path, { intent: "changeRole", userId: other.id, role: "coordinator" })).status).toBe(200);
    const stepDown = await client.post(path, { intent: "changeRole", userId: user.id, role: "researcher" });
    expect(location(stepDown)).toBe(`/projects/${project.id}`);
    const roles = await server.db.membership.findMany({
      where: { projectId: project.id },
      select: { userId: true, role: true },
    });
    expect(new Map(roles.map((r) => [r.userId, r.role]))).toEqual(
      new Map([
        [user.id, "researcher"],
        [other.id, "coordinator"],
      ]),
    );
    // Now a researcher: no longer allowed to manage.
    expect((await client.post(path, { intent: "remove", userId: other.id })).status).toBe(403);
  });

  test("malformed member actions get a 400, not a crash", async () => {
    const { user, client } = await session();
    const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const path = `/projects/${project.id}/members`;
    for (const form of [
      {},
      { intent: "explode" },
      { intent: "invite", role: "king" },
      { intent: "remove", userId: "x".repeat(500) },
    ] as Record<string, string>[]) {
      expect((await client.post(path, form)).status, JSON.stringify(form).slice(0, 40)).toBe(400);
    }
    expect((await client.post(path, { intent: "remove", userId: "nobody" })).status).toBe(404);
  });
});

describe("invitations", () => {
  async function invite(role = "researcher") {
    const { user, client } = await session();
    const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const response = await client.post(`/projects/${project.id}/members`, { intent: "invite", role });
    const url = /value="(http:\/\/[^"]+\/invitations\/[^"]+)"/.exec(await response.text())![1]!;
    return { project, url: new URL(url).pathname, coordinator: client };
  }

  test("stores only the hash of the token, and expires after 7 days", async () => {
    const { project, url } = await invite();
    const token = url.split("/").pop()!;
    const row = await server.db.invitation.findFirstOrThrow({ where: { projectId: project.id } });
    expect(row.tokenHash).not.toContain(token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
  });

  test("is single-use: a second person cannot reuse the link", async () => {
    const { project, url } = await invite("local_actor");
    const first = await session();
    const accepted = await first.client.post(url, {});
    expect(location(accepted)).toBe(`/projects/${project.id}`);
    expect(
      await server.db.membership.findFirstOrThrow({ where: { userId: first.user.id }, select: { role: true } }),
    ).toEqual({ role: "local_actor" });
    const second = await session();
    const refused = await second.client.post(url, {});
    expect(refused.status).toBe(410);
    expect((await second.client.get(`/projects/${project.id}`)).status).toBe(404);
    expect((await second.client.get(url)).status).toBe(410);
  });

  test("an expired or revoked link says so and lets nobody in", async () => {
    const { project, url } = await invite();
    await server.db.invitation.updateMany({
      where: { projectId: project.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { client } = await session();
    const page = await client.get(url);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("a expiré");
    expect((await client.post(url, {})).status).toBe(410);

    const other = await invite();
    const invitation = await server.db.invitation.findFirstOrThrow({
      where: { projectId: other.project.id },
      select: { id: true },
    });
    await other.coordinator.post(`/projects/${other.project.id}/members`, {
      intent: "revoke",
      invitationId: invitation.id,
    });
    expect((await client.get(other.url)).status).toBe(404);
    expect((await client.post(other.url, {})).status).toBe(410);
  });

  test("an anonymous visitor is offered to sign up or log in and join", async () => {
    const { url } = await invite();
    const token = url.split("/").pop()!;
    const html = await (await fetch(new URL(url, server.url))).text();
    expect(html).toContain(`/signup?invitation=${token}`);
    expect(html).toContain(`/login?invitation=${token}`);
    const loginPage = (await (await fetch(new URL(`/login?invitation=${token}`, server.url))).text()).replaceAll(
      "<!-- -->",
      "",
    );
    expect(loginPage).toContain("Vous rejoindrez");
    expect(loginPage).toContain(`name="invitation" value="${token}"`);
    const accept = await new HttpClient(server.url).post(url, {});
    expect(location(accept)).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
  });

  test("logging in with the invitation joins the project in the same step; the spent link then explains itself", async () => {
    const { project, url } = await invite("council_reviewer");
    const token = url.split("/").pop()!;
    const user = await createUser(server.db);
    const response = await new HttpClient(server.url).post("/login", {
      email: user.email,
      password: user.password,
      invitation: token,
    });
    expect(location(response)).toBe(`/projects/${project.id}`);
    const membership = await server.db.membership.findFirstOrThrow({
      where: { userId: user.id },
      select: { role: true },
    });
    expect(membership.role).toBe("council_reviewer");
    const late = await createUser(server.db);
    const again = await new HttpClient(server.url).post("/login", {
      email: late.email,
      password: late.password,
      invitation: token,
    });
    expect(location(again)).toBe(url);
    expect(await server.db.membership.count({ where: { userId: late.id } })).toBe(0);
  });

  test("a crafted login link pointing at an invitation does not join anyone silently", async () => {
    const { url } = await invite();
    const user = await createUser(server.db);
    const response = await new HttpClient(server.url).post("/login", {
      email: user.email,
      password: user.password,
      redirectTo: url,
    });
    expect(location(response)).toBe(url);
    expect(await server.db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unknown or absurd token is a plain 404", async () => {
    const { client } = await session();
    expect((await client.get("/invitations/inconnu")).status).toBe(404);
    expect((await client.get(`/invitations/${"a".repeat(5000)}`)).status).toBe(404);
  });
});
