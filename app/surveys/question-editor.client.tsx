import { useId, type ReactNode } from "react";
import type * as Y from "yjs";
import { useT } from "~/i18n/use-translation";
import { SURVEY_LIMITS, type SurveyQuestion } from "~/models/surveys/survey-definition";
import { QUESTION_TYPES, type QuestionType } from "~/models/core/vocabulary";
import { optionMaps, SCALE_RANGES } from "~/models/surveys/survey-doc";
import { addOption, removeOption, setQuestionField, setScale, stepOption } from "~/models/surveys/survey-doc-question";
import { NumberBound } from "./number-bound-field.client";
import { StepButtons } from "./step-buttons.client";
import { YTextField } from "./y-text-field.client";

export type QuestionEditorProps = {
  doc: Y.Doc;
  map: Y.Map<unknown>;
  question: SurveyQuestion;
  /** Number across the whole survey, as respondents see it. */
  number: number;
  readOnly: boolean;
  /** The drag handle (dnd-kit), rendered before the heading; absent for readers. */
  handle?: ReactNode;
  /** Move controls and delete; absent for readers. */
  controls?: ReactNode;
  /** Folded, a question is one line (title, type, required); one question is open at a time. */
  open: boolean;
  onToggle: () => void;
};

/** Ids of a question's card, disclosure button and body: `#question-<id>` opens it from the address. */
export const questionCardId = (questionId: string) => `question-${questionId}`;
export const questionToggleId = (questionId: string) => `question-toggle-${questionId}`;

/** One question of the design: its type, label, help, required flag and the settings of its type. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question, number, handle, controls, open, onToggle } = props;
  const t = useT();
  const headingId = useId();
  const bodyId = useId();
  return (
    // A group named by its heading: "Réponse obligatoire" or "Option 1" repeat in every question,
    // and screen readers announce which question they belong to when focus enters it.
    <div className="question-editor" role="group" aria-labelledby={headingId} id={questionCardId(question.id)}>
      <div className="question-editor__head">
        {handle}
        {/* The disclosure pattern (WAI-ARIA APG): a button inside the heading, aria-expanded and
            aria-controls on the body, which stays in the page (empty) while folded. */}
        <h4 className="question-editor__title" id={headingId}>
          <button
            type="button"
            id={questionToggleId(question.id)}
            className="question-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={onToggle}
          >
            <span className="question-toggle__icon" aria-hidden="true">
              {open ? "▾" : "▸"}
            </span>
            <span className="question-toggle__text">
              <span className="question-toggle__number">{t("surveys.question.heading", { number })} </span>
              <span className={`question-toggle__label${question.label ? "" : " is-missing"}`}>
                {question.label || t("surveys.question.noLabel")}
              </span>
              <span className="question-toggle__meta">
                {" · "}
                {t(`surveys.type.${question.type}`)}
                {question.required ? ` · ${t("surveys.question.requiredShort")}` : ""}
              </span>
            </span>
          </button>
        </h4>
        {controls}
      </div>
      <div id={bodyId} className="question-editor__body stack" hidden={!open}>
        {open ? <QuestionFields {...props} /> : null}
      </div>
    </div>
  );
}

/** The open question's fields; folded questions render none (a 200-question survey stays light on a phone). */
function QuestionFields({ doc, map, question, number, readOnly }: QuestionEditorProps) {
  const t = useT();
  const typeId = useId();
  const set = (field: Parameters<typeof setQuestionField>[2], value: unknown) =>
    setQuestionField(doc, question.id, field, value);
  return (
    <>
      <div className="field">
        <label htmlFor={typeId}>{t("surveys.question.type", { number })}</label>
        <select
          id={typeId}
          value={question.type}
          disabled={readOnly}
          onChange={(e) => set("type", e.target.value as QuestionType)}
        >
          <QuestionTypeOptions />
        </select>
      </div>
      <YTextField
        text={map.get("label")}
        label={t("surveys.question.label", { number })}
        max={SURVEY_LIMITS.labelMax}
        readOnly={readOnly}
      />
      <YTextField
        text={map.get("help")}
        label={t("surveys.question.help", { number })}
        max={SURVEY_LIMITS.helpMax}
        readOnly={readOnly}
        multiline
      />
      <Checkbox
        label={t("surveys.question.required")}
        checked={question.required}
        readOnly={readOnly}
        onChange={(value) => set("required", value)}
      />
      <TypeSettings doc={doc} map={map} question={question} readOnly={readOnly} />
    </>
  );
}

/** Every question type, as the type select and "Ajouter une question" offer them. */
export function QuestionTypeOptions() {
  const t = useT();
  return (
    <>
      {QUESTION_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`surveys.type.${type}`)}
        </option>
      ))}
    </>
  );
}

function Checkbox({
  label,
  checked,
  readOnly,
  onChange,
}: {
  label: string;
  checked: boolean;
  readOnly: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

function TypeSettings({
  doc,
  map,
  question,
  readOnly,
}: Pick<QuestionEditorProps, "doc" | "map" | "question" | "readOnly">) {
  const t = useT();
  const scaleId = useId();
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return (
        <>
          <OptionsEditor doc={doc} map={map} questionId={question.id} readOnly={readOnly} />
          <Checkbox
            label={t("surveys.options.allowOther")}
            checked={question.allowOther}
            readOnly={readOnly}
            onChange={(value) => setQuestionField(doc, question.id, "allowOther", value)}
          />
        </>
      );
    case "scale": {
      const range = SCALE_RANGES.find((r) => r.min === question.min && r.max === question.max) ?? SCALE_RANGES[0]!;
      return (
        <>
          <div className="field">
            <label htmlFor={scaleId}>{t("surveys.scale.range")}</label>
            <select
              id={scaleId}
              value={`${range.min}-${range.max}`}
              disabled={readOnly}
              onChange={(e) => {
                const picked = SCALE_RANGES.find((r) => `${r.min}-${r.max}` === e.target.value);
                if (picked) setScale(doc, question.id, picked);
              }}
            >
              {SCALE_RANGES.map((r) => (
                <option key={`${r.min}-${r.max}`} value={`${r.min}-${r.max}`}>
                  {t(`surveys.scale.${r.min}-${r.max}` as "surveys.scale.1-5")}
                </option>
              ))}
            </select>
          </div>
          <div className="question-editor__pair">
            <YTextField
              text={map.get("minLabel")}
              label={t("surveys.scale.minLabel", { value: String(range.min) })}
              max={SURVEY_LIMITS.optionLabelMax}
              readOnly={readOnly}
            />
            <YTextField
              text={map.get("maxLabel")}
              label={t("surveys.scale.maxLabel", { value: String(range.max) })}
              max={SURVEY_LIMITS.optionLabelMax}
              readOnly={readOnly}
            />
          </div>
        </>
      );
    }
    case "number":
      return (
        <>
          <div className="question-editor__pair">
            <NumberBound doc={doc} question={question} bound="min" readOnly={readOnly} />
            <NumberBound doc={doc} question={question} bound="max" readOnly={readOnly} />
          </div>
          <Checkbox
            label={t("surveys.number.integer")}
            checked={question.integer}
            readOnly={readOnly}
            onChange={(value) => setQuestionField(doc, question.id, "integer", value)}
          />
        </>
      );
    default:
      return null;
  }
}

function OptionsEditor({
  doc,
  map,
  questionId,
  readOnly,
}: {
  doc: Y.Doc;
  map: Y.Map<unknown>;
  questionId: string;
  readOnly: boolean;
}) {
  const t = useT();
  const options = optionMaps(map);
  const full = options.length >= SURVEY_LIMITS.optionsMax;
  return (
    <fieldset className="field options-editor">
      <legend>{t("surveys.options.legend")}</legend>
      <ol className="options-editor__list">
        {options.map((option, index) => {
          const number = index + 1;
          const optionId = option.get("id") as string;
          return (
            <li key={optionId} className="options-editor__item">
              <YTextField
                text={option.get("label")}
                label={t("surveys.options.label", { number })}
                max={SURVEY_LIMITS.optionLabelMax}
                readOnly={readOnly}
              />
              {readOnly ? null : (
                <div className="icon-buttons">
                  <StepButtons
                    first={index === 0}
                    last={index === options.length - 1}
                    onStep={(direction) => stepOption(doc, questionId, optionId, direction)}
                    labels={{ up: t("surveys.options.up", { number }), down: t("surveys.options.down", { number }) }}
                  />
                  <button
                    type="button"
                    className="button small danger"
                    onClick={() => removeOption(doc, questionId, optionId)}
                    aria-label={t("surveys.options.remove", { number })}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : full ? (
        <p className="field-hint">{t("surveys.options.max", { max: SURVEY_LIMITS.optionsMax })}</p>
      ) : (
        <p>
          <button type="button" className="button small" onClick={() => addOption(doc, questionId)}>
            {t("surveys.options.add")}
          </button>
        </p>
      )}
    </fieldset>
  );
}
