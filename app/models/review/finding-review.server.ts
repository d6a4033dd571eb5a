import { canReadFindingText } from "./finding-visibility.server";
import type { FindingTransition } from "../core/vocabulary";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { getVersion, listVersions, type FindingVersionView } from "./finding-versions.server";
import { listTransitions } from "./transition.server";
import { TRANSITIONS, transitionsFrom } from "./transitions";
import { versionDiff, type VersionDiff } from "./version-diff";

/** The transitions this access may make on the finding where it stands (the panel's buttons). */
export function allowedTransitions(
  access: ProjectAccess,
  finding: { state: string; authorId: string | null },
): FindingTransition[] {
  return transitionsFrom(finding.state).filter((name) => {
    const rule = TRANSITIONS[name];
    return can(access, rule.right, rule.owned ? { ownerId: finding.authorId } : undefined);
  });
}

type History = Awaited<ReturnType<typeof listTransitions>>;

/**
 * The version a reviewer compares a resubmission with: the last one they gave a verdict on,
 * else the last one the council gave a verdict on, else the one before.
 */
function reviewedVersion(history: History, current: number, userId: string): number | null {
  const verdicts = history.filter(
    (step) => (step.action === "request_changes" || step.action === "validate") && step.version < current,
  );
  const mine = verdicts.filter((step) => step.actor?.id === userId).at(-1);
  const anyone = verdicts.at(-1);
  return mine?.version ?? anyone?.version ?? (current >= 2 ? current - 1 : null);
}

/**
 * The review panel of a finding's page: history, versions, the buttons the viewer may use and,
 * for the council (who judges a version, not the live draft), the submitted version and what
 * changed since the version they reviewed.
 */
export async function findingReview({
  access,
  userId,
  finding,
}: {
  access: ProjectAccess;
  userId: string;
  finding: { id: string; state: string; version: number; authorId: string | null; firstSubmittedAt: Date | null };
}) {
  // Readers beyond the team and the council (observers, coalition staff) see the outcome —
  // the validated version and who decided when — not the drafts sent back nor the reviewers'
  // requests: those are the project's and its council's.
  const beyond = !canReadFindingText(access, finding);
  const [allHistory, allVersions] = await Promise.all([
    listTransitions({ findingId: finding.id }),
    listVersions({ findingId: finding.id }),
  ]);
  const history = beyond
    ? allHistory.filter((step) => step.action !== "request_changes").map((step) => ({ ...step, comment: "" }))
    : allHistory;
  const versions = beyond ? allVersions.filter((v) => v.number === finding.version) : allVersions;
  const isReviewer = can(access, "findings.review");
  let submitted: FindingVersionView | null = null;
  let diff: VersionDiff | null = null;
  if (isReviewer && finding.version > 0) {
    submitted = await getVersion({ findingId: finding.id, number: finding.version });
    const reviewed = reviewedVersion(history, finding.version, userId);
    const before = reviewed ? await getVersion({ findingId: finding.id, number: reviewed }) : null;
    if (submitted && before) diff = versionDiff(before, submitted);
  }
  return {
    state: finding.state,
    version: finding.version,
    latest: versions[0] ?? null,
    versions,
    allowed: allowedTransitions(access, finding),
    history: history.map((step) => ({ ...step, actor: step.actor?.name ?? null })),
    submitted,
    diff,
  };
}

export type FindingReview = Awaited<ReturnType<typeof findingReview>>;
