import type { councilFr } from "./council.fr";

/** Saisines and the council's avis (English). */
export const councilEn: Record<keyof typeof councilFr, string> = {
  "council.title": "Development council",
};
