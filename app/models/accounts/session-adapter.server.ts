import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { prisma } from "../core/db.server";

/**
 * Lucia adapter over Prisma that stores only the SHA-256 of each session id, so a
 * leaked database (or backup) holds no usable session (docs/decisions/002).
 * Lucia hands us the raw id; we hash it at every boundary and hand the raw id back.
 */
export function hashSessionId(sessionId: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(sessionId)));
}

// unreadNotifications rides along with the session read: the header's count costs no query.
const userSelect = { id: true, email: true, name: true, siteRole: true, unreadNotifications: true } as const;

export const hashedSessionAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await prisma.session.findUnique({
      where: { id: hashSessionId(sessionId) },
      select: { userId: true, expiresAt: true, user: { select: userSelect } },
    });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: {},
    };
    const { id, ...attributes } = row.user;
    const user: DatabaseUser = { id, attributes };
    return [session, user];
  },

  async getUserSessions(userId) {
    // Raw ids are not recoverable; callers only count or invalidate these.
    const rows = await prisma.session.findMany({
      where: { userId },
      select: { id: true, expiresAt: true },
    });
    return rows.map((row) => ({ id: row.id, userId, expiresAt: row.expiresAt, attributes: {} }));
  },

  async setSession(session) {
    await prisma.session.create({
      data: { id: hashSessionId(session.id), userId: session.userId, expiresAt: session.expiresAt },
      select: { id: true },
    });
  },

  async updateSessionExpiration(sessionId, expiresAt) {
    await prisma.session.updateMany({ where: { id: hashSessionId(sessionId) }, data: { expiresAt } });
  },

  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: hashSessionId(sessionId) } });
  },

  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } });
  },

  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};
