import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { noteTitle, projectNote } from "./note-projection";

function noteDoc(blocks: [type: "heading" | "paragraph", text: string, level?: number][]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment("default").insert(
    0,
    blocks.map(([type, text, level]) => {
      const element = new Y.XmlElement(type);
      if (level) element.setAttribute("level", level as unknown as string);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return doc;
}

describe("a note's live title", () => {
  test.each([
    [
      "the first heading, wherever it is",
      [
        ["paragraph", "Intro"],
        ["heading", "Marché du samedi", 2],
      ],
      "Marché du samedi",
    ],
    [
      "the first line without a heading",
      [
        ["paragraph", "Visite à la ferme"],
        ["paragraph", "Suite"],
      ],
      "Visite à la ferme",
    ],
    [
      "a level-3 heading counts like any other",
      [
        ["paragraph", ""],
        ["heading", "Atelier", 3],
      ],
      "Atelier",
    ],
    ["nothing for an empty note", [], ""],
  ] as const)("is %s, as lists compute it", (_, blocks, expected) => {
    const doc = noteDoc(blocks.map((b) => [...b]) as Parameters<typeof noteDoc>[0]);
    expect(noteTitle(doc)).toBe(expected);
    expect(noteTitle(doc)).toBe(projectNote(doc).title);
  });
});
