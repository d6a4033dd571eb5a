import { describe, expect, test } from "vitest";
import { FINDING_STATES, FINDING_TRANSITIONS } from "../core/vocabulary";
import { TRANSITIONS, transitionAllowedFrom, transitionsFrom } from "./transitions";

describe("the review workflow's table", () => {
  test("every transition leads to a known state from known states", () => {
    for (const name of FINDING_TRANSITIONS) {
      const rule = TRANSITIONS[name];
      expect(FINDING_STATES).toContain(rule.to);
      for (const from of rule.from) expect(FINDING_STATES).toContain(from);
      expect(rule.from).not.toContain(rule.to);
    }
  });

  test("what each state offers", () => {
    expect(transitionsFrom("draft")).toEqual(["submit"]);
    expect(transitionsFrom("submitted")).toEqual(["request_changes", "validate", "withdraw"]);
    expect(transitionsFrom("changes_requested")).toEqual(["submit", "withdraw"]);
    expect(transitionsFrom("validated")).toEqual(["publish", "withdraw"]);
    expect(transitionsFrom("published")).toEqual(["withdraw"]);
    expect(transitionsFrom("withdrawn")).toEqual(["reopen"]);
    expect(transitionsFrom("nonsense")).toEqual([]);
    expect(transitionAllowedFrom("publish", "submitted")).toBe(false);
  });

  test("only asking for changes requires a comment", () => {
    const required = FINDING_TRANSITIONS.filter((t) => TRANSITIONS[t].comment === "required");
    expect(required).toEqual(["request_changes"]);
  });
});
