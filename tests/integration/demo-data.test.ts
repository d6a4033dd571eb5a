// The demo data `npm start` writes on an empty database (prisma/seed*.ts), run as the start-up
// runs it: a newcomer must find the whole loop of issue 14 in the Die project — a codebook with
// a parent and a retired code, overlapping coded passages, and findings at several stages whose
// evidence covers every kind, one of them marked "passage modifié".
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

test("the demo's Die project shows codes, coded passages and findings with every kind of evidence", async () => {
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

    const findings = await db.finding.findMany({ where: { projectId: die.id }, select: { title: true, state: true } });
    // Issue 14's three, plus the published one of the review's demo (prisma/seed-review.ts).
    expect(findings).toHaveLength(4);
    expect(findings.every((finding) => finding.title.length > 0)).toBe(true);
    expect(new Set(findings.map((finding) => finding.state))).toEqual(
      new Set(["draft", "submitted", "validated", "published"]),
    );
    const evidence = await db.evidence.findMany({ where: { projectId: die.id } });
    expect(new Set(evidence.map((item) => item.kind))).toEqual(new Set(["quote", "code", "survey", "event", "source"]));
    expect(evidence.some((item) => item.kind === "quote" && item.currentText !== item.quote)).toBe(true);
    expect(evidence.filter((item) => item.kind === "quote").every((item) => item.anchor && item.noteId)).toBe(true);
  } finally {
    await db.$disconnect();
  }
});
