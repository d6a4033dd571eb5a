import { z } from "zod";
import type { QuestionType } from "../core/vocabulary";

/**
 * The contract between a survey's design (its Y.Doc, projected by the collaboration server)
 * and everything that uses a version of it: the public form, field collection, results and
 * exports. A SurveyVersion row stores one of these as JSON.
 *
 * Ids are stable across versions: results and exports line versions up by question id and
 * option id, never by position or label.
 */
export const SURVEY_LIMITS = {
  titleMax: 200,
  introMax: 4000,
  sectionTitleMax: 200,
  labelMax: 500,
  helpMax: 1000,
  optionLabelMax: 200,
  optionsMax: 50,
  questionsMax: 200,
  sectionsMax: 30,
  /** Longest answer to a short text question (characters). */
  shortAnswerMax: 500,
  /** Longest answer to a long text question, and to "autre, précisez". */
  longAnswerMax: 5000,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/);
const text = (max: number) => z.string().max(max);

const base = {
  id,
  label: text(SURVEY_LIMITS.labelMax),
  help: text(SURVEY_LIMITS.helpMax).default(""),
  required: z.boolean().default(false),
};

const option = z.object({ id, label: text(SURVEY_LIMITS.optionLabelMax) });
const options = z.array(option).max(SURVEY_LIMITS.optionsMax);

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("short_text") }),
  z.object({ ...base, type: z.literal("long_text") }),
  z.object({ ...base, type: z.literal("single_choice"), options, allowOther: z.boolean().default(false) }),
  z.object({ ...base, type: z.literal("multiple_choice"), options, allowOther: z.boolean().default(false) }),
  z.object({
    ...base,
    type: z.literal("scale"),
    /** 1–5 or 0–10. */
    min: z.union([z.literal(0), z.literal(1)]),
    max: z.union([z.literal(5), z.literal(10)]),
    minLabel: text(SURVEY_LIMITS.optionLabelMax).default(""),
    maxLabel: text(SURVEY_LIMITS.optionLabelMax).default(""),
  }),
  z.object({
    ...base,
    type: z.literal("number"),
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    integer: z.boolean().default(false),
  }),
  z.object({ ...base, type: z.literal("date") }),
  z.object({ ...base, type: z.literal("commune") }),
]);
export type SurveyQuestion = z.infer<typeof questionSchema>;

// Fails to compile when the union above and the vocabulary's list drift apart.
const _typesInStep: [SurveyQuestion["type"]] extends [QuestionType]
  ? [QuestionType] extends [SurveyQuestion["type"]]
    ? true
    : never
  : never = true;
void _typesInStep;

export const sectionSchema = z.object({
  id,
  title: text(SURVEY_LIMITS.sectionTitleMax).default(""),
  description: text(SURVEY_LIMITS.helpMax).default(""),
  questions: z.array(questionSchema).max(SURVEY_LIMITS.questionsMax),
});
export type SurveySection = z.infer<typeof sectionSchema>;

export const surveyDefinitionSchema = z.object({
  title: text(SURVEY_LIMITS.titleMax),
  intro: text(SURVEY_LIMITS.introMax).default(""),
  sections: z.array(sectionSchema).max(SURVEY_LIMITS.sectionsMax),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** Every question of a definition, in order, across sections. */
export function questionsOf(definition: SurveyDefinition): SurveyQuestion[] {
  return definition.sections.flatMap((s) => s.questions);
}

/** Parses a SurveyVersion.definition column. Throws on a row that breaks the contract. */
export function parseDefinition(json: string): SurveyDefinition {
  return surveyDefinitionSchema.parse(JSON.parse(json));
}
