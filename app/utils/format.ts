import { INTL_LOCALE, type Locale } from "~/i18n";

// Building an Intl formatter is costly (about 10 µs); a list of 50 notes formats 100 dates.
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules;
const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter;
}

// A fixed time zone, so that the server and the browser render the same text (no hydration mismatch).
const TIME_ZONE = "Europe/Paris";

/**
 * French writes the first day of a month as an ordinal, "1er janvier 2026", which Intl does not
 * do (it gives "1 janvier 2026"); every other day is a cardinal ("2 janvier").
 */
function longDate(formatter: Intl.DateTimeFormat, locale: Locale, value: Date | string): string {
  const date = new Date(value);
  if (locale !== "fr") return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

export function formatDate(locale: Locale, value: Date | string): string {
  const formatter = cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: TIME_ZONE }),
  );
  return longDate(formatter, locale, value);
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  const formatter = cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }),
  );
  return longDate(formatter, locale, value);
}

export function formatNumber(locale: Locale, value: number): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale])).format(value);
}

/**
 * Whether a count takes the singular: in French 0 and 1 do ("0 réponse"), in English only 1
 * does ("0 responses"). Messages come in pairs, `…One` and the plural.
 */
export function isSingular(locale: Locale, count: number): boolean {
  return cached(`plural:${locale}`, () => new Intl.PluralRules(INTL_LOCALE[locale])).select(count) === "one";
}
