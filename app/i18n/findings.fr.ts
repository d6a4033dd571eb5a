/** The findings, their evidence and reports (French, reference). */
export const findingsFr = {
  "findings.title": "Constats",
} as const;
