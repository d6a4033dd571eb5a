import { prisma, type Prisma } from "../core/db.server";

/**
 * The project trash for field notes: a deleted note stays restorable for NOTE_TRASH_DAYS, out of
 * every list, search and picker (note.server.ts NOT_TRASHED); then it is removed for good,
 * with its document (purgeTrashedNotes, run hourly by server/jobs/note-trash.ts).
 */

/** How long a note stays in the trash before it is removed for good. */
export const NOTE_TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/** Notes trashed before this instant are due for removal, and can no longer be restored. */
export function trashCutoff(now: Date): Date {
  return new Date(now.getTime() - NOTE_TRASH_DAYS * DAY_MS);
}

const trashedSelect = {
  id: true,
  title: true,
  authorId: true,
  author: { select: { id: true, name: true } },
  deletedAt: true,
  deletedBy: { select: { id: true, name: true } },
} as const satisfies Prisma.NoteSelect;

type TrashedRow = Prisma.NoteGetPayload<{ select: typeof trashedSelect }>;

function toTrashed({ deletedAt, ...note }: TrashedRow, now: Date) {
  const removedAt = new Date(deletedAt!.getTime() + NOTE_TRASH_DAYS * DAY_MS);
  return {
    ...note,
    deletedAt: deletedAt!,
    removedAt,
    /** Whole days before removal, rounded up; 0 once it is due (it can no longer be restored). */
    daysLeft: Math.max(0, Math.ceil((removedAt.getTime() - now.getTime()) / DAY_MS)),
  };
}

export type TrashedNote = ReturnType<typeof toTrashed>;

/** Moves a note of this project to the trash. False when it is unknown or already there. */
export async function trashNote({
  projectId,
  noteId,
  userId,
  now = new Date(),
}: {
  projectId: string;
  noteId: string;
  userId: string;
  now?: Date;
}): Promise<boolean> {
  const { count } = await prisma.note.updateMany({
    where: { id: noteId, projectId, deletedAt: null },
    data: { deletedAt: now, deletedById: userId },
  });
  return count > 0;
}

/**
 * Puts a trashed note back in the lists. False when it is not in the trash, or when its days
 * are over: then it is being removed, and restoring it would race with the removal of its text.
 */
export async function restoreNote({
  projectId,
  noteId,
  now = new Date(),
}: {
  projectId: string;
  noteId: string;
  now?: Date;
}): Promise<boolean> {
  const { count } = await prisma.note.updateMany({
    where: { id: noteId, projectId, deletedAt: { gt: trashCutoff(now) } },
    data: { deletedAt: null, deletedById: null },
  });
  return count > 0;
}

/** The project's trash, most recently deleted first. */
export async function listTrashedNotes({ projectId, now = new Date() }: { projectId: string; now?: Date }) {
  const rows = await prisma.note.findMany({
    where: { projectId, deletedAt: { not: null } },
    select: trashedSelect,
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => toTrashed(row, now));
}

/** One note of this project if it is in the trash, else null. */
export async function getTrashedNote({
  projectId,
  noteId,
  now = new Date(),
}: {
  projectId: string;
  noteId: string;
  now?: Date;
}): Promise<TrashedNote | null> {
  const row = await prisma.note.findFirst({
    where: { id: noteId, projectId, deletedAt: { not: null } },
    select: trashedSelect,
  });
  return row ? toTrashed(row, now) : null;
}

/** The owner a delete or restore right is judged against: the note's author. */
export async function noteOwner({ projectId, noteId }: { projectId: string; noteId: string }) {
  return prisma.note.findFirst({
    where: { id: noteId, projectId },
    select: { authorId: true, deletedAt: true, title: true },
  });
}

const PURGE_BATCH = 100;

/**
 * Removes for good the notes trashed more than NOTE_TRASH_DAYS before `now`: first the
 * document (its update log and snapshot), then the row (its tags and timeline links go with it).
 * A note whose document could not be removed keeps its row and is tried again on the next run,
 * so nothing is left behind without a row pointing at it. Returns how many were removed, and
 * the notes that could not be (with why).
 */
export async function purgeTrashedNotes({
  now,
  removeDocument,
}: {
  now: Date;
  removeDocument: (name: string) => Promise<void>;
}): Promise<{ removed: number; failures: { noteId: string; error: unknown }[] }> {
  const cutoff = trashCutoff(now);
  let removed = 0;
  const failures: { noteId: string; error: unknown }[] = [];
  let after = "";
  for (;;) {
    const due = await prisma.note.findMany({
      where: { deletedAt: { lte: cutoff }, id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: PURGE_BATCH,
    });
    for (const { id } of due) {
      try {
        await removeDocument(`note:${id}`);
        // Still due: restoreNote refuses notes past the cutoff, so nothing brought it back.
        const { count } = await prisma.note.deleteMany({ where: { id, deletedAt: { lte: cutoff } } });
        removed += count;
      } catch (error) {
        failures.push({ noteId: id, error });
      }
    }
    if (due.length < PURGE_BATCH) return { removed, failures };
    after = due[due.length - 1]!.id;
  }
}

/** How many of the project's notes are in the trash, for the link to it. */
export async function countTrashedNotes({ projectId }: { projectId: string }): Promise<number> {
  return prisma.note.count({ where: { projectId, deletedAt: { not: null } } });
}
