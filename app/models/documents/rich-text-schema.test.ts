import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { richTextChecker, rulesFromSchema } from "./rich-text-schema";

const schema = getSchema([StarterKit]);
const check = richTextChecker(rulesFromSchema(schema, "default"));

/** The update `change` makes to a copy of `base`, and the base document. */
function updateOf(base: Y.Doc, change: (doc: Y.Doc) => void) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.decodeUpdate(Y.encodeStateAsUpdate(copy, before));
}

function noteWith(json: object): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment("default"));
  return doc;
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("rich text checked against the editor's schema", () => {
  it("accepts what the editor writes: a whole note, typing, marks, lists, headings", () => {
    const empty = new Y.Doc();
    const whole = updateOf(empty, (doc) =>
      prosemirrorJSONToYXmlFragment(
        schema,
        {
          type: "doc",
          content: [
            { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Marché" }] },
            { type: "paragraph", content: [{ type: "text", text: "gras", marks: [{ type: "bold" }] }] },
            { type: "bulletList", content: [{ type: "listItem", content: [paragraph("un")] }] },
            { type: "blockquote", content: [paragraph("cité")] },
          ],
        },
        doc.getXmlFragment("default"),
      ),
    );
    expect(check(whole, empty)).toBeNull();
    const note = noteWith({ type: "doc", content: [paragraph("Halles")] });
    const typing = updateOf(note, (doc) => {
      const text = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(6, " de Die");
      text.format(0, 6, { italic: {} });
    });
    expect(check(typing, note)).toBeNull();
  });

  it("refuses a script element, an unknown node, a heading in a paragraph, stray text and unknown attributes or marks", () => {
    const note = noteWith({ type: "doc", content: [paragraph("Halles")] });
    const firstParagraph = (doc: Y.Doc) => doc.getXmlFragment("default").get(0) as Y.XmlElement;
    const cases: [string, (doc: Y.Doc) => void][] = [
      ["unknown element", (doc) => doc.getXmlFragment("default").insert(1, [new Y.XmlElement("script")])],
      ["unknown element", (doc) => firstParagraph(doc).insert(1, [new Y.XmlElement("iframe")])],
      ['"heading" inside "paragraph"', (doc) => firstParagraph(doc).insert(1, [new Y.XmlElement("heading")])],
      ['"text" inside "default"', (doc) => doc.getXmlFragment("default").insert(1, [new Y.XmlText("nu")])],
      ['attribute "onclick"', (doc) => firstParagraph(doc).setAttribute("onclick", "alert(1)")],
      ['unknown mark "script"', (doc) => (firstParagraph(doc).get(0) as Y.XmlText).format(0, 2, { script: {} })],
      ['unknown root "autre"', (doc) => doc.getMap("autre").set("x", 1)],
    ];
    for (const [problem, change] of cases) expect(check(updateOf(note, change), note)).toContain(problem);
  });
});
