import { describe, expect, test } from "vitest";
import { presenceChanges, presenceSignature, presentUsers } from "./presence";
import { FALLBACK_COLOUR } from "./user-colour";

const state = (id: string | undefined, name: unknown, color: unknown = "#1d4f91") => ({
  user: { id, name, color },
  cursor: { anchor: 1, head: 1 },
});

describe("presentUsers", () => {
  test("one entry per person, yourself first, then by name", () => {
    const states = new Map<number, unknown>([
      [1, state("u-zoe", "Zoé")],
      [2, state("u-me", "Camille")],
      [3, state("u-ali", "Ali")],
      [4, state("u-zoe", "Zoé")], // a second tab
      [5, {}], // no user yet
    ]);
    expect(presentUsers(states, 2).map((p) => [p.name, p.isSelf])).toEqual([
      ["Camille", true],
      ["Ali", false],
      ["Zoé", false],
    ]);
  });

  test("another tab of yourself is still you", () => {
    const states = new Map<number, unknown>([
      [7, state("u-me", "Camille")],
      [8, state("u-me", "Camille")],
    ]);
    expect(presentUsers(states, 8)).toEqual([expect.objectContaining({ name: "Camille", isSelf: true })]);
  });

  test("cleans what other clients send: odd names and colours", () => {
    const states = new Map<number, unknown>([
      [1, state(undefined, `  Très\n\tlong ${"x".repeat(200)}`, "red; background:url(//evil)")],
      [2, state("u-2", "   ")],
      [3, state("u-3", 42)],
      [4, null],
      [5, "garbage"],
    ]);
    const [only, ...rest] = presentUsers(states, 99);
    expect(rest).toEqual([]);
    expect(only!.name.startsWith("Très long x")).toBe(true);
    expect(only!.name.length).toBe(60);
    expect(only!.colour).toBe(FALLBACK_COLOUR);
    expect(only!.key).toBe("client:1");
  });
});

describe("presenceChanges and presenceSignature", () => {
  const camille = { key: "user:1", name: "Camille", colour: "#1d4f91", isSelf: true };
  const ali = { key: "user:2", name: "Ali", colour: "#a4161a", isSelf: false };
  const zoe = { key: "user:3", name: "Zoé", colour: "#0f5223", isSelf: false };

  test("lists who joined and who left, never yourself", () => {
    expect(presenceChanges([camille, ali], [camille, zoe])).toEqual({ joined: ["Zoé"], left: ["Ali"] });
    expect(presenceChanges([], [camille])).toEqual({ joined: [], left: [] });
  });

  test("the signature changes with the people, not with cursor moves", () => {
    expect(presenceSignature([camille, ali])).toBe(presenceSignature([{ ...camille }, { ...ali }]));
    expect(presenceSignature([camille, ali])).not.toBe(presenceSignature([camille, zoe]));
  });
});
