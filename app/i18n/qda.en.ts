import type { qdaFr } from "./qda.fr";

/** Exchange with qualitative analysis tools: REFI-QDA codebooks and projects (English). */
export const qdaEn: Record<keyof typeof qdaFr, string> = {
  "qda.title": "Exchange with qualitative analysis software",
};
