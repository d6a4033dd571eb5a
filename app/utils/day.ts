/**
 * Calendar days, the one parser for every "YYYY-MM-DD" the app reads: note dates and filters,
 * survey date answers, survey result filters. A day is a UTC calendar day; the canonical form
 * is the ISO text, which sorts like the dates it names.
 *
 * Parsing is strict: no surrounding whitespace (callers trim when their input may carry it),
 * no time part, and only days that exist (2026-02-30 and 2025-02-29 are refused, not rolled
 * over into March as `Date` would).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What people type where there is no date picker: 14/03/2026, 1/3/2026, 14.03.2026, 14-03-2026. */
const FRENCH_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The canonical day, when year, month and day name one that exists. */
function calendarDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  // A day that does not exist rolls over into the next month: it does not read back the same.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-03-14" → "2026-03-14"; anything else, or a day that does not exist, → null. */
export function parseDay(value: string): string | null {
  const iso = ISO_DAY.exec(value);
  return iso ? calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** As `parseDay`, also reading the French order "14/03/2026" (typed answers); always returns ISO. */
export function parseTypedDay(value: string): string | null {
  const french = FRENCH_DAY.exec(value);
  return french ? calendarDay(Number(french[3]), Number(french[2]), Number(french[1])) : parseDay(value);
}

/** The first instant of a canonical day (UTC midnight). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The first instant after a canonical day: the exclusive end of "up to and including `day`". */
export function dayEnd(day: string): Date {
  const end = dayStart(day);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/** `parseDay` for callers that keep days as `Date`s (UTC midnights), such as note dates. */
export function parseDayAsDate(value: string): Date | null {
  const day = parseDay(value);
  return day ? dayStart(day) : null;
}
