import { z } from "zod";
import type { Translator } from "~/i18n";
import { parseDay } from "./day";

/**
 * Which responses of a survey a page or a download covers. The results page and both exports
 * read it with `readSurveyFilter` from the same query string, and the models apply it with one
 * function (`surveyFilterSql`, app/models/surveys/survey-filter.server.ts): the same address
 * gives the same responses everywhere. Plain and JSON-safe: the JSON export writes it out.
 */
export type SurveyFilter = {
  /** First day included, "YYYY-MM-DD" (a UTC day), or no lower bound. */
  from: string | null;
  /** Last day included, or no upper bound. */
  to: string | null;
  /** INSEE code of the commune the response is from (its first commune question). */
  commune: string | null;
};

export type SurveyFilterErrors = Partial<Record<"from" | "to", string>>;

/** INSEE commune codes: five characters, "2A"/"2B" for Corsica. */
const COMMUNE_CODE = /^[0-9AB]{5}$/;

// Every field falls back to "no filter": a hand-edited or stale address still shows the results.
const fieldsSchema = z.object({
  from: z.string().trim().catch(""),
  to: z.string().trim().catch(""),
  // Chosen from a list of the codes present, so a wrong one only comes from an edited address:
  // ignored without a message.
  commune: z.string().trim().regex(COMMUNE_CODE).catch(""),
});

/**
 * The filter in a query string, and what to say about the parts that were ignored: a date that
 * does not exist, or a start after the end (which would otherwise silently show no response:
 * both dates are then ignored).
 */
export function readSurveyFilter(
  params: URLSearchParams,
  t: Translator,
): { filter: SurveyFilter; errors: SurveyFilterErrors } {
  const values = fieldsSchema.parse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    commune: params.get("commune") ?? undefined,
  });
  const errors: SurveyFilterErrors = {};
  const day = (name: "from" | "to") => {
    if (!values[name]) return null;
    const parsed = parseDay(values[name]);
    // The same words as the notes filters: a date that is not one is ignored, and said.
    if (!parsed) errors[name] = t("notes.filters.badDate");
    return parsed;
  };
  let from = day("from");
  let to = day("to");
  if (from && to && from > to) {
    errors.to = t("surveyAnswers.results.badRange");
    from = to = null;
  }
  return { filter: { from, to, commune: values.commune || null }, errors };
}
