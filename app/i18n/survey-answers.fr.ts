/** Surveys: public form, field collection, results and exports (French, reference). */
export const surveyAnswersFr = {
  "surveyAnswers.confirmation.title": "Merci pour votre réponse",

  "surveyAnswers.error.required": "Répondez à cette question.",
  "surveyAnswers.error.chooseOne": "Choisissez une réponse.",
  "surveyAnswers.error.chooseSome": "Cochez au moins une réponse.",
  "surveyAnswers.error.unknownChoice": "Choisissez parmi les réponses proposées.",
  "surveyAnswers.error.otherMissing": "Précisez votre réponse « Autre ».",
  "surveyAnswers.error.tooLong": "Écrivez au plus {max} caractères (vous en avez écrit {count}).",
  "surveyAnswers.error.scale": "Choisissez une valeur entre {min} et {max}.",
  "surveyAnswers.error.number": "Écrivez un nombre, par exemple 12 ou 3,5.",
  "surveyAnswers.error.integer": "Écrivez un nombre entier, sans virgule.",
  "surveyAnswers.error.numberBetween": "Écrivez un nombre entre {min} et {max}.",
  "surveyAnswers.error.numberMin": "Écrivez un nombre supérieur ou égal à {min}.",
  "surveyAnswers.error.numberMax": "Écrivez un nombre inférieur ou égal à {max}.",
  "surveyAnswers.error.date": "Cette date n'existe pas : écrivez-la au format jj/mm/aaaa.",
  "surveyAnswers.error.dateRange": "Écrivez une date entre {min} et {max}.",
  "surveyAnswers.error.commune": "Indiquez une commune.",
  "surveyAnswers.error.communeUnknown":
    "Choisissez une commune dans la liste (tapez son nom ou son code postal, puis choisissez-la).",
  "surveyAnswers.error.tooLarge": "Votre réponse est trop longue pour être enregistrée : raccourcissez les textes.",
} as const;
