/** Surveys: list, shared design, status (French, reference). */
export const surveysFr = {
  "surveys.title": "Enquêtes",
} as const;
