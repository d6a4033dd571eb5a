import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { flatOffset, flattenRichText, type FlatText } from "../notes/note-flat-text";
import { NOTE_FRAGMENT } from "../notes/note-schema";

/**
 * Where a quote was cited in a note: two Yjs relative positions, which follow the text through
 * everyone's edits (the quote's own words may change; the anchor still says where it was).
 * Pure: the note editor makes one from the selection, the server checks the quote against it
 * and the note's projection re-reads the text it holds (Evidence.currentText).
 */
export type NoteAnchor = { start: Y.RelativePosition; end: Y.RelativePosition };

export function encodeAnchor(anchor: NoteAnchor): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, Y.encodeRelativePosition(anchor.start));
  encoding.writeVarUint8Array(encoder, Y.encodeRelativePosition(anchor.end));
  return encoding.toUint8Array(encoder);
}

/** The anchor in these bytes, or null when they are not one (a forged or truncated form field). */
export function decodeAnchor(bytes: Uint8Array): NoteAnchor | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const start = Y.decodeRelativePosition(decoding.readVarUint8Array(decoder));
    const end = Y.decodeRelativePosition(decoding.readVarUint8Array(decoder));
    if (decoding.hasContent(decoder)) return null;
    return { start, end };
  } catch {
    return null;
  }
}

/** The text node holding a flat offset, and the index in it. */
function textAt(flat: FlatText, offset: number): { text: Y.XmlText; index: number } | null {
  for (const [text, start] of flat.starts) {
    if (offset >= start && offset <= start + text.length) return { text, index: offset - start };
  }
  return null;
}

/**
 * An anchor for the flat-text range [start, end) of a note (note-flat-text.ts). The end sticks
 * to the text before it, so words typed just after the passage do not join it.
 */
export function anchorAtOffsets(flat: FlatText, start: number, end: number): NoteAnchor | null {
  const from = textAt(flat, start);
  const to = textAt(flat, end);
  if (!from || !to || end < start) return null;
  return {
    start: Y.createRelativePositionFromTypeIndex(from.text, from.index, 0),
    end: Y.createRelativePositionFromTypeIndex(to.text, to.index, -1),
  };
}

/**
 * The text the anchor holds now in the document (`flat` is `flattenRichText` of the same
 * document), "" when everything between its ends was deleted, null when it cannot be placed.
 */
export function anchorText(doc: Y.Doc, flat: FlatText, anchor: NoteAnchor): string | null {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end) return null;
  const from = flatOffset(flat, start);
  const to = flatOffset(flat, end);
  if (from === null || to === null) return null;
  return to <= from ? "" : flat.text.slice(from, to);
}

/**
 * The text an anchor (as stored, `encodeAnchor` bytes) holds in a rich-text document's stored
 * state — a note's, a finding's —, or null when the bytes are no anchor or it cannot be placed.
 * How the cite endpoint checks a quote and a new thread its passage.
 */
export function textAtAnchor(state: Uint8Array | null, anchorBytes: Uint8Array): string | null {
  const anchor = decodeAnchor(anchorBytes);
  if (!anchor || !state) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return anchorText(doc, flattenRichText(doc.getXmlFragment(NOTE_FRAGMENT)), anchor);
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}
