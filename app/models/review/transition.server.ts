import { prisma } from "../core/db.server";
import type { FindingTransition } from "../core/vocabulary";
import type { ReadDocument } from "../findings/finding-report.server";
import { notify } from "../notifications/notify.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { canReadFinding } from "./finding-visibility.server";
import { snapshotFinding } from "./finding-versions.server";
import { TRANSITIONS, transitionAllowedFrom } from "./transitions";

export type TransitionOutcome =
  | { type: "done"; state: string; version: number }
  /** Unknown, another project's, or not readable by this user: as unknown as a made-up id. */
  | { type: "not_found" }
  | { type: "forbidden" }
  /** The finding is no longer where the user saw it (or the request is replayed or forged). */
  | { type: "stale"; state: string; version: number }
  /** Where the finding is, this transition cannot start. */
  | { type: "not_allowed"; state: string };

/** How long a notification's detail line may be (the start of a verdict's comment). */
const DETAIL_MAX = 200;

const findingSelect = {
  id: true,
  projectId: true,
  authorId: true,
  state: true,
  version: true,
  firstSubmittedAt: true,
  title: true,
  excerpt: true,
} as const;

/**
 * Moves a finding along the review workflow (transitions.ts), for `userId` with `access`.
 * `from` and `version` are what the user saw: the write is one transaction whose guarded update
 * (`state = from AND version = version`) changes nothing when another act came first, so a
 * replayed or forged request is refused with where the finding is now. Submitting freezes the
 * statement (read live through `readDocument`) and evidence as the next version. Every step is
 * recorded (FindingTransition) and the people concerned are notified in the same transaction.
 */
export async function transitionFinding({
  access,
  userId,
  findingId,
  transition,
  from,
  version,
  comment,
  readDocument,
}: {
  access: ProjectAccess;
  userId: string;
  findingId: string;
  transition: FindingTransition;
  from: string;
  version: number;
  comment: string;
  readDocument: ReadDocument;
}): Promise<TransitionOutcome> {
  const projectId = access.projectId;
  const finding = await prisma.finding.findFirst({ where: { id: findingId, projectId }, select: findingSelect });
  if (!finding || !canReadFinding(access, finding)) return { type: "not_found" };
  const rule = TRANSITIONS[transition];
  if (!can(access, rule.right, rule.owned ? { ownerId: finding.authorId } : undefined)) return { type: "forbidden" };
  if (finding.state !== from || finding.version !== version) {
    return { type: "stale", state: finding.state, version: finding.version };
  }
  if (!transitionAllowedFrom(transition, from)) return { type: "not_allowed", state: finding.state };
  const snapshot = transition === "submit" ? await snapshotFinding({ projectId, finding, readDocument }) : null;
  const nextVersion = snapshot ? version + 1 : version;
  const href = `/projects/${projectId}/findings/${finding.id}`;
  const kept = rule.comment === "none" ? "" : comment;
  const outcome = await prisma.$transaction(async (tx): Promise<TransitionOutcome> => {
    const now = new Date();
    const { count } = await tx.finding.updateMany({
      where: { id: finding.id, projectId, state: from, version },
      data: {
        state: rule.to,
        version: nextVersion,
        ...(snapshot && !finding.firstSubmittedAt ? { firstSubmittedAt: now } : {}),
      },
    });
    if (count === 0) {
      const current = await tx.finding.findUnique({
        where: { id: finding.id },
        select: { state: true, version: true },
      });
      return current ? { type: "stale", ...current } : { type: "not_found" };
    }
    if (snapshot) {
      await tx.findingVersion.create({
        data: {
          findingId: finding.id,
          number: nextVersion,
          title: snapshot.title,
          statement: snapshot.statement,
          evidence: JSON.stringify(snapshot.evidence),
          submittedById: userId,
          createdAt: now,
        },
        select: { id: true },
      });
    }
    await tx.findingTransition.create({
      data: {
        findingId: finding.id,
        action: transition,
        fromState: from,
        toState: rule.to,
        version: nextVersion,
        actorId: userId,
        comment: kept,
        createdAt: now,
      },
      select: { id: true },
    });
    if (transition === "submit") {
      const council = await tx.membership.findMany({
        where: { projectId, role: "council_reviewer" },
        select: { userId: true },
      });
      await notify(tx, {
        type: "finding_submitted",
        projectId,
        actorId: userId,
        href,
        subject: snapshot?.title ?? finding.title,
        recipients: council.map((m) => m.userId),
      });
    } else if (transition === "request_changes" || transition === "validate") {
      const submitters = await tx.findingVersion.findMany({
        where: { findingId: finding.id, submittedById: { not: null } },
        select: { submittedById: true },
      });
      await notify(tx, {
        type: "finding_verdict",
        projectId,
        actorId: userId,
        href,
        subject: finding.title,
        detail: kept.slice(0, DETAIL_MAX),
        recipients: [finding.authorId, ...submitters.map((s) => s.submittedById)].filter((id): id is string => !!id),
      });
    }
    return { type: "done", state: rule.to, version: nextVersion };
  });
  return outcome;
}

/** A finding's review history, oldest first: who, when, what, on which version, why. */
export async function listTransitions({ findingId }: { findingId: string }) {
  const rows = await prisma.findingTransition.findMany({
    where: { findingId },
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      version: true,
      comment: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    // The latest steps, bounded: a finding resubmitted a hundred times still loads in one read.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SHOWN,
  });
  return rows.reverse();
}

/** Steps of a finding's history shown on its page (the oldest beyond it fold away). */
export const HISTORY_SHOWN = 200;
