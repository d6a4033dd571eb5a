import { describe, expect, test } from "vitest";
import { RECONNECT_BASE_MS, RECONNECT_CAP_MS, reconnectDelay, shouldRetryAfterClose } from "./reconnect-delay";

const almostOne = () => 0.999_999;

describe("reconnectDelay (full-jitter exponential backoff)", () => {
  test("the window doubles from 500 ms and stops at 30 s", () => {
    const ceilings = Array.from({ length: 10 }, (_, n) => reconnectDelay(n, { random: almostOne }) + 1);
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect(reconnectDelay(0, { random: almostOne })).toBeLessThan(RECONNECT_BASE_MS);
    expect(reconnectDelay(1_000, { random: almostOne })).toBeLessThan(RECONNECT_CAP_MS);
  });

  test("a random draw of 0 retries at once; the delay is never negative nor past the window", () => {
    expect(reconnectDelay(5, { random: () => 0 })).toBe(0);
    expect(reconnectDelay(3, { random: () => -1 })).toBe(0);
    expect(reconnectDelay(3, { random: () => 1 })).toBeLessThan(4000);
    for (let attempt = 0; attempt < 40; attempt++) {
      for (let i = 0; i < 50; i++) {
        const delay = reconnectDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt));
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  test("nonsense attempt numbers count as the first attempt", () => {
    for (const attempt of [-3, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(reconnectDelay(attempt, { random: almostOne })).toBe(RECONNECT_BASE_MS - 1);
    }
    expect(reconnectDelay(Number.POSITIVE_INFINITY, { random: almostOne })).toBe(RECONNECT_BASE_MS - 1);
    expect(reconnectDelay(2.7, { random: almostOne })).toBe(1999);
  });

  test("honours custom base and cap", () => {
    expect(reconnectDelay(0, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(50);
    expect(reconnectDelay(10, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(500);
  });

  test("spreads a thousand clients over the window instead of retrying in lock-step", () => {
    const delays = Array.from({ length: 1000 }, () => reconnectDelay(4));
    const seconds = new Set(delays.map((d) => Math.floor(d / 1000)));
    // The window for attempt 4 is [0, 8 s): every one-second slot gets some clients...
    expect(seconds.size).toBe(8);
    // ...and no slot gets more than about twice its fair share (125).
    for (const slot of seconds) expect(delays.filter((d) => Math.floor(d / 1000) === slot).length).toBeLessThan(250);
  });
});

describe("shouldRetryAfterClose", () => {
  test("stops only when access was revoked, the document deleted, or a change is too big to ever be accepted", () => {
    expect(shouldRetryAfterClose(4403)).toBe(false);
    expect(shouldRetryAfterClose(1009)).toBe(false);
    expect(shouldRetryAfterClose(4410)).toBe(false);
    for (const code of [1000, 1001, 1003, 1006, 1007, 1008, 1011, 4409, 4429, 4400, 4500]) {
      expect(shouldRetryAfterClose(code), String(code)).toBe(true);
    }
  });
});
