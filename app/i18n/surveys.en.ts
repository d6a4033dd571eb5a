import type { surveysFr } from "./surveys.fr";

/** Surveys: list, shared design, status (English). */
export const surveysEn: Record<keyof typeof surveysFr, string> = {
  "surveys.title": "Surveys",
};
