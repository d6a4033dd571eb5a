/** In-app notifications and e-mail (French, reference). */
export const notificationsFr = {
  "notifications.title": "Notifications",
} as const;
