import { prisma } from "../core/db.server";
import { tagKey } from "../notes/tag-label";
import { mergeCodeRows } from "./code-merge.server";

/**
 * Fills `Tag.nameKey` for tags written before the column existed (server/setup.ts, on every
 * start; nothing to do once filled). Two old tags of a project that fold to one name ("Marché"
 * and "marche") become one code: the older keeps the name, the other is merged into it.
 * Returns how many tags got a key and how many were merged.
 */
export async function backfillCodeNameKeys(): Promise<{ named: number; merged: number }> {
  const pending = await prisma.tag.findMany({
    where: { nameKey: null, mergedIntoId: null },
    select: { projectId: true },
    distinct: ["projectId"],
  });
  let named = 0;
  let merged = 0;
  for (const { projectId } of pending) {
    // One transaction per project: a project is either fully keyed or untouched.
    const done = await prisma.$transaction(async (tx) => {
      const tags = await tx.tag.findMany({
        where: { projectId, mergedIntoId: null },
        select: { id: true, label: true, nameKey: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const holders = new Map(tags.filter((tag) => tag.nameKey).map((tag) => [tag.nameKey!, tag.id]));
      const counts = { named: 0, merged: 0 };
      for (const tag of tags) {
        if (tag.nameKey) continue;
        const key = tagKey(tag.label);
        const holder = holders.get(key);
        if (holder) {
          await mergeCodeRows(tx, { projectId, fromId: tag.id, intoId: holder });
          counts.merged++;
        } else {
          await tx.tag.update({ where: { id: tag.id }, data: { nameKey: key } });
          holders.set(key, tag.id);
          counts.named++;
        }
      }
      return counts;
    });
    named += done.named;
    merged += done.merged;
  }
  return { named, merged };
}
