import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { NotificationItem } from "~/components/notifications/notification-item";
import { Pager } from "~/components/pager";
import { localeFromRequest, translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireUser } from "~/models/accounts/auth.server";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/models/notifications/notification-list.server";
import { readForm, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

const pageSchema = z.coerce.number().int().min(1).max(100_000);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("markAll") }),
  z.object({ intent: z.literal("markRead"), id: z.string().min(1).max(64) }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeFromRequest(request);
  const raw = new URL(request.url).searchParams.get("page");
  const page = raw === null ? { success: true as const, data: 1 } : pageSchema.safeParse(raw);
  if (!page.success) throw json({ message: translator(locale)("notifications.badPage") }, { status: 400 });
  const list = await listNotifications({ userId: user.id, page: page.data });
  return json(
    { locale, page: page.data, ...list, unread: user.unreadNotifications },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const formData = await readForm(request, t);
  const parsed = actionSchema.safeParse({ intent: text(formData, "intent"), id: text(formData, "id") });
  if (!parsed.success) return json({ message: t("notifications.badIntent") }, { status: 400 });
  if (parsed.data.intent === "markAll") {
    await markAllNotificationsRead(user.id);
  } else {
    const href = await markNotificationRead({ userId: user.id, notificationId: parsed.data.id });
    // Someone else's notification, or none: the same answer (its existence is not told).
    if (href === null) notFound(t);
  }
  const back = new URL(request.url).searchParams.get("page");
  return redirect(back && /^\d{1,6}$/.test(back) ? `/notifications?page=${back}` : "/notifications");
}

export default function NotificationsPage() {
  const t = useT();
  const { items, page, pages, unread } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <section className="page narrow stack" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t("notifications.title")}</h1>
      {unread > 0 ? (
        <div className="inline-form">
          <p>{t("notifications.unreadSummary", { count: unread })}</p>
          <Form method="post">
            <button type="submit" name="intent" value="markAll" className="button">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        </div>
      ) : null}
      {items.length ? (
        <ol className="notification-list">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} page={page} />
          ))}
        </ol>
      ) : (
        <p>{t("notifications.empty")}</p>
      )}
      <Pager
        page={page}
        pages={pages}
        search={search}
        texts={{
          label: "notifications.pager",
          previous: "notifications.previous",
          next: "notifications.next",
          current: "notifications.pageOf",
        }}
      />
    </section>
  );
}
