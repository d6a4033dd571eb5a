/** Comment threads on findings and notes (French, reference). */
export const commentsFr = {
  "comments.title": "Discussion",
} as const;
