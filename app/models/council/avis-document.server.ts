import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import type { DocumentKind, Editor } from "../documents/document-kind";
import { FINDING_MESSAGE_BYTES } from "../findings/finding-document.server";
import { projectNote } from "../notes/note-projection";
import { checkNoteUpdate } from "../notes/note-schema.server";
import { avisStageRights } from "./avis-rights";

/** Writes what lists read from the avis: its title (first heading), excerpt and last editor. */
export async function writeAvisProjection(saisineId: string, doc: Y.Doc, lastEditor: Editor | null): Promise<void> {
  const { title, excerpt } = projectNote(doc);
  // Only while drafted: an adopted avis is frozen, its row keeps what was adopted.
  await prisma.saisine.updateMany({
    where: { id: saisineId, state: "drafting" },
    data: {
      title,
      excerpt,
      ...(lastEditor ? { lastEditorId: lastEditor.userId, lastEditedAt: lastEditor.at } : {}),
    },
  });
}

/**
 * `avis:<saisineId>`: the council's opinion, co-written by council reviewers while drafted,
 * read by every reader of the project, read-only for all once adopted (avis-rights.ts). The
 * open sockets follow an adoption by themselves: the rights are re-read every 2 s
 * (server/collab/revalidation.ts) and a writer becomes a reader.
 */
export const avisDocument: DocumentKind = {
  kind: "avis",
  projectOf: `SELECT projectId, state AS stage FROM "Saisine" WHERE id = @id`,
  readAction: "content.read",
  writeAction: "avis.edit",
  stageRights: avisStageRights,
  checkUpdate: checkNoteUpdate,
  maxMessageBytes: FINDING_MESSAGE_BYTES,
  project: writeAvisProjection,
};
