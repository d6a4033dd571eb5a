import { en } from "./en";
import { fr, type MessageKey } from "./fr";

export type { MessageKey };
export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "lang";

/** BCP 47 tags for Intl: French of France, and British English (day-month order, 24 h). */
export const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type MessageParams = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? value.toLocaleString(INTL_LOCALE[locale]) : value;
  });
}

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/** The chosen language is remembered in a cookie; French otherwise (French first). */
export function localeFromCookieHeader(header: string | null | undefined): Locale {
  const match = /(?:^|;\s*)lang=([a-z]{2})\b/.exec(header ?? "");
  return isLocale(match?.[1]) ? match[1] : DEFAULT_LOCALE;
}

export function localeFromRequest(request: Request): Locale {
  return localeFromCookieHeader(request.headers.get("cookie"));
}
