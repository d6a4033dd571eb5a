import { prisma, type Prisma } from "../core/db.server";
import type { SaisineOrigin } from "../core/vocabulary";
import { notify } from "../notifications/notify.server";
import type { ProjectAccess } from "../projects/permissions.server";
import { visibleFindingsWhere } from "../review/finding-visibility.server";

/** The most a list shows; a council has a handful of open saisines, not hundreds. */
export const SAISINE_LIST_MAX = 200;

export const saisineHref = (projectId: string, saisineId: string) => `/projects/${projectId}/council/${saisineId}`;

/** The project's members with a role, e.g. its council reviewers (one indexed query). */
export async function memberIds(
  tx: Prisma.TransactionClient,
  projectId: string,
  roles?: readonly string[],
): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { projectId, ...(roles ? { role: { in: [...roles] } } : {}) },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/**
 * The findings a saisine may cover: the project's findings the council can read (submitted at
 * least once) that the one opening it may read too, most recent first.
 */
export async function referableFindings(access: ProjectAccess) {
  return prisma.finding.findMany({
    where: { AND: [visibleFindingsWhere(access), { firstSubmittedAt: { not: null } }] },
    select: { id: true, title: true, state: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: SAISINE_LIST_MAX,
  });
}

/**
 * Opens a saisine (or an auto-saisine) with its findings and tells the council (and, for an
 * auto-saisine, the coordinators) in the same transaction. Findings outside `referableFindings`
 * (another project's, a draft the council cannot read) refuse the whole act.
 */
export async function openSaisine({
  access,
  userId,
  origin,
  question,
  dueOn,
  findingIds,
}: {
  access: ProjectAccess;
  userId: string;
  origin: SaisineOrigin;
  question: string;
  dueOn: Date | null;
  findingIds: string[];
}): Promise<{ ok: true; id: string } | { ok: false; reason: "unknown_findings" }> {
  const projectId = access.projectId;
  const wanted = [...new Set(findingIds)];
  const id = await prisma.$transaction(async (tx) => {
    // Checked in the transaction that links them: a finding deleted meanwhile is refused, not a crash.
    const allowed = wanted.length
      ? await tx.finding.count({
          where: { AND: [visibleFindingsWhere(access), { firstSubmittedAt: { not: null }, id: { in: wanted } }] },
        })
      : 0;
    if (allowed !== wanted.length) return null;
    const saisine = await tx.saisine.create({
      data: {
        projectId,
        origin,
        question,
        dueOn,
        openedById: userId,
        findings: { create: wanted.map((findingId) => ({ findingId })) },
      },
      select: { id: true },
    });
    const roles = origin === "own_initiative" ? ["council_reviewer", "coordinator"] : ["council_reviewer"];
    await notify(tx, {
      type: "saisine_opened",
      projectId,
      actorId: userId,
      href: saisineHref(projectId, saisine.id),
      subject: question,
      recipients: await memberIds(tx, projectId, roles),
    });
    return saisine.id;
  });
  return id ? { ok: true, id } : { ok: false, reason: "unknown_findings" };
}

const listSelect = {
  id: true,
  origin: true,
  question: true,
  title: true,
  state: true,
  dueOn: true,
  createdAt: true,
  adoptedAt: true,
  transmittedAt: true,
  _count: { select: { findings: true } },
} as const satisfies Prisma.SaisineSelect;

/** Open saisines first, the soonest due first (no due date last), then the others, latest first. */
export async function listSaisines({ projectId }: { projectId: string }) {
  const [open, closed] = await Promise.all([
    prisma.saisine.findMany({
      where: { projectId, state: "drafting" },
      select: listSelect,
      orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
      take: SAISINE_LIST_MAX,
    }),
    prisma.saisine.findMany({
      where: { projectId, state: { in: ["adopted", "transmitted"] } },
      select: listSelect,
      orderBy: [{ adoptedAt: "desc" }, { id: "asc" }],
      take: SAISINE_LIST_MAX,
    }),
  ]);
  // SQLite sorts nulls first: a saisine without a due day goes after those with one.
  const dated = open.filter((s) => s.dueOn);
  return { open: [...dated, ...open.filter((s) => !s.dueOn)], closed };
}

/** The project's open saisines, soonest due first, for its home page. */
export async function openSaisines({ projectId, take = 10 }: { projectId: string; take?: number }) {
  const { open } = await listSaisines({ projectId });
  return open.slice(0, take);
}

/** One saisine of this project with the findings linked that this viewer may read, or null. */
export async function getSaisine({ access, saisineId }: { access: ProjectAccess; saisineId: string }) {
  const row = await prisma.saisine.findFirst({
    where: { id: saisineId, projectId: access.projectId },
    select: {
      id: true,
      origin: true,
      question: true,
      title: true,
      excerpt: true,
      state: true,
      dueOn: true,
      createdAt: true,
      adoptedAt: true,
      adoptedText: true,
      votesFor: true,
      votesAgainst: true,
      votesAbstain: true,
      transmittedAt: true,
      openedBy: { select: { id: true, name: true } },
      findings: {
        where: { finding: visibleFindingsWhere(access) },
        select: { finding: { select: { id: true, title: true, state: true } } },
      },
    },
  });
  if (!row) return null;
  const { findings, ...saisine } = row;
  return { ...saisine, findings: findings.map((f) => f.finding) };
}

/** Adopted and transmitted avis covering a finding, for the finding's page (index on findingId). */
export async function avisForFinding({ projectId, findingId }: { projectId: string; findingId: string }) {
  return prisma.saisine.findMany({
    where: { projectId, state: { in: ["adopted", "transmitted"] }, findings: { some: { findingId } } },
    select: { id: true, title: true, question: true, state: true, adoptedAt: true },
    orderBy: [{ adoptedAt: "desc" }, { id: "asc" }],
    take: 20,
  });
}
