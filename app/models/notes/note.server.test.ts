import { describe, expect, test, vi } from "vitest";
import { isPlausibleObservedDay, latestObservedDay, parseDay, searchWords } from "./note.server";
import { normalizeTagLabel, tagKey } from "./tag.server";

// Pure functions only: no database behind them.
vi.mock("../core/db.server", () => ({ prisma: {} }));

describe("observed days", () => {
  test("reads real calendar days only", () => {
    expect(parseDay("2026-03-14")?.toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(parseDay("2024-02-29")).not.toBeNull();
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "14/03/2026", "2026-3-14", "", "2026-03-14T10:00"]) {
      expect(parseDay(bad), bad).toBeNull();
    }
  });

  test("accepts 1900 up to a year from today, nothing outside", () => {
    const now = new Date("2026-06-15T22:00:00Z");
    expect(latestObservedDay(now).toISOString()).toBe("2027-06-15T00:00:00.000Z");
    expect(isPlausibleObservedDay(parseDay("1900-01-01")!, now)).toBe(true);
    expect(isPlausibleObservedDay(parseDay("1899-12-31")!, now)).toBe(false);
    expect(isPlausibleObservedDay(parseDay("2027-06-15")!, now)).toBe(true);
    expect(isPlausibleObservedDay(parseDay("2027-06-16")!, now)).toBe(false);
  });
});

describe("search words", () => {
  test("are folded like the projection, deduplicated and capped", () => {
    expect(searchWords("  Marché de SAINT-Étienne  marché ")).toEqual(["marche", "de", "saint", "etienne"]);
    expect(searchWords("!!! ???")).toEqual([]);
    expect(searchWords("a b c d e f g h i j k")).toHaveLength(8);
  });
});

describe("codebook labels", () => {
  test("are trimmed with inner spaces collapsed, and compared without case or accents", () => {
    expect(normalizeTagLabel("  Circuit \t  court ")).toBe("Circuit court");
    expect(tagKey("ÉCONOMIE  locale")).toBe(tagKey("économie locale"));
    // One code per name "regardless of case and accents" (issue 14): "marche" is "marché".
    expect(tagKey("marche")).toBe(tagKey("marché"));
  });
});
