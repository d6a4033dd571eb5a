import { describe, expect, test } from "vitest";
import { dayEnd, dayStart, parseDay, parseDayAsDate, parseTypedDay } from "./day";

describe("parseDay", () => {
  test("reads real calendar days and gives them back in canonical form", () => {
    expect(parseDay("2026-03-14")).toBe("2026-03-14");
    expect(parseDay("2026-12-31")).toBe("2026-12-31");
    expect(parseDay("1900-01-01")).toBe("1900-01-01");
    expect(parseDay("0050-06-01")).toBe("0050-06-01");
  });

  test("knows leap years: every 4 years, not every 100, again every 400", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2000-02-29")).toBe("2000-02-29");
    expect(parseDay("2025-02-29")).toBeNull();
    expect(parseDay("1900-02-29")).toBeNull();
    expect(parseDay("2100-02-29")).toBeNull();
  });

  test("refuses days that do not exist instead of rolling them over", () => {
    for (const bad of ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"]) {
      expect(parseDay(bad), bad).toBeNull();
    }
  });

  test("refuses every other layout", () => {
    const bad = [
      "",
      "hier",
      "14/03/2026",
      "2026-3-14",
      "2026-03-4",
      "26-03-14",
      "+02026-03-14",
      "2026/03/14",
      "2026-03-14T10:00",
      "2026-03-14Z",
      "２０２６-03-14",
    ];
    for (const value of bad) expect(parseDay(value), value).toBeNull();
  });

  test("is strict about whitespace: callers trim", () => {
    for (const value of [" 2026-03-14", "2026-03-14 ", "2026-03-14\n", "\t2026-03-14", "2026- 03-14"]) {
      expect(parseDay(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe("parseTypedDay", () => {
  test("also reads the French order, and answers in ISO", () => {
    expect(parseTypedDay("14/03/2026")).toBe("2026-03-14");
    expect(parseTypedDay("1/2/2020")).toBe("2020-02-01");
    expect(parseTypedDay("01.02.2020")).toBe("2020-02-01");
    expect(parseTypedDay("29-02-2024")).toBe("2024-02-29");
    expect(parseTypedDay("2024-02-29")).toBe("2024-02-29");
  });

  test("refuses what does not exist, whatever the order", () => {
    for (const bad of [
      "29/02/2023",
      "31/04/2020",
      "30/02/2026",
      "1/13/2020",
      "2023-02-29",
      "14/03/26",
      " 14/03/2026",
    ]) {
      expect(parseTypedDay(bad), bad).toBeNull();
    }
  });
});

describe("days as instants", () => {
  test("a day runs from its UTC midnight up to the next one", () => {
    expect(dayStart("2026-03-14").toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(dayEnd("2026-03-14").toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(dayEnd("2024-02-28").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(dayEnd("2026-12-31").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  test("parseDayAsDate gives the UTC midnight of a real day, null otherwise", () => {
    expect(parseDayAsDate("2026-03-14")?.toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(parseDayAsDate("2026-02-30")).toBeNull();
    expect(parseDayAsDate(" 2026-03-14")).toBeNull();
  });
});
