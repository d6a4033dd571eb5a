import { describe, expect, test } from "vitest";
import { returnQuery } from "./site-header";

describe("where the header's log-in and sign-up links come back to", () => {
  test.each([
    // An invitation is the page to come back to (issue 13, point 10).
    ["/invitations/abc_DEF-123", "", "?redirectTo=%2Finvitations%2Fabc_DEF-123"],
    ["/projects/p1/notes", "?tag=t1", "?redirectTo=%2Fprojects%2Fp1%2Fnotes%3Ftag%3Dt1"],
    ["/", "", ""],
    // On the auth pages themselves, their own destination is passed on, and nothing else.
    ["/login", "?invitation=tok&utm=x", "?invitation=tok"],
    ["/signup", "?redirectTo=%2Fprojects%2Fp1", "?redirectTo=%2Fprojects%2Fp1"],
    ["/signup", "", ""],
    // A path that a browser would read as another site is dropped.
    ["//evil.example/x", "", ""],
  ])("%s%s → %s", (pathname, search, expected) => {
    expect(returnQuery({ pathname, search })).toBe(expected);
  });
});
