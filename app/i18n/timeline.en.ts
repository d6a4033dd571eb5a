import type { timelineFr } from "./timeline.fr";

/** The action-research cycle and the project timeline (English). */
export const timelineEn: Record<keyof typeof timelineFr, string> = {
  "timeline.title": "Timeline",
};
