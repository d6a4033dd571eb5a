import type * as Y from "yjs";
import type { Editor } from "./index";

/** Writes the project's timeline events from the document. */
export async function writeTimelineProjection(_id: string, _doc: Y.Doc, _lastEditor: Editor | null): Promise<void> {
  // Built by the timeline issue.
}
