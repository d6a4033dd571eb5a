import crypto from "node:crypto";
import { getEnv } from "~/utils/env.server";
import type { Prisma } from "../core/db.server";
import type { NotificationType } from "../core/vocabulary";

/** E-mail is on when SMTP_URL is set; otherwise notifications stay in the app. */
export const mailEnabled = () => getEnv().SMTP_URL !== undefined;

/** Absolute links in e-mails: PUBLIC_URL, or this machine's address when it is unset. */
export function siteUrl(): string {
  const env = getEnv();
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** What an unsubscribe link stops: one notification type, or the daily digest. */
export type UnsubscribeScope = NotificationType | "digest";

export function unsubscribeUrl(mailToken: string, scope: UnsubscribeScope): string {
  return `${siteUrl()}/unsubscribe/${encodeURIComponent(mailToken)}?type=${scope}`;
}

export const settingsUrl = () => `${siteUrl()}/account#mail`;

/**
 * The users' unsubscribe secrets, made for those who have none yet (their first e-mail). The
 * token is the only key of a one-click link: 32 random bytes, never derived from the user.
 */
export async function ensureMailTokens(
  tx: Prisma.TransactionClient,
  users: readonly { id: string; mailToken: string | null }[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const user of users) {
    if (user.mailToken) {
      tokens.set(user.id, user.mailToken);
      continue;
    }
    const token = crypto.randomBytes(32).toString("base64url");
    // Only if still empty: a concurrent first mail keeps the token it wrote.
    const { count } = await tx.user.updateMany({ where: { id: user.id, mailToken: null }, data: { mailToken: token } });
    if (count === 1) tokens.set(user.id, token);
    else {
      const row = await tx.user.findUnique({ where: { id: user.id }, select: { mailToken: true } });
      if (row?.mailToken) tokens.set(user.id, row.mailToken);
    }
  }
  return tokens;
}
