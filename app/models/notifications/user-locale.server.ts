import type { Locale } from "~/i18n";
import { prisma } from "../core/db.server";

/**
 * The language of a user's e-mails is the interface's as they last used it: saved when they
 * sign in and when they switch language (e-mails are written when no browser is there to ask).
 */
export async function saveUserLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, NOT: { locale } }, data: { locale } });
}
