import { prisma, type Prisma } from "../core/db.server";
import { LIMITS } from "../core/limits";
import { resolveNewTag, type LookalikeChoice } from "./tag.server";
import type { CodebookTag } from "./tag-label";
import { foldForSearch } from "../projects/territory.server";
import type { Phase } from "../core/vocabulary";
import { parseDayAsDate } from "~/utils/day";

export const NOTE_SORTS = ["observed", "updated"] as const;
export type NoteSort = (typeof NOTE_SORTS)[number];

export type NoteFilters = {
  q: string;
  authorId: string | null;
  tagId: string | null;
  /** Inclusive bounds on the observed day, as UTC midnights. */
  from: Date | null;
  to: Date | null;
  /** Where notes sit in the action-research cycle (ProjectCycle id, phase code). */
  cycleId: string | null;
  phase: Phase | null;
  sort: NoteSort;
  page: number;
};

// Re-exported for note.server.test.ts; the parser is app/utils/day.ts.
export { parseDayAsDate as parseDay } from "~/utils/day";

export function formatDay(date: Date | string | null): string {
  return date ? new Date(date).toISOString().slice(0, 10) : "";
}

/** The last day an observation may carry: a year from today (notes can plan a visit, not a decade). */
export function latestObservedDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
}

export function isPlausibleObservedDay(day: Date, now = new Date()): boolean {
  return day >= parseDayAsDate(LIMITS.earliestObservedDay)! && day <= latestObservedDay(now);
}

/** Folded words of a search, as the projection folds Note.searchText. */
export function searchWords(query: string): string[] {
  const words = foldForSearch(query.slice(0, LIMITS.noteQueryMax)).split(" ").filter(Boolean);
  return [...new Set(words)].slice(0, LIMITS.noteQueryWords);
}

/**
 * Notes outside the trash: every read for lists, search, pages and pickers goes through it
 * (the trash itself is read in note-trash.server.ts).
 */
export const NOT_TRASHED = { deletedAt: null } as const satisfies Prisma.NoteWhereInput;

const noteCardSelect = {
  id: true,
  title: true,
  excerpt: true,
  observedOn: true,
  place: true,
  placeCommuneCode: true,
  placeCommuneName: true,
  lastEditedAt: true,
  cycleId: true,
  phase: true,
  cycle: { select: { number: true } },
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  lastEditor: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, label: true } } }, orderBy: { tag: { label: "asc" } } },
} as const satisfies Prisma.NoteSelect;

type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteCardSelect }>;

function toCard({ tags, ...note }: NoteRow) {
  return { ...note, tags: tags.map((t) => t.tag) };
}

/**
 * Place and commune names are stored as typed ("Marché de Saint-Étienne") and SQLite's LIKE
 * only ignores ASCII case, so they are folded here. Places are short, so reading them for one
 * project costs far less than a column the collaboration projection would also have to maintain.
 */
async function notesWithPlaceMatching(projectId: string, words: string[]): Promise<string[][]> {
  const rows = await prisma.note.findMany({
    where: { projectId, ...NOT_TRASHED, OR: [{ place: { not: null } }, { placeCommuneName: { not: null } }] },
    select: { id: true, place: true, placeCommuneName: true },
  });
  const folded = rows.map((r) => ({ id: r.id, text: foldForSearch(`${r.place ?? ""} ${r.placeCommuneName ?? ""}`) }));
  return words.map((word) => folded.filter((r) => r.text.includes(word)).map((r) => r.id));
}

async function notesWhere(projectId: string, filters: NoteFilters): Promise<Prisma.NoteWhereInput> {
  const words = searchWords(filters.q);
  const placeMatches = words.length ? await notesWithPlaceMatching(projectId, words) : [];
  const nextDay = filters.to ? new Date(filters.to.getTime() + 86_400_000) : null;
  return {
    projectId,
    ...NOT_TRASHED,
    ...(filters.authorId ? { authorId: filters.authorId } : {}),
    ...(filters.tagId ? { tags: { some: { tagId: filters.tagId } } } : {}),
    ...(filters.cycleId ? { cycleId: filters.cycleId } : {}),
    ...(filters.phase ? { phase: filters.phase } : {}),
    ...(filters.from || nextDay
      ? { observedOn: { ...(filters.from ? { gte: filters.from } : {}), ...(nextDay ? { lt: nextDay } : {}) } }
      : {}),
    // Every word must appear somewhere: in the folded text, the title, or the place.
    AND: words.map((word, i) => ({
      OR: [
        { searchText: { contains: word } },
        { title: { contains: word } },
        ...(placeMatches[i]?.length ? [{ id: { in: placeMatches[i] } }] : []),
      ],
    })),
  };
}

/**
 * Undated notes first when sorting by observation: a note without a date is nearly always one
 * being started, and its author is looking for it.
 */
const ORDER: Record<NoteSort, Prisma.NoteOrderByWithRelationInput[]> = {
  observed: [{ observedOn: { sort: "desc", nulls: "first" } }, { updatedAt: "desc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
};

/** One page of the project's notes matching the filters, and how many match in all. */
export async function listNotes({ projectId, filters }: { projectId: string; filters: NoteFilters }) {
  const where = await notesWhere(projectId, filters);
  const [total, rows] = await Promise.all([
    prisma.note.count({ where }),
    prisma.note.findMany({
      where,
      select: noteCardSelect,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * LIMITS.notesPerPage,
      take: LIMITS.notesPerPage,
    }),
  ]);
  return { total, notes: rows.map(toCard) };
}

/** People who can be picked in the author filter: members, and former members who wrote notes here. */
export async function listNoteAuthors({ projectId }: { projectId: string }) {
  return prisma.user.findMany({
    where: {
      OR: [{ memberships: { some: { projectId } } }, { authoredNotes: { some: { projectId, ...NOT_TRASHED } } }],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * A new note. Its `title` is what the form asked for, shown by lists at once; the text itself
 * starts with that title as its first heading once the author's editor opens it (the editor
 * writes it through the collaboration server like any keystroke, app/editor/title-seed.client.ts),
 * and the projection keeps the two in step from then on.
 */
export async function createNote({
  projectId,
  authorId,
  title = "",
}: {
  projectId: string;
  authorId: string;
  title?: string;
}) {
  return prisma.note.create({ data: { projectId, authorId, title }, select: { id: true } });
}

/** A note of this project, or null: an id from another project is as unknown as a made-up one. */
export async function getNote({ projectId, noteId }: { projectId: string; noteId: string }) {
  const note = await prisma.note.findFirst({
    where: { id: noteId, projectId, ...NOT_TRASHED },
    select: { ...noteCardSelect, wordCount: true },
  });
  return note ? toCard(note) : null;
}

/** Whether the note is one of this project's, and whether it is in the trash; null when unknown. */
export async function noteState({ projectId, noteId }: { projectId: string; noteId: string }) {
  const note = await prisma.note.findFirst({ where: { id: noteId, projectId }, select: { deletedAt: true } });
  return note ? (note.deletedAt ? "trashed" : "active") : null;
}

export type NoteMetadata = {
  observedOn: Date | null;
  place: string | null;
  commune: { code: string; name: string } | null;
  tagIds: string[];
  /** A label to add to the codebook (or reuse, ignoring case) and put on the note. */
  newTag: string | null;
  /** The person's answer about a look-alike of `newTag` already in the codebook, if asked. */
  newTagChoice: LookalikeChoice;
  /** One of this project's cycles (checked by the caller against `listCycles`). */
  cycleId: string | null;
  phase: Phase | null;
};

/** `lookalike`: nothing was saved; ask whether to create `newTag` or use this tag. */
export type MetadataOutcome =
  "saved" | "not_found" | "trashed" | "unknown_tag" | "unknown_cycle" | { lookalike: CodebookTag };

/**
 * Which fields the person changed, from the values their page was loaded with; null to write
 * every field. Tags are merged: those they ticked are added and those they unticked removed,
 * others' changes to the rest are kept.
 */
export type MetadataChanges = {
  observedOn: boolean;
  place: boolean;
  commune: boolean;
  cyclePhase: boolean;
  tagsBefore: string[];
};

/** The note's tags now, plus those this person ticked and minus those they unticked since loading. */
async function mergedTags(tx: Prisma.TransactionClient, noteId: string, ticked: string[], before: string[]) {
  const current = await tx.noteTag.findMany({ where: { noteId }, select: { tagId: true } });
  const tags = new Set(current.map((row) => row.tagId));
  for (const id of before) if (!ticked.includes(id)) tags.delete(id);
  for (const id of ticked) tags.add(id);
  return tags;
}

/** Writes the metadata and the note's tags in one transaction: a refusal leaves nothing half-written. */
export async function updateNoteMetadata({
  projectId,
  noteId,
  metadata,
  changes = null,
}: {
  projectId: string;
  noteId: string;
  metadata: NoteMetadata;
  changes?: MetadataChanges | null;
}): Promise<MetadataOutcome> {
  return prisma.$transaction(async (tx) => {
    const note = await tx.note.findFirst({ where: { id: noteId, projectId }, select: { id: true, deletedAt: true } });
    if (!note) return "not_found";
    if (note.deletedAt) return "trashed";
    const codebook = await tx.tag.findMany({ where: { projectId }, select: { id: true, label: true } });
    const known = new Set(codebook.map((tag) => tag.id));
    if (metadata.tagIds.some((id) => !known.has(id))) return "unknown_tag";
    if (metadata.cycleId && !(await tx.projectCycle.count({ where: { id: metadata.cycleId, projectId } }))) {
      return "unknown_cycle";
    }
    const tagIds = changes
      ? await mergedTags(tx, note.id, metadata.tagIds, changes.tagsBefore)
      : new Set(metadata.tagIds);
    if (metadata.newTag) {
      const label = metadata.newTag;
      const resolved = await resolveNewTag(tx, { projectId, label, codebook, choice: metadata.newTagChoice });
      // Asked before anything is written: the transaction has changed nothing yet.
      if ("lookalike" in resolved) return { lookalike: resolved.lookalike };
      tagIds.add(resolved.tagId);
    }
    const changed = (field: Exclude<keyof MetadataChanges, "tagsBefore">) => changes === null || changes[field];
    await tx.note.update({
      where: { id: note.id },
      data: {
        ...(changed("observedOn") && { observedOn: metadata.observedOn }),
        ...(changed("place") && { place: metadata.place }),
        ...(changed("commune") && {
          placeCommuneCode: metadata.commune?.code ?? null,
          placeCommuneName: metadata.commune?.name ?? null,
        }),
        ...(changed("cyclePhase") && { cycleId: metadata.cycleId, phase: metadata.phase }),
      },
      select: { id: true },
    });
    await tx.noteTag.deleteMany({ where: { noteId: note.id } });
    if (tagIds.size) await tx.noteTag.createMany({ data: [...tagIds].map((tagId) => ({ noteId: note.id, tagId })) });
    return "saved";
  });
}
