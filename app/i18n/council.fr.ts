/** Saisines and the council's avis (French, reference). */
export const councilFr = {
  "council.title": "Conseil de développement",
} as const;
