import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import type { EvidenceView } from "~/models/findings/evidence-view";
import { FINDING_LIMITS } from "~/models/findings/finding-limits";
import { EvidenceBody } from "./evidence-body";

export type EvidenceErrors = { evidenceId: string | null; message: string } | null;

/** The finding's evidence, in order; with the actions for those who may edit findings. */
export function EvidenceList({
  evidence,
  projectId,
  canEdit,
  error,
}: {
  evidence: EvidenceView[];
  projectId: string;
  canEdit: boolean;
  error: EvidenceErrors;
}) {
  const t = useT();
  if (!evidence.length) return <p className="muted">{t("findings.evidence.none")}</p>;
  return (
    <ol className="evidence-list">
      {evidence.map((item, index) => (
        <li key={item.id} className="evidence" id={`evidence-${item.id}`} aria-labelledby={`evidence-${item.id}-kind`}>
          <h4 id={`evidence-${item.id}-kind`} className="eyebrow">
            {index + 1}. {t(`findings.evidence.kind.${item.kind}`)}
          </h4>
          <EvidenceBody evidence={item} projectId={projectId} />
          <p>
            <strong>{t("findings.evidence.shows")} :</strong>{" "}
            {item.comment || <span className="muted">{t("findings.evidence.showsNone")}</span>}
          </p>
          {item.createdBy ? <p className="card-meta">{t("findings.evidence.by", { name: item.createdBy })}</p> : null}
          {canEdit ? (
            <EvidenceActions
              item={item}
              index={index}
              last={index === evidence.length - 1}
              error={error?.evidenceId === item.id ? error.message : null}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function EvidenceActions({
  item,
  index,
  last,
  error,
}: {
  item: EvidenceView;
  index: number;
  last: boolean;
  error: string | null;
}) {
  const t = useT();
  const commentId = `comment-${item.id}`;
  const label = (action: string) => t("findings.evidence.moveLabel", { action, n: index + 1 });
  return (
    <div className="evidence-actions">
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="evidenceId" value={item.id} />
        <div className="field">
          <label htmlFor={commentId}>{t("findings.evidence.editComment")}</label>
          <textarea
            id={commentId}
            name="comment"
            rows={2}
            defaultValue={item.comment}
            maxLength={FINDING_LIMITS.commentMax}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${commentId}-error` : undefined}
          />
          {error ? (
            <p id={`${commentId}-error`} className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button">
            {t("findings.evidence.saveComment")}
          </button>
        </p>
      </Form>
      {item.kind === "quote" && item.changedTo !== null ? (
        <ActionButton id={item.id} intent="take-current" label={t("findings.evidence.takeCurrent")} />
      ) : null}
      {index > 0 ? (
        <ActionButton
          id={item.id}
          intent="up"
          label={t("findings.evidence.up")}
          aria={label(t("findings.evidence.up"))}
        />
      ) : null}
      {!last ? (
        <ActionButton
          id={item.id}
          intent="down"
          label={t("findings.evidence.down")}
          aria={label(t("findings.evidence.down"))}
        />
      ) : null}
      <ActionButton
        id={item.id}
        intent="remove"
        label={t("findings.evidence.remove")}
        aria={label(t("findings.evidence.remove"))}
      />
    </div>
  );
}

function ActionButton({ id, intent, label, aria }: { id: string; intent: string; label: string; aria?: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="evidenceId" value={id} />
      <button type="submit" className="button" aria-label={aria}>
        {label}
      </button>
    </Form>
  );
}
