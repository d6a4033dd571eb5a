import crypto from "node:crypto";
import { prisma } from "../core/db.server";
import { can, getProjectAccess } from "../projects/permissions.server";
import type { SiteRole } from "../core/vocabulary";

/**
 * Calendar subscription links: calendar apps poll an address without a cookie, so the address
 * itself carries a secret. One per person and project; only its SHA-256 is stored (a leaked
 * database or backup hands out no working link); regenerating replaces it, revoking deletes it,
 * and it only answers while the person can still read the project (docs/decisions/007).
 */

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** 32 random bytes, base64url: 43 characters, unguessable. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Creates (or replaces) the person's link for the project and returns the token, shown once. */
export async function regenerateCalendarToken({ userId, projectId }: { userId: string; projectId: string }) {
  const token = crypto.randomBytes(32).toString("base64url");
  await prisma.calendarToken.upsert({
    where: { userId_projectId: { userId, projectId } },
    create: { userId, projectId, tokenHash: hash(token) },
    update: { tokenHash: hash(token), createdAt: new Date() },
    select: { id: true },
  });
  return token;
}

export async function revokeCalendarToken({ userId, projectId }: { userId: string; projectId: string }) {
  await prisma.calendarToken.deleteMany({ where: { userId, projectId } });
}

/** When the person's current link was made, or null without one. */
export async function calendarTokenCreatedAt({ userId, projectId }: { userId: string; projectId: string }) {
  const row = await prisma.calendarToken.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/**
 * The project a token opens, or null: unknown or revoked token, or a person who can no longer
 * read the project (left it, removed, project no longer shared with the coalition).
 */
export async function projectForCalendarToken(token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.calendarToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { projectId: true, user: { select: { id: true, siteRole: true } } },
  });
  if (!row) return null;
  const access = await getProjectAccess({ id: row.user.id, siteRole: row.user.siteRole as SiteRole }, row.projectId);
  return access && can(access, "content.read") ? row.projectId : null;
}
