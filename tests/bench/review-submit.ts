import crypto from "node:crypto";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import * as Y from "yjs";
import { PrismaClient } from "~/generated/prisma/client";
import { TMP } from "../support/paths";
import { createDatabase, removeDatabase } from "./servers";
import { median, quantile } from "./stats";

type Log = (line: string) => void;
const RUNS = 40;
const EVIDENCE = 10;

/** A finding's statement as its document holds it: a title and three paragraphs. */
function statement(): Uint8Array {
  const doc = new Y.Doc();
  const blocks = [
    ["heading", "Le marché de producteurs rayonne sur la vallée"],
    ["paragraph", "Les clients du samedi viennent de Die mais aussi de Crest, de Luc et des hameaux."],
    ["paragraph", "Les producteurs vendent un tiers de leur production sur place."],
    ["paragraph", "La fréquentation double l'été avec les résidents secondaires."],
  ];
  doc.getXmlFragment("default").insert(
    0,
    blocks.map(([type, text]) => {
      const element = new Y.XmlElement(type!);
      if (type === "heading") element.setAttribute("level", 2 as unknown as string);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Submitting a finding as the review panel does (`transitionFinding`: the guarded update, the
 * frozen version with its statement and 10 evidence items, the transition row and the
 * notifications with their outbox rows, e-mail on), to a council of 40 members, beside the same
 * submission to a council of one: what a council's size adds. In this process, on its own
 * database (the app's client reads DATABASE_URL when first imported).
 */
export async function measureSubmit(log: Log, members = 40) {
  const databaseFile = path.join(TMP, `bench-submit-${crypto.randomUUID()}.db`);
  createDatabase(databaseFile);
  process.env.DATABASE_URL = `file:${databaseFile}`;
  process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";
  const { transitionFinding } = await import("~/models/review/transition.server");
  const { getProjectAccess } = await import("~/models/projects/permissions.server");
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  const state = statement();
  try {
    const author = await db.user.create({ data: { email: "auteur@bench.test", name: "Rita", passwordHash: "x" } });
    const result: Record<"one" | "council", number[]> = { one: [], council: [] };
    for (const [key, size] of [
      ["one", 1],
      ["council", members],
    ] as const) {
      const council = await Promise.all(
        Array.from({ length: size }, (_, i) =>
          db.user.create({
            data: { email: `${key}-${i}@bench.test`, name: `Membre ${i}`, passwordHash: "x" },
            select: { id: true },
          }),
        ),
      );
      const project = await db.project.create({
        data: {
          title: `Banc (${size})`,
          question: "?",
          territoryKind: "commune",
          territoryCode: "26113",
          territoryName: "Die",
          memberships: {
            create: [
              { userId: author.id, role: "researcher" },
              ...council.map((user) => ({ userId: user.id, role: "council_reviewer" })),
            ],
          },
        },
        select: { id: true },
      });
      const access = (await getProjectAccess({ id: author.id, siteRole: "member" }, project.id))!;
      for (let run = 0; run < RUNS + 5; run++) {
        const finding = await db.finding.create({
          data: {
            projectId: project.id,
            authorId: author.id,
            title: "Le marché de producteurs rayonne sur la vallée",
            evidence: {
              create: Array.from({ length: EVIDENCE }, (_, i) => ({
                projectId: project.id,
                kind: "source",
                position: i,
                sourceTitle: `Rapport ${i}`,
                comment: "Chiffres de fréquentation.",
              })),
            },
          },
          select: { id: true },
        });
        const started = performance.now();
        const outcome = await transitionFinding({
          access,
          userId: author.id,
          findingId: finding.id,
          transition: "submit",
          from: "draft",
          version: 0,
          comment: "",
          readDocument: async () => state,
        });
        if (outcome.type !== "done") throw new Error(`submit refused: ${outcome.type}`);
        if (run >= 5) result[key].push(performance.now() - started);
      }
    }
    const outbox = await db.mailOutbox.count();
    const figures = {
      oneP50Ms: median(result.one),
      councilP50Ms: median(result.council),
      councilP99Ms: quantile(result.council, 0.99),
      outboxRows: outbox,
    };
    log(
      `submit: p50 ${figures.councilP50Ms.toFixed(1)} ms (p99 ${figures.councilP99Ms.toFixed(1)}) to a council of ${members} ` +
        `vs ${figures.oneP50Ms.toFixed(1)} ms to a council of one; ${outbox} outbox rows in all (target ≤ 50 ms)`,
    );
    return figures;
  } finally {
    await db.$disconnect();
    removeDatabase(databaseFile);
  }
}
