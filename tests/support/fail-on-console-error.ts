import { afterEach, vi } from "vitest";

// A test that makes our code log an error fails, even if its assertions pass (Epic Stack).
let logged: unknown[][] = [];
const original = console.error;
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  logged.push(args);
  original(...args);
});

afterEach(() => {
  const errors = logged;
  logged = [];
  if (errors.length > 0) throw new Error(`console.error was called:\n${errors.map((a) => a.join(" ")).join("\n")}`);
});
