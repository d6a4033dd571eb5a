import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import {
  answerField,
  OTHER_CHOICE,
  otherField,
  otherKey,
  type AnswerErrors,
  type FormValues,
} from "~/models/surveys/survey-answers";
import { SURVEY_LIMITS, type SurveyQuestion } from "~/models/surveys/survey-definition";
import { TerritoryPicker, type PickedTerritory } from "../territory-picker";

export type FieldContext = {
  values: FormValues;
  errors: AnswerErrors;
  /** Prefix of every element id, so that two forms (a preview and the real one) can share a page. */
  idPrefix: string;
  disabled: boolean;
  /** Communes already chosen (after a refused submit), keyed by field name, for the picker to show. */
  communes: Record<string, PickedTerritory>;
  communeSearchUrl?: string;
};

/** The id the error summary links to: the question's first control. */
export function questionTargetId(question: SurveyQuestion, prefix: string, key: string): string {
  const base = `${prefix}${question.id}`;
  if (key === otherKey(question.id)) return `${base}-other`;
  if (question.type === "commune") return `${base}-search`;
  if (question.type === "single_choice" || question.type === "multiple_choice" || question.type === "scale") {
    return `${base}-0`;
  }
  return base;
}

const one = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : (value?.[0] ?? "");
};
const many = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === "string" ? [value] : (value ?? []);
};

function ids(base: string, help: string, error?: string, extra?: string) {
  return (
    [help ? `${base}-help` : null, error ? `${base}-error` : null, extra ?? null].filter(Boolean).join(" ") || undefined
  );
}

function Messages({ base, help, error }: { base: string; help: string; error?: string }) {
  return (
    <>
      {help ? (
        <p id={`${base}-help`} className="field-hint">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${base}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

function Label({ question }: { question: SurveyQuestion }) {
  const t = useT();
  return (
    <>
      {question.label}
      {question.required ? <span className="required-mark"> {t("surveyAnswers.form.required")}</span> : null}
    </>
  );
}

/** One question, as a respondent sees it, by type. */
export function QuestionField({ question, ctx }: { question: SurveyQuestion; ctx: FieldContext }) {
  const base = `${ctx.idPrefix}${question.id}`;
  const name = answerField(question.id);
  const error = ctx.errors[question.id];
  const common = {
    id: base,
    name,
    disabled: ctx.disabled,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids(base, question.help, error),
    "aria-required": question.required || undefined,
  } as const;
  switch (question.type) {
    case "short_text":
    case "long_text":
      return (
        <div className="field survey-question">
          <label htmlFor={base}>
            <Label question={question} />
          </label>
          {question.type === "short_text" ? (
            <input
              type="text"
              {...common}
              defaultValue={one(ctx.values, name)}
              maxLength={SURVEY_LIMITS.shortAnswerMax}
            />
          ) : (
            <textarea
              {...common}
              rows={5}
              defaultValue={one(ctx.values, name)}
              maxLength={SURVEY_LIMITS.longAnswerMax}
            />
          )}
          <Messages base={base} help={question.help} error={error} />
        </div>
      );
    case "number":
      return <NumberField question={question} ctx={ctx} common={common} />;
    case "date":
      return (
        <div className="field survey-question">
          <label htmlFor={base}>
            <Label question={question} />
          </label>
          <input
            type="date"
            {...common}
            className="date-input"
            defaultValue={one(ctx.values, name)}
            min="1900-01-01"
            max="2100-12-31"
          />
          <Messages base={base} help={question.help} error={error} />
        </div>
      );
    case "single_choice":
    case "multiple_choice":
      return <ChoiceField question={question} ctx={ctx} />;
    case "scale":
      return <ScaleField question={question} ctx={ctx} />;
    case "commune":
      return <CommuneField question={question} ctx={ctx} />;
  }
}

function NumberField({
  question,
  ctx,
  common,
}: {
  question: Extract<SurveyQuestion, { type: "number" }>;
  ctx: FieldContext;
  common: Record<string, unknown>;
}) {
  const t = useT();
  const base = `${ctx.idPrefix}${question.id}`;
  const error = ctx.errors[question.id];
  const range =
    question.min !== null && question.max !== null
      ? t("surveyAnswers.form.numberBetween", { min: question.min, max: question.max })
      : question.min !== null
        ? t("surveyAnswers.form.numberMin", { min: question.min })
        : question.max !== null
          ? t("surveyAnswers.form.numberMax", { max: question.max })
          : "";
  const hint = [question.integer ? t("surveyAnswers.form.integer") : "", range].filter(Boolean).join(" ");
  return (
    <div className="field survey-question">
      <label htmlFor={base}>
        <Label question={question} />
      </label>
      {/* Text, not type=number: French decimal commas, and no value silently dropped by the browser. */}
      <input
        type="text"
        inputMode={question.integer ? "numeric" : "decimal"}
        autoComplete="off"
        {...common}
        aria-describedby={ids(base, question.help, error, hint ? `${base}-range` : undefined)}
        className="number-input"
        defaultValue={one(ctx.values, answerField(question.id))}
        maxLength={40}
      />
      {hint ? (
        <p id={`${base}-range`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <Messages base={base} help={question.help} error={error} />
    </div>
  );
}

/**
 * A question answered with several controls (choices, a scale) is a fieldset named by its
 * legend, which carries "(obligatoire)". No `aria-required` on it: ARIA does not allow the
 * attribute on a group (axe "aria-allowed-attr", critical; issue 13, point 3), and the
 * legend already says it. `hint` is the type's own instruction, described with the help.
 */
function Group({
  question,
  ctx,
  hint,
  children,
  className = "",
}: {
  question: SurveyQuestion;
  ctx: FieldContext;
  hint?: string;
  children: ReactNode;
  className?: string;
}) {
  const base = `${ctx.idPrefix}${question.id}`;
  const error = ctx.errors[question.id];
  return (
    <fieldset
      className={`field survey-question ${className}`}
      aria-describedby={ids(base, question.help, error, hint ? `${base}-hint` : undefined)}
    >
      <legend>
        <Label question={question} />
      </legend>
      <Messages base={base} help={question.help} error={error} />
      {hint ? (
        <p id={`${base}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** "Plusieurs réponses possibles." once: not again when the designer already wrote it as help. */
function severalHint(help: string, several: string): string | undefined {
  const fold = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return fold(help).includes(fold(several)) ? undefined : several;
}

function ChoiceField({
  question,
  ctx,
}: {
  question: Extract<SurveyQuestion, { type: "single_choice" | "multiple_choice" }>;
  ctx: FieldContext;
}) {
  const t = useT();
  const base = `${ctx.idPrefix}${question.id}`;
  const name = answerField(question.id);
  const type = question.type === "single_choice" ? "radio" : "checkbox";
  const chosen = many(ctx.values, name);
  const error = ctx.errors[question.id];
  const otherError = ctx.errors[otherKey(question.id)];
  const options = [
    ...question.options.map((o) => ({ value: o.id, label: o.label })),
    ...(question.allowOther ? [{ value: OTHER_CHOICE, label: t("surveyAnswers.form.other") }] : []),
  ];
  return (
    <Group
      question={question}
      ctx={ctx}
      hint={
        question.type === "multiple_choice" ? severalHint(question.help, t("surveyAnswers.form.several")) : undefined
      }
    >
      <div className="choice-list">
        {options.map((option, index) => (
          <label key={option.value} className="choice" htmlFor={`${base}-${index}`}>
            <input
              id={`${base}-${index}`}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={chosen.includes(option.value)}
              disabled={ctx.disabled}
              aria-invalid={error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {question.allowOther ? (
        <div className="field other-field">
          <label htmlFor={`${base}-other`}>{t("surveyAnswers.form.otherDetail")}</label>
          <input
            id={`${base}-other`}
            type="text"
            name={otherField(question.id)}
            defaultValue={one(ctx.values, otherField(question.id))}
            maxLength={SURVEY_LIMITS.longAnswerMax}
            disabled={ctx.disabled}
            aria-invalid={otherError ? true : undefined}
            aria-describedby={otherError ? `${base}-other-error` : undefined}
          />
          {otherError ? (
            <p id={`${base}-other-error`} className="field-error">
              {otherError}
            </p>
          ) : null}
        </div>
      ) : null}
    </Group>
  );
}

function ScaleField({ question, ctx }: { question: Extract<SurveyQuestion, { type: "scale" }>; ctx: FieldContext }) {
  const t = useT();
  const base = `${ctx.idPrefix}${question.id}`;
  const name = answerField(question.id);
  const chosen = one(ctx.values, name);
  const error = ctx.errors[question.id];
  const steps = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  return (
    <Group
      question={question}
      ctx={ctx}
      className="scale"
      hint={t("surveyAnswers.form.scaleHint", {
        min: question.min,
        max: question.max,
        minLabel: question.minLabel || String(question.min),
        maxLabel: question.maxLabel || String(question.max),
      })}
    >
      <div className="scale-steps">
        {steps.map((value, index) => (
          <label key={value} className="scale-step" htmlFor={`${base}-${index}`}>
            <input
              id={`${base}-${index}`}
              type="radio"
              name={name}
              value={value}
              defaultChecked={chosen === String(value)}
              disabled={ctx.disabled}
              aria-invalid={error ? true : undefined}
            />
            <span>
              {value}
              {index === 0 && question.minLabel ? (
                <span className="visually-hidden"> ({question.minLabel})</span>
              ) : null}
              {index === steps.length - 1 && question.maxLabel ? (
                <span className="visually-hidden"> ({question.maxLabel})</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {question.minLabel || question.maxLabel ? (
        <p className="scale-ends" aria-hidden="true">
          <span>{question.minLabel}</span>
          <span>{question.maxLabel}</span>
        </p>
      ) : null}
    </Group>
  );
}

function CommuneField({
  question,
  ctx,
}: {
  question: Extract<SurveyQuestion, { type: "commune" }>;
  ctx: FieldContext;
}) {
  const t = useT();
  const name = answerField(question.id);
  return (
    <div className="survey-question">
      <TerritoryPicker
        // Remounted when a refused submit brings a different choice back.
        key={ctx.communes[name]?.code ?? ""}
        name={name}
        idBase={`${ctx.idPrefix}${question.id}`}
        kinds={["commune"]}
        hiddenValue={(territory) => territory.code}
        initial={ctx.communes[name] ?? null}
        error={ctx.errors[question.id]}
        label={question.label + (question.required ? ` ${t("surveyAnswers.form.required")}` : "")}
        hint={question.help || t("surveyAnswers.form.communeHint")}
        searchUrl={ctx.communeSearchUrl}
        required={question.required}
        texts={{
          label: "surveyAnswers.form.communeHint",
          hint: "surveyAnswers.form.communeHint",
          results: "surveyAnswers.form.communeResults",
          none: "surveyAnswers.form.communeNone",
          picked: "surveyAnswers.form.communePicked",
        }}
      />
    </div>
  );
}
