import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "~/i18n/use-translation";

export type CiteChoice = { id: string; title: string };

type CiteAnswer = { findingId: string; evidenceId: string } | { error: string };

/**
 * "Citer dans un constat": the selected text and its anchor go to the cite endpoint
 * (/projects/<id>/findings/cite, which checks the quote against the note as stored) with an
 * existing finding or a new one's title and what the passage shows. A modal <dialog>, so focus
 * stays inside and Escape closes it; the answer (an error, or a link to the finding) is
 * announced. Not a Remix <Form>: the note page may hold the editor inside its own form.
 */
export function CiteDialog({
  projectId,
  noteId,
  quote,
  findings,
  onClose,
}: {
  projectId: string;
  noteId: string;
  quote: { quote: string; anchor: string };
  findings: CiteChoice[];
  onClose: () => void;
}) {
  const t = useT();
  const fetcher = useFetcher<CiteAnswer>();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), choose: useId(), newTitle: useId(), comment: useId(), hint: useId() };
  const [mode, setMode] = useState<"existing" | "new">(findings.length ? "existing" : "new");
  const [findingId, setFindingId] = useState(findings[0]?.id ?? "");
  const [newTitle, setNewTitle] = useState("");
  const [comment, setComment] = useState("");
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = () => {
    const form = new FormData();
    form.set("noteId", noteId);
    form.set("quote", quote.quote);
    form.set("anchor", quote.anchor);
    form.set("comment", comment);
    form.set("findingId", mode === "existing" ? findingId : "");
    form.set("newFindingTitle", mode === "new" ? newTitle : "");
    fetcher.submit(form, { method: "post", action: `/projects/${projectId}/findings/cite` });
  };

  return (
    <dialog
      ref={dialog}
      className="coding-dialog"
      aria-labelledby={ids.title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={ids.title} className="coding-dialog__title">
        {t("editor.cite.dialog")}
      </h2>
      <blockquote className="coding-dialog__passage">{quote.quote.slice(0, 400)}</blockquote>
      <fieldset className="cite-target">
        <legend>{t("editor.cite.target")}</legend>
        {findings.length ? (
          <label className="choice">
            <input type="radio" name="cite-mode" checked={mode === "existing"} onChange={() => setMode("existing")} />
            {t("editor.cite.existing")}
          </label>
        ) : (
          <p className="muted">{t("editor.cite.noFindings")}</p>
        )}
        {mode === "existing" && findings.length ? (
          <div className="field">
            <label htmlFor={ids.choose}>{t("editor.cite.choose")}</label>
            <select id={ids.choose} value={findingId} onChange={(event) => setFindingId(event.target.value)}>
              {findings.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title || "—"}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="choice">
          <input type="radio" name="cite-mode" checked={mode === "new"} onChange={() => setMode("new")} />
          {t("editor.cite.new")}
        </label>
        {mode === "new" ? (
          <div className="field">
            <label htmlFor={ids.newTitle}>{t("editor.cite.newTitle")}</label>
            <input
              id={ids.newTitle}
              type="text"
              value={newTitle}
              onChange={(event) => setNewTitle(event.target.value)}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.comment}>{t("editor.cite.comment")}</label>
        <p id={ids.hint} className="field-hint">
          {t("editor.cite.commentHint")}
        </p>
        <textarea
          id={ids.comment}
          rows={3}
          aria-describedby={ids.hint}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <div role="status" aria-live="polite">
        {answer && "error" in answer ? (
          <p className="form-error">{answer.error}</p>
        ) : answer && "findingId" in answer ? (
          <p>
            {t("editor.cite.done")}{" "}
            <Link to={`/projects/${projectId}/findings/${answer.findingId}`}>{t("editor.cite.see")}</Link>
          </p>
        ) : null}
      </div>
      <div className="actions">
        {answer && "findingId" in answer ? null : (
          <button type="button" className="button primary" disabled={fetcher.state !== "idle"} onClick={submit}>
            {fetcher.state === "idle" ? t("editor.cite.submit") : t("editor.cite.busy")}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t("editor.cite.close")}
        </button>
      </div>
    </dialog>
  );
}
