import { useId, useState, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-translation";
import type { Mentionable } from "~/models/comments/thread-view";
import { useHydrated } from "../note-editor-area";

/**
 * Mentioning members: the chosen ids go in `mentions` fields. Without JavaScript a multiple
 * <select>; with it an APG combobox (type to filter, arrows, Enter to choose) whose choice
 * also writes "@Name" into the comment through `onPick`.
 */
export function MentionPicker({ members, onPick }: { members: Mentionable[]; onPick?: (member: Mentionable) => void }) {
  const t = useT();
  const hydrated = useHydrated();
  const ids = { label: useId(), hint: useId(), list: useId(), input: useId() };
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Mentionable[]>([]);
  if (!members.length) return null;
  if (!hydrated) {
    return (
      <div className="field">
        <label htmlFor={ids.input}>{t("comments.mentions")}</label>
        <p id={ids.hint} className="field-hint">
          {t("comments.mentionsHint")}
        </p>
        <select id={ids.input} name="mentions" multiple size={Math.min(4, members.length)} aria-describedby={ids.hint}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const folded = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const matches = members
    .filter((m) => !chosen.some((c) => c.id === m.id) && folded(m.name).includes(folded(query.replace(/^@/, ""))))
    .slice(0, 8);
  const pick = (member: Mentionable) => {
    setChosen((list) => [...list, member]);
    setQuery("");
    setOpen(false);
    onPick?.(member);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (event.key === "Enter" && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };
  return (
    <div className="field mention-picker">
      <label htmlFor={ids.input}>{t("comments.mentions")}</label>
      <p id={ids.hint} className="field-hint">
        {t("comments.mentionsHint")}
      </p>
      {chosen.length ? (
        <ul className="mention-chosen">
          {chosen.map((m) => (
            <li key={m.id}>
              <input type="hidden" name="mentions" value={m.id} />
              <button
                type="button"
                className="button small"
                onClick={() => setChosen((list) => list.filter((c) => c.id !== m.id))}
              >
                {t("comments.mentionRemove", { name: m.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={ids.input}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder={t("comments.mentionSearch")}
        aria-describedby={ids.hint}
        aria-expanded={open}
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${ids.list}-${matches[active]!.id}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={ids.list} role="listbox" aria-label={t("comments.mentions")} className="mention-list" hidden={!open}>
        {matches.length ? (
          matches.map((m, i) => (
            <li
              key={m.id}
              id={`${ids.list}-${m.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(m)}
            >
              {m.name}
            </li>
          ))
        ) : (
          <li role="option" aria-selected={false} aria-disabled="true">
            {t("comments.mentionNone")}
          </li>
        )}
      </ul>
    </div>
  );
}
