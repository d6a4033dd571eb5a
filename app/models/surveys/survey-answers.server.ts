import type { Locale, Translator } from "~/i18n";
import { parseTypedDay } from "~/utils/day";
import { formatNumber } from "~/utils/format";
import { questionsOf, SURVEY_LIMITS, type SurveyDefinition, type SurveyQuestion } from "./survey-definition";
import {
  ANSWER_LIMITS,
  answerField,
  OTHER_CHOICE,
  otherField,
  otherKey,
  type AnswerErrors,
  type Answers,
  type AnswerValue,
  type FormValues,
} from "./survey-answers";
import { findTerritory, foldForSearch, searchTerritories } from "../projects/territory.server";

/**
 * Reads and checks one submitted questionnaire against the version it was shown with.
 * Every problem gets a message a respondent understands, keyed by question id (or by
 * `otherKey(id)` for the "autre, précisez" text); fields the definition does not know are
 * ignored. Nothing is stored unless `ok`.
 */
export type AnswerResult =
  | { ok: true; answers: Answers; communeCode: string | null; values: FormValues }
  | { ok: false; errors: AnswerErrors; values: FormValues };

type Context = { t: Translator; locale: Locale };
type Checked = { value?: AnswerValue; other?: string; error?: string; otherError?: string };

export function parseAnswers({
  definition,
  formData,
  t,
  locale,
}: {
  definition: SurveyDefinition;
  formData: FormData;
  t: Translator;
  locale: Locale;
}): AnswerResult {
  const answers: Answers = {};
  const errors: AnswerErrors = {};
  const values: FormValues = {};
  let communeCode: string | null = null;
  for (const question of questionsOf(definition)) {
    const raw = readRaw(formData, question);
    Object.assign(values, raw.echo);
    const checked = checkQuestion(question, raw, { t, locale });
    if (checked.error) errors[question.id] = checked.error;
    if (checked.otherError) errors[otherKey(question.id)] = checked.otherError;
    if (checked.value !== undefined) answers[question.id] = checked.value;
    if (checked.other !== undefined) answers[otherKey(question.id)] = checked.other;
    if (question.type === "commune" && communeCode === null && typeof checked.value === "string") {
      communeCode = checked.value;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  if (JSON.stringify(answers).length > ANSWER_LIMITS.totalMax) {
    return { ok: false, errors: { form: t("surveyAnswers.error.tooLarge") }, values };
  }
  return { ok: true, answers, communeCode, values };
}

type Raw = { one: string; many: string[]; other: string; query: string; echo: FormValues };

function readRaw(formData: FormData, question: SurveyQuestion): Raw {
  const name = answerField(question.id);
  const strings = (key: string) => formData.getAll(key).filter((v): v is string => typeof v === "string");
  const many = strings(name);
  const one = many[0] ?? "";
  const other = strings(otherField(question.id))[0] ?? "";
  const query = strings(`${name}Query`)[0] ?? "";
  const echo: FormValues = {};
  if (question.type === "multiple_choice") echo[name] = many.slice(0, SURVEY_LIMITS.optionsMax + 1);
  else echo[name] = one.slice(0, SURVEY_LIMITS.longAnswerMax + 1);
  if (other) echo[otherField(question.id)] = other.slice(0, SURVEY_LIMITS.longAnswerMax + 1);
  if (query) echo[`${name}Query`] = query.slice(0, ANSWER_LIMITS.shortInputMax);
  return { one, many, other, query, echo };
}

function checkQuestion(question: SurveyQuestion, raw: Raw, ctx: Context): Checked {
  switch (question.type) {
    case "short_text":
      return checkText(question.required, raw.one, SURVEY_LIMITS.shortAnswerMax, ctx);
    case "long_text":
      return checkText(question.required, raw.one, SURVEY_LIMITS.longAnswerMax, ctx);
    case "single_choice":
      return checkSingle(question, raw, ctx);
    case "multiple_choice":
      return checkMultiple(question, raw, ctx);
    case "scale":
      return checkScale(question, raw.one.trim(), ctx);
    case "number":
      return checkNumber(question, raw.one.trim(), ctx);
    case "date":
      return checkDate(question.required, raw.one.trim(), ctx);
    case "commune":
      return checkCommune(question.required, raw.one.trim(), raw.query.trim(), ctx);
  }
}

function missing(required: boolean, key: Parameters<Translator>[0], { t }: Context): Checked {
  return required ? { error: t(key) } : {};
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a
 * respondent has no use for them, and they can make a text read differently from what it is
 * wherever it is shown or exported ("Trojan Source", CVE-2021-42574). Removed on receipt
 * (issue 13, point 5); the marks U+200E/U+200F, which a right-to-left language needs, stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text as typed, minus surrounding blanks and bidi controls; Windows line ends count as one character. */
export function cleanText(value: string): string {
  return value.replace(BIDI_CONTROLS, "").replace(/\r\n?/g, "\n").trim();
}

function checkText(required: boolean, raw: string, max: number, ctx: Context): Checked {
  const value = cleanText(raw);
  if (!value) return missing(required, "surveyAnswers.error.required", ctx);
  if (value.length > max) return { error: tooLong(value, max, ctx) };
  return { value };
}

function tooLong(value: string, max: number, { t, locale }: Context): string {
  return t("surveyAnswers.error.tooLong", {
    max: formatNumber(locale, max),
    count: formatNumber(locale, value.length),
  });
}

/** The "autre, précisez" text: required once "autre" is chosen, ignored otherwise. */
function checkOther(raw: string, ctx: Context): Pick<Checked, "other" | "otherError"> {
  const other = cleanText(raw);
  if (!other) return { otherError: ctx.t("surveyAnswers.error.otherMissing") };
  if (other.length > SURVEY_LIMITS.longAnswerMax)
    return { otherError: tooLong(other, SURVEY_LIMITS.longAnswerMax, ctx) };
  return { other };
}

function checkSingle(question: Extract<SurveyQuestion, { type: "single_choice" }>, raw: Raw, ctx: Context): Checked {
  const choice = raw.one;
  if (!choice) return missing(question.required, "surveyAnswers.error.chooseOne", ctx);
  if (choice === OTHER_CHOICE && question.allowOther) return { value: choice, ...checkOther(raw.other, ctx) };
  if (!question.options.some((o) => o.id === choice)) return { error: ctx.t("surveyAnswers.error.unknownChoice") };
  return { value: choice };
}

function checkMultiple(
  question: Extract<SurveyQuestion, { type: "multiple_choice" }>,
  raw: Raw,
  ctx: Context,
): Checked {
  const chosen = [...new Set(raw.many.filter(Boolean))];
  if (chosen.length === 0) return missing(question.required, "surveyAnswers.error.chooseSome", ctx);
  const known = new Set(question.options.map((o) => o.id));
  if (question.allowOther) known.add(OTHER_CHOICE);
  if (chosen.some((id) => !known.has(id))) return { error: ctx.t("surveyAnswers.error.unknownChoice") };
  // Stored in the definition's order, so exports and comparisons do not depend on the form's.
  const ordered = [...question.options.map((o) => o.id), OTHER_CHOICE].filter((id) => chosen.includes(id));
  if (chosen.includes(OTHER_CHOICE)) return { value: ordered, ...checkOther(raw.other, ctx) };
  return { value: ordered };
}

function checkScale(question: Extract<SurveyQuestion, { type: "scale" }>, raw: string, ctx: Context): Checked {
  if (!raw) return missing(question.required, "surveyAnswers.error.chooseOne", ctx);
  const value = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= question.min && value <= question.max)) {
    return { error: ctx.t("surveyAnswers.error.scale", { min: question.min, max: question.max }) };
  }
  return { value };
}

/**
 * French writing first: "3,5", "12 345" (spaces, no-break spaces) and "-2"; a dot is
 * accepted as the decimal mark too, but not both marks at once ("1.234,5" is ambiguous).
 */
export function parseFrenchNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (compact.length === 0 || compact.length > 40) return null;
  if (compact.includes(",") && compact.includes(".")) return null;
  const normal = compact.replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

function checkNumber(question: Extract<SurveyQuestion, { type: "number" }>, raw: string, ctx: Context): Checked {
  if (!raw) return missing(question.required, "surveyAnswers.error.required", ctx);
  const value = parseFrenchNumber(raw);
  const { t, locale } = ctx;
  if (value === null) return { error: t("surveyAnswers.error.number") };
  if (question.integer && !Number.isInteger(value)) return { error: t("surveyAnswers.error.integer") };
  const min = question.min === null ? null : formatNumber(locale, question.min);
  const max = question.max === null ? null : formatNumber(locale, question.max);
  const tooSmall = question.min !== null && value < question.min;
  const tooBig = question.max !== null && value > question.max;
  if (tooSmall || tooBig) {
    if (min !== null && max !== null) return { error: t("surveyAnswers.error.numberBetween", { min, max }) };
    if (min !== null) return { error: t("surveyAnswers.error.numberMin", { min }) };
    return { error: t("surveyAnswers.error.numberMax", { max: max! }) };
  }
  // -0 would export as "-0".
  return { value: value === 0 ? 0 : value };
}

function checkDate(required: boolean, raw: string, ctx: Context): Checked {
  if (!raw) return missing(required, "surveyAnswers.error.required", ctx);
  // "2026-03-14" from a date input, or "14/03/2026" typed where there is no date picker.
  const day = raw.length <= ANSWER_LIMITS.shortInputMax ? parseTypedDay(raw) : null;
  if (!day) return { error: ctx.t("surveyAnswers.error.date") };
  if (day < ANSWER_LIMITS.earliestDate || day > ANSWER_LIMITS.latestDate) {
    return {
      error: ctx.t("surveyAnswers.error.dateRange", {
        min: ANSWER_LIMITS.earliestDate.slice(0, 4),
        max: ANSWER_LIMITS.latestDate.slice(0, 4),
      }),
    };
  }
  return { value: day };
}

/**
 * The picker sends the chosen INSEE code. Without JavaScript, or offline where the picker
 * cannot search, only the typed text arrives: it counts when it names exactly one commune.
 */
function checkCommune(required: boolean, code: string, query: string, ctx: Context): Checked {
  if (!code && !query) return missing(required, "surveyAnswers.error.commune", ctx);
  const resolved = code
    ? code.length <= 5
      ? findTerritory("commune", code)?.code
      : undefined
    : communeFromQuery(query);
  if (!resolved) return { error: ctx.t("surveyAnswers.error.communeUnknown") };
  return { value: resolved };
}

export function communeFromQuery(query: string): string | undefined {
  if (query.length > ANSWER_LIMITS.shortInputMax) return undefined;
  const [first, second] = searchTerritories(query, 2, ["commune"]);
  if (!first) return undefined;
  const folded = foldForSearch(query);
  const code = query.trim().toUpperCase();
  const exact = (c: { code: string; name: string }) => c.code === code || foldForSearch(c.name) === folded;
  return exact(first) && !(second && exact(second)) ? first.code : undefined;
}
