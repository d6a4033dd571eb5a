import type { Prisma } from "../core/db.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { findingReadAction, findingStage, findingTextReadAction, PUBLIC_FINDING_STATES } from "./finding-visibility";

/** May this access read this finding (finding-visibility.ts)? Pages answer 404 when not. */
export function canReadFinding(
  access: ProjectAccess,
  finding: { state: string; firstSubmittedAt: Date | string | null },
): boolean {
  return can(access, findingReadAction(findingStage(finding)));
}

/** May this access read the finding's live text, or only the version the council judged? */
export function canReadFindingText(
  access: ProjectAccess,
  finding: { state: string; firstSubmittedAt: Date | string | null },
): boolean {
  return can(access, findingTextReadAction(findingStage(finding)));
}

/**
 * The same rule as a query, for every list, count and report of a project's findings, so that
 * a finding never shows in a list and then answers 404 (tests prove the two agree).
 */
export function visibleFindingsWhere(access: ProjectAccess): Prisma.FindingWhereInput {
  if (can(access, "findings.readDraft")) return { projectId: access.projectId };
  if (can(access, "findings.readSubmitted")) return { projectId: access.projectId, firstSubmittedAt: { not: null } };
  if (can(access, "content.read")) return { projectId: access.projectId, state: { in: [...PUBLIC_FINDING_STATES] } };
  return { projectId: access.projectId, id: { in: [] } };
}
