import type { Editor } from "@tiptap/core";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { CodebookCode } from "~/models/codes/codebook";
import { decodeAnchor, encodeAnchor } from "~/models/findings/note-anchor";
import { CODED_PASSAGE, newPassageId } from "~/models/notes/coded-passage-mark";
import { codedPassageViewKey, passagesIn, viewStateOf, type ShownPassage } from "./coded-passage-view.client";

/** Applies each code to the selection as its own passage (own id, `by` = this person). */
export function applyCodes(editor: Editor, codeIds: string[], userId: string): boolean {
  const { state } = editor;
  const type = state.schema.marks[CODED_PASSAGE];
  if (!type || state.selection.empty || !codeIds.length) return false;
  const tr = state.tr;
  for (const code of codeIds) {
    const mark = type.create({ code, passage: newPassageId(), by: userId });
    for (const range of state.selection.ranges) tr.addMark(range.$from.pos, range.$to.pos, mark);
  }
  editor.view.dispatch(tr);
  return true;
}

/** Removes one passage (one code applied once), wherever its text is. */
export function removePassage(editor: Editor, passageId: string): void {
  const { state } = editor;
  const tr = state.tr;
  state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name === CODED_PASSAGE && mark.attrs.passage === passageId) {
        tr.removeMark(pos, pos + node.nodeSize, mark);
      }
    }
  });
  if (tr.docChanged) editor.view.dispatch(tr);
}

const codebookOf = (editor: Editor) => viewStateOf(editor.state)?.codebook ?? new Map<string, CodebookCode>();

/** The passages under the caret or touching the selection. */
export function passagesAtSelection(editor: Editor): ShownPassage[] {
  const { from, to } = editor.state.selection;
  return passagesIn(editor.state.doc, codebookOf(editor)).filter((p) =>
    from === to ? p.from < from && from < p.to : p.from < to && from < p.to,
  );
}

export function findPassage(editor: Editor, passageId: string): ShownPassage | null {
  return passagesIn(editor.state.doc, codebookOf(editor)).find((p) => p.passage === passageId) ?? null;
}

export function setCodebook(editor: Editor, codebook: ReadonlyMap<string, CodebookCode>) {
  editor.view.dispatch(editor.state.tr.setMeta(codedPassageViewKey, { codebook }));
}

/** Marks a range as found and brings it into view; null clears it. */
export function showFound(editor: Editor, range: { from: number; to: number } | null) {
  editor.view.dispatch(editor.state.tr.setMeta(codedPassageViewKey, { highlight: range }));
  if (!range) return;
  const { node } = editor.view.domAtPos(range.from);
  const element = node instanceof HTMLElement ? node : node.parentElement;
  element?.scrollIntoView({ block: "center" });
}

function binding(editor: Editor) {
  const sync = ySyncPluginKey.getState(editor.state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  return sync?.binding ? { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping } : null;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/**
 * The selection as a quote: its text (blocks joined by "\n", as the server reads it) and its
 * anchor, base64url. y-tiptap's positions lean left (assoc -1), which is right for the end (words
 * typed just after the quote stay out of it); the start is re-anchored to the first quoted
 * character (assoc 0), so words typed just before stay out too.
 */
export function quoteOfSelection(editor: Editor): { quote: string; anchor: string } | null {
  const bound = binding(editor);
  const { from, to, empty } = editor.state.selection;
  if (!bound || empty) return null;
  const end = absolutePositionToRelativePosition(to, bound.type, bound.mapping as never) as Y.RelativePosition;
  const leaning = absolutePositionToRelativePosition(from, bound.type, bound.mapping as never) as Y.RelativePosition;
  const at = Y.createAbsolutePositionFromRelativePosition(leaning, bound.doc);
  const start = at ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : leaning;
  const quote = editor.state.doc.textBetween(from, to, "\n", "\n");
  return { quote, anchor: toBase64Url(encodeAnchor({ start, end })) };
}

/** Where a cited quote's anchor (base64url) sits in the editor now, or null. */
export function rangeOfAnchor(editor: Editor, anchor: string): { from: number; to: number } | null {
  const bound = binding(editor);
  let decoded = null;
  try {
    decoded = decodeAnchor(fromBase64Url(anchor));
  } catch {
    return null;
  }
  if (!bound || !decoded) return null;
  const from = relativePositionToAbsolutePosition(bound.doc, bound.type, decoded.start, bound.mapping as never);
  const to = relativePositionToAbsolutePosition(bound.doc, bound.type, decoded.end, bound.mapping as never);
  return from === null || to === null || to <= from ? null : { from, to };
}
