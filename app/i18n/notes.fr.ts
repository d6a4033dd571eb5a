/** Field notes and the collaborative editor (French, reference). */
export const notesFr = {
  "notes.title": "Notes de terrain",
} as const;
