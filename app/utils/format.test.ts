import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("long dates", () => {
  test("French writes the first of the month as « 1er »", () => {
    expect(formatDate("fr", "2026-01-01T12:00:00.000Z")).toBe("1er janvier 2026");
    expect(formatDate("fr", new Date("1900-01-01T12:00:00.000Z"))).toBe("1er janvier 1900");
    expect(formatDateTime("fr", "2026-03-01T09:30:00.000Z")).toBe("1er mars 2026 à 10:30");
  });

  test("other days, and the 11th, 21st and 31st, stay cardinal", () => {
    expect(formatDate("fr", "2026-01-02T12:00:00.000Z")).toBe("2 janvier 2026");
    expect(formatDate("fr", "2026-01-11T12:00:00.000Z")).toBe("11 janvier 2026");
    expect(formatDate("fr", "2026-01-21T12:00:00.000Z")).toBe("21 janvier 2026");
    expect(formatDate("fr", "2026-01-31T12:00:00.000Z")).toBe("31 janvier 2026");
  });

  test("the day is the one in France: 31 December 23:30 UTC is already the 1st in Paris", () => {
    expect(formatDate("fr", "2025-12-31T23:30:00.000Z")).toBe("1er janvier 2026");
  });

  test("English is left as Intl writes it", () => {
    expect(formatDate("en", "2026-01-01T12:00:00.000Z")).toBe("1 January 2026");
    expect(formatDateTime("en", "2026-03-01T09:30:00.000Z")).toBe("1 March 2026 at 10:30");
  });
});
