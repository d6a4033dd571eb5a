/** Exchange with qualitative analysis tools: REFI-QDA codebooks and projects (French, reference). */
export const qdaFr = {
  "qda.title": "Échange avec les logiciels d'analyse qualitative",
} as const;
