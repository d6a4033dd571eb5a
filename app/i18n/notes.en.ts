import type { notesFr } from "./notes.fr";

/** Field notes and the collaborative editor (English). */
export const notesEn: Record<keyof typeof notesFr, string> = {
  "notes.title": "Field notes",
};
