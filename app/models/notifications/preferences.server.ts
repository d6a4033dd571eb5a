import { prisma } from "../core/db.server";
import { NOTIFICATION_TYPES, type NotificationChannel, type NotificationType } from "../core/vocabulary";
import type { UnsubscribeScope } from "./mail-links.server";
import { channelsFrom, DEFAULT_CHANNELS } from "./preferences";

/** Every notification type with the user's e-mail channel (the default where they chose none). */
export async function readMailPreferences(userId: string) {
  const rows = await prisma.notificationPreference.findMany({
    where: { userId },
    select: { type: true, channel: true },
  });
  return channelsFrom(rows);
}

/** Saves every type's channel at once; a choice equal to the default is stored too (explicit). */
export async function saveMailPreferences(userId: string, channels: Record<NotificationType, NotificationChannel>) {
  await prisma.$transaction(
    NOTIFICATION_TYPES.map((type) =>
      prisma.notificationPreference.upsert({
        where: { userId_type: { userId, type } },
        create: { userId, type, channel: channels[type] },
        update: { channel: channels[type] },
        select: { type: true },
      }),
    ),
  );
}

/** The user an unsubscribe token belongs to, or null. */
export async function userByMailToken(token: string) {
  if (!token || token.length > 100) return null;
  return prisma.user.findUnique({ where: { mailToken: token }, select: { id: true, name: true } });
}

/**
 * One-click unsubscribe: the type's channel becomes "never"; for the digest, every type the
 * user gets in the digest (their choice or the default) becomes "never". Returns false when
 * the token is unknown. Doing it twice changes nothing more.
 */
export async function unsubscribe(token: string, scope: UnsubscribeScope): Promise<boolean> {
  const user = await userByMailToken(token);
  if (!user) return false;
  await prisma.$transaction(async (tx) => {
    let types: NotificationType[] = scope === "digest" ? [] : [scope];
    if (scope === "digest") {
      const rows = await tx.notificationPreference.findMany({
        where: { userId: user.id },
        select: { type: true, channel: true },
      });
      const channels = channelsFrom(rows);
      types = NOTIFICATION_TYPES.filter((type) => channels[type] === "digest");
      // Pending digest items stay readable in the app; they no longer wait for a mail.
      await tx.notification.updateMany({ where: { userId: user.id, digest: "pending" }, data: { digest: null } });
    }
    for (const type of types) {
      await tx.notificationPreference.upsert({
        where: { userId_type: { userId: user.id, type } },
        create: { userId: user.id, type, channel: "never" },
        update: { channel: "never" },
        select: { type: true },
      });
    }
  });
  return true;
}

export { DEFAULT_CHANNELS };
