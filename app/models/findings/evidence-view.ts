import type { SurveyFilter } from "~/utils/survey-filter";

// Pure types: what the finding's page, its report and its Markdown show of each piece of
// evidence (built by evidence-list.server.ts), shared with the components.

/** A question's figures, as the results page computes them (no free text: figures only). */
export type SurveyFigures = {
  answered: number;
  counts: { value: string; label: string; count: number }[];
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  earliest: string | null;
  latest: string | null;
};

/** What a survey evidence keeps of the results at citation time (Evidence.snapshot, JSON). */
export type SurveySnapshot = {
  surveyTitle: string;
  questionLabel: string;
  questionKind: "choice" | "scale" | "number" | "commune" | "date" | "text";
  /** Responses covered by the filter. */
  total: number;
  figures: SurveyFigures;
  filter: SurveyFilter;
  takenAt: string;
};

export type Base = { id: string; comment: string; position: number; createdBy: string | null };

export type QuoteView = Base & {
  kind: "quote";
  noteId: string | null;
  noteTitle: string;
  /** "deleted": the note is gone (noteId null); "trashed": it is in the project's trash. */
  noteState: "active" | "trashed" | "deleted";
  quote: string;
  /** The text the anchor holds now, when it differs from the quote (normalised); else null. */
  changedTo: string | null;
};
export type CodeView = Base & {
  kind: "code";
  codeId: string;
  label: string;
  colour: string | null;
  count: number;
  passages: { noteId: string; noteTitle: string; text: string }[];
};
export type SurveyView = Base & {
  kind: "survey";
  surveyId: string | null;
  questionId: string;
  snapshot: SurveySnapshot | null;
  href: string | null;
  /** The live figures differ from the snapshot; null when they cannot be computed (survey or question gone). */
  differs: boolean | null;
};
export type EventView = Base & { kind: "event"; eventId: string; title: string; exists: boolean; day: string | null };
export type SourceView = Base & { kind: "source"; title: string; url: string | null; reference: string };
export type EvidenceView = QuoteView | CodeView | SurveyView | EventView | SourceView;
