import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import { readSurveyFilter } from "./survey-filter";

const t = translator("fr");
const read = (query: string) => readSurveyFilter(new URLSearchParams(query), t);

describe("readSurveyFilter", () => {
  test("no parameter: no filter, nothing to say", () => {
    expect(read("")).toEqual({ filter: { from: null, to: null, commune: null }, errors: {} });
  });

  test("reads days (trimmed) and an INSEE code, Corsica included", () => {
    expect(read("from=2026-03-01&to=%202026-03-02%20&commune=2A004")).toEqual({
      filter: { from: "2026-03-01", to: "2026-03-02", commune: "2A004" },
      errors: {},
    });
    expect(read("from=2026-03-02&to=2026-03-02").filter).toMatchObject({ from: "2026-03-02", to: "2026-03-02" });
  });

  test("a date that does not exist is ignored, and said in French", () => {
    const { filter, errors } = read("from=2026-02-30&to=hier");
    expect(filter).toEqual({ from: null, to: null, commune: null });
    expect(errors.from).toBe("Cette date n'est pas valide : le filtre est ignoré.");
    expect(errors.to).toBe(errors.from);
    // The other bound still applies.
    expect(read("from=14/03/2026&to=2026-03-20")).toMatchObject({ filter: { from: null, to: "2026-03-20" } });
  });

  test("a start after the end: both dates ignored, and said", () => {
    const { filter, errors } = read("from=2026-03-05&to=2026-03-01&commune=26113");
    expect(filter).toEqual({ from: null, to: null, commune: "26113" });
    expect(errors).toEqual({ to: "La date de début est après la date de fin : les dates sont ignorées." });
  });

  test("a wrong commune code only comes from an edited address: ignored quietly", () => {
    for (const commune of ["<x>", "2613", "261130", "2c004", ""]) {
      expect(read(`commune=${encodeURIComponent(commune)}`), commune).toEqual({
        filter: { from: null, to: null, commune: null },
        errors: {},
      });
    }
  });

  test("repeated parameters: the first one counts", () => {
    expect(read("commune=26113&commune=38185").filter.commune).toBe("26113");
  });
});
