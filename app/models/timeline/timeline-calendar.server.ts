import type { Translator } from "~/i18n";
import { prisma } from "../core/db.server";
import type { TimelineEvent } from "./timeline-document";
import { upcomingCalendar } from "./timeline.server";

/** The iCalendar answer for a project's upcoming events: a download or a subscription. */
export async function calendarResponse({
  projectId,
  t,
  download,
}: {
  projectId: string;
  t: Translator;
  download: boolean;
}): Promise<Response> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { title: true } });
  const describe = (event: TimelineEvent) =>
    [
      t(`timeline.type.${event.type}`),
      event.description,
      event.participants !== null ? t("timeline.participants", { count: event.participants }) : "",
      event.people ? t("timeline.people", { people: event.people }) : "",
    ]
      .filter(Boolean)
      .join("\n\n");
  const body = await upcomingCalendar({
    projectId,
    calendarName: t("timeline.calendar.name", { project: project?.title ?? "" }),
    describe,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-cache",
      ...(download ? { "Content-Disposition": 'attachment; filename="chronologie.ics"' } : {}),
    },
  });
}
