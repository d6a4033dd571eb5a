import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import type { DocumentKind, Editor } from "../documents/document-kind";
import { refreshThreadAnchors } from "../comments/thread-anchors.server";
import { refreshNoteQuotes } from "../findings/quote-refresh.server";
import { writeCodedPassages } from "./coded-passages.server";
import { flattenRichText } from "./note-flat-text";
import { projectNote } from "./note-projection";
import { NOTE_FRAGMENT } from "./note-schema";
import { checkNoteUpdate } from "./note-schema.server";

/**
 * Writes the note's projection: its row (title, excerpt, search text…), its coded passages, and
 * the current text of the quotes that cite it. The flat text is computed once for both.
 */
export async function writeNoteProjection(noteId: string, doc: Y.Doc, lastEditor: Editor | null): Promise<void> {
  const projection = projectNote(doc);
  const note = await prisma.note.findUnique({ where: { id: noteId }, select: { projectId: true } });
  if (!note) return;
  await prisma.note.updateMany({
    where: { id: noteId },
    data: {
      ...projection,
      ...(lastEditor ? { lastEditorId: lastEditor.userId, lastEditedAt: lastEditor.at } : {}),
    },
  });
  const flat = flattenRichText(doc.getXmlFragment(NOTE_FRAGMENT));
  await writeCodedPassages({ noteId, projectId: note.projectId, flat });
  await refreshNoteQuotes(noteId, doc, flat);
  await refreshThreadAnchors({ noteId }, doc, flat);
}

/** `note:<noteId>`: a field note's body. A note in the trash cannot be opened. */
export const noteDocument: DocumentKind = {
  kind: "note",
  projectOf: `SELECT projectId, NULL AS stage FROM "Note" WHERE id = @id AND deletedAt IS NULL`,
  readAction: "content.read",
  writeAction: "notes.edit",
  checkUpdate: checkNoteUpdate,
  project: writeNoteProjection,
};
