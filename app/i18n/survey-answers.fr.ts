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

  "surveyAnswers.confirmation.body": "Votre réponse à « {title} » est enregistrée.",
  "surveyAnswers.confirmation.close": "Vous pouvez fermer cette page.",

  "surveyAnswers.public.title": "Enquête",
  "surveyAnswers.public.eyebrow": "Enquête",
  "surveyAnswers.public.noAccount": "Pas besoin de compte. Les questions marquées « (obligatoire) » attendent une réponse.",
  "surveyAnswers.public.submit": "Envoyer mes réponses",
  "surveyAnswers.public.honeypot": "Ne remplissez pas ce champ",

  "surveyAnswers.unavailable.unknown.title": "Enquête introuvable",
  "surveyAnswers.unavailable.unknown.body":
    "Ce lien ne mène à aucune enquête. Vérifiez qu'il est complet, ou demandez-le à nouveau à qui vous l'a transmis.",
  "surveyAnswers.unavailable.draft.title": "Enquête pas encore ouverte",
  "surveyAnswers.unavailable.draft.body": "Cette enquête est encore en préparation : revenez quand elle sera ouverte.",
  "surveyAnswers.unavailable.closed.title": "Cette enquête est fermée",
  "surveyAnswers.unavailable.closed.body": "Elle ne reçoit plus de réponses. Merci de votre intérêt !",
  "surveyAnswers.unavailable.error.title": "Un problème est survenu",
  "surveyAnswers.unavailable.error.body": "Nous n'avons pas pu afficher cette page. Réessayez dans un moment.",

  "surveyAnswers.form.required": "(obligatoire)",
  "surveyAnswers.form.numberBetween": "Un nombre entre {min} et {max}.",
  "surveyAnswers.form.numberMin": "Un nombre à partir de {min}.",
  "surveyAnswers.form.numberMax": "Un nombre jusqu'à {max}.",
  "surveyAnswers.form.integer": "Un nombre entier.",
  "surveyAnswers.form.other": "Autre",
  "surveyAnswers.form.otherDetail": "Si « Autre », précisez",
  "surveyAnswers.form.several": "Plusieurs réponses possibles.",
  "surveyAnswers.form.scaleHint": "De {min} ({minLabel}) à {max} ({maxLabel}).",
  "surveyAnswers.form.communeHint": "Tapez le nom ou le code postal, puis choisissez la commune dans la liste.",
  "surveyAnswers.form.communeResults": "Communes trouvées",
  "surveyAnswers.form.communeNone": "Aucune commune ne correspond.",
  "surveyAnswers.form.communePicked": "Commune choisie : {name} ({details})",
  "surveyAnswers.form.errorsOne": "Une réponse est à corriger",
  "surveyAnswers.form.errorsMany": "{count} réponses sont à corriger",
  "surveyAnswers.form.notSaved": "Votre réponse n'a pas été enregistrée",

  "surveyAnswers.error.expired": "Ce formulaire n'est plus valable : rechargez la page, puis répondez à nouveau.",
  "surveyAnswers.error.tooMany":
    "Trop de réponses envoyées depuis cette connexion. Réessayez dans {minutes} minutes.",
} as const;
