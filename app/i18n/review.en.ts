import type { reviewFr } from "./review.fr";

/** The review of findings: states, transitions, versions, history (English). */
export const reviewEn: Record<keyof typeof reviewFr, string> = {
  "review.title": "Review",
};
