/** The review of findings: states, transitions, versions, history (French, reference). */
export const reviewFr = {
  "review.title": "Relecture",
} as const;
