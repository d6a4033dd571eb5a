import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { calendarResponse } from "~/models/timeline/timeline-calendar.server";
import { methodNotAllowed } from "~/utils/http.server";

/** The project's upcoming events as a downloadable .ics file, for members and readers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  return calendarResponse({ projectId: access.projectId, t, download: true });
}

/** Calendars are only read. */
export const action = () => methodNotAllowed();
