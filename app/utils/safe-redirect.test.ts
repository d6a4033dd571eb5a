import { describe, expect, test } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  test.each([
    ["/projects/abc", "/projects/abc"],
    ["/projects?tab=members#top", "/projects?tab=members#top"],
    ["/invitations/xyz", "/invitations/xyz"],
  ])("keeps the internal path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  test.each([
    "//evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    " //evil.example",
    "evil.example",
    "",
    "/%E0%A4%A",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e%2e//evil.example",
  ])("sends %j to the default page", (payload) => {
    expect(safeRedirect(payload)).toBe("/projects");
  });

  test("ignores non-string values", () => {
    expect(safeRedirect(null)).toBe("/projects");
    expect(safeRedirect(undefined, "/")).toBe("/");
  });
});
