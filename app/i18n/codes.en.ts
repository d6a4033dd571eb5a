import type { codesFr } from "./codes.fr";

/** The codebook, coded passages and the code view (English). */
export const codesEn: Record<keyof typeof codesFr, string> = {
  "codes.title": "Codes",
};
