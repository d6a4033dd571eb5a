import * as Y from "yjs";
import { prisma } from "../core/db.server";
import { anchorText, decodeAnchor, textAtAnchor } from "../findings/note-anchor";
import { normalizeQuote, type FlatText } from "../notes/note-flat-text";

/**
 * Checks a new thread's passage against the document as stored (the room's copy or the
 * store), as the cite endpoint checks a quote: "bad_anchor" when the bytes are not an anchor,
 * "mismatch" when the quote is not what it holds (whitespace aside), else the text it holds.
 */
export async function checkPassage(
  readDocument: (name: string) => Promise<Uint8Array | null>,
  docName: string,
  quote: string,
  anchor: Uint8Array,
): Promise<{ held: string } | "bad_anchor" | "mismatch"> {
  if (!decodeAnchor(anchor)) return "bad_anchor";
  const held = textAtAnchor(await readDocument(docName), anchor);
  if (held === null || normalizeQuote(held) === "" || normalizeQuote(held) !== normalizeQuote(quote)) return "mismatch";
  return { held };
}

/**
 * Re-reads, after a note's or a finding's document changed, the text each anchored thread on
 * it holds now (`CommentThread.currentText`, "" once its passage is deleted), so that the page
 * shows "passage modifié" or "passage supprimé" from its own rows. Runs in the document's
 * projection: one indexed read of its anchored threads, writes only what changed.
 */
export async function refreshThreadAnchors(
  where: { findingId: string } | { noteId: string },
  doc: Y.Doc,
  flat: FlatText,
): Promise<void> {
  const threads = await prisma.commentThread.findMany({
    where: { ...where, anchor: { not: null } },
    select: { id: true, anchor: true, currentText: true },
  });
  for (const thread of threads) {
    const anchor = thread.anchor ? decodeAnchor(thread.anchor) : null;
    const text = anchor ? (anchorText(doc, flat, anchor) ?? "") : "";
    if (text !== thread.currentText) {
      await prisma.commentThread.update({ where: { id: thread.id }, data: { currentText: text } });
    }
  }
}
