import * as Y from "yjs";
import { NOTE_FRAGMENT } from "../notes/note-schema";
import { blocksOf } from "../notes/note-text";

/** An avis as paragraphs: its title (the first heading, or "") and the blocks after it. */
export type AvisText = { title: string; paragraphs: string[] };

/** The text of an avis from its stored document state (null: never written). */
export function avisTextOf(state: Uint8Array | null): AvisText {
  if (!state) return { title: "", paragraphs: [] };
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const blocks = blocksOf(doc.getXmlFragment(NOTE_FRAGMENT));
    const titleIndex = blocks.findIndex((b) => b.type === "heading");
    return {
      title: titleIndex >= 0 ? blocks[titleIndex]!.text : "",
      paragraphs: blocks.filter((_, i) => i !== titleIndex).map((b) => b.text),
    };
  } catch {
    return { title: "", paragraphs: [] };
  } finally {
    doc.destroy();
  }
}

/** Kept in `Saisine.adoptedText`: JSON, so that the frozen text keeps its title and paragraphs apart. */
export function serializeAvisText(text: AvisText): string {
  return JSON.stringify(text);
}

export function parseAvisText(stored: string | null): AvisText | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Partial<AvisText>;
    const paragraphs = Array.isArray(value.paragraphs) ? value.paragraphs.filter((p) => typeof p === "string") : [];
    return { title: typeof value.title === "string" ? value.title : "", paragraphs };
  } catch {
    return { title: "", paragraphs: stored ? [stored] : [] };
  }
}
