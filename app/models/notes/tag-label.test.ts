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

  test("the same tag whatever its case, accents and spaces", () => {
    expect(tagKey("MARCHÉ")).toBe(tagKey("marché"));
    expect(tagKey("ÉCONOMIE LOCALE")).toBe(tagKey("économie locale"));
    expect(tagKey("Marche")).toBe(tagKey("Marché"));
    expect(tagKey("  economie \t LOCALE ")).toBe("economie locale");
    expect(tagKey("Marche\u0301")).toBe("marche");
    expect(tagKey("Marchés")).not.toBe(tagKey("Marché"));
    expect(tagKey("Circuit-court")).not.toBe(tagKey("Circuit court"));
  });

  test("look-alikes differ only by spaces, punctuation or a plural s/x", () => {
    expect(tagLookalikeKey("circuit-court")).toBe(tagLookalikeKey("Circuit court"));
    expect(tagLookalikeKey("circuitcourt")).toBe(tagLookalikeKey("Circuit court"));
    expect(tagLookalikeKey("Marchés")).toBe(tagLookalikeKey("Marché"));
    expect(tagLookalikeKey("Circuits courts")).toBe(tagLookalikeKey("Circuit court"));
    expect(tagLookalikeKey("Réseaux")).toBe(tagLookalikeKey("reseau"));
    // Short words keep their last letter: "Bus" is not "Bu".
    expect(tagLookalikeKey("Bus")).not.toBe(tagLookalikeKey("Bu"));
    expect(tagLookalikeKey("Mobilité")).not.toBe(tagLookalikeKey("Marché"));
  });

  test.each([
    ["marché", { kind: "same", tag: codebook[0] }],
    ["  MARCHÉ ", { kind: "same", tag: codebook[0] }],
    ["circuit   COURT", { kind: "same", tag: codebook[1] }],
    ["economie locale", { kind: "same", tag: codebook[2] }],
    ["Marche", { kind: "same", tag: codebook[0] }],
    ["Circuit-court", { kind: "lookalike", tag: codebook[1] }],
    ["Marchés", { kind: "lookalike", tag: codebook[0] }],
    ["Économies locales", { kind: "lookalike", tag: codebook[2] }],
    ["Mobilité", null],
    ["---", null],
  ])("%j in the codebook: %j", (label, expected) => {
    expect(matchTag(codebook, label)).toEqual(expected);
  });
});
