/** Surveys: public form, field collection, results and exports (French, reference). */
export const surveyAnswersFr = {
  "surveyAnswers.confirmation.title": "Merci pour votre réponse",
} as const;
