import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useLocale, useT } from "~/i18n/use-translation";
import type { TerritoryOption } from "~/routes/api.territories";
import { formatNumber } from "~/utils/format";
import { describedBy, FieldMessages } from "./form-field";

export type PickedCommune = { code: string; name: string; departement: string | null; population: number | null };

/**
 * The territory combobox, restricted to communes (TerritoryPicker offers every kind of territory
 * and cannot be narrowed from outside). The INSEE code travels in a hidden field and is checked
 * again on the server; the choice is optional and can be removed.
 */
export function NoteCommunePicker({
  name,
  initial,
  error,
}: {
  name: string;
  initial: PickedCommune | null;
  error?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<{ query: string; results: TerritoryOption[] }>();
  const listId = useId();
  const [picked, setPicked] = useState<PickedCommune | null>(initial);
  const [query, setQuery] = useState(initial?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const results = (fetcher.data?.results ?? []).filter((option) => option.kind === "commune");

  useEffect(() => {
    if (!open || query.trim().length < 2) return;
    // Debounced: one request per pause in typing, not per key, on a slow rural connection.
    const timer = setTimeout(() => fetcher.load(`/api/territories?q=${encodeURIComponent(query.trim())}`), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetcher identity changes every render
  }, [query, open]);

  function choose(option: TerritoryOption) {
    setPicked({ code: option.code, name: option.name, departement: option.departement, population: option.population });
    setQuery(option.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && results[active]) {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const describe = (c: PickedCommune) =>
    [
      `INSEE ${c.code}`,
      c.departement ? t("territory.departementShort", { code: c.departement }) : null,
      c.population ? t("territory.population", { count: formatNumber(locale, c.population) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");

  const showList = open && query.trim().length >= 2;
  const inputId = `${name}-search`;
  return (
    <div className="field territory-picker">
      <label htmlFor={inputId}>{t("notes.meta.commune")}</label>
      <input type="hidden" name={name} value={picked?.code ?? ""} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, true, error)}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setPicked(null);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t("notes.meta.communeResults")} className="listbox" hidden={!showList}>
        {results.map((option, index) => (
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
        {showList && fetcher.state === "idle" && fetcher.data && results.length === 0 ? (
          <li role="option" aria-disabled="true" aria-selected="false" className="muted">
            {t("notes.meta.communeNone")}
          </li>
        ) : null}
      </ul>
      <div className="inline-form picked-commune">
        <p aria-live="polite" className="field-hint picked">
          {picked ? t("notes.meta.communePicked", { name: picked.name, details: describe(picked) }) : ""}
        </p>
        {picked ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setPicked(null);
              setQuery("");
            }}
          >
            {t("notes.meta.communeClear")}
          </button>
        ) : null}
      </div>
      <FieldMessages name={name} hint={t("notes.meta.communeHint")} error={error} />
    </div>
  );
}
