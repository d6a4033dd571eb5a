import { Form, Link, useActionData, useFetcher, useNavigation, useParams } from "@remix-run/react";
import type { Locale, Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDate, formatDateTime } from "~/utils/format";
import { isNotSent, type NotSent } from "~/utils/offline-action";

/** A note in the trash as pages show it (dates as the loader serialised them). */
export type TrashedNoteData = {
  id: string;
  /** Null for readers, who are told a note is in the trash but not which. */
  title: string | null;
  deletedAt: string;
  removedAt: string;
  daysLeft: number;
  deletedBy: { name: string } | null;
};

/** "Mise à la corbeille par Léa le 1er mars 2026 à 10:30". */
export function trashedByText(t: Translator, locale: Locale, note: Pick<TrashedNoteData, "deletedAt" | "deletedBy">) {
  const date = formatDateTime(locale, note.deletedAt);
  return note.deletedBy
    ? t("notes.trash.deletedBy", { name: note.deletedBy.name, date })
    : t("notes.trash.deletedByUnknown", { date });
}

/** When the note goes for good: in how many days, and which day. */
export function removalText(t: Translator, locale: Locale, note: Pick<TrashedNoteData, "daysLeft" | "removedAt">) {
  const date = formatDate(locale, note.removedAt);
  if (note.daysLeft <= 0) return t("notes.trash.removing");
  return note.daysLeft === 1
    ? t("notes.trash.removedInOneDay", { date })
    : t("notes.trash.removedInDays", { count: note.daysLeft, date });
}

/**
 * Moving a note to the trash, for its author and the coordination. No "are you sure?": the
 * page that follows says where the note went and restores it in one click.
 */
export function NoteTrashForm({ days }: { days: number }) {
  const t = useT();
  // A fetcher, so that "not sent" (offline) is said here rather than in the information form.
  const fetcher = useFetcher<NotSent>();
  const busy = fetcher.state !== "idle";
  return (
    <section className="panel note-trash stack" aria-labelledby="note-trash-title">
      <h3 id="note-trash-title">{t("notes.delete.title")}</h3>
      <p id="note-trash-hint">{t("notes.delete.hint", { days })}</p>
      {isNotSent(fetcher.data) && !busy ? (
        <p role="alert" className="notice">
          {t("notes.delete.notSent")}
        </p>
      ) : null}
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="trash" />
        <button type="submit" className="button danger" disabled={busy} aria-describedby="note-trash-hint">
          {busy ? t("notes.delete.busy") : t("notes.delete.button")}
        </button>
      </fetcher.Form>
    </section>
  );
}

/** The page of a note in the trash: what happened, until when, and the way back for those allowed. */
export function TrashedNote({
  trashed,
  canRestore,
  canSeeTrash,
}: {
  trashed: TrashedNoteData;
  canRestore: boolean;
  canSeeTrash: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const projectId = useParams().projectId!;
  const notSent = isNotSent(useActionData());
  const busy = useNavigation().state === "submitting";
  return (
    <article className="note-page stack" aria-labelledby="note-title">
      <p>
        <Link to={`/projects/${projectId}/notes`}>
          <span aria-hidden="true">← </span>
          {t("notes.back")}
        </Link>
      </p>
      <h2 id="note-title">{t("notes.trashed.title")}</h2>
      <div className="notice">
        {trashed.title !== null ? (
          <p className="note-trash__name">
            {t("notes.trashed.named", { title: trashed.title || t("notes.untitled") })}
          </p>
        ) : null}
        <p>{trashedByText(t, locale, trashed)}</p>
        <p>{removalText(t, locale, trashed)}</p>
      </div>
      {notSent ? (
        <p role="alert" className="notice">
          {t("notes.restore.notSent")}
        </p>
      ) : null}
      {canRestore ? (
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          <button type="submit" className="button primary" disabled={busy}>
            {t("notes.trash.restoreNote")}
          </button>
        </Form>
      ) : trashed.daysLeft > 0 ? (
        <p>{t("notes.trash.restoreNotAllowed")}</p>
      ) : null}
      {canSeeTrash ? (
        <p>
          <Link to={`/projects/${projectId}/notes/trash`}>{t("notes.trash.open")}</Link>
        </p>
      ) : null}
    </article>
  );
}
