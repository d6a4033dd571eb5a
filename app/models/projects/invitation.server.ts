import crypto from "node:crypto";
import { prisma } from "../core/db.server";
import { LIMITS } from "../core/limits";
import type { ProjectRole } from "../core/vocabulary";

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A single-use link; only its hash is stored, so the database cannot replay it. */
export async function createInvitation({
  projectId,
  role,
  createdById,
}: {
  projectId: string;
  role: ProjectRole;
  createdById: string;
}) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIMITS.invitationDays * 24 * 60 * 60 * 1000);
  await prisma.invitation.create({
    data: { tokenHash: hashToken(token), projectId, role, createdById, expiresAt },
    select: { id: true },
  });
  return { token, expiresAt };
}

export async function listPendingInvitations(projectId: string) {
  const rows = await prisma.invitation.findMany({
    where: { projectId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r, role: r.role as ProjectRole, createdBy: r.createdBy.name }));
}

export async function revokeInvitation({ projectId, invitationId }: { projectId: string; invitationId: string }) {
  const { count } = await prisma.invitation.updateMany({
    where: { id: invitationId, projectId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export type InvitationStatus = "valid" | "expired" | "used" | "unknown";

/** What the invitation page shows before the invitee accepts. */
export async function describeInvitation(token: string) {
  if (token.length > 200) return { status: "unknown" as const, invitation: null };
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      role: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      projectId: true,
      project: { select: { title: true, territoryName: true } },
    },
  });
  if (!invitation || invitation.revokedAt) return { status: "unknown" as const, invitation: null };
  const status: InvitationStatus = invitation.usedAt
    ? "used"
    : invitation.expiresAt <= new Date()
      ? "expired"
      : "valid";
  return { status, invitation: { ...invitation, role: invitation.role as ProjectRole } };
}

/**
 * After "sign up and join" / "log in and join" on an invitation: join in the same request and
 * land in the project. Only called when the form itself carried the invitation (the person saw
 * which project and role they were joining), never from a redirect target. A link that no
 * longer works sends them to its page, which says why.
 */
export async function joinAfterAuth({ userId, token }: { userId: string; token: string }): Promise<string> {
  const result = await acceptInvitation({ token, userId });
  return result.outcome === "invalid" ? `/invitations/${encodeURIComponent(token)}` : `/projects/${result.projectId}`;
}

/** What the login and sign-up pages show when reached from a still-valid invitation link. */
export async function previewInvitation(token: string | null) {
  if (!token) return null;
  const { status, invitation } = await describeInvitation(token);
  if (status !== "valid" || !invitation) return null;
  return { token, projectTitle: invitation.project.title, role: invitation.role };
}

export type AcceptResult = { outcome: "joined" | "already_member"; projectId: string } | { outcome: "invalid" };

/**
 * Consumes the invitation and creates the membership in one transaction. The conditional
 * update is what makes the link single-use: of two simultaneous accepts only one matches.
 * A user who is already a member keeps their role and leaves the link unused.
 */
export async function acceptInvitation({ token, userId }: { token: string; userId: string }): Promise<AcceptResult> {
  if (token.length > 200) return { outcome: "invalid" };
  const tokenHash = hashToken(token);
  return prisma
    .$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { tokenHash },
        select: { id: true, projectId: true, role: true },
      });
      if (!invitation) return { outcome: "invalid" as const };
      const existing = await tx.membership.findUnique({
        where: { projectId_userId: { projectId: invitation.projectId, userId } },
        select: { id: true },
      });
      if (existing) return { outcome: "already_member" as const, projectId: invitation.projectId };
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date(), usedById: userId },
      });
      if (count !== 1) return { outcome: "invalid" as const };
      await tx.membership.create({
        data: { projectId: invitation.projectId, userId, role: invitation.role },
        select: { id: true },
      });
      return { outcome: "joined" as const, projectId: invitation.projectId };
    })
    .catch(async (error: unknown) => {
      // Two invitations to the same project accepted at once: the unique membership wins.
      if ((error as { code?: string }).code !== "P2002") throw error;
      const invitation = await prisma.invitation.findUnique({ where: { tokenHash }, select: { projectId: true } });
      return invitation
        ? { outcome: "already_member" as const, projectId: invitation.projectId }
        : { outcome: "invalid" as const };
    });
}
