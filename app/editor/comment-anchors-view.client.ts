import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { decodeAnchor, type NoteAnchor } from "~/models/findings/note-anchor";

/** A thread's passage to show in the text: its id and its anchor (base64url). */
export type ShownAnchor = { id: string; anchor: string };

type Decoded = { id: string; anchor: NoteAnchor };
type AnchorsState = { anchors: Decoded[] };

export const commentAnchorsKey = new PluginKey<AnchorsState>("commentAnchors");

const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

function decodeAll(anchors: readonly ShownAnchor[]): Decoded[] {
  const out: Decoded[] = [];
  for (const { id, anchor } of anchors) {
    try {
      const decoded = decodeAnchor(fromBase64Url(anchor));
      if (decoded) out.push({ id, anchor: decoded });
    } catch {
      // Not base64: a thread row the editor cannot place; its panel says so.
    }
  }
  return out;
}

/** Where each anchor sits in the editor's document now (those whose text is gone are left out). */
export function anchorRanges(state: EditorState, anchors: readonly Decoded[]) {
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!sync?.binding) return [];
  const { doc, type, binding } = sync;
  const ranges: { id: string; from: number; to: number }[] = [];
  for (const { id, anchor } of anchors) {
    const from = relativePositionToAbsolutePosition(doc, type, anchor.start, binding.mapping as never);
    const to = relativePositionToAbsolutePosition(doc, type, anchor.end, binding.mapping as never);
    if (from !== null && to !== null && to > from && to <= state.doc.content.size) ranges.push({ id, from, to });
  }
  return ranges;
}

const cache = new WeakMap<Node, { anchors: Decoded[]; set: DecorationSet }>();

function decorations(state: EditorState): DecorationSet | null {
  const anchors = commentAnchorsKey.getState(state)?.anchors ?? [];
  if (!anchors.length) return null;
  const cached = cache.get(state.doc);
  if (cached && cached.anchors === anchors) return cached.set;
  const set = DecorationSet.create(
    state.doc,
    anchorRanges(state, anchors).map(({ id, from, to }) =>
      Decoration.inline(from, to, { class: "comment-anchor", "data-thread": id }),
    ),
  );
  cache.set(state.doc, { anchors, set });
  return set;
}

/** Sets the threads' passages the text underlines (open threads only; the page decides). */
export function setCommentAnchors(state: EditorState, anchors: readonly ShownAnchor[]) {
  return state.tr.setMeta(commentAnchorsKey, { anchors: decodeAll(anchors) });
}

/**
 * Underlines the passages of open comment threads in the text, following them through
 * everyone's edits (the anchors are Yjs relative positions). Browser only.
 */
export const CommentAnchorsView = Extension.create({
  name: "commentAnchorsView",
  addProseMirrorPlugins() {
    return [
      new Plugin<AnchorsState>({
        key: commentAnchorsKey,
        state: {
          init: () => ({ anchors: [] }),
          apply: (tr, value) => (tr.getMeta(commentAnchorsKey) as AnchorsState | undefined) ?? value,
        },
        props: {
          decorations,
          // For readers, a click on an underlined passage goes to its thread in the panel (focused,
          // so it is read out); in editable text a click places the caret, nothing more.
          handleClick: (view, _pos, event) => {
            if (view.editable) return false;
            const mark = event.target instanceof Element ? event.target.closest("[data-thread]") : null;
            const thread = mark ? document.getElementById(`thread-${mark.getAttribute("data-thread")}`) : null;
            if (!thread) return false;
            thread.scrollIntoView({ block: "center" });
            thread.focus({ preventScroll: true });
            return false;
          },
        },
      }),
    ];
  },
});
