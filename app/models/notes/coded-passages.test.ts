import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { indexCodebook, type CodebookCode } from "../codes/codebook";
import { readCodedPassages } from "./coded-passages";
import { flattenRichText } from "./note-flat-text";

const codeOf = (id: string, mergedIntoId: string | null = null): CodebookCode => ({
  id,
  label: id,
  definition: "",
  colour: "#1f6f8b",
  parentId: null,
  retired: false,
  mergedIntoId,
});
const codebook = indexCodebook([codeOf("eau"), codeOf("marche", "marché"), codeOf("marché")]);

/** Paragraphs as y-tiptap writes them; marks keyed as it keys overlapping ones. */
function noteWith(paragraphs: string[]): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const texts = paragraphs.map((words) => {
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    p.insert(0, [text]);
    fragment.push([p]);
    text.insert(0, words);
    return text;
  });
  return { doc, texts };
}
let n = 0;
const mark = (code: string, passage: string, by = "u1") => ({
  [`codedPassage--${String(n++).padStart(8, "A")}`]: { code, passage, by },
});

describe("readCodedPassages", () => {
  it("one passage per id: overlapping codes, two paragraphs, merges followed, forged codes dropped", () => {
    const { doc, texts } = noteWith(["Le marché de Die", "ouvre le samedi"]);
    texts[0]!.format(3, 6, mark("eau", "p1"));
    texts[0]!.format(10, 6, mark("marche", "p2", "u2"));
    texts[1]!.format(0, 5, mark("marche", "p2", "u2"));
    texts[1]!.format(9, 6, mark("autre-projet", "p3"));
    const { passages, unknown } = readCodedPassages(flattenRichText(doc.getXmlFragment("default")), codebook);
    expect(passages).toEqual([
      { passageId: "p1", codeId: "eau", text: "marché", start: 3, end: 9, by: "u1" },
      { passageId: "p2", codeId: "marché", text: "de Die\nouvre", start: 10, end: 22, by: "u2" },
    ]);
    expect(unknown).toEqual(["p3"]);
  });

  // Its speed is measured by `npm run bench:findings` (the projection with 200 passages), not here.
  it("reads 200 passages, overlapping ones included", () => {
    const { doc, texts } = noteWith(Array.from({ length: 100 }, (_, i) => `Paragraphe ${i} : ${"mot ".repeat(30)}`));
    for (const [i, text] of texts.entries()) {
      text.format(2, 20, mark("eau", `a${i}`));
      text.format(10, 30, mark("marché", `b${i}`));
    }
    const { passages } = readCodedPassages(flattenRichText(doc.getXmlFragment("default")), codebook);
    expect(passages).toHaveLength(200);
    expect(new Set(passages.map((p) => p.passageId)).size).toBe(200);
  });
});
