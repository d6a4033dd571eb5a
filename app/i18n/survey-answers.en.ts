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

  "surveyAnswers.confirmation.body": "Your answer to “{title}” is saved.",
  "surveyAnswers.confirmation.close": "You may close this page.",

  "surveyAnswers.public.title": "Survey",
  "surveyAnswers.public.eyebrow": "Survey",
  "surveyAnswers.public.noAccount": "No account needed. Questions marked “(required)” need an answer.",
  "surveyAnswers.public.submit": "Send my answers",
  "surveyAnswers.public.honeypot": "Leave this field empty",

  "surveyAnswers.unavailable.unknown.title": "Survey not found",
  "surveyAnswers.unavailable.unknown.body":
    "This link leads to no survey. Check that it is complete, or ask the person who sent it again.",
  "surveyAnswers.unavailable.draft.title": "Survey not open yet",
  "surveyAnswers.unavailable.draft.body": "This survey is still being prepared: come back once it is open.",
  "surveyAnswers.unavailable.closed.title": "This survey is closed",
  "surveyAnswers.unavailable.closed.body": "It no longer takes answers. Thank you for your interest!",
  "surveyAnswers.unavailable.error.title": "Something went wrong",
  "surveyAnswers.unavailable.error.body": "We could not show this page. Try again in a moment.",

  "surveyAnswers.form.required": "(required)",
  "surveyAnswers.form.numberBetween": "A number between {min} and {max}.",
  "surveyAnswers.form.numberMin": "A number from {min}.",
  "surveyAnswers.form.numberMax": "A number up to {max}.",
  "surveyAnswers.form.integer": "A whole number.",
  "surveyAnswers.form.other": "Other",
  "surveyAnswers.form.otherDetail": "If “Other”, please specify",
  "surveyAnswers.form.several": "Several answers possible.",
  "surveyAnswers.form.scaleHint": "From {min} ({minLabel}) to {max} ({maxLabel}).",
  "surveyAnswers.form.communeHint": "Type the name or postcode, then choose the municipality in the list.",
  "surveyAnswers.form.communeResults": "Municipalities found",
  "surveyAnswers.form.communeNone": "No municipality matches.",
  "surveyAnswers.form.communePicked": "Chosen municipality: {name} ({details})",
  "surveyAnswers.form.errorsOne": "One answer needs fixing",
  "surveyAnswers.form.errorsMany": "{count} answers need fixing",
  "surveyAnswers.form.notSaved": "Your answer was not saved",

  "surveyAnswers.error.expired": "This form is no longer valid: reload the page, then answer again.",
  "surveyAnswers.error.tooMany": "Too many answers sent from this connection. Try again in {minutes} minutes.",
} as const;
