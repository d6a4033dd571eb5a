import { describe, expect, it } from "vitest";
import { readPassageFilters } from "./passage-filter";

const choices = { authorIds: ["u1"], communeCodes: ["26113"], cycleIds: ["c1"] };
const read = (query: string) => readPassageFilters(new URLSearchParams(query), choices);

describe("readPassageFilters", () => {
  it("applies known values", () => {
    const result = read("author=u1&commune=26113&cycle=c1&phase=action&from=2026-01-01&to=2026-03-31&page=2");
    expect(result.filters).toEqual({
      authorId: "u1",
      communeCode: "26113",
      cycleId: "c1",
      phase: "action",
      from: new Date("2026-01-01T00:00:00.000Z"),
      to: new Date("2026-03-31T00:00:00.000Z"),
    });
    expect(result.ignored).toEqual([]);
    expect(result.filtered).toBe(true);
    expect(result.page).toBe(2);
  });
  it("ignores unknown values and says which", () => {
    const result = read("author=intrus&commune=75056&cycle=autre&phase=sieste&from=2026-02-30&page=-3");
    expect(result.filters).toEqual({
      authorId: null,
      communeCode: null,
      cycleId: null,
      phase: null,
      from: null,
      to: null,
    });
    expect(result.ignored).toEqual(["author", "commune", "cycle", "phase", "from"]);
    expect(result.values.author).toBe("");
    expect(result.filtered).toBe(false);
    expect(result.page).toBe(1);
  });
  it("drops a backwards date range", () => {
    const result = read("from=2026-03-01&to=2026-01-01");
    expect(result.filters.from).toBeNull();
    expect(result.ignored).toEqual(["from", "to"]);
  });
  it("an empty address filters nothing", () => {
    expect(read("").filtered).toBe(false);
    expect(read("").ignored).toEqual([]);
  });
});
