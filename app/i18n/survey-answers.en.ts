import type { surveyAnswersFr } from "./survey-answers.fr";

/** Surveys: public form, field collection, results and exports (English). */
export const surveyAnswersEn: Record<keyof typeof surveyAnswersFr, string> = {
  "surveyAnswers.confirmation.title": "Thank you for your answer",

  "surveyAnswers.error.required": "Please answer this question.",
  "surveyAnswers.error.chooseOne": "Choose an answer.",
  "surveyAnswers.error.chooseSome": "Tick at least one answer.",
  "surveyAnswers.error.unknownChoice": "Choose among the answers offered.",
  "surveyAnswers.error.otherMissing": "Say what your “Other” answer is.",
  "surveyAnswers.error.tooLong": "Write at most {max} characters (you wrote {count}).",
  "surveyAnswers.error.scale": "Choose a value between {min} and {max}.",
  "surveyAnswers.error.number": "Write a number, for example 12 or 3.5.",
  "surveyAnswers.error.integer": "Write a whole number, without decimals.",
  "surveyAnswers.error.numberBetween": "Write a number between {min} and {max}.",
  "surveyAnswers.error.numberMin": "Write a number greater than or equal to {min}.",
  "surveyAnswers.error.numberMax": "Write a number less than or equal to {max}.",
  "surveyAnswers.error.date": "This date does not exist: write it as dd/mm/yyyy.",
  "surveyAnswers.error.dateRange": "Write a date between {min} and {max}.",
  "surveyAnswers.error.commune": "Name a municipality.",
  "surveyAnswers.error.communeUnknown":
    "Choose a municipality from the list (type its name or postcode, then choose it).",
  "surveyAnswers.error.tooLarge": "Your answer is too long to be saved: shorten the texts.",
} as const;
