/**
 * Collaborator colours for carets, selections and the presence list. Each colour carries white
 * text (the caret's name label) at 4.5:1 or more, and stands out from the white page at 3:1 or
 * more (WCAG 2.1 1.4.3 and 1.4.11); user-colour.test.ts checks both.
 */
export const COLLABORATOR_COLOURS = [
  "#1d4f91", // blue
  "#a4161a", // red
  "#0f5223", // green
  "#6a1b9a", // purple
  "#8a4500", // brown
  "#00695c", // teal
  "#ad1457", // raspberry
  "#37474f", // slate
  "#4527a0", // indigo
  "#7a5c00", // olive
] as const;

/** Shown for a collaborator whose client sent no usable colour. */
export const FALLBACK_COLOUR = "#4d5561";

/** The same person gets the same colour on every device and in every note (FNV-1a of the id). */
export function colourForUser(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return COLLABORATOR_COLOURS[(hash >>> 0) % COLLABORATOR_COLOURS.length]!;
}

/** Colours arrive from other clients through awareness: only `#rrggbb` is used in a style. */
export function isHexColour(value: unknown): value is string {
  return typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value);
}
