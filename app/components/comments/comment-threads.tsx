import { useLocation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n/use-translation";
import type { ThreadsData } from "~/models/comments/thread-view";
import { CommentFields, ThreadActionForm } from "./thread-form";
import { ThreadItem } from "./thread-item";
import type { CommentPanelState } from "./use-comment-panel";

/**
 * A finding's or a note's discussion: a new thread (general, or on the passage chosen with
 * "Commenter" in the text), the open threads, and the resolved ones folded in a <details>.
 */
export function CommentThreads({
  projectId,
  data,
  panel,
}: {
  projectId: string;
  data: ThreadsData;
  panel: CommentPanelState;
}) {
  const t = useT();
  const [formKey, setFormKey] = useState(0);
  const open = data.threads.filter((thread) => !thread.resolvedAt);
  const resolved = data.threads.filter((thread) => thread.resolvedAt);
  const common = {
    projectId,
    members: data.members,
    canComment: data.canComment,
    onShowPassage: panel.showPassage,
  };
  const target: Record<string, string> =
    data.target.kind === "finding" ? { findingId: data.target.id } : { noteId: data.target.id };
  // A link to a resolved thread (a notification) unfolds the resolved ones.
  // Read once: a thread resolved on this page folds away rather than staying open.
  const hash = useLocation().hash;
  const [showResolved] = useState(() => resolved.some((thread) => hash === `#thread-${thread.id}`));
  const { pending } = panel;
  return (
    <section className="panel stack comment-threads" aria-labelledby="comments-title">
      <h3 id="comments-title">{t("comments.title")}</h3>
      {data.canComment ? (
        <>
          <p className="muted">{t("comments.intro")}</p>
          <ThreadActionForm
            key={formKey}
            projectId={projectId}
            intent="open"
            className="new-thread"
            fields={{ ...target, quote: pending?.quote ?? "", anchor: pending?.anchor ?? "" }}
            onDone={() => {
              panel.setPending(null);
              setFormKey((k) => k + 1);
            }}
          >
            {({ busy, error }) => (
              <fieldset>
                <legend>{t("comments.open")}</legend>
                {pending ? (
                  <div className="thread-passage">
                    <p>{t("comments.onPassage")}</p>
                    <blockquote>{pending.quote.slice(0, 400)}</blockquote>
                  </div>
                ) : (
                  <p className="muted">{t("comments.general")}</p>
                )}
                <CommentFields
                  id="new-thread-body"
                  label={t("comments.body")}
                  submit={t("comments.submit")}
                  busy={busy}
                  error={error}
                  members={data.members}
                  extra={
                    pending ? (
                      <button type="button" className="button" onClick={() => panel.setPending(null)}>
                        {t("comments.cancel")}
                      </button>
                    ) : null
                  }
                />
              </fieldset>
            )}
          </ThreadActionForm>
        </>
      ) : null}
      {open.length ? (
        <div className="stack">
          {open.map((thread) => (
            <ThreadItem key={thread.id} thread={thread} {...common} />
          ))}
        </div>
      ) : (
        <p className="muted">{t("comments.none")}</p>
      )}
      {resolved.length ? (
        <details className="resolved-threads" open={showResolved || undefined}>
          <summary>{t("comments.resolvedList", { count: resolved.length })}</summary>
          <div className="stack">
            {resolved.map((thread) => (
              <ThreadItem key={thread.id} thread={thread} {...common} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}
