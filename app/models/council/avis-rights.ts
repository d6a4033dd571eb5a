import type { AvisState } from "../core/vocabulary";
import type { ProjectAction } from "../projects/rights";

/**
 * Who may read and write an avis at each state (issue 15 §3). Every reader of the project reads
 * it; council reviewers co-write it while it is drafted; once adopted it is frozen for everyone
 * (write null), so that the text adopted is the text kept. Pure: the `avis` kind (sockets) and
 * the saisine's page decide with it, so they agree.
 */
export function avisStageRights(stage: string | null): { read: ProjectAction; write: ProjectAction | null } {
  return { read: "content.read", write: stage === "drafting" ? "avis.edit" : null };
}

/** A saisine is open while its avis is drafted. */
export function isOpen(state: string): state is Extract<AvisState, "drafting"> {
  return state === "drafting";
}

/** Past its due day and still open (days are UTC midnights, as `Saisine.dueOn`). */
export function isOverdue(saisine: { state: string; dueOn: Date | string | null }, now: Date): boolean {
  if (!saisine.dueOn || !isOpen(saisine.state)) return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(saisine.dueOn).getTime() < today;
}
