import { prisma } from "../core/db.server";

export const NOTIFICATIONS_PER_PAGE = 30;

/** One page of the user's notifications, newest first, with the total for the pager. */
export async function listNotifications({ userId, page }: { userId: string; page: number }) {
  const [items, total] = await Promise.all([
    prisma.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
      take: NOTIFICATIONS_PER_PAGE,
      select: {
        id: true,
        type: true,
        href: true,
        subject: true,
        detail: true,
        readAt: true,
        createdAt: true,
        actor: { select: { name: true } },
        project: { select: { title: true } },
      },
    }),
    prisma.notification.count({ where: { userId } }),
  ]);
  return { items, total, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)) };
}

/** The header's number: the counter on the user's row (one primary-key read, never a count). */
export async function unreadNotificationCount(userId: string): Promise<number> {
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { unreadNotifications: true } });
  return row?.unreadNotifications ?? 0;
}

/**
 * Marks one of the user's notifications read and returns its page, or null when it is not
 * theirs (or does not exist). The counter moves only when the row did.
 */
export async function markNotificationRead({ userId, notificationId }: { userId: string; notificationId: string }) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({
      where: { id: notificationId, userId },
      select: { href: true },
    });
    if (!row) return null;
    const { count } = await tx.notification.updateMany({
      where: { id: notificationId, userId, readAt: null },
      data: { readAt: new Date() },
    });
    if (count) await decrementUnread(tx, userId, count);
    return row.href;
  });
}

/** Marks every unread notification of the user read; returns how many were. */
export async function markAllNotificationsRead(userId: string): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId, readAt: null },
      data: { readAt: new Date() },
    });
    if (count) await decrementUnread(tx, userId, count);
    return count;
  });
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function decrementUnread(tx: Tx, userId: string, count: number) {
  await tx.user.update({
    where: { id: userId },
    data: { unreadNotifications: { decrement: count } },
    select: { id: true },
  });
  // Never below zero, whatever an older bug or a manual edit left.
  await tx.user.updateMany({ where: { id: userId, unreadNotifications: { lt: 0 } }, data: { unreadNotifications: 0 } });
}
