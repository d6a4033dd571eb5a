import type * as Y from "yjs";
import { foldForSearch } from "~/utils/search-fold";
import { blocksOf, type Block } from "./note-text";

// Pure (no database): the server projects notes with it, and an open note's page follows
// its title live with the same rule.

/** Longer titles are cut in lists; the new-note form refuses them. */
export const TITLE_MAX = 120;
const EXCERPT_MAX = 280;

export type NoteProjection = { title: string; excerpt: string; searchText: string; wordCount: number };

/** The title is the first heading, or the first line when there is none. */
function titleIndexOf(blocks: Block[]): number {
  return Math.max(
    0,
    blocks.findIndex((b) => b.type === "heading"),
  );
}

/** The note's title as lists show it ("" when the note is empty). */
export function noteTitle(doc: Y.Doc): string {
  const blocks = blocksOf(doc.getXmlFragment("default"));
  return (blocks[titleIndexOf(blocks)]?.text ?? "").slice(0, TITLE_MAX);
}

/**
 * What lists and search need from a note, computed from its document: the first heading
 * (or first line) as title, the text after it as excerpt, word count and folded text.
 */
/** The start of a text as lists show it, cut at EXCERPT_MAX with an ellipsis. */
export function excerptOf(body: string): string {
  return body.length > EXCERPT_MAX ? `${body.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : body;
}

export function projectNote(doc: Y.Doc): NoteProjection {
  const blocks = blocksOf(doc.getXmlFragment("default"));
  const titleIndex = titleIndexOf(blocks);
  const title = (blocks[titleIndex]?.text ?? "").slice(0, TITLE_MAX);
  const body = blocks
    .filter((_, i) => i !== titleIndex)
    .map((b) => b.text)
    .join(" ");
  const excerpt = excerptOf(body);
  const all = blocks.map((b) => b.text).join(" ");
  const wordCount = all.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return { title, excerpt, searchText: foldForSearch(all), wordCount };
}
