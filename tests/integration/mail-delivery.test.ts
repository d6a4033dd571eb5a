import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify, type NotificationEvent } from "~/models/notifications/notify.server";
import { createProject, createUser } from "../factories";
import { startServer, type TestServer } from "../support/server";
import { rawHeader, TestSmtpServer, unsubscribeLink } from "../support/smtp";

/**
 * E-mail end to end: notify() writes the outbox in the event's transaction (here, in the test
 * process, on the server's database file, as any model would), the server's mail worker sends
 * it to a real SMTP server, and we read what arrived.
 */
const smtp = new TestSmtpServer();
let server: TestServer;

beforeAll(async () => {
  await smtp.start();
  // notify() reads the environment of the process calling it: e-mail is on here too.
  process.env.SMTP_URL = smtp.url;
  server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: "100" } });
});

afterAll(async () => {
  await server?.stop();
  await smtp.stop();
  expect(server?.stderr()).toBe("");
});

async function people() {
  const actor = await createUser(server.db, { name: "Awa Researcher" });
  const fr = await createUser(server.db, { name: "Bernard Conseil" });
  const en = await createUser(server.db, { name: "Clara Council" });
  await server.db.user.update({ where: { id: en.id }, data: { locale: "en" } });
  const project = await createProject(server.db, {
    members: [
      [actor.id, "researcher"],
      [fr.id, "council_reviewer"],
      [en.id, "council_reviewer"],
    ],
  });
  return { actor, fr, en, project };
}

function submitted(projectId: string, actorId: string, recipients: string[]): NotificationEvent {
  return {
    type: "finding_submitted",
    projectId,
    actorId,
    href: `/projects/${projectId}/findings/f1`,
    subject: "Les circuits courts gardent la valeur",
    recipients,
  };
}

const send = (event: NotificationEvent) => server.db.$transaction((tx) => notify(tx, event));
const waitFor = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

describe("immediate e-mail", () => {
  it("arrives with its subject, a text and an HTML part, a stable Message-ID and one-click unsubscribe, in each one's language", async () => {
    const { actor, fr, en, project } = await people();
    await send(submitted(project.id, actor.id, [actor.id, fr.id, en.id, fr.id]));
    await waitFor(() => smtp.to(fr.email).length + smtp.to(en.email).length).toBe(2);
    expect(smtp.to(actor.email)).toHaveLength(0);

    const [french] = smtp.to(fr.email);
    expect(french!.subject).toBe(
      `[${project.title}] Constat soumis au conseil : Les circuits courts gardent la valeur`,
    );
    expect(french!.text).toContain("Bonjour Bernard Conseil,");
    expect(french!.text).toContain("par Awa Researcher");
    expect(french!.text).toContain(`/projects/${project.id}/findings/f1`);
    expect(french!.html).toContain("Ouvrir dans Maillage");
    expect(french!.messageId).toMatch(/^<outbox-[a-z0-9]+@maillage>$/);
    expect(rawHeader(french!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = unsubscribeLink(french!);
    expect(unsubscribe).toMatch(/\/unsubscribe\/[\w-]+\?type=finding_submitted$/);
    expect(french!.text).toContain(unsubscribe);

    const [english] = smtp.to(en.email);
    expect(english!.subject).toBe(
      `[${project.title}] Finding submitted to the council: Les circuits courts gardent la valeur`,
    );
    expect(english!.text).toContain("Hello Clara Council,");

    // The worker records "sent" once the SMTP server's 250 is back: a moment after it has the message.
    await expect
      .poll(
        async () => {
          const rows = await server.db.mailOutbox.findMany({ where: { to: { in: [fr.email, en.email] } } });
          return rows.every((row) => row.sentAt !== null && row.attempts === 0);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it("honours each person's choice: never gets no e-mail, digest waits for the daily digest", async () => {
    const { actor, fr, en, project } = await people();
    await server.db.notificationPreference.createMany({
      data: [
        { userId: fr.id, type: "finding_submitted", channel: "never" },
        { userId: en.id, type: "finding_submitted", channel: "digest" },
      ],
    });
    await send(submitted(project.id, actor.id, [fr.id, en.id]));
    const rows = await server.db.notification.findMany({ where: { userId: { in: [fr.id, en.id] } } });
    expect(rows.map((row) => [row.userId === fr.id ? "fr" : "en", row.digest]).sort()).toEqual([
      ["en", "pending"],
      ["fr", null],
    ]);
    expect(await server.db.mailOutbox.count({ where: { userId: { in: [fr.id, en.id] } } })).toBe(0);
    // Both still see it in the app.
    const users = await server.db.user.findMany({ where: { id: { in: [fr.id, en.id] } } });
    expect(users.map((user) => user.unreadNotifications)).toEqual([1, 1]);
  });
});

describe("an SMTP outage", () => {
  it("delays the e-mail, which arrives once when the server is back", async () => {
    const { actor, fr, project } = await people();
    await smtp.stop();
    await send(submitted(project.id, actor.id, [fr.id]));
    await waitFor(
      async () => (await server.db.mailOutbox.findFirst({ where: { to: fr.email } }))?.attempts ?? 0,
    ).toBeGreaterThanOrEqual(2);
    const failing = await server.db.mailOutbox.findFirstOrThrow({ where: { to: fr.email } });
    expect(failing.sentAt).toBeNull();
    expect(failing.lastError).not.toBe("");
    await smtp.start();
    await waitFor(() => smtp.to(fr.email).length).toBe(1);
    // And only once, however many attempts there were.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to(fr.email)).toHaveLength(1);
    expect((await server.db.mailOutbox.findFirstOrThrow({ where: { to: fr.email } })).sentAt).not.toBeNull();
  });
});

describe("one-click unsubscribe", () => {
  it("the link's page changes nothing on GET; its POST (RFC 8058) stops that kind of e-mail", async () => {
    const { actor, fr, project } = await people();
    await send(submitted(project.id, actor.id, [fr.id]));
    await waitFor(() => smtp.to(fr.email).length).toBe(1);
    const link = new URL(unsubscribeLink(smtp.to(fr.email)[0]!));
    const path = link.pathname + link.search;

    const page = await fetch(server.url + path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Confirmer le désabonnement");
    expect(await server.db.notificationPreference.count({ where: { userId: fr.id } })).toBe(0);

    const oneClick = await fetch(server.url + path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(
      await server.db.notificationPreference.findMany({
        where: { userId: fr.id },
        select: { type: true, channel: true },
      }),
    ).toEqual([{ type: "finding_submitted", channel: "never" }]);

    // The next event of that type: in the app, not by e-mail.
    await send(submitted(project.id, actor.id, [fr.id]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(fr.email)).toHaveLength(1);

    const forged = link.pathname.replace(/[^/]+$/, "not-a-token") + link.search;
    expect((await fetch(server.url + forged)).status).toBe(404);
    expect(
      (
        await fetch(server.url + forged, {
          method: "POST",
          body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
        })
      ).status,
    ).toBe(404);
    expect((await fetch(server.url + link.pathname + "?type=bogus")).status).toBe(400);
  });
});
