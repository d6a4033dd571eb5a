import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useT } from "~/i18n/use-translation";
import type { TerritoryOption } from "~/routes/api.territories";
import { formatNumber } from "~/utils/format";
import { describedBy, FieldMessages } from "./form-field";

export type PickedTerritory = Pick<TerritoryOption, "value" | "kind" | "code" | "name" | "departement" | "population">;

/**
 * An ARIA 1.2 combobox over the official territories: type a name, an INSEE code or a
 * postal code, move with the arrow keys, choose with Enter or a tap. The choice travels
 * in a hidden field as "kind:code" and is checked again on the server.
 */
export function TerritoryPicker({
  name,
  initial,
  error,
}: {
  name: string;
  initial?: PickedTerritory | null;
  error?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<{ query: string; results: TerritoryOption[] }>();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<PickedTerritory | null>(initial ?? null);
  const [query, setQuery] = useState(initial ? initial.name : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const results = fetcher.data?.results ?? [];

  useEffect(() => {
    if (!open || query.trim().length < 2) return;
    // Debounced so a phone on a slow network sends one request per pause, not per key.
    const timer = setTimeout(() => fetcher.load(`/api/territories?q=${encodeURIComponent(query.trim())}`), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetcher identity changes every render
  }, [query, open]);

  function choose(option: TerritoryOption) {
    setPicked(option);
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

  const describe = (o: PickedTerritory) =>
    [
      t(`territory.kind.${o.kind}`),
      o.kind === "commune" ? `INSEE ${o.code}` : o.kind === "epci" ? `SIREN ${o.code}` : o.code,
      o.departement && o.kind !== "departement" ? t("territory.departementShort", { code: o.departement }) : null,
      o.population ? t("territory.population", { count: formatNumber(locale, o.population) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");

  const showList = open && query.trim().length >= 2;
  const inputName = `${name}-search`;
  return (
    <div className="field territory-picker">
      <label htmlFor={inputName}>{t("project.form.territory")}</label>
      <input type="hidden" name={name} value={picked?.value ?? ""} />
      <input
        ref={inputRef}
        id={inputName}
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
      <ul
        id={listId}
        role="listbox"
        aria-label={t("project.form.territoryResults")}
        className="listbox"
        hidden={!showList}
      >
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
            {t("project.form.territoryNone")}
          </li>
        ) : null}
      </ul>
      <p aria-live="polite" className="field-hint picked">
        {picked ? t("project.form.territoryPicked", { name: picked.name, details: describe(picked) }) : ""}
      </p>
      <FieldMessages name={name} hint={t("project.form.territoryHint")} error={error} />
    </div>
  );
}
