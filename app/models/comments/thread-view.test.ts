import { describe, expect, test } from "vitest";
import { passageState, splitMentions } from "./thread-view";

describe("passageState", () => {
  test("general, same (whitespace aside), changed, gone", () => {
    expect(passageState({ quote: "", currentText: null, anchor: null })).toBe("general");
    expect(passageState({ quote: "du monde", currentText: " du\nmonde ", anchor: "AA" })).toBe("same");
    expect(passageState({ quote: "du monde", currentText: "du beau monde", anchor: "AA" })).toBe("changed");
    expect(passageState({ quote: "du monde", currentText: "", anchor: "AA" })).toBe("gone");
    expect(passageState({ quote: "du monde", currentText: "  ", anchor: "AA" })).toBe("gone");
  });
});

describe("splitMentions", () => {
  test("marks @Name of members, the longest name first, and nothing else", () => {
    expect(splitMentions("Merci @Léa Rousseau et @Léa !", ["Léa", "Léa Rousseau"])).toEqual([
      { text: "Merci ", mention: false },
      { text: "@Léa Rousseau", mention: true },
      { text: " et ", mention: false },
      { text: "@Léa", mention: true },
      { text: " !", mention: false },
    ]);
    expect(splitMentions("écrire à x@(y).fr", ["(y)"])).toEqual([
      { text: "écrire à x", mention: false },
      { text: "@(y)", mention: true },
      { text: ".fr", mention: false },
    ]);
    expect(splitMentions("rien", [])).toEqual([{ text: "rien", mention: false }]);
  });
});
