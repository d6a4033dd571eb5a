/**
 * Notifications and e-mail figures for `npm run bench:review` (issue 15 §5), each beside its
 * baseline in the same run. Exported so the review bench can call them; run alone with
 * `npx tsx tests/bench/review-notify.ts`.
 * 1. The header's unread count: the counter read (what every page pays) against a COUNT over
 *    100,000 notifications (what it would cost to count), and a page's p50 for a user with
 *    100,000 notifications against one with none.
 * 2. notify() to a council of 40 members writing 40 outbox rows (target ≤ 50 ms), beside the
 *    same event with e-mail off for everyone (in-app rows only).
 * 3. The mail worker sending 1,000 queued messages to a local SMTP server while a page is
 *    requested in a loop: page p50/p99 during the send beside before it.
 */
import crypto from "node:crypto";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/models/accounts/password.server";
import { notify } from "~/models/notifications/notify.server";
import { TMP } from "../support/paths";
import { TestSmtpServer } from "../support/smtp";
import { login } from "./clients";
import { BENCH_PASSWORD } from "./seed";
import { createDatabase, ensureBuild, removeDatabase, startOurs } from "./servers";
import { median, quantile, sleep } from "./stats";

type Log = (line: string) => void;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function client(databaseFile: string) {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
}

async function benchUser(db: PrismaClient, email: string) {
  return db.user.create({
    data: { email, name: "Camille Roux", passwordHash: await hashPassword(BENCH_PASSWORD) },
    select: { id: true, email: true },
  });
}

async function timeIt(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

/** 1. What the unread count costs a page. */
export async function measureUnreadCount(log: Log) {
  const databaseFile = path.join(TMP, `bench-unread-${crypto.randomUUID()}.db`);
  createDatabase(databaseFile);
  const db = client(databaseFile);
  const server = await startOurs(databaseFile);
  try {
    const [busy, quiet] = [await benchUser(db, "busy@bench.test"), await benchUser(db, "quiet@bench.test")];
    const TOTAL = 100_000;
    for (let start = 0; start < TOTAL; start += 5000) {
      await db.notification.createMany({
        data: Array.from({ length: 5000 }, (_, i) => ({
          userId: busy.id,
          type: "comment_reply",
          href: "/projects",
          subject: `Fil ${start + i}`,
          readAt: (start + i) % 3 ? new Date() : null,
        })),
      });
    }
    const unread = await db.notification.count({ where: { userId: busy.id, readAt: null } });
    await db.user.update({ where: { id: busy.id }, data: { unreadNotifications: unread } });
    const counterRead = await timeIt(200, () =>
      db.user.findUnique({ where: { id: busy.id }, select: { unreadNotifications: true } }),
    );
    const countScan = await timeIt(50, () => db.notification.count({ where: { userId: busy.id, readAt: null } }));
    // Interleaved, so that a busy machine slows both alike.
    const cookies = [
      await login(server.url, busy.email, BENCH_PASSWORD),
      await login(server.url, quiet.email, BENCH_PASSWORD),
    ];
    const pages: [number[], number[]] = [[], []];
    for (let i = 0; i < 210; i++) {
      // Alternate who goes first, so that neither always follows the other.
      for (const which of i % 2 ? ([1, 0] as const) : ([0, 1] as const)) {
        const started = performance.now();
        await (await fetch(`${server.url}/projects`, { headers: { cookie: cookies[which]! } })).text();
        if (i >= 10) pages[which].push(performance.now() - started);
      }
    }
    const busyPage = { median: median(pages[0]) };
    const quietPage = { median: median(pages[1]) };
    const result = {
      counterReadMs: median(counterRead),
      countBaselineMs: median(countScan),
      pageWith100kMs: busyPage.median,
      pageWithNoneMs: quietPage.median,
      addedMs: busyPage.median - quietPage.median,
    };
    log(
      `unread count: counter read ${ms(result.counterReadMs)} (COUNT over ${unread} unread of ${TOTAL}: ${ms(result.countBaselineMs)}); ` +
        `/projects p50 ${ms(result.pageWith100kMs)} with 100k notifications vs ${ms(result.pageWithNoneMs)} with none ` +
        `(+${ms(result.addedMs)}, target ≤ 2 ms) ${result.addedMs <= 2 ? "OK" : "MISS"}`,
    );
    return result;
  } finally {
    await server.stop();
    await db.$disconnect();
    removeDatabase(databaseFile);
  }
}

/** 2. notify() to a council of 40, with its 40 outbox rows. */
export async function measureNotifyCouncil(log: Log, members = 40) {
  const databaseFile = path.join(TMP, `bench-notify-${crypto.randomUUID()}.db`);
  createDatabase(databaseFile);
  // notify() reads this process's environment: e-mail on, as in a deployment with SMTP_URL.
  process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";
  const db = client(databaseFile);
  try {
    const project = await db.project.create({
      data: { title: "Banc", question: "?", territoryKind: "commune", territoryCode: "26113", territoryName: "Die" },
      select: { id: true },
    });
    const actor = await db.user.create({ data: { email: "a@bench.test", name: "A", passwordHash: "x" } });
    const council = await Promise.all(
      Array.from({ length: members }, (_, i) =>
        db.user.create({
          data: { email: `c${i}@bench.test`, name: `Membre ${i}`, passwordHash: "x" },
          select: { id: true },
        }),
      ),
    );
    // The council are members: notify() tells only people who may still know the project.
    await db.membership.createMany({
      data: council.map((user) => ({ userId: user.id, projectId: project.id, role: "council_reviewer" })),
    });
    const event = (i: number) => ({
      type: "finding_submitted" as const,
      projectId: project.id,
      actorId: actor.id,
      href: `/projects/${project.id}/findings/f${i}`,
      subject: `Constat ${i}`,
      recipients: council.map((user) => user.id),
    });
    let i = 0;
    const withMail = await timeIt(50, () => db.$transaction((tx) => notify(tx, event(i++))));
    const outbox = await db.mailOutbox.count();
    await db.notificationPreference.createMany({
      data: council.map((user) => ({ userId: user.id, type: "finding_submitted", channel: "never" })),
    });
    const inAppOnly = await timeIt(50, () => db.$transaction((tx) => notify(tx, event(i++))));
    const result = {
      p50Ms: median(withMail),
      p99Ms: quantile(withMail, 0.99),
      inAppOnlyP50Ms: median(inAppOnly),
      outboxRowsPerCall: outbox / 55,
    };
    log(
      `notify to ${members}: p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)} with ${result.outboxRowsPerCall} outbox rows ` +
        `(in-app only: ${ms(result.inAppOnlyP50Ms)}; target ≤ 50 ms) ${result.p50Ms <= 50 ? "OK" : "MISS"}`,
    );
    return result;
  } finally {
    await db.$disconnect();
    removeDatabase(databaseFile);
  }
}

/** 3. The worker sends 1,000 queued messages while a page is requested in a loop. */
export async function measureWorkerSend(log: Log, messages = 1000) {
  const databaseFile = path.join(TMP, `bench-mail-${crypto.randomUUID()}.db`);
  createDatabase(databaseFile);
  const smtp = await new TestSmtpServer({ parse: false }).start();
  const db = client(databaseFile);
  const server = await startOurs(databaseFile, { SMTP_URL: smtp.url, MAIL_POLL_MS: "100" });
  try {
    const user = await benchUser(db, "reader@bench.test");
    const cookie = await login(server.url, user.email, BENCH_PASSWORD);
    const loop = async (until: () => boolean, max: number) => {
      const times: number[] = [];
      while (!until() && times.length < max) {
        const started = performance.now();
        const response = await fetch(`${server.url}/projects`, { headers: { cookie } });
        await response.text();
        times.push(performance.now() - started);
      }
      return times;
    };
    await loop(() => false, 20);
    const before = await loop(() => false, 300);
    await db.mailOutbox.createMany({
      data: Array.from({ length: messages }, (_, i) => ({
        userId: user.id,
        to: `lecteur-${i}@bench.test`,
        subject: `Message ${i}`,
        text: "Bonjour,\n\nUn constat vous attend.\n",
        html: "<p>Bonjour,</p><p>Un constat vous attend.</p>",
        unsubscribeUrl: "http://localhost/unsubscribe/x?type=finding_submitted",
      })),
    });
    const sendStarted = performance.now();
    const during = await loop(() => smtp.received >= messages, 1_000_000);
    while (smtp.received < messages) await sleep(20);
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    const result = {
      beforeP50Ms: median(before),
      beforeP99Ms: quantile(before, 0.99),
      duringP50Ms: median(during),
      duringP99Ms: quantile(during, 0.99),
      pagesDuring: during.length,
      sendSeconds,
      messagesPerSecond: messages / sendSeconds,
    };
    log(
      `mail worker: ${messages} messages in ${sendSeconds.toFixed(1)} s (${result.messagesPerSecond.toFixed(0)}/s); ` +
        `/projects p50/p99 ${ms(result.duringP50Ms)}/${ms(result.duringP99Ms)} during the send (${during.length} pages) ` +
        `vs ${ms(result.beforeP50Ms)}/${ms(result.beforeP99Ms)} before`,
    );
    return result;
  } finally {
    await server.stop();
    await smtp.stop();
    await db.$disconnect();
    removeDatabase(databaseFile);
  }
}

const startedAt = performance.now();
const log: Log = (line) =>
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${line}`);

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild(log);
  try {
    await measureUnreadCount(log);
    await measureNotifyCouncil(log);
    await measureWorkerSend(log);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
