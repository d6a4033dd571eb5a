import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationType,
} from "../core/vocabulary";

/**
 * The e-mail a user gets for each notification type when they have not chosen: what asks them
 * to act goes out at once; what they can read tomorrow waits for the daily digest.
 */
export const DEFAULT_CHANNELS: Record<NotificationType, NotificationChannel> = {
  finding_submitted: "immediate",
  finding_verdict: "immediate",
  comment_mention: "immediate",
  saisine_opened: "immediate",
  saisine_due: "immediate",
  comment_reply: "digest",
  avis_adopted: "digest",
};

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === "string" && (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === "string" && (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}

/** A stored choice when it is a known one, else the default (a row from an older vocabulary). */
export function channelFor(type: NotificationType, stored: string | null | undefined): NotificationChannel {
  return isNotificationChannel(stored) ? stored : DEFAULT_CHANNELS[type];
}

/** Every type with its channel, from a user's stored rows. */
export function channelsFrom(rows: readonly { type: string; channel: string }[]) {
  const stored = new Map(rows.map((row) => [row.type, row.channel]));
  return Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channelFor(type, stored.get(type))])) as Record<
    NotificationType,
    NotificationChannel
  >;
}
