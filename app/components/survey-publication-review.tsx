import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { describeProblem, type ChangeSummary, type PublicationProblem } from "~/models/surveys/survey-publication";

export type ReviewData =
  { pending: false } | { pending: true; stamp: string; summary: ChangeSummary; problems: PublicationProblem[] };

function useAnswers() {
  const t = useT();
  return (count: number | undefined) =>
    count === undefined
      ? ""
      : ` (${
          count === 0
            ? t("surveys.publish.answers.none")
            : count === 1
              ? t("surveys.publish.answers.one")
              : t("surveys.publish.answers.many", { count })
        })`;
}

function Changes({ title, items }: { title: MessageKey; items: string[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div>
      <h4>{t(title)}</h4>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The summary shown before an opened survey's pending changes are published (decision 014):
 * questions added, removed, reworded or retyped and options removed, with the answers they
 * hold; what blocks publication, in words; and the one button that publishes. Reached by the
 * link of the designer's "modifications non publiées" notice (`?publication`), so it works
 * without JavaScript.
 */
export function SurveyPublicationReview({
  review,
  action,
  cancelTo,
  busy,
}: {
  review: ReviewData;
  /** The survey's page, without `?publication`: where the form posts and "Pas maintenant" goes. */
  action: string;
  cancelTo: string;
  busy: boolean;
}) {
  const t = useT();
  const answers = useAnswers();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the review it opened, so that a screen reader reads it from its title.
  useEffect(() => heading.current?.focus(), []);
  const label = (text: string) => text || t("surveys.question.noLabel");
  return (
    <section className="panel stack publication-review" aria-labelledby="publication-review-title">
      <h3 id="publication-review-title" ref={heading} tabIndex={-1}>
        {t("surveys.publish.title")}
      </h3>
      {!review.pending ? (
        <p>{t("surveys.publish.nothing")}</p>
      ) : (
        <>
          <p>{t("surveys.publish.intro")}</p>
          <Changes title="surveys.publish.added" items={review.summary.added.map((q) => `« ${label(q.label)} »`)} />
          <Changes
            title="surveys.publish.removed"
            items={review.summary.removed.map((q) => `« ${label(q.label)} »${answers(q.answers)}`)}
          />
          <Changes
            title="surveys.publish.reworded"
            items={review.summary.reworded.map((q) =>
              t("surveys.publish.rewordedItem", { from: label(q.from), to: label(q.label) }),
            )}
          />
          <Changes
            title="surveys.publish.retyped"
            items={review.summary.retyped.map(
              (q) =>
                t("surveys.publish.retypedItem", {
                  label: label(q.label),
                  from: t(`surveys.type.${q.from}`),
                  to: t(`surveys.type.${q.to}`),
                }) + answers(q.answers),
            )}
          />
          <Changes
            title="surveys.publish.removedOptions"
            items={review.summary.removedOptions.map(
              (o) =>
                t("surveys.publish.optionItem", { option: label(o.label), question: label(o.questionLabel) }) +
                answers(o.answers),
            )}
          />
          {review.summary.other.length > 0 ? (
            <p>
              {t("surveys.publish.other", {
                list: review.summary.other.map((kind) => t(`surveys.publish.other.${kind}`)).join(", "),
              })}
            </p>
          ) : null}
          <p className="field-hint">{t("surveys.publish.answersKept")}</p>
        </>
      )}
      {review.pending && review.problems.length > 0 ? (
        <div role="alert" className="form-error">
          <p>{t("surveys.publish.blocked")}</p>
          <ul>
            {review.problems.map((problem, index) => (
              <li key={index}>{describeProblem(t, problem)}</li>
            ))}
          </ul>
          <p>{t("surveys.publish.blockedHint")}</p>
        </div>
      ) : null}
      <div className="inline-form">
        {review.pending && review.problems.length === 0 ? (
          <Form method="post" action={action} className="inline-form">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="stamp" value={review.stamp} />
            <button type="submit" className="button primary" disabled={busy}>
              {t("surveys.publish.confirm")}
            </button>
          </Form>
        ) : null}
        <Link to={cancelTo} className="button">
          {t("surveys.publish.cancel")}
        </Link>
      </div>
    </section>
  );
}
