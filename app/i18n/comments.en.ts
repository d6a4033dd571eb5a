import type { commentsFr } from "./comments.fr";

/** Comment threads on findings and notes (English). */
export const commentsEn: Record<keyof typeof commentsFr, string> = {
  "comments.title": "Discussion",
};
