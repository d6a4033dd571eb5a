import { prisma } from "../core/db.server";
import { isNotificationType } from "./preferences";
import { ensureMailTokens, settingsUrl, siteUrl, unsubscribeUrl } from "./mail-links.server";
import { renderDigestMail } from "./mail-render";

/** Most notifications one digest carries; more wait for the next one. */
const DIGEST_MAX_ITEMS = 100;

/** The users with notifications waiting for a digest (one index range, distinct users). */
async function usersWithPendingDigest(limit: number) {
  const rows = await prisma.notification.findMany({
    where: { digest: "pending" },
    distinct: ["userId"],
    select: { userId: true },
    take: limit,
  });
  return rows.map((row) => row.userId);
}

/**
 * One user's digest, in ONE transaction: the outbox row is written and their notifications
 * marked "sent" together, so a crash before commit leaves everything pending (the next run
 * makes the digest) and after it leaves nothing pending (no second digest). A concurrent run
 * that took the same notifications first makes this one roll back.
 */
async function digestForUser(userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, locale: true, mailToken: true },
    });
    const pending = await tx.notification.findMany({
      where: { userId, digest: "pending" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_MAX_ITEMS,
      select: {
        id: true,
        type: true,
        href: true,
        subject: true,
        detail: true,
        actor: { select: { name: true } },
        project: { select: { title: true } },
      },
    });
    if (!user || !pending.length) return false;
    const ids = pending.map((row) => row.id);
    const { count } = await tx.notification.updateMany({
      where: { id: { in: ids }, digest: "pending" },
      data: { digest: "sent" },
    });
    if (count !== ids.length) throw new DigestRace();
    const token = (await ensureMailTokens(tx, [user])).get(user.id)!;
    const unsubscribe = unsubscribeUrl(token, "digest");
    const items = pending
      .filter((row) => isNotificationType(row.type))
      .map((row) => ({
        type: row.type as Parameters<typeof renderDigestMail>[1][number]["type"],
        subject: row.subject,
        detail: row.detail,
        actorName: row.actor?.name ?? null,
        projectTitle: row.project?.title ?? null,
        url: siteUrl() + row.href,
      }));
    const rendered = renderDigestMail(user, items, { unsubscribeUrl: unsubscribe, settingsUrl: settingsUrl() });
    await tx.mailOutbox.create({
      data: { userId, to: user.email, kind: "digest", unsubscribeUrl: unsubscribe, ...rendered },
      select: { id: true },
    });
    return true;
  });
}

class DigestRace extends Error {
  constructor() {
    super("another digest run took these notifications");
  }
}

/**
 * Writes the digest of every user with pending notifications, user by user (a transaction
 * each, short, so requests interleave). Safe to run twice at once and to kill at any point.
 * Returns how many digests were written.
 */
export async function runDigest({
  batch = 200,
  shouldStop = () => false,
}: { batch?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  let written = 0;
  for (;;) {
    const users = await usersWithPendingDigest(batch);
    if (!users.length) return written;
    for (const userId of users) {
      if (shouldStop()) return written;
      try {
        if (await digestForUser(userId)) written += 1;
      } catch (error) {
        if (!(error instanceof DigestRace)) throw error;
      }
    }
    // A user with more than DIGEST_MAX_ITEMS pending comes round again in the next batch.
    if (users.length < batch) {
      const more = await usersWithPendingDigest(1);
      if (!more.length) return written;
    }
  }
}
