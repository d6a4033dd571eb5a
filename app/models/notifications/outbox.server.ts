import { prisma } from "../core/db.server";
import { retryDelayMs } from "./retry-delay";

/** An e-mail a worker holds and is sending. */
export type ClaimedMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  attempts: number;
  /** The lease this worker holds it under: its writes back are guarded by it. */
  lockedUntil: Date;
};

/**
 * Takes up to `limit` e-mails that are due and held by nobody, for `leaseMs`. Each row is taken
 * with a guarded update (only if still unsent and unheld), so two workers — two processes, or
 * a run overlapping the previous one — never send the same row. A worker that dies leaves its
 * rows held until the lease ends; then another takes them again (at least once, never lost).
 */
export async function claimDueMail({ now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number }) {
  const due = { sentAt: null, failedAt: null, nextAttemptAt: { lte: now } };
  const free = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const candidates = await prisma.mailOutbox.findMany({
    where: { ...due, ...free },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, html: true, unsubscribeUrl: true, attempts: true },
  });
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const claimed: ClaimedMail[] = [];
  for (const row of candidates) {
    const { count } = await prisma.mailOutbox.updateMany({
      where: { id: row.id, ...due, ...free },
      data: { lockedUntil },
    });
    if (count === 1) claimed.push({ ...row, lockedUntil });
  }
  return claimed;
}

/**
 * The SMTP server accepted it. Guarded by the lease: a worker whose lease ran out (and whose
 * row another took) changes nothing of the other's.
 */
export async function markMailSent(mail: Pick<ClaimedMail, "id" | "lockedUntil">) {
  await prisma.mailOutbox.updateMany({
    where: { id: mail.id, lockedUntil: mail.lockedUntil },
    data: { sentAt: new Date(), lockedUntil: null, lastError: "" },
  });
}

/** A failed attempt: tried again later, or given up after `maxAttempts`. */
export async function markMailFailed({
  mail,
  error,
  maxAttempts,
  now = new Date(),
  firstRetryMs,
}: {
  mail: ClaimedMail;
  error: string;
  maxAttempts: number;
  now?: Date;
  /** Tests shorten the first wait; the doubling and the cap stay. */
  firstRetryMs?: number;
}) {
  const attempts = mail.attempts + 1;
  const scale = firstRetryMs === undefined ? 1 : firstRetryMs / 30_000;
  const delay = Math.round(retryDelayMs(attempts) * scale);
  await prisma.mailOutbox.updateMany({
    where: { id: mail.id, lockedUntil: mail.lockedUntil },
    data: {
      attempts,
      lockedUntil: null,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + delay),
      failedAt: attempts >= maxAttempts ? now : null,
    },
  });
}

/** Gives back rows taken but not sent (shutdown): the next worker sends them without waiting. */
export async function releaseMail(ids: readonly string[]) {
  if (!ids.length) return;
  await prisma.mailOutbox.updateMany({ where: { id: { in: [...ids] }, sentAt: null }, data: { lockedUntil: null } });
}
