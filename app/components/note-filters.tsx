import { Form, Link } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useT } from "~/i18n/use-translation";
import { useNonce } from "~/utils/nonce";
import { CyclePhaseFilters, type CycleChoice } from "./cycle-phase-fields";
import { describedBy, FieldMessages } from "./form-field";

export type NoteFilterValues = {
  q: string;
  author: string;
  tag: string;
  from: string;
  to: string;
  cycle: string;
  phase: string;
  sort: string;
};
type Option = { id: string; name: string };

/** Wider than this, the filters are shown open; on a phone they fold under "Filtres". */
const WIDE = "(min-width: 40rem)";
const FILTERS_ID = "note-filters-more";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the screen is wide; false on the server (the inline script below opens it before paint). */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
}

/** How many filters narrow the list (the search words and the sort are not counted). */
function activeFilters(values: NoteFilterValues): number {
  return [values.author, values.tag, values.from, values.to, values.cycle, values.phase].filter(Boolean).length;
}

/**
 * A GET form: works without JavaScript, and the resulting address can be bookmarked or shared
 * with a colleague. Bad dates are reported next to their field and left out of the search.
 */
export function NoteFilters({
  values,
  authors,
  tags,
  cycles,
  sorts,
  errors,
  queryMax,
  resetHref,
}: {
  values: NoteFilterValues;
  authors: Option[];
  tags: { id: string; label: string }[];
  cycles: CycleChoice[];
  sorts: readonly ("observed" | "updated")[];
  errors: Partial<Record<"from" | "to", string>>;
  queryMax: number;
  resetHref: string;
}) {
  const t = useT();
  const nonce = useNonce();
  const wide = useWideScreen();
  const active = activeFilters(values);
  const open = active > 0 || wide;
  return (
    <Form method="get" role="search" aria-label={t("notes.filters.label")} className="note-filters stack">
      <div className="field">
        <label htmlFor="q">{t("notes.filters.q")}</label>
        <input id="q" name="q" type="search" defaultValue={values.q} maxLength={queryMax} aria-describedby="q-hint" />
        <FieldMessages name="q" hint={t("notes.filters.qHint")} />
      </div>
      {/*
        A <details>: folds and unfolds without JavaScript, and says whether it is open. Closed
        fields are still sent with the form. Open when a filter is in use, or on a wide screen.
      */}
      <details id={FILTERS_ID} className="note-filters__more" open={open} suppressHydrationWarning>
        <summary>
          {active === 0
            ? t("notes.filters.toggle")
            : active === 1
              ? t("notes.filters.toggleActiveOne")
              : t("notes.filters.toggleActive", { count: active })}
        </summary>
        <fieldset className="field">
          <legend className="visually-hidden">{t("notes.filters.legend")}</legend>
          <div className="note-filter-grid">
            <div className="field">
              <label htmlFor="author">{t("notes.filters.author")}</label>
              <select id="author" name="author" defaultValue={values.author}>
                <option value="">{t("notes.filters.anyAuthor")}</option>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="tag">{t("notes.filters.tag")}</label>
              <select id="tag" name="tag" defaultValue={values.tag}>
                <option value="">{t("notes.filters.anyTag")}</option>
                {tags.map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.label}
                  </option>
                ))}
              </select>
            </div>
            <CyclePhaseFilters cycles={cycles} values={{ cycleId: values.cycle, phase: values.phase }} />
            {(["from", "to"] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={name}>{t(`notes.filters.${name}`)}</label>
                <input
                  id={name}
                  name={name}
                  type="date"
                  defaultValue={values[name]}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={describedBy(name, false, errors[name])}
                />
                <FieldMessages name={name} error={errors[name]} />
              </div>
            ))}
            <div className="field">
              <label htmlFor="sort">{t("notes.filters.sort")}</label>
              <select id="sort" name="sort" defaultValue={values.sort}>
                {sorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`notes.sort.${sort}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
      </details>
      {/* Opens the filters on a wide screen before the first paint, not after the scripts load. */}
      <script
        nonce={nonce}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{
          __html: `if(matchMedia(${JSON.stringify(WIDE)}).matches)document.getElementById(${JSON.stringify(FILTERS_ID)}).open=true;`,
        }}
      />
      <div className="actions">
        <button type="submit" className="button primary">
          {t("notes.filters.apply")}
        </button>
        <Link to={resetHref} className="button">
          {t("notes.filters.reset")}
        </Link>
      </div>
    </Form>
  );
}
