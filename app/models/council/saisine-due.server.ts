import { prisma } from "../core/db.server";
import { notify } from "../notifications/notify.server";
import { memberIds, saisineHref } from "./saisine.server";

/** How long before its due day the council is reminded of an open saisine. */
export const DUE_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tells the council of each open saisine due within 7 days (and not yet past) that it is due,
 * once per saisine: `dueReminderAt` is set in a guarded update in the same transaction as the
 * notification, so two runs (or two processes) never send it twice. Returns how many went out.
 */
export async function sendDueReminders({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const due = await prisma.saisine.findMany({
    where: {
      state: "drafting",
      dueReminderAt: null,
      dueOn: { gte: today, lte: new Date(today.getTime() + DUE_REMINDER_DAYS * DAY_MS) },
    },
    select: { id: true, projectId: true, question: true, title: true, dueOn: true },
    orderBy: { dueOn: "asc" },
    take: 500,
  });
  let sent = 0;
  for (const saisine of due) {
    const done = await prisma.$transaction(async (tx) => {
      const { count } = await tx.saisine.updateMany({
        where: { id: saisine.id, state: "drafting", dueReminderAt: null },
        data: { dueReminderAt: now },
      });
      if (count !== 1) return false;
      await notify(tx, {
        type: "saisine_due",
        projectId: saisine.projectId,
        actorId: null,
        href: saisineHref(saisine.projectId, saisine.id),
        subject: saisine.title || saisine.question,
        detail: saisine.dueOn!.toISOString().slice(0, 10),
        recipients: await memberIds(tx, saisine.projectId, ["council_reviewer"]),
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
