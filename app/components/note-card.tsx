import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDate, formatDateTime } from "~/utils/format";

type Person = { id: string; name: string } | null;

export type NoteCardData = {
  id: string;
  title: string;
  excerpt: string;
  observedOn: string | null;
  place: string | null;
  placeCommuneName: string | null;
  lastEditedAt: string | null;
  createdAt: string;
  author: Person;
  lastEditor: Person;
  tags: { id: string; label: string }[];
};

/** "Marché couvert, Die": the free text first, then the official commune when it adds something. */
export function notePlace(note: Pick<NoteCardData, "place" | "placeCommuneName">): string | null {
  const parts = [note.place, note.placeCommuneName].filter((p): p is string => Boolean(p));
  return parts.length ? [...new Set(parts)].join(", ") : null;
}

/** One note in the list; its title is the link, so a screen-reader's list of links reads well. */
export function NoteCard({ note, href }: { note: NoteCardData; href: string }) {
  const t = useT();
  const locale = useLocale();
  const place = notePlace(note);
  return (
    <li className="card note-card">
      <h3>
        <Link to={href}>{note.title || t("notes.untitled")}</Link>
      </h3>
      <p className="card-meta">
        <span>{note.author ? t("notes.by", { name: note.author.name }) : t("notes.unknownAuthor")}</span>
        <span>
          {note.observedOn
            ? t("notes.observedOn", { date: formatDate(locale, note.observedOn) })
            : t("notes.notObserved")}
        </span>
        {place ? <span>{t("notes.place", { place })}</span> : null}
      </p>
      {note.tags.length ? (
        <ul className="tags" aria-label={t("notes.tags")}>
          {note.tags.map((tag) => (
            <li key={tag.id}>{tag.label}</li>
          ))}
        </ul>
      ) : null}
      {note.excerpt ? <p className="note-excerpt">{note.excerpt}</p> : null}
      <p className="card-meta">
        <LastEdit note={note} />
      </p>
    </li>
  );
}

export function LastEdit({ note }: { note: Pick<NoteCardData, "lastEditedAt" | "lastEditor" | "createdAt"> }) {
  const t = useT();
  const locale = useLocale();
  if (!note.lastEditedAt) return <span>{t("notes.createdOn", { date: formatDate(locale, note.createdAt) })}</span>;
  const date = formatDateTime(locale, note.lastEditedAt);
  return (
    <span>
      {note.lastEditor
        ? t("notes.lastEdit", { name: note.lastEditor.name, date })
        : t("notes.lastEditAnonymous", { date })}
    </span>
  );
}
