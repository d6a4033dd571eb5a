import * as Y from "yjs";

/** Block-level Tiptap nodes: their text is separated by a line break when flattened. */
const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "bulletList", "orderedList", "codeBlock"]);

export type Block = { type: string; text: string };

/** The text of each block of a Tiptap document stored in a Y.XmlFragment, in order. */
export function blocksOf(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, current: Block | null) => {
    if (node instanceof Y.XmlText) {
      const text = node
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
        .join("");
      if (current) current.text += text;
      else blocks.push({ type: "paragraph", text });
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    const isLeafBlock = node.nodeName === "paragraph" || node.nodeName === "heading" || node.nodeName === "codeBlock";
    const block = isLeafBlock ? { type: node.nodeName, text: "" } : current;
    if (isLeafBlock) blocks.push(block!);
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText, block);
    if (!isLeafBlock && !BLOCKS.has(node.nodeName) && current) current.text += " ";
  };
  for (const child of fragment.toArray()) visit(child as Y.XmlElement | Y.XmlText, null);
  return blocks
    .map((b) => ({ type: b.type, text: b.text.replace(/\s+/g, " ").trim() }))
    .filter((b) => b.text.length > 0);
}
