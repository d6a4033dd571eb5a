/**
 * The new-note form sends its author to the note with this fragment: the page then writes the
 * chosen title into the empty text (app/editor/title-seed.client.ts). A fragment, not a query,
 * because it never reaches the server: the page kept for offline use and its data stay those
 * of the note's own address, and a reload finds the text no longer empty and does nothing.
 */
export const NEW_NOTE_HASH = "#new";
