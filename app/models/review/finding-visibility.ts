import type { FindingState } from "../core/vocabulary";
import type { ProjectAction } from "../projects/rights";

/**
 * Who may read a finding depends on how far its review went (issue 15): drafts are for the
 * project team; once submitted, the council reads it too, whatever happens after; observers
 * and coalition staff read validated and published findings only. Pure, so that the
 * websocket's rights reader (through the `finding` kind's SQL twin below), pages and lists
 * decide the same way.
 */
export const FINDING_STAGES = ["draft", "submitted", "public"] as const;
export type FindingStage = (typeof FINDING_STAGES)[number];

/** States every reader of the project may see. */
export const PUBLIC_FINDING_STATES: readonly FindingState[] = ["validated", "published"];

export function findingStage(finding: { state: string; firstSubmittedAt: Date | string | null }): FindingStage {
  if ((PUBLIC_FINDING_STATES as readonly string[]).includes(finding.state)) return "public";
  return finding.firstSubmittedAt ? "submitted" : "draft";
}

/** The same rule in SQL, for the collaboration server's prepared statement (columns of "Finding"). */
export const FINDING_STAGE_SQL = `CASE WHEN state IN (${PUBLIC_FINDING_STATES.map((s) => `'${s}'`).join(", ")}) THEN 'public' WHEN firstSubmittedAt IS NOT NULL THEN 'submitted' ELSE 'draft' END`;

const READ_ACTION: Record<FindingStage, ProjectAction> = {
  draft: "findings.readDraft",
  submitted: "findings.readSubmitted",
  public: "content.read",
};

function knownStage(stage: string | null): FindingStage {
  return (FINDING_STAGES as readonly string[]).includes(stage ?? "") ? (stage as FindingStage) : "draft";
}

/** What a user must be allowed to read a finding at this stage (an unknown stage reads as a draft). */
export function findingReadAction(stage: string | null): ProjectAction {
  return READ_ACTION[knownStage(stage)];
}

/**
 * What a user must be allowed to read a finding's live text — its document, and the evidence
 * as it is now: the team, and the council once it was submitted. Readers beyond them
 * (observers, coalition staff) read the version the council judged, never what was typed
 * since: a validated finding stays editable by its authors (issue 15 §1).
 */
export function findingTextReadAction(stage: string | null): ProjectAction {
  return knownStage(stage) === "draft" ? "findings.readDraft" : "findings.readSubmitted";
}
