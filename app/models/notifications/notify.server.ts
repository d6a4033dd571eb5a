import type { Prisma } from "../core/db.server";
import type { NotificationType } from "../core/vocabulary";

/**
 * Something happened that people should hear about. Callers describe the event once, inside
 * the transaction that makes it happen, so that the notification (and its e-mail, in the
 * outbox) exists exactly when the event does.
 */
export type NotificationEvent = {
  type: NotificationType;
  projectId: string | null;
  /** Who did it; never notified of their own act. */
  actorId: string | null;
  /** The page it opens: a path of the site ("/projects/…/findings/…#thread-…"). */
  href: string;
  /** The name of its object (a finding's title, a saisine's question), plain text. */
  subject: string;
  /** A short extra line (a verdict's comment, the start of a reply), plain text. */
  detail?: string;
  /** Who is told (user ids); duplicates and the actor are dropped. */
  recipients: readonly string[];
};

/**
 * Records the event for each recipient: an in-app notification, the unread counter, and the
 * e-mail their preferences ask for (outbox row now, or a place in the next digest).
 */
export async function notify(tx: Prisma.TransactionClient, event: NotificationEvent): Promise<void> {
  const recipients = [...new Set(event.recipients)].filter((id) => id !== event.actorId);
  if (!recipients.length) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      projectId: event.projectId,
      type: event.type,
      actorId: event.actorId,
      href: event.href,
      subject: event.subject,
      detail: event.detail ?? "",
    })),
  });
  await tx.user.updateMany({
    where: { id: { in: recipients } },
    data: { unreadNotifications: { increment: 1 } },
  });
}
