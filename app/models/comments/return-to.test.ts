import { describe, expect, test } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  test("keeps a page of the project, without its hash", () => {
    expect(safeReturnTo("p1", "/projects/p1/findings/f1#thread-x")).toBe("/projects/p1/findings/f1");
    expect(safeReturnTo("p1", "/projects/p1/notes/n1?passage=a")).toBe("/projects/p1/notes/n1?passage=a");
  });
  test("refuses other sites, other projects and tricks", () => {
    for (const bad of [
      "https://evil.example/projects/p1/x",
      "//evil.example/projects/p1/",
      "/projects/p2/findings/f1",
      "/projects/p1",
      "/projects/p1/../p2/notes",
      "/projects/p1/%2e%2e/p2",
      "/projects/p1//evil.example",
      "/projects/p1/\\evil",
      "",
    ]) {
      expect(safeReturnTo("p1", bad)).toBeNull();
    }
  });
});
