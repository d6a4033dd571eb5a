import type { LoaderFunctionArgs } from "@remix-run/node";
import { localeFromRequest, translator } from "~/i18n";
import { projectForCalendarToken } from "~/models/timeline/calendar-token.server";
import { projectCalendar } from "~/models/timeline/timeline-calendar.server";
import { calendarHeaders } from "~/utils/download.server";
import { methodNotAllowed } from "~/utils/http.server";

/**
 * A calendar subscription (`/calendar/<token>.ics`): calendar apps poll it without a cookie, so
 * the secret token is the only credential (docs/decisions/007). Unknown, revoked, or no longer
 * backed by read access: the same bare 404, which tells a guesser nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const projectId = await projectForCalendarToken(token);
  if (!projectId) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const body = await projectCalendar({ projectId, t: translator(localeFromRequest(request)) });
  return new Response(body, { headers: calendarHeaders({ download: false }) });
}

/** Calendars are only read. */
export const action = () => methodNotAllowed();
