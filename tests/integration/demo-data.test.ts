// The demo data `npm start` writes on an empty database (prisma/seed*.ts), run as the start-up
// runs it: a newcomer must find the whole loop of issue 14 in the Die project — a codebook with
// a parent and a retired code, overlapping coded passages, and findings at several stages whose
// evidence covers every kind, one of them marked "passage modifié" — and the review loop of
// issue 15: a finding resubmitted after changes were requested, threads (one anchored and
// resolved by the council), an open saisine, an adopted avis, and notifications of every kind
// the seed's acts make.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { ROOT, TMP } from "../support/paths";

const databaseFile = `${TMP}/demo-data-${process.pid}.db`;
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
});

test(
  "the demo's Die project shows codes, coded passages, findings with every kind of evidence and their review",
  { timeout: 120_000 },
  async () => {
    fs.mkdirSync(TMP, { recursive: true });
    execFileSync(process.execPath, ["--import", "tsx", "server/setup.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${databaseFile}`, DEMO_DATA: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile }) });
    try {
      const die = await db.project.findFirstOrThrow({ where: { territoryName: "Die" }, select: { id: true } });
      const codes = await db.tag.findMany({ where: { projectId: die.id } });
      expect(codes.length).toBeGreaterThanOrEqual(7);
      expect(codes.every((code) => code.nameKey && code.definition)).toBe(true);
      expect(codes.some((code) => code.parentId)).toBe(true);
      expect(codes.some((code) => code.retiredAt)).toBe(true);

      const passages = await db.codedPassage.findMany({ where: { projectId: die.id } });
      expect(passages.length).toBeGreaterThanOrEqual(6);
      const overlapping = passages.some((a) =>
        passages.some((b) => a !== b && a.noteId === b.noteId && a.start < b.end && b.start < a.end),
      );
      expect(overlapping).toBe(true);
      expect(await db.note.count({ where: { projectId: die.id, phase: { not: null } } })).toBeGreaterThan(0);

      const findings = await db.finding.findMany({
        where: { projectId: die.id },
        select: { title: true, state: true },
      });
      // Issue 14's three, plus the published one of the review's demo (prisma/seed-review.ts).
      expect(findings).toHaveLength(4);
      expect(findings.every((finding) => finding.title.length > 0)).toBe(true);
      expect(new Set(findings.map((finding) => finding.state))).toEqual(
        new Set(["draft", "submitted", "validated", "published"]),
      );
      const evidence = await db.evidence.findMany({ where: { projectId: die.id } });
      expect(new Set(evidence.map((item) => item.kind))).toEqual(
        new Set(["quote", "code", "survey", "event", "source"]),
      );
      expect(evidence.some((item) => item.kind === "quote" && item.currentText !== item.quote)).toBe(true);
      expect(evidence.filter((item) => item.kind === "quote").every((item) => item.anchor && item.noteId)).toBe(true);

      const underReview = await db.finding.findFirstOrThrow({
        where: { projectId: die.id, state: "submitted" },
        select: { id: true, version: true, transitions: { select: { action: true, comment: true } } },
      });
      expect(underReview.version).toBe(2);
      expect(underReview.transitions.some((t) => t.action === "request_changes" && t.comment.length > 0)).toBe(true);
      const threads = await db.commentThread.findMany({
        where: { projectId: die.id },
        select: {
          anchor: true,
          resolvedAt: true,
          findingId: true,
          noteId: true,
          _count: { select: { comments: true } },
        },
      });
      expect(threads.some((t) => t.anchor && t.resolvedAt && t.findingId)).toBe(true);
      expect(threads.some((t) => t.noteId && t._count.comments > 1)).toBe(true);
      const saisines = await db.saisine.findMany({
        where: { projectId: die.id },
        select: { state: true, votesFor: true },
      });
      expect(saisines.map((s) => s.state).sort()).toEqual(["adopted", "drafting"]);
      const kinds = await db.notification.groupBy({ by: ["type"], where: { projectId: die.id } });
      expect(new Set(kinds.map((k) => k.type))).toEqual(
        new Set([
          "finding_submitted",
          "finding_verdict",
          "comment_reply",
          "comment_mention",
          "saisine_opened",
          "avis_adopted",
        ]),
      );
      const council = await db.user.findUniqueOrThrow({ where: { email: "conseil@demo.maillage.fr" } });
      expect(council.unreadNotifications).toBe(
        await db.notification.count({ where: { userId: council.id, readAt: null } }),
      );
    } finally {
      await db.$disconnect();
    }
  },
);
