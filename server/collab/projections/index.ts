import type * as Y from "yjs";
import type { DocumentKind, DocumentName } from "../../../app/models/documents/document-access.server";
import { writeNoteProjection } from "./note";
import { writeSurveyProjection } from "./survey";
import { writeTimelineProjection } from "./timeline";

export type Editor = { userId: string; at: Date };

type Projector = (id: string, doc: Y.Doc, lastEditor: Editor | null) => Promise<void>;

/**
 * Each document kind keeps the SQL rows that pages need up to date from its document, so that
 * lists, search, results and exports never load a Y.Doc (ARCHITECTURE.md, data flow).
 */
const PROJECTORS: Record<DocumentKind, Projector> = {
  note: writeNoteProjection,
  survey: writeSurveyProjection,
  timeline: writeTimelineProjection,
};

export function writeProjection(name: DocumentName, doc: Y.Doc, lastEditor: Editor | null): Promise<void> {
  return PROJECTORS[name.kind](name.id, doc, lastEditor);
}
