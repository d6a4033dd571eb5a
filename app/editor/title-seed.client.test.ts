import { expect, it } from "vitest";
import * as Y from "yjs";
import { noteSchema } from "~/models/notes/note-schema.server";
import { blocksOf } from "~/models/notes/note-text";
import { projectNote } from "~/models/notes/note-projection";
import { NOTE_FRAGMENT } from "~/models/notes/note-schema";
import { titleSeed } from "./title-seed.client";

const blocks = (doc: Y.Doc) => blocksOf(doc.getXmlFragment(NOTE_FRAGMENT)).map((b) => [b.type, b.text]);

it("seeds an empty note with its title as first heading, which the projection reads as the title", () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, titleSeed(noteSchema, "Marché du samedi"));
  // The heading, then an empty paragraph for the text (blocksOf skips empty blocks).
  const names = doc
    .getXmlFragment(NOTE_FRAGMENT)
    .toArray()
    .map((node) => (node as Y.XmlElement).nodeName);
  expect(names).toEqual(["heading", "paragraph"]);
  expect(blocks(doc)).toEqual([["heading", "Marché du samedi"]]);
  expect(projectNote(doc).title).toBe("Marché du samedi");
});

it("two devices seeding the same new note end with one title, not two", () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, titleSeed(noteSchema, "Marché du samedi"));
  Y.applyUpdate(b, titleSeed(noteSchema, "Marché du samedi"));
  // One of them types on, then both exchange what they have.
  a.getXmlFragment(NOTE_FRAGMENT).insert(2, [new Y.XmlElement("paragraph")]);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  expect(blocks(a)).toEqual(blocks(b));
  expect(blocks(a).filter(([type]) => type === "heading")).toEqual([["heading", "Marché du samedi"]]);
  expect(a.getXmlFragment(NOTE_FRAGMENT).length).toBe(3);
});
