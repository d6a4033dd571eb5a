import { afterAll, beforeAll, expect, it } from "vitest";
import { notify } from "~/models/notifications/notify.server";
import { createProject, createUser } from "../factories";
import { startServer, type TestServer } from "../support/server";
import { TestSmtpServer } from "../support/smtp";

/**
 * The daily digest survives a crash: the server is killed (kill -9) in the middle of a digest
 * run over many users, while the SMTP server is down too; after both come back every user
 * gets exactly one digest, holding all their pending notifications.
 */
const USERS = 250;
const smtp = new TestSmtpServer();
let server: TestServer;

beforeAll(async () => {
  await smtp.start();
  process.env.SMTP_URL = smtp.url;
});

afterAll(async () => {
  await server?.stop();
  await smtp.stop();
  expect(server?.stderr()).toBe("");
});

it(
  "a digest run killed half-way, then restarted, gives every user exactly one digest",
  { timeout: 180_000 },
  async () => {
    const env = { SMTP_URL: smtp.url, MAIL_POLL_MS: "200", MAIL_DIGEST_EVERY_SECONDS: "3600", MAIL_LEASE_MS: "1000" };
    server = await startServer({ env });
    const actor = await createUser(server.db, { name: "Awa" });
    const project = await createProject(server.db, { members: [[actor.id, "researcher"]] });
    const stamp = Date.now().toString(36);
    await server.db.user.createMany({
      data: Array.from({ length: USERS }, (_, i) => ({
        id: `digest-${stamp}-${i}`,
        email: `digest-${stamp}-${i}@example.org`,
        name: `Lectrice ${i}`,
        passwordHash: "x",
      })),
    });
    const ids = Array.from({ length: USERS }, (_, i) => `digest-${stamp}-${i}`);
    // Members of the project: only they hear of it.
    await server.db.membership.createMany({
      data: ids.map((userId) => ({ userId, projectId: project.id, role: "local_actor" })),
    });
    // Two replies each (comment_reply goes to the digest by default).
    for (const subject of ["Premier fil", "Second fil"]) {
      await server.db.$transaction((tx) =>
        notify(tx, {
          type: "comment_reply",
          projectId: project.id,
          actorId: actor.id,
          href: `/projects/${project.id}/findings/f#thread`,
          subject,
          recipients: ids,
        }),
      );
    }
    expect(await server.db.notification.count({ where: { digest: "pending" } })).toBe(2 * USERS);
    expect(await server.db.mailOutbox.count()).toBe(0);

    // Phase 1: SMTP down, a digest every second; kill the server as soon as the run has begun.
    await smtp.stop();
    await server.terminate();
    server = await startServer({ env: { ...env, MAIL_DIGEST_EVERY_SECONDS: "1" }, databaseFile: server.databaseFile });
    let written = 0;
    while (written === 0) {
      written = await server.db.mailOutbox.count({ where: { kind: "digest" } });
      if (!written) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await server.crash();

    // Phase 2: everything back.
    await smtp.start();
    server = await startServer({ env: { ...env, MAIL_DIGEST_EVERY_SECONDS: "1" }, databaseFile: server.databaseFile });
    const atCrash = written;
    await expect
      .poll(() => server.db.notification.count({ where: { digest: "pending" } }), { timeout: 60_000, interval: 200 })
      .toBe(0);
    await expect.poll(() => smtp.messages.length, { timeout: 60_000, interval: 200 }).toBe(USERS);

    const perUser = new Map<string, number>();
    for (const mail of smtp.messages) for (const to of mail.envelopeTo) perUser.set(to, (perUser.get(to) ?? 0) + 1);
    expect(perUser.size).toBe(USERS);
    expect([...perUser.values()].every((count) => count === 1)).toBe(true);
    const sample = smtp.messages[0]!;
    expect(sample.subject).toBe("Maillage : votre résumé du jour (2 notifications)");
    expect(sample.text).toContain("Premier fil");
    expect(sample.text).toContain("Second fil");
    expect(sample.text).toMatch(/\/unsubscribe\/[\w-]+\?type=digest/);
    expect(await server.db.mailOutbox.count({ where: { kind: "digest" } })).toBe(USERS);
    // The crash came in the middle of the run (not before it, not after it).
    console.log(`digests written before the crash: ${atCrash} of ${USERS}`);
    expect(atCrash).toBeLessThan(USERS);
  },
);

it(
  "SIGTERM in the middle of a send: messages in flight finish, the others are given back, none is sent twice",
  { timeout: 60_000 },
  async () => {
    const env = { SMTP_URL: smtp.url, MAIL_POLL_MS: "100", MAIL_LEASE_MS: "60000" };
    await server.stop();
    server = await startServer({ env });
    const before = smtp.received;
    const user = await createUser(server.db);
    const COUNT = 80;
    await server.db.mailOutbox.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        userId: user.id,
        to: `arret-${i}@example.org`,
        subject: `Arrêt ${i}`,
        text: "Bonjour",
        html: "<p>Bonjour</p>",
      })),
    });
    await expect.poll(() => smtp.received - before, { timeout: 10_000, interval: 5 }).toBeGreaterThan(0);
    expect(await server.terminate()).toBe(0);
    const held = await server.db.mailOutbox.count({ where: { sentAt: null, lockedUntil: { not: null } } });
    // With a lease of a minute, a row not given back would wait that long: none is.
    expect(held).toBe(0);
    server = await startServer({ env, databaseFile: server.databaseFile });
    await expect.poll(() => smtp.received - before, { timeout: 30_000, interval: 100 }).toBe(COUNT);
    const ids = smtp.messages.slice(-COUNT).map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(COUNT);
    // "Sent" is recorded once the SMTP server's 250 is back, a moment after it has the message.
    await expect.poll(() => server.db.mailOutbox.count({ where: { sentAt: null } }), { timeout: 10_000 }).toBe(0);
  },
);
