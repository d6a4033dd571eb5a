import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import { everyTypeDefinition, validForm } from "../../../tests/survey-factories";
import { OTHER_CHOICE } from "./survey-answers";
import { cleanText, parseAnswers } from "./survey-answers.server";

/** Issue 13, point 5: bidirectional controls never reach the database, nor an export. */
const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("bidirectional control characters in answers", () => {
  test.each(CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
    "%s is removed from a text",
    (_, control) => {
      expect(cleanText(`a${control}b${control}`)).toBe("ab");
    },
  );

  test("an override that would show 'exe.txt' for 'txt.exe' is gone; marks a language needs stay", () => {
    expect(cleanText("facture\u202Etxt.exe")).toBe("facturetxt.exe");
    expect(cleanText("שלום\u200F abc \u200E")).toBe("שלום\u200F abc \u200E");
  });

  test("removed on receipt, from free texts and 'autre, précisez' texts alike", () => {
    const formData = new FormData();
    const fields = validForm({
      "q.q-story": "\u2067Pommes\u2069 du \u202Emarché",
      "q.q-shop": OTHER_CHOICE,
      "q.q-shop.other": "\u202BÉpicerie\u202C",
    });
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
    }
    const result = parseAnswers({ definition: everyTypeDefinition(), formData, t: translator("fr"), locale: "fr" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers["q-story"]).toBe("Pommes du marché");
    expect(result.answers["q-shop~other"]).toBe("Épicerie");
  });

  test("a text made only of controls counts as empty", () => {
    expect(cleanText("\u202E\u2066 \u2069")).toBe("");
  });
});
