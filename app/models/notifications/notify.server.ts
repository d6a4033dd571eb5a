import type { Prisma } from "../core/db.server";
import { PROJECT_ROLES, type NotificationType } from "../core/vocabulary";
import { COALITION_SITE_ROLE, SHARED_VISIBILITY } from "../projects/rights";
import { ensureMailTokens, mailEnabled, settingsUrl, siteUrl, unsubscribeUrl } from "./mail-links.server";
import { renderNotificationMail } from "./mail-render";
import { channelFor } from "./preferences";

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
 * e-mail their preferences ask for (outbox row now, or a place in the next digest). A fixed
 * number of statements whatever the number of recipients (plus one per recipient's very first
 * e-mail, which makes their unsubscribe token): a council of 40 costs what a council of 4 does.
 */
export async function notify(tx: Prisma.TransactionClient, event: NotificationEvent): Promise<void> {
  const recipients = await currentMembers(
    tx,
    event.projectId,
    [...new Set(event.recipients)].filter((id) => id !== event.actorId),
  );
  if (!recipients.length) return;
  const mail = mailEnabled() ? await mailPlan(tx, event, recipients) : null;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      projectId: event.projectId,
      type: event.type,
      actorId: event.actorId,
      href: event.href,
      subject: event.subject,
      detail: event.detail ?? "",
      digest: mail?.digest.has(userId) ? "pending" : null,
    })),
  });
  await tx.user.updateMany({
    where: { id: { in: recipients } },
    data: { unreadNotifications: { increment: 1 } },
  });
  if (mail?.outbox.length) await tx.mailOutbox.createMany({ data: mail.outbox });
}

/**
 * Only people who may still know the project hear of it — its members, and coalition staff
 * when it is shared (the rule of `visibleProjectsWhere`): someone who left or was removed since
 * they wrote in a thread or submitted a version receives no more of its replies and verdicts.
 * An event outside any project goes to whoever the caller named.
 */
async function currentMembers(tx: Prisma.TransactionClient, projectId: string | null, userIds: string[]) {
  if (!projectId || !userIds.length) return userIds;
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { visibility: true } });
  if (!project) return [];
  const rows = await tx.user.findMany({
    where: {
      id: { in: userIds },
      OR: [
        { memberships: { some: { projectId, role: { in: [...PROJECT_ROLES] } } } },
        ...(project.visibility === SHARED_VISIBILITY ? [{ siteRole: COALITION_SITE_ROLE }] : []),
      ],
    },
    select: { id: true },
  });
  const allowed = new Set(rows.map((row) => row.id));
  return userIds.filter((id) => allowed.has(id));
}

/** Who gets an e-mail now (rendered here, in their language) and who waits for the digest. */
async function mailPlan(tx: Prisma.TransactionClient, event: NotificationEvent, recipients: string[]) {
  const ids = event.actorId ? [...recipients, event.actorId] : recipients;
  // One after the other: statements of a transaction share its one connection anyway.
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      mailToken: true,
      notificationPreferences: { where: { type: event.type }, select: { channel: true } },
    },
  });
  const project = event.projectId
    ? await tx.project.findUnique({ where: { id: event.projectId }, select: { title: true } })
    : null;
  const actorName = users.find((user) => user.id === event.actorId)?.name ?? null;
  const digest = new Set<string>();
  const now: typeof users = [];
  for (const user of users) {
    if (user.id === event.actorId) continue;
    const channel = channelFor(event.type, user.notificationPreferences[0]?.channel);
    if (channel === "digest") digest.add(user.id);
    else if (channel === "immediate") now.push(user);
  }
  const tokens = await ensureMailTokens(tx, now);
  const url = siteUrl() + event.href;
  const item = {
    type: event.type,
    subject: event.subject,
    detail: event.detail ?? "",
    actorName,
    projectTitle: project?.title ?? null,
    url,
  };
  const outbox = now.map((user) => {
    const unsubscribe = unsubscribeUrl(tokens.get(user.id)!, event.type);
    const rendered = renderNotificationMail(user, item, { unsubscribeUrl: unsubscribe, settingsUrl: settingsUrl() });
    return { userId: user.id, to: user.email, kind: "immediate", unsubscribeUrl: unsubscribe, ...rendered };
  });
  return { digest, outbox };
}
