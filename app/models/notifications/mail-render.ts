import { isLocale, translate, type Locale } from "~/i18n";
import type { NotificationType } from "../core/vocabulary";

/** An e-mail as the outbox keeps it. */
export type RenderedMail = { subject: string; text: string; html: string };

export type MailItem = {
  type: NotificationType;
  subject: string;
  detail: string;
  actorName: string | null;
  projectTitle: string | null;
  /** Absolute address of its page. */
  url: string;
};

type Recipient = { name: string; locale: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const localeOf = (recipient: Recipient): Locale => (isLocale(recipient.locale) ? recipient.locale : "fr");

/** Subjects are one line: a title with a newline must not forge a header or spill over. */
const oneLine = (value: string, max = 120) => {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function itemLines(locale: Locale, item: MailItem): string[] {
  const what = translate(locale, `notifications.type.${item.type}`);
  const lines = [
    item.actorName ? translate(locale, "notifications.mail.byActor", { what, actor: item.actorName }) : `${what} :`,
    `« ${item.subject} »`,
  ];
  if (item.detail) lines.push(item.detail);
  lines.push(translate(locale, "notifications.mail.open", { url: item.url }));
  return lines;
}

function itemHtml(locale: Locale, item: MailItem): string {
  const what = translate(locale, `notifications.type.${item.type}`);
  const head = item.actorName ? translate(locale, "notifications.mail.byActor", { what, actor: item.actorName }) : what;
  const detail = item.detail ? `<p style="white-space:pre-wrap">${escapeHtml(item.detail)}</p>` : "";
  return (
    `<p>${escapeHtml(head)}</p><p><strong>${escapeHtml(item.subject)}</strong></p>${detail}` +
    `<p><a href="${escapeHtml(item.url)}">${escapeHtml(translate(locale, "notifications.mail.openButton"))}</a></p>`
  );
}

function page(locale: Locale, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`;
}

/** One notification as an e-mail, in the recipient's language, with its unsubscribe link. */
export function renderNotificationMail(
  recipient: Recipient,
  item: MailItem,
  links: { unsubscribeUrl: string; settingsUrl: string },
): RenderedMail {
  const locale = localeOf(recipient);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const what = t(`notifications.type.${item.type}`);
  const subject = oneLine(
    item.projectTitle
      ? t("notifications.mail.subject", { project: oneLine(item.projectTitle, 60), what, subject: item.subject })
      : t("notifications.mail.subjectNoProject", { what, subject: item.subject }),
    180,
  );
  const why = item.projectTitle ? [t("notifications.mail.why", { project: item.projectTitle })] : [];
  const text = [
    t("notifications.mail.greeting", { name: recipient.name }),
    "",
    ...itemLines(locale, item),
    "",
    "-- ",
    ...why,
    t("notifications.mail.settings", { url: links.settingsUrl }),
    t("notifications.mail.unsubscribe", { url: links.unsubscribeUrl }),
    "",
  ].join("\n");
  const html = page(
    locale,
    `<p>${escapeHtml(t("notifications.mail.greeting", { name: recipient.name }))}</p>${itemHtml(locale, item)}` +
      `<hr><p style="font-size:small">${why.map(escapeHtml).join("<br>")}${why.length ? "<br>" : ""}` +
      `<a href="${escapeHtml(links.settingsUrl)}">${escapeHtml(t("notifications.prefsTitle"))}</a> · ` +
      `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(t("notifications.mail.unsubscribeLink"))}</a></p>`,
  );
  return { subject, text, html };
}

/** The daily digest: every pending notification of one user, oldest first. */
export function renderDigestMail(
  recipient: Recipient,
  items: readonly MailItem[],
  links: { unsubscribeUrl: string; settingsUrl: string },
): RenderedMail {
  const locale = localeOf(recipient);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const subject =
    items.length === 1
      ? t("notifications.mail.digestSubjectOne")
      : t("notifications.mail.digestSubject", { count: items.length });
  const withProject = (item: MailItem) =>
    item.projectTitle ? [`[${item.projectTitle}]`, ...itemLines(locale, item)] : itemLines(locale, item);
  const text = [
    t("notifications.mail.greeting", { name: recipient.name }),
    "",
    t("notifications.mail.digestIntro"),
    "",
    ...items.flatMap((item) => [...withProject(item), ""]),
    "-- ",
    t("notifications.mail.settings", { url: links.settingsUrl }),
    t("notifications.mail.digestUnsubscribe", { url: links.unsubscribeUrl }),
    "",
  ].join("\n");
  const list = items
    .map((item) => {
      const project = item.projectTitle ? `<p style="color:#555">${escapeHtml(item.projectTitle)}</p>` : "";
      return `<li>${project}${itemHtml(locale, item)}</li>`;
    })
    .join("");
  const html = page(
    locale,
    `<p>${escapeHtml(t("notifications.mail.greeting", { name: recipient.name }))}</p>` +
      `<p>${escapeHtml(t("notifications.mail.digestIntro"))}</p><ul>${list}</ul>` +
      `<hr><p style="font-size:small"><a href="${escapeHtml(links.settingsUrl)}">${escapeHtml(t("notifications.prefsTitle"))}</a> · ` +
      `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(t("notifications.mail.digestUnsubscribeLink"))}</a></p>`,
  );
  return { subject, text, html };
}
