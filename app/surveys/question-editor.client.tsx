import { useId, type ReactNode } from "react";
import type * as Y from "yjs";
import { useT } from "~/i18n/use-translation";
import { SURVEY_LIMITS, type SurveyQuestion } from "~/models/surveys/survey-definition";
import { QUESTION_TYPES, type QuestionType } from "~/models/core/vocabulary";
import {
  addOption,
  optionMaps,
  removeOption,
  SCALE_RANGES,
  setQuestionField,
  setScale,
  stepOption,
} from "../models/surveys/survey-doc";
import { NumberBound } from "./number-bound-field.client";
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
};

/** One question of the design: its type, label, help, required flag and the settings of its type. */
export function QuestionEditor({ doc, map, question, number, readOnly, handle, controls }: QuestionEditorProps) {
  const t = useT();
  const typeId = useId();
  const headingId = useId();
  const set = (field: Parameters<typeof setQuestionField>[2], value: unknown) =>
    setQuestionField(doc, question.id, field, value);
  return (
    // A group named by its heading: "Réponse obligatoire" or "Option 1" repeat in every question,
    // and screen readers announce which question they belong to when focus enters it.
    <div className="question-editor stack" role="group" aria-labelledby={headingId}>
      <div className="question-editor__head">
        {handle}
        <h4 className="question-editor__title" id={headingId}>
          {t("surveys.question.heading", { number })}
          <span className="muted"> · {t(`surveys.type.${question.type}`)}</span>
        </h4>
        {controls}
      </div>
      <div className="field">
        <label htmlFor={typeId}>{t("surveys.question.type", { number })}</label>
        <select
          id={typeId}
          value={question.type}
          disabled={readOnly}
          onChange={(e) => set("type", e.target.value as QuestionType)}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`surveys.type.${type}`)}
            </option>
          ))}
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
    </div>
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

function TypeSettings({ doc, map, question, readOnly }: Omit<QuestionEditorProps, "number">) {
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
                  <button
                    type="button"
                    className="button small"
                    disabled={index === 0}
                    onClick={() => stepOption(doc, questionId, optionId, -1)}
                    aria-label={t("surveys.options.up", { number })}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button small"
                    disabled={index === options.length - 1}
                    onClick={() => stepOption(doc, questionId, optionId, 1)}
                    aria-label={t("surveys.options.down", { number })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
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
