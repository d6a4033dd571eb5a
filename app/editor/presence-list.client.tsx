import { useId } from "react";
import { useT } from "~/i18n/use-translation";
import type { Present } from "./presence";

/**
 * Who is in the note, each with the colour of their caret. The list itself is not a live
 * region (it would be read out in full at every change); arrivals and departures are
 * announced politely as one short sentence.
 */
export function PresenceList({
  people,
  announcement,
  label,
}: {
  people: Present[];
  announcement: string;
  /** What the people are in ("Dans cette note :" by default). */
  label?: string;
}) {
  const t = useT();
  const labelId = useId();
  return (
    <div className="presence">
      <span id={labelId} className="presence__label">
        {label ?? t("editor.presence.label")}
      </span>
      <ul className="presence__list" aria-labelledby={labelId}>
        {people.map((person) => (
          <li key={person.key} className="presence__person">
            {/* The colour is checked to be #rrggbb (presence.ts) before it reaches a style. */}
            <span className="presence__swatch" style={{ backgroundColor: person.colour }} aria-hidden="true" />
            {person.isSelf ? t("editor.presence.you", { name: person.name }) : person.name}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
