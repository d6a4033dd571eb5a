import type * as Y from "yjs";
import type { Editor } from "./index";

/** Writes the survey's title, question count and current SurveyVersion from the document. */
export async function writeSurveyProjection(_id: string, _doc: Y.Doc, _lastEditor: Editor | null): Promise<void> {
  // Built by the survey issue.
}
