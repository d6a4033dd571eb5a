/**
 * `npm run bench:findings`: the codebook, code and findings pages (issue 14 §4) served by our
 * real server (server/index.ts, built app, production mode) on 127.0.0.1, over a project of
 * 1,000 notes, 60 codes, 20,000 coded passages, 300 findings and 5,000 evidence items, beside
 * the same pages over the same shape at 1/20 (the baseline of the same run: how each figure
 * grows with size); and the projection of a note with 200 coded passages after an edit, in
 * this process over the same database, beside the same note without passages.
 * A benchmark, not a test: it exits 0 after printing (a MISS is a finding), 1 if it crashed.
 */
import * as Y from "yjs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { codedPassageKey } from "~/models/notes/coded-passage-key";
import { TMP } from "../support/paths";
import { login } from "./clients";
import {
  BIG_FINDING_EVIDENCE,
  createBenchUser,
  FULL,
  seedFindingsProject,
  SMALL,
  type SeededFindings,
} from "./findings-seed";
import { timePage } from "./measure";
import { BENCH_PASSWORD } from "./seed";
import { createDatabase, ensureBuild, removeDatabase, startOurs } from "./servers";
import { median } from "./stats";

const startedAt = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${line}`);

type Figure = { measure: string; small: number; full: number; target: number };

const PASSAGES_IN_NOTE = 200;
const PROJECTION_RUNS = 30;

/** A note document of `paragraphs` paragraphs with `passages` coded passages (a quarter of them overlapping another). */
function codedNote(codeIds: string[], userId: string, passages: number): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", 2 as unknown as string);
  heading.insert(0, [new Y.XmlText("Entretien avec la coopérative")]);
  fragment.push([heading]);
  const paragraphs = Math.max(20, Math.ceil(passages / 4));
  const texts: Y.XmlText[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const element = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, "Les producteurs du marché préfèrent un point de retrait des commandes en semaine. ".repeat(4));
    element.insert(0, [text]);
    fragment.push([element]);
    texts.push(text);
  }
  for (let i = 0; i < passages; i++) {
    const text = texts[Math.floor(i / 4) % texts.length]!;
    const from = (i % 4) * 80 + (i % 16 === 3 ? 40 : 0);
    const attrs = { code: codeIds[i % codeIds.length]!, passage: `bench${String(i).padStart(6, "0")}`, by: userId };
    text.format(from, 60, { [codedPassageKey(attrs)]: attrs });
  }
  return doc;
}

async function projectionTimes(databaseFile: string, projectId: string, userId: string) {
  // The app's database client reads DATABASE_URL when it is first imported.
  process.env.DATABASE_URL = `file:${databaseFile}`;
  const { writeNoteProjection } = await import("~/models/notes/note-document.server");
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  try {
    const codeIds = (await db.tag.findMany({ where: { projectId }, select: { id: true } })).map((c) => c.id);
    const result: Record<"none" | "coded", number> = { none: 0, coded: 0 };
    for (const [key, passages] of [
      ["none", 0],
      ["coded", PASSAGES_IN_NOTE],
    ] as const) {
      const note = await db.note.create({ data: { projectId, authorId: userId }, select: { id: true } });
      const doc = codedNote(codeIds, userId, passages);
      const times: number[] = [];
      const paragraph = (doc.getXmlFragment("default").get(3) as Y.XmlElement).get(0) as Y.XmlText;
      for (let run = 0; run < PROJECTION_RUNS + 3; run++) {
        paragraph.insert(0, "Hier, "); // an edit, as the projection runs after one
        const started = performance.now();
        await writeNoteProjection(note.id, doc, { userId, at: new Date() });
        if (run >= 3) times.push(performance.now() - started);
      }
      const rows = await db.codedPassage.count({ where: { noteId: note.id } });
      if (passages > 0 && rows !== passages) log(`note: the projection wrote ${rows} passages, expected ${passages}`);
      result[key] = median(times);
    }
    return result;
  } finally {
    await db.$disconnect();
  }
}

async function pages(url: string, cookie: string, seeded: SeededFindings) {
  const base = `/projects/${seeded.projectId}`;
  const time = async (path: string) => {
    log(`  ${path}`);
    const timing = await timePage(url, cookie, path, { warmups: 5, runs: 30 });
    if (timing.status !== 200) throw new Error(`${path}: ${timing.status}`);
    return timing.median;
  };
  return {
    codes: await time(`${base}/codes`),
    code: await time(`${base}/codes/${seeded.busiestCodeId}`),
    findings: await time(`${base}/findings`),
    finding: await time(`${base}/findings/${seeded.bigFindingId}`),
  };
}

function table(figures: Figure[]): string {
  const head = `${"Measure".padEnd(58)} ${"1/20 size".padStart(10)} ${"full size".padStart(10)} ${"growth".padStart(7)} ${"target".padStart(9)} result`;
  const lines = [head, "-".repeat(head.length)];
  for (const f of figures) {
    lines.push(
      [
        f.measure.padEnd(58),
        `${f.small.toFixed(1)} ms`.padStart(10),
        `${f.full.toFixed(1)} ms`.padStart(10),
        `${(f.full / f.small).toFixed(2)}×`.padStart(7),
        `≤ ${f.target} ms`.padStart(9),
        f.full <= f.target ? "PASS" : "MISS",
      ].join(" "),
    );
  }
  return lines.join("\n");
}

async function main() {
  ensureBuild(log);
  const databaseFile = `${TMP}/bench-findings-${process.pid}.db`;
  createDatabase(databaseFile);
  const email = "constats@banc.example.org";
  const user = await createBenchUser(databaseFile, email);
  log("seeding the 1/20 project…");
  const small = await seedFindingsProject(databaseFile, user.id, SMALL, 1);
  log(
    `seeding the full project (${FULL.notes} notes, ${FULL.codes} codes, ${FULL.passages} passages, ${FULL.findings} findings, ${FULL.evidence} evidence)…`,
  );
  const full = await seedFindingsProject(databaseFile, user.id, FULL, 2);
  const server = await startOurs(databaseFile);
  try {
    const cookie = await login(server.url, email, BENCH_PASSWORD);
    log("timing pages (5 warm-ups, 30 runs each, median)…");
    const smallPages = await pages(server.url, cookie, small);
    const fullPages = await pages(server.url, cookie, full);
    log(`timing the projection of a note (${PROJECTION_RUNS} runs, median)…`);
    const projection = await projectionTimes(databaseFile, full.projectId, user.id);
    const figures: Figure[] = [
      { measure: "code list (codebook page), p50", small: smallPages.codes, full: fullPages.codes, target: 50 },
      { measure: "one code's passages, first page, p50", small: smallPages.code, full: fullPages.code, target: 100 },
      { measure: "findings list, p50", small: smallPages.findings, full: fullPages.findings, target: 80 },
      {
        measure: `a finding with ${BIG_FINDING_EVIDENCE} evidence items, p50`,
        small: smallPages.finding,
        full: fullPages.finding,
        target: 80,
      },
    ];
    console.log(`\n${table(figures)}`);
    console.log(
      `\nProjection of a note after an edit (median of ${PROJECTION_RUNS}): ` +
        `without passages ${projection.none.toFixed(1)} ms (baseline), ` +
        `with ${PASSAGES_IN_NOTE} coded passages ${projection.coded.toFixed(1)} ms ` +
        `(target ≤ 20 ms: ${projection.coded <= 20 ? "PASS" : "MISS"})`,
    );
  } finally {
    await server.stop();
    removeDatabase(databaseFile);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
