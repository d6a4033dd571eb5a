import { ySyncPluginKey, initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import type { Node } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CODED_PASSAGE } from "~/models/notes/coded-passage-mark";
import { noteSchema, checkNoteUpdate } from "~/models/notes/note-schema.server";

/**
 * What y-tiptap does when an editor's document changes (its sync plugin calls updateYFragment
 * inside a transaction with its own origin), without a browser: the same function on the same
 * schema as the server's check.
 */
function edit(doc: Y.Doc, change: (node: Node) => Node) {
  const fragment = doc.getXmlFragment("default");
  const { doc: node, meta } = initProseMirrorDoc(fragment, noteSchema);
  doc.transact(() => updateYFragment(doc, fragment, change(node), meta), ySyncPluginKey);
}

const code = (from: number, to: number, attrs: { code: string; passage: string; by: string }) => (node: Node) =>
  new Transform(node).addMark(from, to, noteSchema.marks[CODED_PASSAGE]!.create(attrs)).doc;

const paragraph = (text: string) => (node: Node) =>
  new Transform(node).replaceWith(0, node.content.size, noteSchema.node("paragraph", null, noteSchema.text(text))).doc;

function passagesOf(doc: Y.Doc) {
  const { doc: node } = initProseMirrorDoc(doc.getXmlFragment("default"), noteSchema);
  const found = new Map<string, string>();
  node.descendants((child) => {
    for (const mark of child.marks) {
      if (mark.type.name !== CODED_PASSAGE) continue;
      found.set(mark.attrs.passage as string, (found.get(mark.attrs.passage as string) ?? "") + child.text);
    }
  });
  return Object.fromEntries(found);
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("coded passages in y-tiptap", () => {
  it("stores overlapping codes under distinct keys, and both survive concurrent coding", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    edit(alice, paragraph("Le marché de Die ouvre le samedi matin"));
    sync(alice, bob);
    // At the same time, with no exchange in between: "marché de Die" and "Die ouvre".
    edit(alice, code(4, 17, { code: "eau", passage: "p1", by: "alice" }));
    edit(bob, code(14, 23, { code: "foncier", passage: "p2", by: "bob" }));
    sync(alice, bob);
    for (const doc of [alice, bob]) expect(passagesOf(doc)).toEqual({ p1: "marché de Die", p2: "Die ouvre" });
    const text = (alice.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const keys = new Set(
      (text.toDelta() as { attributes?: object }[]).flatMap((op) => Object.keys(op.attributes ?? {})),
    );
    expect([...keys].every((key) => /^codedPassage--[a-zA-Z0-9+/=]{8}$/.test(key))).toBe(true);
    expect(keys.size).toBe(2);
  });

  it("the server's check accepts a coded passage and refuses a key y-tiptap would not read", () => {
    const doc = new Y.Doc();
    const server = new Y.Doc();
    edit(doc, paragraph("Une phrase"));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    edit(doc, code(1, 4, { code: "eau", passage: "p1", by: "u" }));
    const coded = Y.encodeStateAsUpdate(doc, before);
    expect(checkNoteUpdate(Y.decodeUpdate(coded), server)).toBeNull();
    Y.applyUpdate(server, coded);

    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(forged);
    const text = (forged.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 3, { "codedPassage--x": { code: "eau", passage: "p9", by: "u" } });
    expect(checkNoteUpdate(Y.decodeUpdate(Y.encodeStateAsUpdate(forged, sv)), server)).toMatch(/unknown mark/);
  });
});
