import type { findingsFr } from "./findings.fr";

/** The findings, their evidence and reports (English). */
export const findingsEn: Record<keyof typeof findingsFr, string> = {
  "findings.title": "Findings",
};
