import { isLocale, translate, type Locale, type MessageKey } from "~/i18n";

type Match = { id: string; data: unknown };

/** "Connexion · Maillage": one title per page (RGAA 8.6), in the page's language. */
export function pageTitle(locale: Locale | undefined, key: MessageKey, params?: Record<string, string | number>) {
  const lang = locale ?? "fr";
  return [{ title: `${translate(lang, key, params)} · ${translate(lang, "app.title")}` }];
}

function rootLocale(matches: Match[]): Locale {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : "fr";
}

/** "Membres · Drive fermier de Die · Maillage" for the pages inside a project. */
export function projectPageTitle(matches: Match[], key: MessageKey | null) {
  const locale = rootLocale(matches);
  const project = (
    matches.find((m) => m.id === "routes/projects.$projectId")?.data as { project?: { title?: string } } | undefined
  )?.project;
  const parts = [key ? translate(locale, key) : null, project?.title ?? null, translate(locale, "app.title")];
  return [{ title: parts.filter(Boolean).join(" · ") }];
}
