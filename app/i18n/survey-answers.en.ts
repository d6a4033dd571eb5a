import type { surveyAnswersFr } from "./survey-answers.fr";

/** Surveys: public form, field collection, results and exports (English). */
export const surveyAnswersEn: Record<keyof typeof surveyAnswersFr, string> = {
  "surveyAnswers.confirmation.title": "Thank you for your answer",
};
