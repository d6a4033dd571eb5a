import { useId } from "react";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import type { SurveyDefinition, SurveyQuestion } from "~/models/survey-definition";
import { formatNumber } from "~/utils/format";

/**
 * What a respondent will see, drawn from a definition only (presentational: no document, no
 * state). The designer shows it live beside the design; the controls work but nothing is sent.
 */
export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const t = useT();
  const prefix = useId();
  const questions = definition.sections.flatMap((s) => s.questions);
  let number = 0;
  return (
    <form className="survey-preview stack" aria-label={t("surveys.preview.title")} onSubmit={(e) => e.preventDefault()}>
      <h3 className="survey-preview__title">{definition.title || t("surveys.untitled")}</h3>
      {definition.intro ? <p className="survey-preview__intro">{definition.intro}</p> : null}
      {questions.length === 0 ? <p className="muted">{t("surveys.preview.noQuestion")}</p> : null}
      {definition.sections.map((section) =>
        section.questions.length === 0 && !section.title ? null : (
          <section key={section.id} className="survey-preview__section stack">
            {section.title ? <h4>{section.title}</h4> : null}
            {section.description ? <p className="survey-preview__intro">{section.description}</p> : null}
            {section.questions.map((question) => (
              <PreviewQuestion key={question.id} question={question} number={++number} idPrefix={prefix} />
            ))}
          </section>
        ),
      )}
      {questions.length ? (
        <p>
          <button type="submit" className="button primary" disabled>
            {t("surveys.preview.submit")}
          </button>
        </p>
      ) : null}
    </form>
  );
}

function numberHint(t: Translator, locale: "fr" | "en", question: Extract<SurveyQuestion, { type: "number" }>) {
  const format = (value: number) => formatNumber(locale, value);
  const parts: string[] = [];
  if (question.min !== null && question.max !== null) {
    parts.push(t("surveys.preview.between", { min: format(question.min), max: format(question.max) }));
  } else if (question.min !== null) parts.push(t("surveys.preview.atLeast", { min: format(question.min) }));
  else if (question.max !== null) parts.push(t("surveys.preview.atMost", { max: format(question.max) }));
  if (question.integer) parts.push(t("surveys.preview.integer"));
  return parts.join(" ");
}

function PreviewQuestion({
  question,
  number,
  idPrefix,
}: {
  question: SurveyQuestion;
  number: number;
  idPrefix: string;
}) {
  const t = useT();
  const locale = useLocale();
  const id = `${idPrefix}-${question.id}`;
  const hint =
    question.type === "number"
      ? numberHint(t, locale, question)
      : question.type === "commune"
        ? t("surveys.preview.commune")
        : "";
  const help = [question.help, hint].filter(Boolean).join(" ");
  const helpId = help ? `${id}-help` : undefined;
  const title = (
    <>
      <span className="survey-preview__number">{number}. </span>
      {question.label || t("surveys.preview.untitled")}
      {question.required ? <span className="survey-preview__required"> ({t("surveys.preview.required")})</span> : null}
    </>
  );
  const helpText = help ? (
    <p id={helpId} className="field-hint">
      {help}
    </p>
  ) : null;

  if (question.type === "single_choice" || question.type === "multiple_choice" || question.type === "scale") {
    const inputType = question.type === "multiple_choice" ? "checkbox" : "radio";
    const choices =
      question.type === "scale"
        ? Array.from({ length: question.max - question.min + 1 }, (_, i) => {
            const value = question.min + i;
            const end = value === question.min ? question.minLabel : value === question.max ? question.maxLabel : "";
            return { id: String(value), label: end ? `${value} — ${end}` : String(value) };
          })
        : question.options.map((o) => ({ id: o.id, label: o.label || t("surveys.preview.unlabelledOption") }));
    return (
      <fieldset className="field survey-preview__question" aria-describedby={helpId}>
        <legend>{title}</legend>
        {helpText}
        <div className={question.type === "scale" ? "survey-preview__scale" : undefined}>
          {choices.map((choice) => (
            <label key={choice.id} className="choice">
              <input type={inputType} name={id} value={choice.id} />
              <span>{choice.label}</span>
            </label>
          ))}
          {question.type !== "scale" && question.allowOther ? (
            <>
              <label className="choice">
                <input type={inputType} name={id} value="__other" />
                <span>{t("surveys.preview.other")}</span>
              </label>
              <input type="text" aria-label={t("surveys.preview.otherDetail")} />
            </>
          ) : null}
        </div>
      </fieldset>
    );
  }

  return (
    <div className="field survey-preview__question">
      <label htmlFor={id}>{title}</label>
      {helpText}
      {question.type === "long_text" ? (
        <textarea id={id} rows={4} aria-describedby={helpId} />
      ) : (
        <input
          id={id}
          type={question.type === "date" ? "date" : "text"}
          inputMode={question.type === "number" ? (question.integer ? "numeric" : "decimal") : undefined}
          aria-describedby={helpId}
        />
      )}
    </div>
  );
}
