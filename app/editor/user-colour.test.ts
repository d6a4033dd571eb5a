import { describe, expect, test } from "vitest";
import { COLLABORATOR_COLOURS, FALLBACK_COLOUR, colourForUser, isHexColour } from "./user-colour";

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe("collaborator colours", () => {
  test.each([...COLLABORATOR_COLOURS, FALLBACK_COLOUR])("%s carries white text at 4.5:1 or more", (colour) => {
    expect(contrast(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  test("are distinct valid hex colours", () => {
    expect(new Set(COLLABORATOR_COLOURS).size).toBe(COLLABORATOR_COLOURS.length);
    for (const colour of COLLABORATOR_COLOURS) expect(isHexColour(colour)).toBe(true);
  });

  test("a user always gets the same colour, and users spread over the palette", () => {
    expect(colourForUser("cm123abc")).toBe(colourForUser("cm123abc"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourForUser(`user-${i}`)));
    expect(used.size).toBe(COLLABORATOR_COLOURS.length);
  });

  test("only #rrggbb passes as a colour from another client", () => {
    for (const bad of ["red", "#fff", "#12345g", "#123456; background: url(x)", "", null, 3]) {
      expect(isHexColour(bad)).toBe(false);
    }
  });
});
