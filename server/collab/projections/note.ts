import type * as Y from "yjs";
import { prisma } from "../../../app/models/core/db.server";
import { foldForSearch } from "../../../app/models/projects/territory.server";
import type { Editor } from "./index";
import { blocksOf } from "./text";

const TITLE_MAX = 120;
const EXCERPT_MAX = 280;

export type NoteProjection = { title: string; excerpt: string; searchText: string; wordCount: number };

/**
 * What lists and search need from a note, computed from its document: the first heading
 * (or first line) as title, the text after it as excerpt, word count and folded text.
 */
export function projectNote(doc: Y.Doc): NoteProjection {
  const blocks = blocksOf(doc.getXmlFragment("default"));
  const titleIndex = Math.max(
    0,
    blocks.findIndex((b) => b.type === "heading"),
  );
  const title = (blocks[titleIndex]?.text ?? "").slice(0, TITLE_MAX);
  const body = blocks
    .filter((_, i) => i !== titleIndex)
    .map((b) => b.text)
    .join(" ");
  const excerpt = body.length > EXCERPT_MAX ? `${body.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : body;
  const all = blocks.map((b) => b.text).join(" ");
  const wordCount = all.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return { title, excerpt, searchText: foldForSearch(all), wordCount };
}

/** Writes the note's projection to its row. */
export async function writeNoteProjection(noteId: string, doc: Y.Doc, lastEditor: Editor | null): Promise<void> {
  const projection = projectNote(doc);
  await prisma.note.updateMany({
    where: { id: noteId },
    data: {
      ...projection,
      ...(lastEditor ? { lastEditorId: lastEditor.userId, lastEditedAt: lastEditor.at } : {}),
    },
  });
}
