/**
 * `npm run bench:surveys`: one survey (every question type) with 10,000 responses, then the
 * same survey grown to 100,000, each time served by our real server (server/index.ts, built
 * app, production mode) on 127.0.0.1. Prints, for 10k and 100k side by side:
 * - the results page: median and p90 response time over loopback (its loader aggregates in SQL);
 * - the CSV and XLSX exports: time to the last byte, bytes, and the server's memory during the
 *   export, sampled from outside in /proc/<pid>/status (VmRSS every 5 ms; growth = peak − before);
 * - the live memory an export in progress holds (see liveDuringExport).
 * Targets (issue 4): results under 300 ms at 10k; export memory flat as responses grow.
 * RSS shows how the server behaves as deployed but cannot judge "flat": V8 collects lazily,
 * so a longer export leaves more garbage in RSS (10k → 100k gave +61 → +143 MB in one run and
 * +72 → +97 MB in the next). The live memory, after a full collection, is what the export
 * keeps: one that loaded every response would hold ten times more at 100k.
 * A benchmark, not a test: it exits 0 after printing (a MISS is a finding), 1 if it crashed.
 */
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { OTHER_CHOICE } from "~/models/surveys/survey-answers";
import { createProject, createUser } from "../factories";
import { TMP } from "../support/paths";
import { createSurvey } from "../survey-factories";
import { login } from "./clients";
import type { LiveMemory } from "./inspector";
import { createDatabase, ensureBuild, removeDatabase, rssBytes, startOurs, type BenchServer } from "./servers";
import { median, quantile, random, sleep } from "./stats";

const SIZES = [10_000, 100_000];
const PAGE_WARMUPS = 3;
const PAGE_RUNS = 15;
const EXPORT_RUNS = 3;
const RESULTS_TARGET_MS = 300;
/** "Flat": at 100k, an export in progress may hold at most this much more than at 10k (a batch is ~1 MB). */
const FLAT_MARGIN_MB = 16;

const startedAt = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const mb = (bytes: number) => bytes / 1024 / 1024;

const COMMUNES = ["26113", "26198", "26064", "38185", "26281", "07010", "26001"];
const WORDS = "marché ferme vélo bus épicerie boulangerie producteurs circuit court voisin prix qualité saison".split(
  " ",
);

/** Answers as the validation stores them, drawn from a seeded generator so that runs compare. */
function answersFor(next: () => number, i: number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const answers: Record<string, string | number | string[]> = {
    "q-story": `${sentence(12)} (${i})`,
    "q-shop": next() < 0.1 ? OTHER_CHOICE : pick(["opt-market", "opt-super", "opt-farm"]),
    "q-satisf": 1 + Math.floor(next() * 5),
    "q-town": pick(COMMUNES),
  };
  if (answers["q-shop"] === OTHER_CHOICE) answers["q-shop~other"] = sentence(3);
  if (next() < 0.5) answers["q-name"] = pick(["Lou", "Sam", "Camille", "Alex", "Noé"]);
  const modes = ["opt-foot", "opt-bike", "opt-car", OTHER_CHOICE].filter(() => next() < 0.4);
  if (modes.length) answers["q-modes"] = modes;
  if (modes.includes(OTHER_CHOICE)) answers["q-modes~other"] = sentence(2);
  if (next() < 0.8) answers["q-km"] = Math.round(next() * 300) / 10;
  if (next() < 0.7) answers["q-people"] = 1 + Math.floor(next() * 6);
  if (next() < 0.6)
    answers["q-since"] = `${1950 + Math.floor(next() * 75)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
  return answers;
}

/** Responses written straight into SQLite in one transaction (as Prisma's adapter stores dates). */
function insertResponses(file: string, survey: { id: string; versionId: string }, from: number, to: number) {
  const db = new Database(file);
  const next = random(from + 1);
  const insert = db.prepare(
    `INSERT INTO SurveyResponse (id, surveyId, versionId, submissionKey, channel, answers, communeCode, submittedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    for (let i = from; i < to; i++) {
      const answers = answersFor(next, i);
      const at = new Date(start + i * 37_000).toISOString().replace("Z", "+00:00");
      insert.run(
        `bench${String(i).padStart(9, "0")}`,
        survey.id,
        survey.versionId,
        crypto.randomUUID(),
        i % 7 === 0 ? "field" : "public",
        JSON.stringify(answers),
        answers["q-town"] as string,
        at,
      );
    }
  })();
  db.close();
}

async function seed(file: string) {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 5000 }) });
  try {
    const user = await createUser(db);
    // Raw exports need `surveys.rawAnswers` (issue 13, point 5).
    const project = await createProject(db, { members: [[user.id, "researcher"]] });
    const survey = await createSurvey(db, { projectId: project.id });
    return { user, project, survey: { id: survey.id, versionId: survey.currentVersionId } };
  } finally {
    await db.$disconnect();
  }
}

/** Samples the server's resident memory every 5 ms while `work` runs. */
async function sampleMemory<T>(server: BenchServer, work: () => Promise<T>) {
  const before = server.rssBytes();
  let peak = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssBytes(server.pid));
      await sleep(5);
    }
  })();
  try {
    const result = await work();
    return { result, before, peak };
  } finally {
    running = false;
    await sampler;
  }
}

type Format = "csv" | "xlsx";
const FORMATS: Format[] = ["csv", "xlsx"];

type ExportFigures = {
  exportMedian: number;
  exportBytes: number;
  rssBefore: number;
  rssPeak: number;
  growth: number;
  /** Live heap + external memory held early in an export, over what was live before it. */
  held: number;
};

type Figures = { responses: number; resultsMedian: number; resultsP90: number } & Record<Format, ExportFigures>;

const live = (m: LiveMemory) => m.heapUsed + m.external;

/**
 * The live memory (after a full garbage collection, read through the server's inspector) before
 * an export and early in it, while this client stops reading: the server's writes then wait
 * for the socket to drain, and what it holds is what the export keeps — a batch and the
 * socket's buffers if it streams, every response if it does not. The pause comes after the
 * first 64 KB: the kernel grows a connection's buffers (up to 32 MB here) only while the
 * reader keeps up, so later the rest of a 2 MB export could already sit in them.
 */
async function liveDuringExport(
  server: BenchServer,
  base: string,
  format: Format,
  headers: Record<string, string>,
  bytes: number,
) {
  const before = await server.liveMemory();
  const response = await fetch(`${server.url}${base}/export.${format}`, { headers });
  if (response.status !== 200) throw new Error(`export: ${response.status}`);
  const reader = response.body!.getReader();
  let size = 0;
  let during: LiveMemory | null = null;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (!during && size >= 64 * 1024) {
      await sleep(300); // the socket's buffers fill up and the server waits
      during = await server.liveMemory();
    }
  }
  // A zip's bytes vary (its entries' dates); a CSV's do not.
  if (!during || (format === "csv" && size !== bytes)) throw new Error(`export: ${size} bytes, expected ${bytes}`);
  return live(during) - live(before);
}

async function exports(server: BenchServer, base: string, format: Format, headers: Record<string, string>) {
  const times: number[] = [];
  let bytes = 0;
  let rssBefore = Infinity;
  let rssPeak = 0;
  for (let run = 0; run < EXPORT_RUNS; run++) {
    await sleep(200);
    const sampled = await sampleMemory(server, async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}${base}/export.${format}`, { headers });
      if (response.status !== 200) throw new Error(`export: ${response.status}`);
      let size = 0;
      const reader = response.body!.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) size += part.value.byteLength;
      return { ms: performance.now() - started, size };
    });
    times.push(sampled.result.ms);
    bytes = sampled.result.size;
    rssBefore = Math.min(rssBefore, sampled.before);
    rssPeak = Math.max(rssPeak, sampled.peak);
  }
  return { times, bytes, rssBefore, rssPeak };
}

async function measure(
  file: string,
  email: string,
  password: string,
  base: string,
  responses: number,
): Promise<Figures> {
  const server = await startOurs(file);
  try {
    const cookie = await login(server.url, email, password);
    const headers = { cookie };
    // Exports first, on a server that has rendered nothing heavy yet: the memory they cost is theirs.
    const byFormat = {} as Record<Format, ExportFigures>;
    for (const format of FORMATS) {
      const { times, bytes, rssBefore, rssPeak } = await exports(server, base, format, headers);
      byFormat[format] = {
        exportMedian: median(times),
        exportBytes: bytes,
        rssBefore,
        rssPeak,
        growth: rssPeak - rssBefore,
        held: await liveDuringExport(server, base, format, headers, bytes),
      };
    }
    const times: number[] = [];
    for (let i = 0; i < PAGE_WARMUPS + PAGE_RUNS; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}${base}/results`, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`results: ${response.status} ${body.slice(0, 200)}`);
      if (i >= PAGE_WARMUPS) times.push(performance.now() - started);
    }
    return {
      responses,
      resultsMedian: median(times),
      resultsP90: quantile(times, 0.9),
      ...byFormat,
    };
  } finally {
    await server.stop();
  }
}

function table(figures: Figures[]) {
  const [small, large] = figures;
  const rows: [string, (f: Figures) => string, string][] = [
    ["results page, median (ms)", (f) => f.resultsMedian.toFixed(1), `≤ ${RESULTS_TARGET_MS} at 10k`],
    ["results page, p90 (ms)", (f) => f.resultsP90.toFixed(1), ""],
    ...FORMATS.flatMap((format): [string, (f: Figures) => string, string][] => {
      const name = format.toUpperCase();
      return [
        [`${name} export, median to last byte (ms)`, (f) => f[format].exportMedian.toFixed(0), ""],
        [`${name} export size (MB)`, (f) => mb(f[format].exportBytes).toFixed(1), ""],
        [`${name}: server RSS before export (MB)`, (f) => mb(f[format].rssBefore).toFixed(1), ""],
        [`${name}: server RSS peak during export (MB)`, (f) => mb(f[format].rssPeak).toFixed(1), ""],
        [`${name}: RSS growth during export (MB)`, (f) => mb(f[format].growth).toFixed(1), "(info)"],
        [`${name}: live memory held during export (MB)`, (f) => mb(f[format].held).toFixed(1), "flat"],
      ];
    }),
  ];
  const width = [44, 12, 12, 16];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[0]!) : c.padStart(width[i]!))).join(" ");
  const out = [line(["Measure", "10k", "100k", "target"]), "-".repeat(83)];
  for (const [name, value, target] of rows)
    out.push(line([name, small ? value(small) : "—", large ? value(large) : "—", target]));
  const verdicts: string[] = [];
  if (small) verdicts.push(`results at 10k: ${small.resultsMedian <= RESULTS_TARGET_MS ? "PASS" : "MISS"}`);
  if (small && large) {
    for (const format of FORMATS) {
      const flat = large[format].held <= small[format].held + FLAT_MARGIN_MB * 1024 * 1024;
      verdicts.push(
        `${format.toUpperCase()} export memory flat (live memory held during export at 100k ≤ at 10k + ${FLAT_MARGIN_MB} MB): ${flat ? "PASS" : "MISS"}`,
      );
    }
  }
  return `${out.join("\n")}\n\n${verdicts.join("\n")}`;
}

async function main() {
  ensureBuild(log);
  const file = path.join(TMP, `bench-surveys-${crypto.randomUUID()}.db`);
  createDatabase(file);
  const figures: Figures[] = [];
  try {
    const seeded = await seed(file);
    const base = `/projects/${seeded.project.id}/surveys/${seeded.survey.id}`;
    let inserted = 0;
    for (const size of SIZES) {
      log(`seeding responses ${inserted} → ${size}…`);
      insertResponses(file, seeded.survey, inserted, size);
      inserted = size;
      log(`measuring at ${size} responses…`);
      figures.push(await measure(file, seeded.user.email, seeded.user.password, base, size));
    }
  } catch (error) {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  } finally {
    removeDatabase(file);
  }
  console.log(`\nSurveys — one survey, every question type (${new Date().toISOString()})\n`);
  console.log(table(figures));
}

await main();
