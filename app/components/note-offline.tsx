import { Link, useParams } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/**
 * Offline, a note this device never opened: nothing of it is here (neither its page nor its
 * text), and the page says so rather than a general "no connection". The list link works when
 * the network is back; "Réessayer" loads the note again.
 */
export function NoteNotKeptOffline() {
  const t = useT();
  const projectId = useParams().projectId!;
  return (
    <section className="panel stack" aria-labelledby="note-offline-title">
      <h2 id="note-offline-title">{t("notes.offline.notKeptTitle")}</h2>
      <p>{t("notes.offline.notKept")}</p>
      <p className="inline-form">
        <a href="" className="button">
          {t("notes.offline.retry")}
        </a>
        <Link to={`/projects/${projectId}/notes`}>{t("notes.back")}</Link>
      </p>
    </section>
  );
}
