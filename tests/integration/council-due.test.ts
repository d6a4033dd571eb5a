import { afterAll, expect, test } from "vitest";
import { removeDatabaseCopy, useDatabaseCopy } from "../support/collab-parts";

// The "due in 7 days" reminder, called as the hourly job calls it (server/jobs/saisine-due.ts).
const databaseFile = useDatabaseCopy();
const { prisma } = await import("~/models/core/db.server");
const { sendDueReminders } = await import("~/models/council/saisine-due.server");
const { createProject, createUser } = await import("../factories");

afterAll(async () => {
  await prisma.$disconnect();
  removeDatabaseCopy(databaseFile);
});

const DAY = 86_400_000;

test("a saisine due within 7 days reminds its council once; others wait or are left alone", async () => {
  const now = new Date("2026-12-01T08:00:00Z");
  const [reviewer, otherReviewer, coordinator] = await Promise.all([
    createUser(prisma),
    createUser(prisma),
    createUser(prisma),
  ]);
  const project = await createProject(prisma, {
    members: [
      [reviewer.id, "council_reviewer"],
      [otherReviewer.id, "council_reviewer"],
      [coordinator.id, "coordinator"],
    ],
  });
  const make = (days: number | null, state = "drafting") =>
    prisma.saisine.create({
      data: {
        projectId: project.id,
        origin: "referral",
        question: `Dans ${days} jours (${state})`,
        state,
        dueOn: days === null ? null : new Date(Date.UTC(2026, 11, 1) + days * DAY),
      },
      select: { id: true },
    });
  const soon = await make(5);
  const later = await make(10);
  await make(null);
  await make(3, "adopted");
  await make(-2);

  expect(await sendDueReminders({ now })).toBe(1);
  // Run again (the next hour, or a second process): nothing more.
  expect(await sendDueReminders({ now: new Date(now.getTime() + 3_600_000) })).toBe(0);
  const sent = await prisma.notification.findMany({
    where: { type: "saisine_due" },
    select: { userId: true, href: true },
  });
  expect(sent.map((n) => n.userId).sort()).toEqual([reviewer.id, otherReviewer.id].sort());
  expect(new Set(sent.map((n) => n.href))).toEqual(new Set([`/projects/${project.id}/council/${soon.id}`]));
  expect((await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })).unreadNotifications).toBe(1);

  // Three days later the other one enters its last week, and is reminded once too.
  expect(await sendDueReminders({ now: new Date(now.getTime() + 3 * DAY) })).toBe(1);
  expect(await prisma.saisine.count({ where: { id: later.id, dueReminderAt: { not: null } } })).toBe(1);
  expect(await sendDueReminders({ now: new Date(now.getTime() + 4 * DAY) })).toBe(0);
});
