import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { random } from "./stats";

/** The finding page's load in issue 15 §5: 50 threads, 500 comments in all. */
export const THREADS = 50;
export const COMMENTS = 500;

const WORDS = [
  "Le chiffre de 20 % vient de l'enquête de mars ; peut-on préciser l'échantillon ?",
  "D'accord avec la formulation, mais la citation du marché de Die mériterait son contexte.",
  "Les élus du conseil de développement demandent si le point de retrait est déjà financé.",
  "Proposition : « une majorité des producteurs » plutôt que « les producteurs ».",
  "Vu avec l'association : la donnée de fréquentation est confirmée.",
];

/**
 * Writes THREADS threads with COMMENTS comments on a finding, as the comment actions leave
 * them (half anchored to a passage with its quote and current text, a fifth resolved, some
 * comments edited or deleted), straight into SQLite: the page under test reads rows only.
 */
export async function seedThreads(
  databaseFile: string,
  {
    projectId,
    findingId,
    userIds,
  }: {
    projectId: string;
    findingId: string;
    userIds: string[];
  },
): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  const rand = random(15);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  try {
    const start = Date.now() - 30 * 86_400_000;
    for (let t = 0; t < THREADS; t++) {
      const anchored = t % 2 === 0;
      const opened = new Date(start + t * 3_600_000);
      const thread = await db.commentThread.create({
        data: {
          projectId,
          findingId,
          authorId: pick(userIds),
          // Not a real anchor: the page shows quote and current text from the row, never decodes it.
          anchor: anchored ? new Uint8Array([2, 1, 0, 1, 0]) : null,
          quote: anchored ? "les producteurs préfèrent un point de retrait" : "",
          currentText: anchored ? (t % 10 === 0 ? "" : "les producteurs préfèrent un point de retrait") : null,
          resolvedAt: t % 5 === 0 ? new Date(opened.getTime() + 86_400_000) : null,
          resolvedById: t % 5 === 0 ? pick(userIds) : null,
          createdAt: opened,
          lastActivityAt: opened,
        },
        select: { id: true },
      });
      const per = COMMENTS / THREADS;
      await db.comment.createMany({
        data: Array.from({ length: per }, (_, c) => ({
          threadId: thread.id,
          authorId: pick(userIds),
          body: `${pick(WORDS)} @Camille Roux`,
          createdAt: new Date(opened.getTime() + c * 60_000),
          editedAt: c % 7 === 3 ? new Date(opened.getTime() + c * 60_000 + 30_000) : null,
          deletedAt: c % 13 === 5 ? new Date(opened.getTime() + c * 60_000 + 40_000) : null,
        })),
      });
    }
  } finally {
    await db.$disconnect();
  }
}
