import type { Translator } from "~/i18n";
import { prisma } from "../core/db.server";
import type { TimelineEvent } from "./timeline-document";
import { upcomingCalendar } from "./timeline.server";

/** The iCalendar text of a project's upcoming events; the routes send it as a download or a subscription. */
export async function projectCalendar({ projectId, t }: { projectId: string; t: Translator }): Promise<string> {
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
  return upcomingCalendar({
    projectId,
    calendarName: t("timeline.calendar.name", { project: project?.title ?? "" }),
    describe,
  });
}
