import { describe, expect, test } from "vitest";
import { matchesFilters, readTimelineFilters, timelineFiltersQuery } from "./timeline-filters";

describe("the timeline's filters in the address", () => {
  test("known values are kept, anything else reads as no filter", () => {
    const read = (query: string) => readTimelineFilters(new URLSearchParams(query));
    expect(read("type=workshop&phase=action_plan")).toEqual({ type: "workshop", phase: "action_plan" });
    expect(read("phase=none")).toEqual({ type: "", phase: "none" });
    expect(read("type=party&phase=<script>")).toEqual({ type: "", phase: "" });
    expect(read("")).toEqual({ type: "", phase: "" });
  });

  test("the query carries only the filters in force", () => {
    expect(timelineFiltersQuery({ type: "", phase: "" })).toBe("");
    expect(timelineFiltersQuery({ type: "", phase: "diagnosis" })).toBe("?phase=diagnosis");
    expect(timelineFiltersQuery({ type: "meeting", phase: "none" })).toBe("?type=meeting&phase=none");
  });

  test("an event matches when its type and its phase both do", () => {
    const event = { type: "workshop", phase: "action_plan" } as const;
    expect(matchesFilters(event, { type: "", phase: "" })).toBe(true);
    expect(matchesFilters(event, { type: "workshop", phase: "action_plan" })).toBe(true);
    expect(matchesFilters(event, { type: "meeting", phase: "action_plan" })).toBe(false);
    expect(matchesFilters(event, { type: "", phase: "none" })).toBe(false);
    expect(matchesFilters({ type: "meeting", phase: null }, { type: "", phase: "none" })).toBe(true);
  });
});
