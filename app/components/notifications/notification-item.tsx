import { Form, Link } from "@remix-run/react";
import { INTL_LOCALE } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { isNotificationType } from "~/models/notifications/preferences";

export type NotificationRow = {
  id: string;
  type: string;
  subject: string;
  detail: string;
  readAt: string | null;
  createdAt: string;
  actor: { name: string } | null;
  project: { title: string } | null;
};

/**
 * One notification: what happened (a link that marks it read and opens its page), who, where
 * and when; unread ones say so in words, not only in weight, and have their own "mark read".
 */
export function NotificationItem({ item, page }: { item: NotificationRow; page: number }) {
  const t = useT();
  const locale = useLocale();
  const what = isNotificationType(item.type) ? t(`notifications.type.${item.type}`) : item.type;
  const when = new Date(item.createdAt);
  const unread = item.readAt === null;
  return (
    <li className={unread ? "notification unread" : "notification"}>
      <p className="notification-what">
        {unread ? <strong className="badge">{t("notifications.unread")}</strong> : null} {what}
        {item.project ? <> · {t("notifications.inProject", { project: item.project.title })}</> : null}
      </p>
      <p>
        <Link to={`/notifications/${item.id}`} className="notification-subject">
          {item.subject || t("notifications.open")}
        </Link>
      </p>
      {item.detail ? <p className="notification-detail">{item.detail}</p> : null}
      <p className="field-hint">
        {item.actor ? <>{t("notifications.by", { name: item.actor.name })} · </> : null}
        <time dateTime={when.toISOString()}>
          {when.toLocaleString(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </p>
      {unread ? (
        <Form method="post" action={`/notifications?index&page=${page}`}>
          <input type="hidden" name="id" value={item.id} />
          <button type="submit" name="intent" value="markRead" className="button small">
            {t("notifications.markRead")}
            <span className="visually-hidden"> : {item.subject}</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
