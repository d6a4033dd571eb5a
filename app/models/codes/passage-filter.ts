import { parseDay, dayStart } from "~/utils/day";
import { PHASES, type Phase } from "../core/vocabulary";

/** The filters of a code's passages as the address spells them (`?author=…&commune=…`). */
export const PASSAGE_FILTER_KEYS = ["author", "commune", "cycle", "phase", "from", "to"] as const;
export type PassageFilterKey = (typeof PASSAGE_FILTER_KEYS)[number];
export type PassageFilterValues = Record<PassageFilterKey, string>;

/** What the filters may name: anything else in the address is ignored, and said so. */
export type PassageFilterChoices = { authorIds: string[]; communeCodes: string[]; cycleIds: string[] };

/**
 * Reads the filters from the address. A value that names nothing known (an author without
 * passages here, a day that does not exist, a range backwards) is dropped and listed in
 * `ignored`, so the page says which filters it did not apply instead of showing nothing.
 */
export function readPassageFilters(params: URLSearchParams, choices: PassageFilterChoices) {
  const raw = Object.fromEntries(
    PASSAGE_FILTER_KEYS.map((key) => [key, (params.get(key) ?? "").trim().slice(0, 64)]),
  ) as PassageFilterValues;
  const ignored: PassageFilterKey[] = [];
  const keep = <T>(key: PassageFilterKey, ok: boolean, value: T): T | null => {
    if (!raw[key]) return null;
    if (ok) return value;
    ignored.push(key);
    return null;
  };
  const fromDay = raw.from ? parseDay(raw.from) : null;
  const toDay = raw.to ? parseDay(raw.to) : null;
  const backwards = fromDay !== null && toDay !== null && fromDay > toDay;
  const filters = {
    authorId: keep("author", choices.authorIds.includes(raw.author), raw.author),
    communeCode: keep("commune", choices.communeCodes.includes(raw.commune), raw.commune),
    cycleId: keep("cycle", choices.cycleIds.includes(raw.cycle), raw.cycle),
    phase: keep("phase", (PHASES as readonly string[]).includes(raw.phase), raw.phase as Phase),
    from: keep("from", fromDay !== null && !backwards, fromDay ? dayStart(fromDay) : null),
    to: keep("to", toDay !== null && !backwards, toDay ? dayStart(toDay) : null),
  };
  // What the form shows again: the applied values only, so that "Filtrer" does not resend a bad one.
  const values = Object.fromEntries(
    PASSAGE_FILTER_KEYS.map((key) => [key, ignored.includes(key) ? "" : raw[key]]),
  ) as PassageFilterValues;
  const filtered = Object.values(filters).some((value) => value !== null);
  const pageText = params.get("page") ?? "1";
  const page = /^[1-9][0-9]{0,4}$/.test(pageText) ? Number(pageText) : 1;
  return { filters, values, ignored, filtered, page };
}
