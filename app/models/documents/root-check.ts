import * as Y from "yjs";
import type { DecodedUpdate } from "./document-kind";

/**
 * A checker for kinds whose document is a few named roots (a survey's title, intro and
 * sections; a timeline's events): an update may only write under those roots. What sits
 * inside them is cleaned when the document is read and checked again before it is projected
 * (survey-doc.ts, timeline-document.ts): a stray root would only grow the stored document.
 */
export function onlyRoots(names: readonly string[]) {
  const allowed = new Set(names);
  return (update: DecodedUpdate): string | null => {
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const parent = struct.parent as unknown;
      if (typeof parent === "string" && !allowed.has(parent)) return `unknown root "${parent}"`;
    }
    return null;
  };
}
