import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { localeFromRequest, translator } from "~/i18n";
import { requireUser } from "~/models/accounts/auth.server";
import { markNotificationRead } from "~/models/notifications/notification-list.server";
import { notFound } from "~/utils/http.server";
import { safeRedirect } from "~/utils/safe-redirect";

/**
 * Opening a notification: it is marked read, then its page opens. Only one's own (404
 * otherwise, as for anything one may not know exists), and only a page of this site: an href
 * that is not a single-slash path ("//evil", "https:…") leads to the list instead.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = params.notificationId ?? "";
  const href = id.length <= 64 ? await markNotificationRead({ userId: user.id, notificationId: id }) : null;
  if (href === null) notFound(translator(localeFromRequest(request)));
  return redirect(safeRedirect(href, "/notifications"));
}
