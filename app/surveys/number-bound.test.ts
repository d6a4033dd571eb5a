import { expect, test } from "vitest";
import { parseBound } from "./number-bound";

test.each([
  ["", null],
  ["  ", null],
  ["12", 12],
  ["2,5", 2.5],
  ["2.5", 2.5],
  ["-3", -3],
  ["1 000", 1000],
  ["1\u202f000,5", 1000.5],
  [",5", 0.5],
  ["abc", "invalid"],
  ["1e400", "invalid"],
  ["12abc", "invalid"],
  ["1,2,3", "invalid"],
  ["Infinity", "invalid"],
  ["0x10", "invalid"],
])("%j → %j", (typed, expected) => {
  expect(parseBound(typed)).toBe(expected);
});
