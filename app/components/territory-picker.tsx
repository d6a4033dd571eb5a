import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import type { TerritoryKind } from "~/models/core/vocabulary";
import type { PickedTerritory, TerritoryOption } from "~/models/projects/territory-option";
import { formatNumber, isSingular } from "~/utils/format";
import { describedBy, FieldMessages } from "./form-field";

// The forms that render the picker type its value too: they take both from here.
export type { PickedTerritory };

/** The texts around the field; the defaults are the project form's. */
export type TerritoryPickerTexts = {
  label: MessageKey;
  hint: MessageKey;
  results: MessageKey;
  none: MessageKey;
  picked: MessageKey;
  clear?: MessageKey;
};

const PROJECT_TEXTS: TerritoryPickerTexts = {
  label: "project.form.territory",
  hint: "project.form.territoryHint",
  results: "project.form.territoryResults",
  none: "project.form.territoryNone",
  picked: "project.form.territoryPicked",
};

/**
 * An ARIA 1.2 combobox over the official territories: type a name, an INSEE code or a
 * postal code, move with the arrow keys, choose with Enter or a tap. The choice travels in a
 * hidden field as "kind:code" and is checked again on the server. Without JavaScript the
 * typed text is sent as `<name>Query` and the server takes it when it names one territory.
 */
export function TerritoryPicker({
  name,
  initial,
  error,
  kinds,
  hiddenValue = (territory) => territory.value,
  texts = PROJECT_TEXTS,
  label,
  hint,
  idBase = name,
  searchUrl = "/api/territories",
  required,
}: {
  name: string;
  initial?: PickedTerritory | null;
  error?: string;
  /** Only these kinds of territory (the search itself is narrowed, so all ten results fit). */
  kinds?: readonly TerritoryKind[];
  /** What the hidden field carries: "kind:code" unless told otherwise. */
  hiddenValue?: (territory: PickedTerritory) => string;
  /** Texts; a `clear` key adds a button that empties an optional choice. */
  texts?: TerritoryPickerTexts;
  /** A label and hint written by people (a survey question), instead of `texts.label`/`texts.hint`. */
  label?: string;
  hint?: string;
  /** Base of the element ids (input, hint, error), when `name` is not a good id or not unique on the page. */
  idBase?: string;
  /** Where to search: the public survey form has its own endpoint, open to respondents without an account. */
  searchUrl?: string;
  required?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<{ query: string; results: TerritoryOption[] }>();
  const listId = useId();
  const [picked, setPicked] = useState<PickedTerritory | null>(initial ?? null);
  const [query, setQuery] = useState(initial ? initial.name : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const trimmed = query.trim();
  // Only results for what is typed now: Enter must never pick from an earlier search.
  const current = fetcher.data?.query === trimmed.slice(0, 100) ? fetcher.data.results : [];
  const searching = trimmed.length >= 2 && (fetcher.state !== "idle" || fetcher.data?.query !== trimmed.slice(0, 100));

  useEffect(() => {
    // Offline (field entry), a search could only fail: the typed text goes with the form instead.
    if (!open || trimmed.length < 2 || !navigator.onLine) return;
    // Debounced so a phone on a slow network sends one request per pause, not per key.
    const kindParams = (kinds ?? []).map((kind) => `&kind=${kind}`).join("");
    const timer = setTimeout(() => fetcher.load(`${searchUrl}?q=${encodeURIComponent(trimmed)}${kindParams}`), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetcher identity changes every render
  }, [trimmed, open]);

  useEffect(() => setActive(-1), [fetcher.data]);

  function choose(option: TerritoryOption) {
    setPicked(option);
    setQuery(option.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && current.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, current.length - 1));
    } else if (event.key === "ArrowUp" && current.length > 0) {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && current[active]) {
      event.preventDefault();
      choose(current[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const describe = (o: PickedTerritory) =>
    [
      t(`territory.kind.${o.kind}`),
      o.kind === "commune"
        ? t("territory.insee", { code: o.code })
        : o.kind === "epci"
          ? t("territory.siren", { code: o.code })
          : o.code,
      o.departement && o.kind !== "departement" ? t("territory.departementShort", { code: o.departement }) : null,
      o.population ? t("territory.population", { count: formatNumber(locale, o.population) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");

  const showList = open && trimmed.length >= 2 && current.length > 0;
  const inputId = `${idBase}-search`;
  return (
    <div className="field territory-picker">
      <label htmlFor={inputId}>{label ?? t(texts.label)}</label>
      <input type="hidden" name={name} value={picked ? hiddenValue(picked) : ""} />
      <input
        id={inputId}
        name={`${name}Query`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && current[active] ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idBase, true, error)}
        aria-required={required || undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setPicked(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t(texts.results)} className="listbox" hidden={!showList}>
        {current.map((option, index) => (
          <li
            key={option.value}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            <span className="option-name">{option.name}</span>
            <span className="option-meta">{describe(option)}</span>
          </li>
        ))}
      </ul>
      {/* One polite announcement per search: how many results, or none. */}
      <p aria-live="polite" className="visually-hidden">
        {open && trimmed.length >= 2 && !picked
          ? searching
            ? t("territory.searching")
            : current.length
              ? t(isSingular(locale, current.length) ? "territory.resultCountOne" : "territory.resultCount", {
                  count: current.length,
                })
              : t(texts.none)
          : ""}
      </p>
      {open && !searching && trimmed.length >= 2 && current.length === 0 && !picked ? (
        <p className="field-hint">{t(texts.none)}</p>
      ) : null}
      <div className="inline-form">
        <p aria-live="polite" className="field-hint picked">
          {picked ? t(texts.picked, { name: picked.name, details: describe(picked) }) : ""}
        </p>
        {picked && texts.clear ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setPicked(null);
              setQuery("");
            }}
          >
            {t(texts.clear)}
          </button>
        ) : null}
      </div>
      <FieldMessages name={idBase} hint={hint ?? t(texts.hint)} error={error} />
    </div>
  );
}
