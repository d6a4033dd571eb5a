import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { shiftIndex, textChange } from "./text-diff";

describe("textChange", () => {
  test.each([
    ["", "abc", { index: 0, remove: 0, insert: "abc" }],
    ["abc", "abXc", { index: 2, remove: 0, insert: "X" }],
    ["abc", "ac", { index: 1, remove: 1, insert: "" }],
    ["aaaa", "aaa", { index: 3, remove: 1, insert: "" }],
    ["hello world", "hello brave world", { index: 6, remove: 0, insert: "brave " }],
    ["abc", "xyz", { index: 0, remove: 3, insert: "xyz" }],
  ])("%j → %j", (before, after, change) => {
    expect(textChange(before, after)).toEqual(change);
  });
});

describe("shiftIndex", () => {
  test("someone else's typing before the caret moves it, after it does not", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "Marché de Die");
    const deltas: Y.YTextEvent["delta"][] = [];
    text.observe((event) => deltas.push(event.delta));
    text.insert(0, "Le ");
    text.insert(text.length, " !");
    text.delete(3, 7);
    expect(text.toString()).toBe("Le de Die !");
    expect(shiftIndex(5, deltas[0]!)).toBe(8);
    expect(shiftIndex(5, deltas[1]!)).toBe(5);
    // Caret inside the deleted range lands at its start.
    expect(shiftIndex(6, deltas[2]!)).toBe(3);
    expect(shiftIndex(12, deltas[2]!)).toBe(5);
  });
});
