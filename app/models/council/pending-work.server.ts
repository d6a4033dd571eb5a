import { prisma } from "../core/db.server";

/** The most items of each kind the panel lists (each a link; the council page has the rest). */
export const PENDING_MAX = 20;

/**
 * What waits for a council reviewer across their projects, for the page they land on after
 * login: findings submitted and awaiting a verdict, and open saisines, soonest due first. Null
 * for someone who is a council reviewer nowhere. Three bounded queries on indexed columns
 * (Membership.userId, Finding [projectId, state], Saisine [projectId, state]).
 */
export async function pendingCouncilWork({ userId }: { userId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { userId, role: "council_reviewer" },
    select: { projectId: true, project: { select: { title: true } } },
    take: 100,
  });
  if (!memberships.length) return null;
  const projectIds = memberships.map((m) => m.projectId);
  const projectTitle = new Map(memberships.map((m) => [m.projectId, m.project.title]));
  const [findings, saisines] = await Promise.all([
    prisma.finding.findMany({
      where: { projectId: { in: projectIds }, state: "submitted" },
      select: { id: true, projectId: true, title: true, updatedAt: true },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: PENDING_MAX,
    }),
    prisma.saisine.findMany({
      where: { projectId: { in: projectIds }, state: "drafting" },
      select: { id: true, projectId: true, question: true, title: true, state: true, dueOn: true },
      orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
      take: PENDING_MAX,
    }),
  ]);
  const dated = saisines.filter((s) => s.dueOn);
  return {
    findings: findings.map((f) => ({ ...f, projectTitle: projectTitle.get(f.projectId) ?? "" })),
    saisines: [...dated, ...saisines.filter((s) => !s.dueOn)].map((s) => ({
      ...s,
      projectTitle: projectTitle.get(s.projectId) ?? "",
    })),
  };
}
