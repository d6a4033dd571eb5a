import { Form, Link } from "@remix-run/react";
import { FindingStateBadge } from "~/components/findings/finding-card";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FindingTransition } from "~/models/core/vocabulary";
import { TRANSITIONS } from "~/models/review/transitions";
import type { VersionDiff, VersionEvidence } from "~/models/review/version-diff";
import { formatDate, formatDateTime } from "~/utils/format";
import { DiffView } from "./diff-view";
import { VersionView } from "./version-view";

/** The review panel's data as the loader sends it (dates as strings). */
export type ReviewPanelData = {
  state: string;
  version: number;
  latest: { number: number; createdAt: string; submittedBy: string | null } | null;
  versions: { number: number; createdAt: string; submittedBy: string | null }[];
  allowed: FindingTransition[];
  history: {
    id: string;
    action: string;
    version: number;
    comment: string;
    createdAt: string;
    actor: string | null;
  }[];
  submitted: { number: number; title: string; statement: string; evidence: VersionEvidence[] } | null;
  diff: VersionDiff | null;
};

export type ReviewRefusal = { fieldErrors: Record<string, string>; values: Record<string, string> } | null;

function Hidden({ transition, state, version }: { transition?: FindingTransition; state: string; version: number }) {
  return (
    <>
      <input type="hidden" name="intent" value="transition" />
      {transition ? <input type="hidden" name="transition" value={transition} /> : null}
      <input type="hidden" name="from" value={state} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function CommentField({
  id,
  required,
  error,
  value,
}: {
  id: string;
  required: boolean;
  error?: string;
  value?: string;
}) {
  const t = useT();
  const hint = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="stack">
      <label htmlFor={id}>{t("review.comment.label")}</label>
      <p id={hint} className="card-meta">
        {required ? t("review.comment.requiredHint") : t("review.comment.optionalHint")}
      </p>
      <textarea
        id={id}
        name="comment"
        rows={3}
        defaultValue={value}
        aria-describedby={`${hint}${error ? ` ${errorId}` : ""}`}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The buttons and forms the viewer may use, and only those (the server checks again). */
function ReviewActions({ review, refusal }: { review: ReviewPanelData; refusal: ReviewRefusal }) {
  const t = useT();
  const { state, version, allowed } = review;
  const verdicts = allowed.filter((a) => a === "request_changes" || a === "validate");
  const simple = allowed.filter((a) => TRANSITIONS[a].comment === "none");
  const commentError = refusal?.fieldErrors.comment;
  const tried = refusal?.values.transition;
  if (!allowed.length) return <p>{t("review.noAction")}</p>;
  return (
    <div className="stack">
      {simple.map((transition) => (
        <Form method="post" key={transition}>
          <Hidden transition={transition} state={state} version={version} />
          <button type="submit" className={`button${transition === "reopen" ? "" : " primary"}`}>
            {transition === "submit" && version > 0 ? t("review.action.resubmit") : t(`review.action.${transition}`)}
          </button>
        </Form>
      ))}
      {verdicts.length ? (
        <Form method="post" className="stack">
          <fieldset className="stack">
            <legend>{t("review.verdict.title", { number: version })}</legend>
            <Hidden state={state} version={version} />
            <CommentField
              id="review-verdict-comment"
              required={verdicts.includes("request_changes")}
              error={tried !== "withdraw" ? commentError : undefined}
              value={tried !== "withdraw" ? refusal?.values.comment : undefined}
            />
            <p className="inline-form">
              {verdicts.map((transition) => (
                <button
                  key={transition}
                  type="submit"
                  name="transition"
                  value={transition}
                  className={`button${transition === "validate" ? " primary" : ""}`}
                >
                  {t(`review.action.${transition}`)}
                </button>
              ))}
            </p>
          </fieldset>
        </Form>
      ) : null}
      {allowed.includes("withdraw") ? (
        <details open={tried === "withdraw" || undefined}>
          <summary>{t("review.action.withdraw")}</summary>
          <Form method="post" className="stack">
            <Hidden transition="withdraw" state={state} version={version} />
            <p>{t("review.withdraw.hint")}</p>
            <CommentField
              id="review-withdraw-comment"
              required={false}
              error={tried === "withdraw" ? commentError : undefined}
            />
            <p>
              <button type="submit" className="button">
                {t("review.action.withdraw")}
              </button>
            </p>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function History({ history }: { history: ReviewPanelData["history"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="stack" aria-labelledby="review-history-title">
      <h4 id="review-history-title">{t("review.history.title")}</h4>
      {history.length ? (
        <ol className="stack review-history">
          {history.map((step) => (
            <li key={step.id}>
              <p>
                <time dateTime={step.createdAt}>{formatDateTime(locale, step.createdAt)}</time> —{" "}
                {t("review.history.entry", {
                  name: step.actor ?? t("review.history.someone"),
                  action: t(`review.done.${step.action as FindingTransition}`, { version: step.version }),
                })}
                {step.version > 0 && step.action !== "submit" ? (
                  <> ({t("review.history.version", { number: step.version })})</>
                ) : null}
              </p>
              {step.comment ? <blockquote>{step.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("review.history.none")}</p>
      )}
    </section>
  );
}

/**
 * A finding's review: its state, the version the council has, the actions open to the viewer,
 * for a council reviewer the submitted version (as frozen) and what changed since the version
 * they reviewed, the history and links to every version.
 */
export function ReviewPanel({
  review,
  refusal,
  base,
}: {
  review: ReviewPanelData;
  refusal: ReviewRefusal;
  base: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { latest } = review;
  return (
    <section className="panel stack review-panel" aria-labelledby="review-title" id="review">
      <h3 id="review-title">{t("review.title")}</h3>
      <p className="card-meta">
        <FindingStateBadge state={review.state} />
        <span>
          {latest
            ? latest.submittedBy
              ? t("review.versionLine", {
                  number: latest.number,
                  date: formatDate(locale, latest.createdAt),
                  name: latest.submittedBy,
                })
              : t("review.versionLineUnknown", { number: latest.number, date: formatDate(locale, latest.createdAt) })
            : t("review.neverSubmitted")}
        </span>
      </p>
      {refusal?.fieldErrors.form ? (
        <p role="alert" className="form-error">
          {refusal.fieldErrors.form}
        </p>
      ) : null}
      {review.submitted ? (
        <section className="stack" aria-labelledby="review-submitted-title">
          <h4 id="review-submitted-title">{t("review.submitted.title", { number: review.submitted.number })}</h4>
          <p>{t("review.submitted.intro")}</p>
          <VersionView version={review.submitted} headingLevel={4} />
        </section>
      ) : null}
      {review.diff ? <DiffView diff={review.diff} headingId="review-diff-title" since /> : null}
      <section className="stack" aria-labelledby="review-actions-title">
        <h4 id="review-actions-title">{t("review.actions")}</h4>
        <ReviewActions review={review} refusal={refusal} />
      </section>
      <History history={review.history} />
      {review.versions.length ? (
        <nav aria-labelledby="review-versions-title">
          <h4 id="review-versions-title">{t("review.versions.title")}</h4>
          <ul>
            {review.versions.map((v) => (
              <li key={v.number}>
                <Link to={`${base}/versions/${v.number}`}>
                  {t("review.versions.link", { number: v.number, date: formatDate(locale, v.createdAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
