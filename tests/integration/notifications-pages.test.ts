import { describe, expect, it } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { notify, type NotificationEvent } from "~/models/notifications/notify.server";
import { createProject, createUser } from "../factories";
import { HttpClient, location } from "../support/http-client";
import { logIn, serverForFile } from "../support/session";

/** /notifications, opening one, mark read, the header's count and the account's e-mail settings (no SMTP_URL here). */
const getServer = serverForFile();

const ROLES: ProjectRole[] = ["coordinator", "researcher", "local_actor", "council_reviewer", "observer"];

async function tell(recipients: string[], over: Partial<NotificationEvent> = {}) {
  const server = getServer();
  await server.db.$transaction((tx) =>
    notify(tx, {
      type: "finding_verdict",
      projectId: null,
      actorId: null,
      href: "/projects",
      subject: "Un constat",
      recipients,
      ...over,
    }),
  );
}

async function unreadRows(userId: string) {
  return getServer().db.notification.count({ where: { userId, readAt: null } });
}
async function counter(userId: string) {
  return (await getServer().db.user.findUniqueOrThrow({ where: { id: userId } })).unreadNotifications;
}

describe("/notifications", () => {
  it("asks for a login", async () => {
    const client = new HttpClient(getServer().url);
    const response = await client.get("/notifications");
    expect(response.status).toBe(302);
    expect(location(response)).toMatch(/^\/login\?redirectTo=%2Fnotifications/);
    expect((await client.get("/notifications/unread")).status).toBe(401);
  });

  it("for every role: lists only one's own, and another's notification is a 404 to open or mark", async () => {
    const server = getServer();
    const owner = await createUser(server.db);
    const people = await Promise.all(
      [...ROLES, "coalition", "outsider"].map(async (role) => ({
        role,
        ...(await logIn(server, { siteRole: role === "coalition" ? "coalition_coordinator" : "member" })),
      })),
    );
    const project = await createProject(server.db, {
      visibility: "coalition",
      members: [
        [owner.id, "coordinator"],
        ...people
          .filter((p) => ROLES.includes(p.role as ProjectRole))
          .map((p) => [p.user.id, p.role] as [string, ProjectRole]),
      ],
    });
    await tell([owner.id], { projectId: project.id, subject: "Pour la coordinatrice seule" });
    const theirs = await server.db.notification.findFirstOrThrow({ where: { userId: owner.id } });
    for (const { role, user, client } of people) {
      // Someone outside the project hears nothing of it: theirs is about no project.
      await tell([user.id], { projectId: role === "outsider" ? null : project.id, subject: `Pour ${role}` });
      const page = await client.get("/notifications");
      expect(page.status, role).toBe(200);
      const html = await page.text();
      expect(html, role).toContain(`Pour ${role}`);
      expect(html, role).not.toContain("Pour la coordinatrice seule");
      expect((await client.get(`/notifications/${theirs.id}`)).status, role).toBe(404);
      expect((await client.post("/notifications?index", { intent: "markRead", id: theirs.id })).status, role).toBe(404);
    }
    expect((await server.db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await counter(owner.id)).toBe(1);
  });

  it("keeps the counter equal to the unread rows through notify, mark one, open one and mark all", async () => {
    const server = getServer();
    const { user, client } = await logIn(server);
    for (const subject of ["un", "deux", "trois", "quatre"]) await tell([user.id], { subject, href: "/projects?x=1" });
    expect(await counter(user.id)).toBe(4);
    expect(await unreadRows(user.id)).toBe(4);
    const home = await (await client.get("/projects")).text();
    expect(home).toContain("Notifications (4 non lues)");
    expect(await (await client.get("/notifications/unread")).json()).toEqual({ unread: 4 });

    const [first, second] = await server.db.notification.findMany({
      where: { userId: user.id },
      orderBy: { subject: "asc" },
    });
    const marked = await client.post("/notifications?index", { intent: "markRead", id: first!.id });
    expect(marked.status).toBe(302);
    // Twice: the counter moves once.
    await client.post("/notifications?index", { intent: "markRead", id: first!.id });
    expect(await counter(user.id)).toBe(3);
    expect(await unreadRows(user.id)).toBe(3);

    const opened = await client.get(`/notifications/${second!.id}`);
    expect(opened.status).toBe(302);
    expect(location(opened)).toBe("/projects?x=1");
    expect(await counter(user.id)).toBe(2);
    expect(await unreadRows(user.id)).toBe(2);

    expect((await client.post("/notifications?index", { intent: "markAll" })).status).toBe(302);
    expect(await counter(user.id)).toBe(0);
    expect(await unreadRows(user.id)).toBe(0);
    expect(await (await client.get("/projects")).text()).not.toContain("non lue");
    expect((await client.post("/notifications?index", { intent: "explode" })).status).toBe(400);
    expect((await client.get("/notifications?page=abc")).status).toBe(400);
  });

  it("never redirects off the site, whatever href a notification holds", async () => {
    const server = getServer();
    const { user, client } = await logIn(server);
    for (const href of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      await tell([user.id], { href, subject: href });
      const row = await server.db.notification.findFirstOrThrow({ where: { userId: user.id, subject: href } });
      const response = await client.get(`/notifications/${row.id}`);
      expect(response.status, href).toBe(302);
      expect(location(response), href).toBe("/notifications");
    }
  });
});

describe("the account's e-mail settings", () => {
  it("say that only in-app notifications work without SMTP_URL, save choices, refuse bad ones, and write no e-mail", async () => {
    const server = getServer();
    const { user, client } = await logIn(server);
    const page = await (await client.get("/account")).text();
    expect(page).toContain("seules les notifications dans l’application sont actives");
    const choices = {
      "mail.finding_submitted": "never",
      "mail.finding_verdict": "digest",
      "mail.comment_reply": "immediate",
      "mail.comment_mention": "immediate",
      "mail.saisine_opened": "immediate",
      "mail.saisine_due": "immediate",
      "mail.avis_adopted": "digest",
    };
    expect(
      (await client.post("/account", { intent: "mailPreferences", ...choices, "mail.avis_adopted": "bientôt" })).status,
    ).toBe(400);
    expect(await server.db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
    const saved = await client.post("/account", { intent: "mailPreferences", ...choices });
    expect(saved.status).toBe(302);
    const rows = await server.db.notificationPreference.findMany({ where: { userId: user.id } });
    expect(Object.fromEntries(rows.map((row) => [`mail.${row.type}`, row.channel]))).toEqual(choices);
    await tell([user.id], { type: "comment_reply" });
    expect(await server.db.mailOutbox.count()).toBe(0);
    expect((await server.db.notification.findFirstOrThrow({ where: { userId: user.id } })).digest).toBeNull();
  });

  it("remember the language of the person's e-mails from sign-in and the language switch", async () => {
    const server = getServer();
    const { user, client } = await logIn(server);
    expect((await server.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("fr");
    expect((await client.post("/language", { lang: "en", redirectTo: "/account" })).status).toBe(302);
    expect((await server.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });
});
