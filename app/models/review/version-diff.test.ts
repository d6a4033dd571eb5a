import { describe, expect, test } from "vitest";
import { diffEvidence, diffStatement, parseVersionEvidence, type VersionEvidence } from "./version-diff";

const item = (id: string, body = "texte", comment = ""): VersionEvidence => ({
  id,
  kind: "quote",
  title: "Note",
  body,
  comment,
});

describe("what changed between two versions", () => {
  test("a word diff of the statement keeps every word once, in order", () => {
    const segments = diffStatement("Le marché attire du monde", "Le marché du mardi attire beaucoup de monde");
    expect(
      segments
        .filter((s) => s.change !== "removed")
        .map((s) => s.text)
        .join(""),
    ).toBe("Le marché du mardi attire beaucoup de monde");
    expect(
      segments
        .filter((s) => s.change !== "added")
        .map((s) => s.text)
        .join(""),
    ).toBe("Le marché attire du monde");
    expect(segments.some((s) => s.change === "added" && s.text.includes("mardi"))).toBe(true);
    expect(diffStatement("même", "même")).toEqual([{ change: "same", text: "même" }]);
  });

  test("evidence added, removed and changed, recognised by id", () => {
    const changes = diffEvidence([item("a"), item("b"), item("c")], [item("a"), item("c", "autre"), item("d")]);
    expect(changes.map((c) => [c.change, c.item.id])).toEqual([
      ["changed", "c"],
      ["added", "d"],
      ["removed", "b"],
    ]);
    expect(diffEvidence([item("a", "x", "avant")], [item("a", "x", "après")])).toHaveLength(1);
  });

  test("a malformed snapshot reads as what it can", () => {
    expect(parseVersionEvidence("not json")).toEqual([]);
    expect(parseVersionEvidence('[{"id":"a","kind":"quote","title":"T"},{"id":1},{"kind":"x","id":"b"}]')).toEqual([
      { id: "a", kind: "quote", title: "T", body: "", comment: "" },
    ]);
  });
});
