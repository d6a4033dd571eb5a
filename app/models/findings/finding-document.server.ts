import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import type { DocumentKind, Editor } from "../documents/document-kind";
import { refreshThreadAnchors } from "../comments/thread-anchors.server";
import { flattenRichText } from "../notes/note-flat-text";
import { projectNote } from "../notes/note-projection";
import { NOTE_FRAGMENT } from "../notes/note-schema";
import { checkNoteUpdate } from "../notes/note-schema.server";
import { FINDING_STAGE_SQL, findingTextReadAction } from "../review/finding-visibility";

/**
 * A finding's statement is rich text like a note's, but short: a message larger than this is
 * no one's typing (a paste of a whole report belongs in a note, cited as evidence).
 */
export const FINDING_MESSAGE_BYTES = 256 * 1024;

/** Writes what lists, search and reports read from the finding's document: title, excerpt, folded text, last editor. */
export async function writeFindingProjection(findingId: string, doc: Y.Doc, lastEditor: Editor | null): Promise<void> {
  // The same rule as notes: the first heading is the title, the rest the statement.
  const { title, excerpt, searchText } = projectNote(doc);
  await prisma.finding.updateMany({
    where: { id: findingId },
    data: {
      title,
      excerpt,
      searchText,
      ...(lastEditor ? { lastEditorId: lastEditor.userId, lastEditedAt: lastEditor.at } : {}),
    },
  });
  // Threads anchored in the statement: "passage modifié" / "passage supprimé" from their rows.
  await refreshThreadAnchors({ findingId }, doc, flattenRichText(doc.getXmlFragment(NOTE_FRAGMENT)));
}

/**
 * `finding:<findingId>`: a finding's title and statement, co-edited by those who may edit
 * findings and read by every member. The same schema as a note's body (the same editor).
 */
export const findingDocument: DocumentKind = {
  kind: "finding",
  projectOf: `SELECT projectId, ${FINDING_STAGE_SQL} AS stage FROM "Finding" WHERE id = @id`,
  readAction: "content.read",
  writeAction: "findings.edit",
  // Drafts are the team's, submitted findings the council's too, validated ones everyone's.
  // Observers and coalition staff read the validated version on the page, never the live text.
  stageRights: (stage) => ({ read: findingTextReadAction(stage), write: "findings.edit" }),
  checkUpdate: checkNoteUpdate,
  maxMessageBytes: FINDING_MESSAGE_BYTES,
  project: writeFindingProjection,
};
