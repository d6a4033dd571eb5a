import { beforeAll, describe, expect, test } from "vitest";
import { notify } from "~/models/notifications/notify.server";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";

/**
 * Notifications in a real Chromium on a 375 px phone: the header's count refreshed on
 * navigation, the list, mark one read, open one, mark all; the account's e-mail settings and
 * the unsubscribe page, each checked with axe.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
let reader: Awaited<ReturnType<typeof createUser>>;
let projectId: string;

beforeAll(async () => {
  const db = session.server().db;
  reader = await createUser(db, { name: "Chloé Conseil" });
  projectId = (await createProject(db, { members: [[reader.id, "council_reviewer"]] })).id;
});

async function tell(subject: string) {
  await session.server().db.$transaction((tx) =>
    notify(tx, {
      type: "finding_submitted",
      projectId,
      actorId: null,
      href: `/projects/${projectId}`,
      subject,
      recipients: [reader.id],
    }),
  );
}

describe("notifications in the browser", () => {
  test("the count follows navigation; the list marks one, opens one, marks all", async () => {
    const { page } = await session.logIn(reader, "/projects", PHONE);
    await page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    await tell("Le marché rayonne");
    await tell("Les circuits courts");
    // The next navigation brings the count (no reload).
    await page.getByRole("link", { name: "Mon compte" }).click();
    await page.getByRole("link", { name: "Notifications (2 non lues)" }).waitFor({ timeout: 10_000 });

    await page.getByRole("link", { name: "Notifications (2 non lues)" }).click();
    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Marquer comme lu : Le marché rayonne" }).click();
    await page.getByRole("link", { name: "Notifications (1 non lue)" }).waitFor();

    await page.getByRole("link", { name: "Les circuits courts" }).click();
    await page.waitForURL(`**/projects/${projectId}`);
    await page.getByRole("link", { name: "Notifications", exact: true }).waitFor();

    await tell("Un troisième");
    await page.goto(`${session.server().url}/notifications`);
    await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
    await page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    expect(await page.locator(".notification.unread").count()).toBe(0);
  });

  test("the account's e-mail settings and the unsubscribe page are accessible", async () => {
    const db = session.server().db;
    const { page } = await session.logIn(reader, "/account", PHONE);
    await page.getByRole("heading", { name: "E-mails de notification" }).waitFor();
    await page.getByText("seules les notifications dans l’application sont actives").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("group", { name: "Réponse à une discussion" }).getByLabel("Jamais").check();
    await page.getByRole("button", { name: "Enregistrer les préférences" }).click();
    await page.getByRole("status").filter({ hasText: "Préférences d’e-mail enregistrées." }).waitFor();
    expect(await page.getByRole("group", { name: "Réponse à une discussion" }).getByLabel("Jamais").isChecked()).toBe(
      true,
    );

    await db.user.update({ where: { id: reader.id }, data: { mailToken: "jeton-de-test-e2e" } });
    await page.goto(`${session.server().url}/unsubscribe/jeton-de-test-e2e?type=finding_verdict`);
    await page.getByRole("heading", { name: "Se désabonner" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirmer le désabonnement" }).click();
    await page.getByRole("status").filter({ hasText: "C’est fait" }).waitFor();
    const pref = await db.notificationPreference.findUniqueOrThrow({
      where: { userId_type: { userId: reader.id, type: "finding_verdict" } },
    });
    expect(pref.channel).toBe("never");
  });
});
