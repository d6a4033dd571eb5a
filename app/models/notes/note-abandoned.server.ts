import { prisma, type Prisma } from "../core/db.server";

/**
 * New notes left empty (issue 13): "Nouvelle note" creates the row at once, so that the editor
 * has a document to open; a note whose author then walks away without writing anything would
 * stay in every list as "Sans titre". Such notes are removed by the hourly job that empties the
 * trash (server/jobs/note-trash.ts), once they are ABANDONED_AFTER_MS old.
 *
 * Why a job and not the page: leaving a page (closing a tab, a phone killing it, the network
 * going) sends nothing reliable, and two tabs or two people could be on the note. Why not hide
 * them from lists meanwhile: a note being written is legitimately empty for a while, and the
 * others seeing "Sans titre, pas encore rédigée" for at most two hours is honest and simple.
 */

/** How old an empty note must be before it is removed. Default one hour. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const BATCH = 100;

/**
 * Empty: nothing anyone wrote or chose. No title (the form's, or a projected one), no text, no
 * edit ever projected, no information, no tag, no timeline link, and not in the trash (the trash
 * has its own days).
 */
function emptyNotesWhere(cutoff: Date): Prisma.NoteWhereInput {
  return {
    deletedAt: null,
    createdAt: { lte: cutoff },
    title: "",
    excerpt: "",
    wordCount: 0,
    lastEditedAt: null,
    observedOn: null,
    place: null,
    placeCommuneCode: null,
    cycleId: null,
    phase: null,
    tags: { none: {} },
    timelineEvents: { none: {} },
  };
}

/** Whether the note's document was ever written to (its update log or snapshot). */
async function hasDocument(docName: string): Promise<boolean> {
  const [updates, snapshots] = await Promise.all([
    prisma.documentUpdate.count({ where: { docName } }),
    prisma.documentSnapshot.count({ where: { docName } }),
  ]);
  return updates + snapshots > 0;
}

/**
 * Removes the notes created before `now - ABANDONED_AFTER_MS` that are still empty and whose
 * document was never written to: an erased text still has an update log, and is kept. The
 * document goes first through `removeDocument` (the collaboration server's: an editor left open
 * on it is told the note is gone), then the row, if still empty. A keystroke landing in the
 * milliseconds between the check and the removal, after an hour of nothing, would be lost; a
 * note that failed is tried again on the next run.
 */
export async function purgeAbandonedNotes({
  now,
  removeDocument,
}: {
  now: Date;
  removeDocument: (name: string) => Promise<void>;
}): Promise<{ removed: number; failures: { noteId: string; error: unknown }[] }> {
  const where = emptyNotesWhere(new Date(now.getTime() - ABANDONED_AFTER_MS));
  let removed = 0;
  const failures: { noteId: string; error: unknown }[] = [];
  let after = "";
  for (;;) {
    const due = await prisma.note.findMany({
      where: { ...where, id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const { id } of due) {
      try {
        if (await hasDocument(`note:${id}`)) continue;
        await removeDocument(`note:${id}`);
        const { count } = await prisma.note.deleteMany({ where: { ...where, id } });
        removed += count;
      } catch (error) {
        failures.push({ noteId: id, error });
      }
    }
    if (due.length < BATCH) return { removed, failures };
    after = due[due.length - 1]!.id;
  }
}
