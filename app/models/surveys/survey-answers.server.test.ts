import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import { everyTypeDefinition, validForm } from "../../../tests/survey-factories";
import { OTHER_CHOICE } from "./survey-answers";
import { parseTypedDay as parseDay } from "~/utils/day";
import { parseAnswers, parseFrenchNumber } from "./survey-answers.server";

const t = translator("fr");
const definition = everyTypeDefinition();

function submit(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  return parseAnswers({ definition, formData, t, locale: "fr" });
}

function errorsOf(fields: Record<string, string | string[]>) {
  const result = submit(fields);
  if (result.ok) throw new Error("expected a refusal");
  return result.errors;
}

describe("valid answers", () => {
  test("stores each type under its question id, in its stored form", () => {
    const result = submit(
      validForm({
        "q.q-name": "  Lou  ",
        "q.q-story": "Ligne 1\r\nLigne 2",
        "q.q-shop": OTHER_CHOICE,
        "q.q-shop.other": "Épicerie solidaire",
        "q.q-modes": ["opt-car", OTHER_CHOICE, "opt-foot"],
        "q.q-modes.other": "Covoiturage",
        "q.q-satisf": "5",
        "q.q-km": "3,5",
        "q.q-people": "4",
        "q.q-since": "14/03/2019",
        "q.q-town": "26113",
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      communeCode: "26113",
      answers: {
        "q-name": "Lou",
        "q-story": "Ligne 1\nLigne 2",
        "q-shop": OTHER_CHOICE,
        "q-shop~other": "Épicerie solidaire",
        "q-modes": ["opt-foot", "opt-car", OTHER_CHOICE],
        "q-modes~other": "Covoiturage",
        "q-satisf": 5,
        "q-km": 3.5,
        "q-people": 4,
        "q-since": "2019-03-14",
        "q-town": "26113",
      },
    });
  });

  test("optional questions left empty are absent; unknown fields are ignored", () => {
    const result = submit(validForm({ "q.q-name": "   ", intrus: "x", "q.q-inconnue": "y", "q.q-town": "26113" }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.answers).sort()).toEqual(["q-satisf", "q-shop", "q-story", "q-town"]);
  });

  test("the 'autre' text is dropped when 'autre' is not chosen", () => {
    const result = submit(validForm({ "q.q-shop.other": "ignoré" }));
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.answers)).not.toContain("q-shop~other");
  });

  test("a commune typed without the picker counts when it names one commune", () => {
    const result = submit(validForm({ "q.q-town": "", "q.q-townQuery": "Die" }));
    expect(result.ok && result.answers["q-town"]).toBe("26113");
  });

  test("French numbers: comma, spaces, signs", () => {
    expect(parseFrenchNumber("3,5")).toBe(3.5);
    expect(parseFrenchNumber("12 345")).toBe(12345);
    expect(parseFrenchNumber("12\u202f345,25")).toBe(12345.25);
    expect(parseFrenchNumber("-2")).toBe(-2);
    expect(parseFrenchNumber("1.5")).toBe(1.5);
    expect(parseFrenchNumber("1.234,5")).toBeNull();
    expect(parseFrenchNumber("douze")).toBeNull();
    expect(parseFrenchNumber("1e5")).toBeNull();
    expect(parseFrenchNumber("Infinity")).toBeNull();
  });

  test("days: ISO and French, real days only", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("1/2/2020")).toBe("2020-02-01");
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("31/04/2020")).toBeNull();
    expect(parseDay("2020-13-01")).toBeNull();
    expect(parseDay("hier")).toBeNull();
  });
});

describe("every invalid value gets its own message and stores nothing", () => {
  test.each([
    ["required long text", { "q.q-story": "  " }, "q-story", "Répondez à cette question."],
    [
      "short text too long",
      { "q.q-name": "a".repeat(501) },
      "q-name",
      "Écrivez au plus 500 caractères (vous en avez écrit 501).",
    ],
    ["long text too long", { "q.q-story": "a".repeat(5001) }, "q-story", "Écrivez au plus 5\u202f000 caractères"],
    ["required single choice", { "q.q-shop": "" }, "q-shop", "Choisissez une réponse."],
    ["unknown option", { "q.q-shop": "opt-nope" }, "q-shop", "Choisissez parmi les réponses proposées."],
    ["'autre' without text", { "q.q-shop": OTHER_CHOICE }, "q-shop~other", "Précisez votre réponse « Autre »."],
    [
      "'autre' too long",
      { "q.q-shop": OTHER_CHOICE, "q.q-shop.other": "a".repeat(5001) },
      "q-shop~other",
      "au plus 5\u202f000",
    ],
    [
      "unknown option among several",
      { "q.q-modes": ["opt-foot", "opt-x"] },
      "q-modes",
      "Choisissez parmi les réponses proposées.",
    ],
    ["multiple 'autre' without text", { "q.q-modes": [OTHER_CHOICE] }, "q-modes~other", "Précisez votre réponse"],
    ["required scale", { "q.q-satisf": "" }, "q-satisf", "Choisissez une réponse."],
    ["scale above max", { "q.q-satisf": "6" }, "q-satisf", "Choisissez une valeur entre 1 et 5."],
    ["scale below min", { "q.q-satisf": "0" }, "q-satisf", "Choisissez une valeur entre 1 et 5."],
    ["scale not an integer", { "q.q-satisf": "3.5" }, "q-satisf", "Choisissez une valeur entre 1 et 5."],
    ["number not a number", { "q.q-km": "loin" }, "q-km", "Écrivez un nombre, par exemple 12 ou 3,5."],
    ["number out of range", { "q.q-km": "250" }, "q-km", "Écrivez un nombre entre 0 et 200."],
    ["number negative", { "q.q-km": "-1" }, "q-km", "Écrivez un nombre entre 0 et 200."],
    ["integer with decimals", { "q.q-people": "2,5" }, "q-people", "Écrivez un nombre entier, sans virgule."],
    ["date that does not exist", { "q.q-since": "2023-02-30" }, "q-since", "Cette date n'existe pas"],
    ["date garbage", { "q.q-since": "l'an dernier" }, "q-since", "Cette date n'existe pas"],
    ["date out of bounds", { "q.q-since": "1850-01-01" }, "q-since", "Écrivez une date entre 1900 et 2100."],
    ["required commune", { "q.q-town": "" }, "q-town", "Indiquez une commune."],
    ["unknown INSEE code", { "q.q-town": "99999" }, "q-town", "Choisissez une commune dans la liste"],
    ["not a commune code", { "q.q-town": "commune:26113" }, "q-town", "Choisissez une commune dans la liste"],
    ["ambiguous typed commune", { "q.q-town": "", "q.q-townQuery": "Saint" }, "q-town", "Choisissez une commune"],
  ] as const)("%s", (_name, fields, key, message) => {
    const errors = errorsOf(validForm(fields as Record<string, string | string[]>));
    expect(errors[key]).toContain(message);
    expect(Object.keys(errors)).toEqual([key]);
  });

  test("several errors at once, one per field", () => {
    const errors = errorsOf({ "q.q-km": "x", "q.q-satisf": "9" });
    expect(Object.keys(errors).sort()).toEqual(["q-km", "q-satisf", "q-shop", "q-story", "q-town"]);
  });

  test("English messages when the respondent chose English", () => {
    const formData = new FormData();
    const result = parseAnswers({ definition, formData, t: translator("en"), locale: "en" });
    expect(!result.ok && result.errors["q-story"]).toBe("Please answer this question.");
  });

  test("the form is echoed back so nothing typed is lost", () => {
    const result = submit(validForm({ "q.q-km": "loin", "q.q-modes": ["opt-foot"] }));
    expect(result.values["q.q-km"]).toBe("loin");
    expect(result.values["q.q-modes"]).toEqual(["opt-foot"]);
  });
});
