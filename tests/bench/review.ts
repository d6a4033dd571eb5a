/**
 * `npm run bench:review` (issue 15 §5), each figure beside its baseline in the same run:
 * 1. a finding page with 50 threads and 500 comments, served by our real server (built app,
 *    production mode) as a council reviewer sees it, beside the same page before the threads
 *    were written (target ≤ 100 ms p50);
 * 2. the unread count in the header (tests/bench/review-notify.ts): the counter against a
 *    COUNT, and a page for a user with 100,000 notifications against one with none (≤ 2 ms);
 * 3. submitting a finding to a council of 40 members, the frozen version and the outbox rows
 *    included (≤ 50 ms), beside a council of one (tests/bench/review-submit.ts); and notify()
 *    alone to 40 with e-mail, beside in-app only;
 * 4. the mail worker sending 1,000 queued messages to a local SMTP server while pages are
 *    requested: page p50/p99 during the send beside before it.
 * A benchmark, not a test: it exits 0 after printing (a MISS is a finding), 1 if it crashed.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { TMP } from "../support/paths";
import { login } from "./clients";
import { createBenchUser, seedFindingsProject, SMALL } from "./findings-seed";
import { timePage } from "./measure";
import { COMMENTS, seedThreads, THREADS } from "./review-threads";
import { measureNotifyCouncil, measureUnreadCount, measureWorkerSend } from "./review-notify";
import { measureSubmit } from "./review-submit";
import { BENCH_PASSWORD } from "./seed";
import { createDatabase, ensureBuild, removeDatabase, startOurs } from "./servers";

const startedAt = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const verdict = (value: number, target: number) => (value <= target ? "PASS" : "MISS");

async function findingPage() {
  const databaseFile = `${TMP}/bench-review-${process.pid}.db`;
  createDatabase(databaseFile);
  const email = "conseil@banc.example.org";
  const reviewer = await createBenchUser(databaseFile, email);
  const author = await createBenchUser(databaseFile, "recherche@banc.example.org");
  const seeded = await seedFindingsProject(databaseFile, author.id, SMALL, 3);
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  // The council reads the finding once it is submitted: make it so, and the reviewer a member.
  await db.membership.create({ data: { projectId: seeded.projectId, userId: reviewer.id, role: "council_reviewer" } });
  await db.finding.update({
    where: { id: seeded.bigFindingId },
    data: { state: "submitted", version: 1, firstSubmittedAt: new Date() },
  });
  await db.findingVersion.create({
    data: {
      findingId: seeded.bigFindingId,
      number: 1,
      title: "Constat",
      statement: "Texte soumis.",
      submittedById: author.id,
    },
  });
  const server = await startOurs(databaseFile);
  try {
    const cookie = await login(server.url, email, BENCH_PASSWORD);
    const path = `/projects/${seeded.projectId}/findings/${seeded.bigFindingId}`;
    const time = async () => {
      const timing = await timePage(server.url, cookie, path, { warmups: 5, runs: 30 });
      if (timing.status !== 200) throw new Error(`${path}: ${timing.status}`);
      return timing.median;
    };
    log("finding page without threads (baseline)…");
    const without = await time();
    log(`writing ${THREADS} threads and ${COMMENTS} comments…`);
    await seedThreads(databaseFile, {
      projectId: seeded.projectId,
      findingId: seeded.bigFindingId,
      userIds: [author.id, reviewer.id],
    });
    log("finding page with them…");
    const withThreads = await time();
    log(
      `finding page p50: ${withThreads.toFixed(1)} ms with ${THREADS} threads and ${COMMENTS} comments ` +
        `vs ${without.toFixed(1)} ms without (×${(withThreads / without).toFixed(2)}; target ≤ 100 ms) ${verdict(withThreads, 100)}`,
    );
    return { without, withThreads };
  } finally {
    await server.stop();
    await db.$disconnect();
    removeDatabase(databaseFile);
  }
}

async function main() {
  ensureBuild(log);
  const page = await findingPage();
  const submit = await measureSubmit(log);
  const unread = await measureUnreadCount(log);
  const notify = await measureNotifyCouncil(log);
  const mail = await measureWorkerSend(log);
  const rows: [string, string, string, string][] = [
    [
      `finding page, ${THREADS} threads / ${COMMENTS} comments, p50`,
      `${page.withThreads.toFixed(1)} ms`,
      `${page.without.toFixed(1)} ms without threads`,
      `≤ 100 ms ${verdict(page.withThreads, 100)}`,
    ],
    [
      "unread count added to a page (100k notifications), p50",
      `+${unread.addedMs.toFixed(2)} ms`,
      `COUNT would cost ${unread.countBaselineMs.toFixed(2)} ms`,
      `≤ 2 ms ${verdict(unread.addedMs, 2)}`,
    ],
    [
      "submit a finding to a council of 40 (version, outbox), p50",
      `${submit.councilP50Ms.toFixed(1)} ms`,
      `${submit.oneP50Ms.toFixed(1)} ms to a council of one`,
      `≤ 50 ms ${verdict(submit.councilP50Ms, 50)}`,
    ],
    [
      "notify() alone to 40 with outbox rows, p50",
      `${notify.p50Ms.toFixed(1)} ms`,
      `${notify.inAppOnlyP50Ms.toFixed(1)} ms in-app only`,
      `≤ 50 ms ${verdict(notify.p50Ms, 50)}`,
    ],
    [
      "page p99 while 1,000 e-mails are sent",
      `${mail.duringP99Ms.toFixed(1)} ms`,
      `${mail.beforeP99Ms.toFixed(1)} ms before the send`,
      `${mail.messagesPerSecond.toFixed(0)} messages/s`,
    ],
  ];
  const widths = [56, 12, 34, 18];
  console.log(
    `\n${["Measure", "figure", "baseline (same run)", "target"].map((h, i) => h.padEnd(widths[i]!)).join(" ")}`,
  );
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join(" "));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
