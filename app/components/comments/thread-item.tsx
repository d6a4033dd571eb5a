import { useState } from "react";
import { useLocale, useT } from "~/i18n/use-translation";
import {
  passageState,
  splitMentions,
  type CommentView,
  type Mentionable,
  type ThreadView,
} from "~/models/comments/thread-view";
import { formatDateTime } from "~/utils/format";
import { CommentFields, ThreadActionForm } from "./thread-form";

type Common = {
  projectId: string;
  members: Mentionable[];
  canComment: boolean;
  onShowPassage: (anchor: string) => void;
};

/** The passage a thread is about, and whether it is still there as it was. */
function ThreadPassage({ thread, onShow }: { thread: ThreadView; onShow: (anchor: string) => void }) {
  const t = useT();
  const state = passageState(thread);
  if (state === "general") return null;
  return (
    <div className="thread-passage">
      <blockquote>{thread.quote}</blockquote>
      {state === "gone" ? <p className="badge warning">{t("comments.passageGone")}</p> : null}
      {state === "changed" ? (
        <p>
          <span className="badge warning">{t("comments.passageChanged")}</span>{" "}
          <span className="muted">{t("comments.passageNow", { text: (thread.currentText ?? "").slice(0, 300) })}</span>
        </p>
      ) : null}
      {state !== "gone" && thread.anchor ? (
        <button type="button" className="button small" onClick={() => onShow(thread.anchor!)}>
          {t("comments.showPassage")}
        </button>
      ) : null}
    </div>
  );
}

function CommentItem({ comment, projectId, names }: { comment: CommentView; projectId: string; names: string[] }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const author = comment.author?.name ?? t("comments.someone");
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <p className="card-meta">
        <strong>{author}</strong> <span>{t("comments.at", { date: formatDateTime(locale, comment.createdAt) })}</span>
        {comment.editedAt ? <span className="muted"> ({t("comments.edited")})</span> : null}
      </p>
      {comment.deleted ? (
        <p className="muted comment-deleted">{t("comments.deleted")}</p>
      ) : editing ? (
        <ThreadActionForm
          projectId={projectId}
          intent="edit"
          fields={{ commentId: comment.id }}
          onDone={() => setEditing(false)}
        >
          {({ busy, error }) => (
            <CommentFields
              label={t("comments.editLabel")}
              submit={t("comments.save")}
              busy={busy}
              error={error}
              members={null}
              initial={comment.body}
              extra={
                <button type="button" className="button" onClick={() => setEditing(false)}>
                  {t("comments.cancel")}
                </button>
              }
            />
          )}
        </ThreadActionForm>
      ) : (
        <p className="comment-body">
          {splitMentions(comment.body, names).map((part, i) =>
            part.mention ? <strong key={i}>{part.text}</strong> : <span key={i}>{part.text}</span>,
          )}
        </p>
      )}
      {!comment.deleted && !editing && (comment.canEdit || comment.canDelete) ? (
        <div className="inline-form">
          {comment.canEdit ? (
            <button type="button" className="button small" onClick={() => setEditing(true)}>
              {t("comments.edit")}
            </button>
          ) : null}
          {comment.canDelete ? (
            <ThreadActionForm projectId={projectId} intent="delete" fields={{ commentId: comment.id }}>
              {({ busy, error }) => (
                <>
                  <button
                    type="submit"
                    className="button small"
                    disabled={busy}
                    onClick={(event) => {
                      if (!window.confirm(t("comments.deleteConfirm"))) event.preventDefault();
                    }}
                  >
                    {t("comments.delete")}
                  </button>
                  {error ? (
                    <span role="alert" className="form-error">
                      {error}
                    </span>
                  ) : null}
                </>
              )}
            </ThreadActionForm>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** One thread: its passage, its comments, a reply, resolve or reopen. `#thread-<id>` on the page. */
export function ThreadItem({ thread, projectId, members, canComment, onShowPassage }: Common & { thread: ThreadView }) {
  const t = useT();
  const locale = useLocale();
  const [replyKey, setReplyKey] = useState(0);
  const author = thread.author?.name ?? t("comments.someone");
  const names = members.map((m) => m.name);
  const resolved = Boolean(thread.resolvedAt);
  return (
    <article
      className="thread"
      id={`thread-${thread.id}`}
      aria-label={t("comments.threadLabel", { name: author })}
      tabIndex={-1}
    >
      <ThreadPassage thread={thread} onShow={onShowPassage} />
      <ol className="comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} projectId={projectId} names={names} />
        ))}
      </ol>
      {resolved ? (
        <p className="muted">
          {thread.resolvedBy
            ? t("comments.resolvedBy", { name: thread.resolvedBy, date: formatDateTime(locale, thread.resolvedAt!) })
            : t("comments.resolvedUnknown", { date: formatDateTime(locale, thread.resolvedAt!) })}
        </p>
      ) : null}
      {canComment && !resolved ? (
        <details className="thread-reply">
          <summary>{t("comments.reply")}</summary>
          <ThreadActionForm
            key={replyKey}
            projectId={projectId}
            intent="reply"
            fields={{ threadId: thread.id }}
            onDone={() => setReplyKey((k) => k + 1)}
          >
            {({ busy, error }) => (
              <CommentFields
                label={t("comments.replyLabel")}
                submit={t("comments.reply")}
                busy={busy}
                error={error}
                members={members}
              />
            )}
          </ThreadActionForm>
        </details>
      ) : null}
      {thread.canResolve ? (
        <ThreadActionForm
          projectId={projectId}
          intent={resolved ? "reopen" : "resolve"}
          fields={{ threadId: thread.id }}
        >
          {({ busy, error }) => (
            <p className="inline-form">
              <button type="submit" className="button small" disabled={busy}>
                {resolved ? t("comments.reopen") : t("comments.resolve")}
              </button>
              {error ? (
                <span role="alert" className="form-error">
                  {error}
                </span>
              ) : null}
            </p>
          )}
        </ThreadActionForm>
      ) : null}
    </article>
  );
}
