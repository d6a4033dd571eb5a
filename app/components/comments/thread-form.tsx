import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import { COMMENT_LIMITS as L } from "~/models/comments/comment-limits";
import type { Mentionable } from "~/models/comments/thread-view";
import { useHydrated } from "../note-editor-area";
import { MentionPicker } from "./mention-picker";

/** The page the form is on, where the thread route sends the browser back. */
export function useReturnTo(): string {
  const { pathname, search } = useLocation();
  return `${pathname}${search}`;
}

/** A form to the thread route (/projects/<id>/threads): a fetcher with JS, a plain post without. */
export function ThreadActionForm({
  projectId,
  intent,
  fields,
  children,
  className,
  onDone,
}: {
  projectId: string;
  intent: string;
  fields: Record<string, string>;
  children: (state: { busy: boolean; error: string | null }) => ReactNode;
  className?: string;
  onDone?: () => void;
}) {
  const fetcher = useFetcher<{ error: string }>();
  const returnTo = useReturnTo();
  const hydrated = useHydrated();
  const busy = fetcher.state !== "idle";
  const error = !busy && fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy && !error) onDone?.();
    wasBusy.current = busy;
  }, [busy, error, onDone]);
  return (
    <fetcher.Form method="post" action={`/projects/${projectId}/threads`} className={className}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {/* Posted through the fetcher: refusals come back as JSON, shown in place. */}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children({ busy, error })}
    </fetcher.Form>
  );
}

/** A comment's text (with the `@` picker when members may be mentioned), an error, and submit. */
export function CommentFields({
  id,
  label,
  submit,
  busy,
  error,
  members,
  initial = "",
  extra,
}: {
  id?: string;
  label: string;
  submit: string;
  busy: boolean;
  error: string | null;
  members: Mentionable[] | null;
  initial?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const generated = useId();
  const bodyId = id ?? generated;
  const hintId = `${bodyId}-hint`;
  const errorId = `${bodyId}-error`;
  const [body, setBody] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <div className="field">
        <label htmlFor={bodyId}>{label}</label>
        <p id={hintId} className="field-hint">
          {t("comments.bodyHint")}
        </p>
        <textarea
          ref={area}
          id={bodyId}
          name="body"
          rows={3}
          required
          maxLength={L.bodyMax}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {members ? (
        <MentionPicker
          members={members}
          onPick={(member) => setBody((text) => `${text}${text && !/\s$/.test(text) ? " " : ""}@${member.name} `)}
        />
      ) : null}
      <div role="alert">
        {error ? (
          <p id={errorId} className="form-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("comments.busy") : submit}
        </button>
        {extra}
      </div>
    </>
  );
}
