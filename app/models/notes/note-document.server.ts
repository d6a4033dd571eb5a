import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import type { DocumentKind, Editor } from "../documents/document-kind";
import { projectNote } from "./note-projection";
import { checkNoteUpdate } from "./note-schema.server";

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

/** `note:<noteId>`: a field note's body. A note in the trash cannot be opened. */
export const noteDocument: DocumentKind = {
  kind: "note",
  projectOf: `SELECT projectId FROM "Note" WHERE id = @id AND deletedAt IS NULL`,
  readAction: "content.read",
  writeAction: "notes.edit",
  checkUpdate: checkNoteUpdate,
  project: writeNoteProjection,
};
