/**
 * How a response's answers travel and are stored — shared by the form (browser), the server's
 * validation, results and exports. Not a .server module: the form renderer imports the names.
 *
 * Stored answers (SurveyResponse.answers) are one JSON object keyed by question id, holding
 * only scalars or arrays of scalars so that SQLite's json_each can aggregate them:
 * - short_text, long_text: string; date: "YYYY-MM-DD"; commune: INSEE code;
 * - scale, number: number;
 * - single_choice: an option id, or OTHER_CHOICE;
 * - multiple_choice: an array of option ids (OTHER_CHOICE included when ticked);
 * - the "autre, précisez" text under `otherKey(questionId)`.
 * Unanswered questions are absent.
 */
import type { MessageKey } from "~/i18n";
import { questionsOf, type SurveyDefinition, type SurveyQuestion } from "./survey-definition";

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/**
 * The "autre" choice. `~` cannot appear in an option or question id (survey-definition.ts),
 * so it never collides with one.
 */
export const OTHER_CHOICE = "~other";

export function otherKey(questionId: string): string {
  return `${questionId}${OTHER_CHOICE}`;
}

/** Form field names: a dot never appears in an id, so `q.<id>` and `q.<id>.other` cannot collide. */
export function answerField(questionId: string): string {
  return `q.${questionId}`;
}

export function otherField(questionId: string): string {
  return `q.${questionId}.other`;
}

/** Hidden fields of every answer form. */
export const FORM_FIELDS = {
  submissionKey: "submissionKey",
  versionId: "versionId",
  /**
   * The honeypot: hidden from people (off-screen, aria-hidden, no tab stop), filled by naive
   * bots. Named like a field a bot wants to fill.
   */
  honeypot: "website",
} as const;

/** What a form shows again after a refused submit: the raw text of each field. */
export type FormValues = Record<string, string | string[]>;

/** A field's error key: the question id, or `otherKey(id)` when the "autre" text is at fault. */
export type AnswerErrors = Record<string, string>;

export const ANSWER_LIMITS = {
  /** A submission key is a UUID generated when the form is shown. */
  submissionKeyMax: 64,
  /** Longest typed number, date or commune query (characters). */
  shortInputMax: 100,
  /** Dates outside these are typing slips (a birth year typed as 19, a year 20024). */
  earliestDate: "1900-01-01",
  latestDate: "2100-12-31",
  /** The whole stored answers object (characters of JSON). */
  totalMax: 200_000,
} as const;

/** The message for a required question left empty, by type: the server's words (survey-answers.server.ts). */
const MISSING_MESSAGE = {
  short_text: "surveyAnswers.error.required",
  long_text: "surveyAnswers.error.required",
  single_choice: "surveyAnswers.error.chooseOne",
  multiple_choice: "surveyAnswers.error.chooseSome",
  scale: "surveyAnswers.error.chooseOne",
  number: "surveyAnswers.error.required",
  date: "surveyAnswers.error.required",
  commune: "surveyAnswers.error.commune",
} as const satisfies Record<SurveyQuestion["type"], MessageKey>;

/**
 * Required questions left empty in a form, with the message the server would give. Browser
 * safe: field collection checks this before queuing a response offline, so that a form with
 * a forgotten answer is corrected on the spot, not refused hours later. The server still
 * checks everything when the response arrives.
 */
export function unansweredRequired(definition: SurveyDefinition, formData: FormData): Record<string, MessageKey> {
  const filled = (name: string) =>
    formData.getAll(name).some((value) => typeof value === "string" && value.trim() !== "");
  const errors: Record<string, MessageKey> = {};
  for (const question of questionsOf(definition)) {
    if (!question.required) continue;
    const name = answerField(question.id);
    const answered = filled(name) || (question.type === "commune" && filled(`${name}Query`));
    if (!answered) errors[question.id] = MISSING_MESSAGE[question.type];
  }
  return errors;
}
