import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-translation";
import { compareCodeLabels, type CodebookCode } from "~/models/codes/codebook";
import { foldForSearch } from "~/utils/search-fold";

/**
 * The code picker (WAI-ARIA APG combobox with a listbox popup, always shown): the search field
 * keeps the focus, arrows move the active option, Enter ticks or unticks it, several codes may
 * be ticked. A modal <dialog>: Escape closes it, focus stays inside and returns to the text; on
 * a phone it is a sheet at the bottom of the screen (coding.css) with 44 px rows.
 */
export function CodePicker({
  codebook,
  passage,
  onApply,
  onClose,
}: {
  codebook: CodebookCode[];
  /** The selected text, shown so that the person knows what they are coding. */
  passage: string;
  onApply: (codeIds: string[]) => void;
  onClose: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const offered = useMemo(
    () => codebook.filter((c) => !c.retired && !c.mergedIntoId).sort(compareCodeLabels),
    [codebook],
  );
  const shown = useMemo(() => {
    const folded = foldForSearch(query);
    return folded ? offered.filter((c) => foldForSearch(`${c.label} ${c.definition}`).includes(folded)) : offered;
  }, [offered, query]);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  const toggle = (id: string) =>
    setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + 5,
      PageUp: active - 5,
    };
    if (event.key in moves && shown.length) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(shown.length - 1, moves[event.key]!)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      // Ctrl+Enter applies what is ticked, as the button does.
      if (event.ctrlKey || event.metaKey) {
        if (chosen.length) onApply(chosen);
      } else if (shown[active]) toggle(shown[active].id);
    }
  };
  const count = chosen.length;
  const chosenText =
    count === 0
      ? t("editor.code.chosen.none")
      : count === 1
        ? t("editor.code.chosen.one")
        : t("editor.code.chosen.many", { count });

  return (
    <dialog
      ref={dialog}
      className="coding-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="coding-dialog__title">
        {t("editor.code.dialog")}
      </h2>
      <p className="coding-dialog__passage">{t("editor.code.passage", { text: excerpt(passage) })}</p>
      {offered.length === 0 ? (
        <p>{t("editor.code.empty")}</p>
      ) : (
        <>
          <label htmlFor={inputId}>{t("editor.code.search")}</label>
          <p id={hintId} className="field-hint">
            {t("editor.code.searchHint")}
          </p>
          <input
            id={inputId}
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t("editor.code.search")}
            aria-multiselectable="true"
            className="code-options"
          >
            {shown.map((code, index) => (
              <li
                key={code.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={chosen.includes(code.id)}
                className={`code-option${index === active ? " code-option--active" : ""}`}
                // The search field keeps the focus (and the screen reader's place) on a click.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setActive(index);
                  toggle(code.id);
                }}
              >
                <span className="code-option__tick" aria-hidden="true">
                  {chosen.includes(code.id) ? "✓" : ""}
                </span>
                <span className="code-swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" />
                <span className="code-option__text">
                  <span className="code-option__label">{code.label}</span>
                  {code.definition ? <span className="code-option__definition">{code.definition}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p role="status">{t("editor.code.none")}</p> : null}
        </>
      )}
      <p className="muted" aria-live="polite">
        {chosenText}
      </p>
      <div className="actions">
        <button type="button" className="button primary" disabled={count === 0} onClick={() => onApply(chosen)}>
          {t("editor.code.apply")}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t("editor.code.cancel")}
        </button>
      </div>
    </dialog>
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
