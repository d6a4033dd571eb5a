import { useEffect, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import type { SurveyQuestion } from "~/models/surveys/survey-definition";
import { formatNumber } from "~/utils/format";
import { parseBound } from "./number-bound";
import { setQuestionField } from "~/models/surveys/survey-doc-question";

/** Past this, a bound is a typing slip, and doubles stop being exact. */
const BOUND_LIMIT = 1e12;

function boundError(
  t: Translator,
  format: (value: number) => string,
  bound: "min" | "max",
  parsed: number | null | "invalid",
  other: number | null,
): string | null {
  if (parsed === "invalid") return t("surveys.number.notANumber");
  if (parsed === null) return null;
  if (Math.abs(parsed) > BOUND_LIMIT) return t("surveys.number.tooBig");
  if (other === null) return null;
  if (bound === "min" && parsed > other) return t("surveys.number.minAboveMax", { max: format(other) });
  if (bound === "max" && parsed < other) return t("surveys.number.maxBelowMin", { min: format(other) });
  return null;
}

/**
 * A number question's minimum or maximum. What is typed stays in the field; it reaches the
 * document only once it is a number that keeps min ≤ max, so nobody else ever sees an
 * impossible question.
 */
export function NumberBound({
  doc,
  question,
  bound,
  readOnly,
}: {
  doc: Y.Doc;
  question: Extract<SurveyQuestion, { type: "number" }>;
  bound: "min" | "max";
  readOnly: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const stored = question[bound];
  const other = bound === "min" ? question.max : question.min;
  const format = (value: number) => formatNumber(locale, value);
  const [typed, setTyped] = useState(stored === null ? "" : String(stored).replace(".", locale === "fr" ? "," : "."));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);

  // Someone else changed the bound: show it, unless this person is typing in the field.
  useEffect(() => {
    if (focused.current) return;
    setTyped(stored === null ? "" : String(stored).replace(".", locale === "fr" ? "," : "."));
    setError(null);
  }, [stored, locale]);

  const onChange = (value: string) => {
    setTyped(value);
    const parsed = parseBound(value);
    const message = boundError(t, format, bound, parsed, other);
    setError(message);
    if (message || parsed === "invalid") return;
    if (parsed !== stored) setQuestionField(doc, question.id, bound === "min" ? "numberMin" : "numberMax", parsed);
  };

  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(bound === "min" ? "surveys.number.min" : "surveys.number.max")}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={typed}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onFocus={() => (focused.current = true)}
        onBlur={() => (focused.current = false)}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
