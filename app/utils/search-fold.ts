/**
 * Text as search compares it: without accents, lower case, words separated by one space.
 * Pure, so that the browser (a note's live title) and the server fold the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
