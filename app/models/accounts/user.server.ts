import { prisma } from "../core/db.server";
import { hashPassword, spendDecoyVerification, verifyPassword } from "./password.server";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  return user?.id ?? null;
}

export async function createUser({ name, email, password }: { name: string; email: string; password: string }) {
  return prisma.user.create({
    data: { name: name.trim(), email: normalizeEmail(email), passwordHash: await hashPassword(password) },
    select: { id: true },
  });
}

/** The user's id when the password matches; null otherwise, in the same time either way. */
export async function verifyLogin({ email, password }: { email: string; password: string }): Promise<string | null> {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
  if (!user) {
    await spendDecoyVerification(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}

export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await prisma.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
    select: { id: true },
  });
  return true;
}

export async function countActiveSessions(userId: string): Promise<number> {
  return prisma.session.count({ where: { userId, expiresAt: { gt: new Date() } } });
}
