import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/models/accounts/password.server";
import { tagKey } from "~/models/notes/tag-label";
import { foldForSearch } from "~/utils/search-fold";
import { BENCH_PASSWORD } from "./seed";
import { random } from "./stats";

/**
 * A project at the size issue 14 measures (1,000 notes, 60 codes, 20,000 coded passages, 300
 * findings, 5,000 evidence items, one finding with 100 of them), or a fraction of it, written
 * straight into SQLite as the projections leave it: the pages under test read rows only.
 */
export type FindingsScale = { notes: number; codes: number; passages: number; findings: number; evidence: number };

export const FULL: FindingsScale = { notes: 1_000, codes: 60, passages: 20_000, findings: 300, evidence: 5_000 };

/** The same shape at 1/20: the baseline printed beside the full size, to show how figures grow. */
export const SMALL: FindingsScale = { notes: 50, codes: 60, passages: 1_000, findings: 15, evidence: 250 };

/** Evidence items of the finding the "finding page" figure opens. */
export const BIG_FINDING_EVIDENCE = 100;

export type SeededFindings = {
  projectId: string;
  /** The code with the most passages (its first page is measured). */
  busiestCodeId: string;
  /** The finding with BIG_FINDING_EVIDENCE items. */
  bigFindingId: string;
};

const SENTENCES = [
  "Les producteurs du marché s'organisent par messagerie pour annoncer les légumes de la semaine.",
  "La couverture mobile reste très mauvaise dans les hameaux, ce qui complique les paiements par carte.",
  "Plusieurs habitants disent ne plus savoir à qui s'adresser depuis la fermeture du bureau de poste.",
  "Une agricultrice hésite à ouvrir une boutique en ligne par crainte de perdre le contact avec ses habitués.",
  "Les élus souhaitent une halle couverte ; les producteurs préféreraient un point de retrait des commandes.",
  "Le café du village sert de relais colis et de lieu d'entraide pour les démarches en ligne.",
  "Les commerçants de la place craignent la concurrence des plateformes de livraison.",
];

export async function createBenchUser(databaseFile: string, email: string) {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  try {
    return await db.user.create({
      data: { email, name: "Camille Roux", passwordHash: await hashPassword(BENCH_PASSWORD) },
      select: { id: true },
    });
  } finally {
    await db.$disconnect();
  }
}

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

export async function seedFindingsProject(
  databaseFile: string,
  userId: string,
  scale: FindingsScale,
  seed: number,
): Promise<SeededFindings> {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  try {
    const project = await db.project.create({
      data: {
        title: `Banc d'essai — constats (${scale.notes} notes)`,
        question: "Comment garder la valeur des ventes sur le territoire ?",
        territoryKind: "commune",
        territoryCode: "26113",
        territoryName: "Die",
        departement: "26",
        region: "84",
        memberships: { create: { userId, role: "researcher" } },
      },
      select: { id: true },
    });
    const projectId = project.id;
    const codes = await db.tag.createManyAndReturn({
      data: Array.from({ length: scale.codes }, (_, i) => {
        const label = `Code ${String(i + 1).padStart(2, "0")} — ${pick(["usages", "freins", "besoins", "acteurs"])}`;
        return { projectId, label, nameKey: tagKey(label), definition: `Ce qui relève de ${label.toLowerCase()}.` };
      }),
      select: { id: true },
    });
    const start = Date.UTC(2025, 0, 1);
    const notes: { id: string; text: string }[] = [];
    await inChunks(
      Array.from({ length: scale.notes }, (_, i) => i),
      200,
      async (chunk) => {
        const bodies = chunk.map(() => Array.from({ length: 6 }, () => pick(SENTENCES)).join("\n"));
        const rows = await db.note.createManyAndReturn({
          data: chunk.map((i, k) => ({
            projectId,
            authorId: userId,
            title: `Note de terrain ${i + 1}`,
            excerpt: bodies[k]!.slice(0, 200),
            searchText: foldForSearch(bodies[k]!),
            wordCount: 90,
            observedOn: new Date(start + i * 86_400_000),
            placeCommuneCode: "26113",
            placeCommuneName: "Die",
          })),
          select: { id: true },
        });
        rows.forEach((row, k) => notes.push({ id: row.id, text: bodies[k]! }));
      },
    );
    // Passages: codes drawn unevenly (the first code is the busiest, as in real codebooks).
    const passages = Array.from({ length: scale.passages }, (_, i) => {
      const note = notes[i % notes.length]!;
      const from = Math.floor(rand() * (note.text.length - 60));
      const codeIndex = rand() < 0.2 ? 0 : Math.floor(rand() * codes.length);
      return {
        noteId: note.id,
        passageId: `p${seed}x${String(i).padStart(8, "0")}`,
        projectId,
        codeId: codes[codeIndex]!.id,
        text: note.text.slice(from, from + 40 + Math.floor(rand() * 20)),
        start: from,
        end: from + 50,
        codedById: userId,
      };
    });
    await inChunks(passages, 500, (chunk) => db.codedPassage.createMany({ data: chunk }));
    const findings = await db.finding.createManyAndReturn({
      data: Array.from({ length: scale.findings }, (_, i) => ({
        projectId,
        authorId: userId,
        state: pick(["draft", "submitted", "validated", "published"]),
        confidence: pick(["low", "medium", "high"]),
        title: `Constat ${i + 1} : les habitants veulent un point de retrait`,
        excerpt: pick(SENTENCES),
        searchText: foldForSearch(`Constat ${i + 1} ${pick(SENTENCES)}`),
        sectors: JSON.stringify(["agriculture"]),
      })),
      select: { id: true },
    });
    const bigFindingId = findings[0]!.id;
    const evidence = Array.from({ length: scale.evidence }, (_, i) => {
      // The first finding gets exactly BIG_FINDING_EVIDENCE items; the others share the rest.
      const findingId = i < BIG_FINDING_EVIDENCE ? bigFindingId : findings[1 + (i % (findings.length - 1))]!.id;
      const passage = passages[i % passages.length]!;
      const kind = i % 10 === 9 ? "code" : i % 10 === 8 ? "source" : "quote";
      const changed = i % 7 === 0;
      return {
        findingId,
        projectId,
        kind,
        comment: "Ce passage montre le besoin d'un point de retrait en semaine.",
        position: i,
        createdById: userId,
        ...(kind === "quote"
          ? {
              noteId: passage.noteId,
              quote: passage.text,
              currentText: changed ? `${passage.text} (modifié)` : passage.text,
            }
          : kind === "code"
            ? { codeId: passage.codeId }
            : { sourceTitle: "Baromètre du numérique 2025", sourceUrl: "https://example.org/barometre" }),
      };
    });
    await inChunks(evidence, 500, (chunk) => db.evidence.createMany({ data: chunk }));
    return { projectId, busiestCodeId: codes[0]!.id, bigFindingId };
  } finally {
    await db.$disconnect();
  }
}
