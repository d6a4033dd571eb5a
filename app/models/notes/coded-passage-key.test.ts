import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { codedPassageKey } from "./coded-passage-key";
import { noteSchema } from "./note-schema.server";

describe("coded passage keys", () => {
  test("the key is the one y-tiptap itself writes for the same mark", () => {
    const attrs = { code: "cmx7joulo000hpn7d5y71pyab", passage: "p0a1b2c3d4e5f6g7h8i9j0k1", by: "cmuser0000001" };
    const doc = prosemirrorJSONToYDoc(noteSchema, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "point de retrait", marks: [{ type: "codedPassage", attrs }] }],
        },
      ],
    });
    const text = (doc.getXmlFragment("prosemirror").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const keys = (text.toDelta() as { attributes?: Record<string, unknown> }[]).flatMap((op) =>
      Object.keys(op.attributes ?? {}),
    );
    expect(keys).toEqual([codedPassageKey(attrs)]);
  });
});
