/** The action-research cycle and the project timeline (French, reference). */
export const timelineFr = {
  "timeline.title": "Chronologie",
} as const;
