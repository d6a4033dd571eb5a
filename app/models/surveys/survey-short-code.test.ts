import { describe, expect, test } from "vitest";
import { formatShortCode, readShortCode, SHORT_CODE_ALPHABET } from "./survey-short-code";

describe("a survey's short address (issue 13, point 2)", () => {
  test("the alphabet has no look-alikes: no I, L, O or U, and 32 characters", () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(32);
  });

  test("shown as two groups of four: at most 10 characters after /s/", () => {
    expect(formatShortCode("K7M29QXD")).toBe("K7M2-9QXD");
    expect(formatShortCode("K7M29QXD").length).toBeLessThanOrEqual(10);
  });

  test.each([
    ["K7M2-9QXD", "K7M29QXD"],
    ["k7m2-9qxd", "K7M29QXD"],
    ["k7m29qxd", "K7M29QXD"],
    ["K7M2 9QXD", "K7M29QXD"],
    // What a person may read on paper: O for 0, I or l for 1.
    ["K7M2-9QXO", "K7M29QX0"],
    ["KIM2-9QXD", "K1M29QXD"],
    ["Kl12-9QXD", "K1129QXD"],
  ])("reads %s as %s", (typed, code) => {
    expect(readShortCode(typed)).toBe(code);
  });

  test.each([
    ["a long token", "Vh3kq0JtR1sF6cXyZ2mN8pQ4wE7uA9bD5gH0jK2lM3n"],
    ["U is not in the alphabet", "K7M2-9QXU"],
    ["too short", "K7M2-9QX"],
    ["too long", "K7M2-9QXDD"],
    ["punctuation", "K7M2_9QXD"],
    ["empty", ""],
  ])("refuses %s", (_, typed) => {
    expect(readShortCode(typed)).toBeNull();
  });
});
