import type * as Y from "yjs";
import { prisma } from "../core/db.server";
import type { FlatText } from "../notes/note-flat-text";
import { anchorText, decodeAnchor } from "./note-anchor";

/**
 * Re-reads, after a note changed, the text each quote of it holds now (Evidence.currentText),
 * so that a finding's page shows "passage modifié depuis la citation" from its own rows. Runs
 * in the note's projection: one indexed read of the note's quotes, writes only what changed.
 */
export async function refreshNoteQuotes(noteId: string, doc: Y.Doc, flat: FlatText): Promise<void> {
  const quotes = await prisma.evidence.findMany({
    where: { noteId, kind: "quote" },
    select: { id: true, anchor: true, currentText: true },
  });
  for (const quote of quotes) {
    const anchor = quote.anchor ? decodeAnchor(quote.anchor) : null;
    const text = anchor ? (anchorText(doc, flat, anchor) ?? "") : "";
    if (text !== quote.currentText) {
      await prisma.evidence.update({ where: { id: quote.id }, data: { currentText: text } });
    }
  }
}
