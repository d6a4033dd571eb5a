import { describe, expect, test } from "vitest";
import { matchTag, normalizeTagLabel, tagKey, tagLookalikeKey } from "./tag-label";

const codebook = [
  { id: "t1", label: "Marché" },
  { id: "t2", label: "Circuit court" },
  { id: "t3", label: "Économie locale" },
];

describe("tag labels", () => {
  test("normalised: trimmed, NFC, one space between words", () => {
    expect(normalizeTagLabel("  Circuit \t  court ")).toBe("Circuit court");
    expect(normalizeTagLabel("Marche\u0301")).toBe("Marché");
  });

  test("the same tag whatever its case, accented capitals included", () => {
    expect(tagKey("MARCHÉ")).toBe(tagKey("marché"));
    expect(tagKey("ÉCONOMIE LOCALE")).toBe(tagKey("économie locale"));
    expect(tagKey("Marche")).not.toBe(tagKey("Marché"));
  });

  test("look-alikes differ only by accents, spaces or punctuation", () => {
    expect(tagLookalikeKey("Marche")).toBe(tagLookalikeKey("Marché"));
    expect(tagLookalikeKey("circuit-court")).toBe(tagLookalikeKey("Circuit court"));
    expect(tagLookalikeKey("circuitcourt")).toBe(tagLookalikeKey("Circuit court"));
    expect(tagLookalikeKey("Marchés")).not.toBe(tagLookalikeKey("Marché"));
  });

  test.each([
    ["marché", { kind: "same", tag: codebook[0] }],
    ["  MARCHÉ ", { kind: "same", tag: codebook[0] }],
    ["circuit   COURT", { kind: "same", tag: codebook[1] }],
    ["economie locale", { kind: "lookalike", tag: codebook[2] }],
    ["Marche", { kind: "lookalike", tag: codebook[0] }],
    ["Circuit-court", { kind: "lookalike", tag: codebook[1] }],
    ["Mobilité", null],
    ["---", null],
  ])("%j in the codebook: %j", (label, expected) => {
    expect(matchTag(codebook, label)).toEqual(expected);
  });
});
