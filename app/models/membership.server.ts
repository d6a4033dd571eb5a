import { prisma } from "./db.server";
import type { ProjectRole } from "./vocabulary";

export async function listMembers(projectId: string) {
  const rows = await prisma.membership.findMany({
    where: { projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({ ...m.user, role: m.role as ProjectRole, since: m.createdAt }));
}

export type MembershipChange = "ok" | "not_member" | "last_coordinator";

/**
 * Changes a member's role, refusing to leave the project without a coordinator. The count
 * and the write share one transaction; SQLite serialises writers, so two coordinators
 * demoting each other at once cannot both succeed.
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
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true },
    });
    if (!membership) return "not_member";
    if (membership.role === "coordinator" && role !== "coordinator") {
      const others = await tx.membership.count({ where: { projectId, role: "coordinator", userId: { not: userId } } });
      if (others === 0) return "last_coordinator";
    }
    await tx.membership.update({
      where: { projectId_userId: { projectId, userId } },
      data: { role },
      select: { id: true },
    });
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
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true },
    });
    if (!membership) return "not_member";
    if (membership.role === "coordinator") {
      const others = await tx.membership.count({ where: { projectId, role: "coordinator", userId: { not: userId } } });
      if (others === 0) return "last_coordinator";
    }
    await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
    return "ok";
  });
}
