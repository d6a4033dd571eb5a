import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

describe("the mail worker's backoff", () => {
  it("doubles from 30 s with ±20 % jitter, capped near an hour", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, () => 0)).toBe(96_000);
    expect(retryDelayMs(30, () => 1)).toBe(72 * 60_000);
  });
});
