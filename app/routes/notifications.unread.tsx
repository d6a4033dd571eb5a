import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { readAuth } from "~/models/accounts/auth.server";

/**
 * The header's unread count, polled by the page: the counter rides on the session's user row,
 * so this costs the session read and nothing more (never a count of notifications).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await readAuth(request);
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (setCookie) headers["Set-Cookie"] = setCookie;
  if (!user) return json({ unread: null }, { status: 401, headers });
  return json({ unread: user.unreadNotifications }, { headers });
}
