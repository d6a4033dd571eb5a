import * as Y from "yjs";

/**
 * A rich-text document read as one string: the text of its blocks (paragraphs, headings, code
 * blocks) joined by "\n", with where each Y.XmlText starts in it. Offsets in this string are
 * how coded passages and cited quotes say where they sit (CodedPassage.start/end, the text
 * between a quote's anchors). Pure: the server projects with it and the browser may too.
 */
export type FlatText = {
  text: string;
  /** Where each text node starts in `text`. */
  starts: Map<Y.XmlText, number>;
  /** Where each child of an element (or of the fragment) starts, and where the element ends: index i → offset. */
  childStarts: Map<Y.XmlFragment | Y.XmlElement, number[]>;
  /** Every run of text with its formatting attributes (marks), in order, with its offset. */
  runs: { start: number; text: string; attributes: Record<string, unknown> }[];
};

const LEAF_BLOCKS = new Set(["paragraph", "heading", "codeBlock"]);

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

export function flattenRichText(fragment: Y.XmlFragment): FlatText {
  const parts: string[] = [];
  let length = 0;
  // A separator is written before a block that follows text, never twice in a row nor first.
  let separated = true;
  const starts = new Map<Y.XmlText, number>();
  const childStarts = new Map<Y.XmlFragment | Y.XmlElement, number[]>();
  const runs: FlatText["runs"] = [];
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    const offsets: number[] = [];
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement && LEAF_BLOCKS.has(child.nodeName) && !separated) {
        push("\n");
        separated = true;
      }
      offsets.push(length);
      if (child instanceof Y.XmlText) {
        starts.set(child, length);
        for (const op of child.toDelta() as DeltaOp[]) {
          if (typeof op.insert !== "string" || op.insert.length === 0) continue;
          runs.push({ start: length, text: op.insert, attributes: op.attributes ?? {} });
          push(op.insert);
          separated = false;
        }
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === "hardBreak") {
          push("\n");
          separated = true;
        } else visit(child);
      }
    }
    offsets.push(length);
    childStarts.set(parent, offsets);
  };
  visit(fragment);
  return { text: parts.join(""), starts, childStarts, runs };
}

/** The offset in the flat text of a resolved Yjs position (inside a text node, or between an element's children). */
export function flatOffset(flat: FlatText, position: { type: Y.AbstractType<unknown>; index: number }): number | null {
  const { type, index } = position;
  if (type instanceof Y.XmlText) {
    const start = flat.starts.get(type);
    return start === undefined ? null : start + index;
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    const offsets = flat.childStarts.get(type);
    if (!offsets) return null;
    return offsets[Math.min(index, offsets.length - 1)] ?? null;
  }
  return null;
}

/** Whitespace collapsed and trimmed: how a quote is compared with the text it came from. */
export function normalizeQuote(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
