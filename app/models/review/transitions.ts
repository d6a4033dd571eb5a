import type { FindingState, FindingTransition } from "../core/vocabulary";
import type { ProjectAction } from "../projects/rights";

/**
 * The review workflow of a finding (issue 15 §1), as a table: from which states each
 * transition starts, where it leads, the right it needs (`own` rights are asked with the
 * finding's author as owner) and whether a comment is required or offered. Pure: the server
 * decides with it and the review panel shows only the buttons it allows.
 */
export type TransitionRule = {
  from: readonly FindingState[];
  to: FindingState;
  right: ProjectAction;
  /** Asked with the finding's author as owner (`can(access, right, { ownerId })`). */
  owned: boolean;
  comment: "required" | "optional" | "none";
};

export const TRANSITIONS: Record<FindingTransition, TransitionRule> = {
  submit: {
    from: ["draft", "changes_requested"],
    to: "submitted",
    right: "findings.submit",
    owned: true,
    comment: "none",
  },
  request_changes: {
    from: ["submitted"],
    to: "changes_requested",
    right: "findings.review",
    owned: false,
    comment: "required",
  },
  validate: { from: ["submitted"], to: "validated", right: "findings.review", owned: false, comment: "optional" },
  publish: { from: ["validated"], to: "published", right: "findings.publish", owned: false, comment: "none" },
  withdraw: {
    from: ["submitted", "changes_requested", "validated", "published"],
    to: "withdrawn",
    right: "findings.withdraw",
    owned: true,
    comment: "optional",
  },
  reopen: { from: ["withdrawn"], to: "draft", right: "findings.withdraw", owned: true, comment: "none" },
};

/** May this transition start from this state? */
export function transitionAllowedFrom(transition: FindingTransition, state: string): boolean {
  return (TRANSITIONS[transition].from as readonly string[]).includes(state);
}

/** The transitions that start from a state, in the table's order (rights aside). */
export function transitionsFrom(state: string): FindingTransition[] {
  return (Object.keys(TRANSITIONS) as FindingTransition[]).filter((t) => transitionAllowedFrom(t, state));
}

/** Does this transition make a new version (the statement and evidence frozen)? */
export const makesVersion = (transition: FindingTransition) => transition === "submit";
