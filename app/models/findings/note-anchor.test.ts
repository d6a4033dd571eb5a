import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { flattenRichText, normalizeQuote } from "../notes/note-flat-text";
import { anchorAtOffsets, anchorText, decodeAnchor, encodeAnchor } from "./note-anchor";

function noteWith(paragraphs: string[]): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const texts = paragraphs.map((p) => {
    const element = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, p);
    element.insert(0, [text]);
    fragment.push([element]);
    return text;
  });
  return { doc, texts };
}

describe("note anchors", () => {
  test("blocks are joined by one line break; offsets follow", () => {
    const { doc } = noteWith(["Le marché", "", "ouvre le samedi"]);
    const flat = flattenRichText(doc.getXmlFragment("default"));
    expect(flat.text).toBe("Le marché\nouvre le samedi");
  });

  test("an anchor holds its text through edits before, inside and after it, and round-trips as bytes", () => {
    const { doc, texts } = noteWith(["Le marché de producteurs", "ouvre le samedi matin"]);
    const flat = flattenRichText(doc.getXmlFragment("default"));
    const start = flat.text.indexOf("producteurs");
    const anchor = anchorAtOffsets(flat, start, flat.text.indexOf("samedi") + "samedi".length)!;
    const decoded = decodeAnchor(encodeAnchor(anchor))!;
    expect(normalizeQuote(anchorText(doc, flattenRichText(doc.getXmlFragment("default")), decoded)!)).toBe(
      "producteurs ouvre le samedi",
    );
    texts[0]!.insert(0, "Hier, ");
    texts[1]!.insert("ouvre le samedi".length, " matin"); // just after the end: stays out
    expect(anchorText(doc, flattenRichText(doc.getXmlFragment("default")), decoded)).toBe(
      "producteurs\nouvre le samedi",
    );
    texts[1]!.insert(0, "n'");
    expect(anchorText(doc, flattenRichText(doc.getXmlFragment("default")), decoded)).toBe(
      "producteurs\nn'ouvre le samedi",
    );
  });

  test("a passage deleted whole reads as empty; garbage bytes are no anchor", () => {
    const { doc, texts } = noteWith(["un deux trois"]);
    const flat = flattenRichText(doc.getXmlFragment("default"));
    const anchor = anchorAtOffsets(flat, 3, 8)!;
    texts[0]!.delete(2, 8);
    expect(anchorText(doc, flattenRichText(doc.getXmlFragment("default")), anchor)).toBe("");
    expect(decodeAnchor(new Uint8Array([200, 1, 2]))).toBeNull();
    expect(decodeAnchor(new Uint8Array())).toBeNull();
  });
});
