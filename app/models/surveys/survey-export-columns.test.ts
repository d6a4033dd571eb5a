import { describe, expect, test } from "vitest";
import { parisTime, parisTimeText } from "./survey-export-columns.server";

describe("dates in exports: Paris wall-clock time, with the offset of each moment", () => {
  test.each([
    // Winter (UTC+1), summer (UTC+2).
    ["2026-03-14T08:05:00.000Z", "2026-03-14 09:05:00", "+01:00"],
    ["2026-07-01T22:30:15.999Z", "2026-07-02 00:30:15", "+02:00"],
    // Spring forward, 29 March 2026: 01:59:59 UTC+1, then 03:00:00 UTC+2.
    ["2026-03-29T00:59:59.000Z", "2026-03-29 01:59:59", "+01:00"],
    ["2026-03-29T01:00:00.000Z", "2026-03-29 03:00:00", "+02:00"],
    // Fall back, 25 October 2026: 02:30 happens twice, told apart by the offset.
    ["2026-10-25T00:30:00.000Z", "2026-10-25 02:30:00", "+02:00"],
    ["2026-10-25T01:30:00.000Z", "2026-10-25 02:30:00", "+01:00"],
    // New Year's Eve in UTC is already the next year in Paris.
    ["2026-12-31T23:30:00.000Z", "2027-01-01 00:30:00", "+01:00"],
  ])("%s → %s (UTC%s)", (iso, text, offset) => {
    const time = parisTime(new Date(iso));
    expect(parisTimeText(time)).toBe(text);
    expect(time.offset).toBe(offset);
  });
});
