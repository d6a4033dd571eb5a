import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { projectCalendar } from "~/models/timeline/timeline-calendar.server";
import { calendarHeaders } from "~/utils/download.server";
import { methodNotAllowed } from "~/utils/http.server";

/** The project's upcoming events as a downloadable .ics file, for members and readers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const body = await projectCalendar({ projectId: access.projectId, t });
  return new Response(body, { headers: calendarHeaders({ download: true }) });
}

/** Calendars are only read. */
export const action = () => methodNotAllowed();
