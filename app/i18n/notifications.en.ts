import type { notificationsFr } from "./notifications.fr";

/** In-app notifications and e-mail (English). */
export const notificationsEn: Record<keyof typeof notificationsFr, string> = {
  "notifications.title": "Notifications",
};
