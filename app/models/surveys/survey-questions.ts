import { questionsOf, type SurveyDefinition, type SurveyQuestion } from "./survey-definition";

/**
 * Questions of every version of a survey, lined up by id (ids are stable across versions):
 * each question as the latest version containing it words it, options merged the same way
 * (an option dropped in a later version keeps its last label, so old answers still read).
 * Order: the latest version's, then questions that only older versions had.
 */
export type LinedUpQuestion = SurveyQuestion & {
  /** Version numbers that asked this question. */
  versions: number[];
};

export function lineUpQuestions(versions: { number: number; definition: SurveyDefinition }[]): LinedUpQuestion[] {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const byId = new Map<string, LinedUpQuestion>();
  for (const version of newestFirst) {
    for (const question of questionsOf(version.definition)) {
      const known = byId.get(question.id);
      if (!known) {
        byId.set(question.id, { ...question, versions: [version.number] } as LinedUpQuestion);
        continue;
      }
      known.versions.unshift(version.number);
      if ("options" in known && "options" in question) {
        const ids = new Set(known.options.map((o) => o.id));
        known.options = [...known.options, ...question.options.filter((o) => !ids.has(o.id))];
      }
    }
  }
  return [...byId.values()];
}
