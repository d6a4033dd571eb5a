import { prisma, type Prisma } from "../core/db.server";
import type { ProjectRole } from "../core/vocabulary";

export async function listMembers(projectId: string) {
  const rows = await prisma.membership.findMany({
    where: { projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({ ...m.user, role: m.role as ProjectRole, since: m.createdAt }));
}

export type MembershipChange = "ok" | "not_member" | "last_coordinator";

/** Would this change leave the project without a coordinator? Checked inside the write's transaction. */
async function leavesNoCoordinator(tx: Prisma.TransactionClient, projectId: string, userId: string) {
  const others = await tx.membership.count({ where: { projectId, role: "coordinator", userId: { not: userId } } });
  return others === 0;
}

/**
 * Changes a member's role, refusing to leave the project without a coordinator. The count
 * and the write share one transaction; SQLite serialises writers, so two coordinators
 * demoting each other at once cannot both succeed (on PostgreSQL this needs SERIALIZABLE).
 */
export async function changeRole({
  projectId,
  userId,
  role,
}: {
  projectId: string;
  userId: string;
  role: ProjectRole;
}): Promise<MembershipChange> {
  return prisma.$transaction(async (tx) => {
    const where = { projectId_userId: { projectId, userId } };
    const membership = await tx.membership.findUnique({ where, select: { role: true } });
    if (!membership) return "not_member";
    if (
      membership.role === "coordinator" &&
      role !== "coordinator" &&
      (await leavesNoCoordinator(tx, projectId, userId))
    ) {
      return "last_coordinator";
    }
    await tx.membership.update({ where, data: { role }, select: { id: true } });
    return "ok";
  });
}

export async function removeMember({
  projectId,
  userId,
}: {
  projectId: string;
  userId: string;
}): Promise<MembershipChange> {
  return prisma.$transaction(async (tx) => {
    const where = { projectId_userId: { projectId, userId } };
    const membership = await tx.membership.findUnique({ where, select: { role: true } });
    if (!membership) return "not_member";
    if (membership.role === "coordinator" && (await leavesNoCoordinator(tx, projectId, userId)))
      return "last_coordinator";
    await tx.membership.delete({ where });
    // A calendar subscription link must not come back to life if the person is added again.
    await tx.calendarToken.deleteMany({ where: { projectId, userId } });
    return "ok";
  });
}
