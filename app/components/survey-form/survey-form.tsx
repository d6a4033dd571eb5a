import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-translation";
import { otherKey, type AnswerErrors, type FormValues } from "~/models/surveys/survey-answers";
import { questionsOf, type SurveyDefinition } from "~/models/surveys/survey-definition";
import type { PickedTerritory } from "../territory-picker";
import { QuestionField, questionTargetId, type FieldContext } from "./question-field";

/**
 * The questionnaire as a respondent sees it: sections and questions, with the values and
 * errors of a refused submit. Presentational: no <form>, no route logic, so that the public
 * link, field collection and the designer's live preview all render the same thing.
 */
export function SurveyQuestions({
  definition,
  values = {},
  errors = {},
  idPrefix = "",
  disabled = false,
  communes = {},
  communeSearchUrl,
}: {
  definition: SurveyDefinition;
  values?: FormValues;
  errors?: AnswerErrors;
  idPrefix?: string;
  disabled?: boolean;
  communes?: Record<string, PickedTerritory>;
  /** Where the commune picker searches; the members' endpoint unless told otherwise. */
  communeSearchUrl?: string;
}) {
  const ctx: FieldContext = { values, errors, idPrefix, disabled, communes, communeSearchUrl };
  return (
    <div className="survey-questions">
      {definition.sections.map((section) => (
        <section key={section.id} className="survey-section" aria-labelledby={`${idPrefix}${section.id}-title`}>
          {section.title ? (
            <h2 id={`${idPrefix}${section.id}-title`}>{section.title}</h2>
          ) : (
            <h2 id={`${idPrefix}${section.id}-title`} className="visually-hidden">
              {definition.title}
            </h2>
          )}
          {section.description ? <p className="section-description">{section.description}</p> : null}
          {section.questions.map((question) => (
            <QuestionField key={question.id} question={question} ctx={ctx} />
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * After a refused submit: how many answers need fixing, each a link to its field. It takes
 * the focus so that keyboard and screen-reader users start from it (GOV.UK error summary).
 */
export function ErrorSummary({
  definition,
  errors,
  idPrefix = "",
  formError,
}: {
  definition: SurveyDefinition;
  errors: AnswerErrors;
  idPrefix?: string;
  formError?: string | null;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const items = questionsOf(definition).flatMap((question) =>
    [question.id, otherKey(question.id)]
      .filter((key) => errors[key])
      .map((key) => ({
        key,
        label: question.label,
        message: errors[key]!,
        target: questionTargetId(question, idPrefix, key),
      })),
  );
  const count = items.length + (formError ? 1 : 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [errors, formError, count]);
  if (count === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby={`${idPrefix}error-summary-title`}
      tabIndex={-1}
      ref={ref}
    >
      <h2 id={`${idPrefix}error-summary-title`}>
        {items.length === 0
          ? t("surveyAnswers.form.notSaved")
          : items.length === 1
            ? t("surveyAnswers.form.errorsOne")
            : t("surveyAnswers.form.errorsMany", { count: items.length })}
      </h2>
      {formError ? <p>{formError}</p> : null}
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <a href={`#${item.target}`}>
                {item.label} : {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
