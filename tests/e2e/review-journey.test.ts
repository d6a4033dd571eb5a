import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { browserForFile } from "../support/browser-session";
import { editorOf, FINDING_EDITOR_NAME, selectText, STATUS, statusOf, textOf } from "../support/note-page";
import { TestSmtpServer } from "../support/smtp";

/**
 * The whole review loop of issue 15 §6 as its people live it, each on their own device, with
 * e-mail on and a real SMTP server receiving it: a researcher submits a finding; the council
 * reviewer hears of it (header count, /notifications, an e-mail), comments on a passage and asks
 * for changes; the researcher revises and resubmits; the reviewer sees what changed, resolves
 * their thread and validates; the coordinator publishes.
 */
const smtp = await new TestSmtpServer().start();
const session = browserForFile({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: "200" } });
const PASSAGE = "viennent de la vallée";
const TITLE = "Le marché rayonne sur la vallée";
let projectId: string;
let findingId: string;
let researcher: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const db = session.server().db;
  [researcher, reviewer, coordinator] = await Promise.all([
    createUser(db, { name: "Rita Chercheuse" }),
    createUser(db, { name: "Bernard Conseil" }),
    createUser(db, { name: "Camille Coordination" }),
  ]);
  projectId = (
    await createProject(db, {
      members: [
        [researcher.id, "researcher"],
        [reviewer.id, "council_reviewer"],
        [coordinator.id, "coordinator"],
      ],
    })
  ).id;
  findingId = (
    await db.finding.create({
      data: { projectId, authorId: researcher.id, title: TITLE, excerpt: "Les clients viennent de la vallée entière." },
      select: { id: true },
    })
  ).id;
  return () => smtp.stop();
});

const mailsTo = (address: string) => smtp.to(address).map((mail) => `${mail.subject}\n${mail.text ?? ""}`);

describe("the review loop, from submission to publication", () => {
  test("submit → changes requested with an anchored thread → resubmit with a diff → thread resolved, validated → published", async () => {
    const path = `/projects/${projectId}/findings/${findingId}`;
    const db = session.server().db;

    // The researcher submits the finding.
    const a = (await session.logIn(researcher, path)).page;
    await statusOf(a, STATUS.synced).waitFor();
    await expect.poll(() => textOf(a, FINDING_EDITOR_NAME), { timeout: 10_000 }).toContain(PASSAGE);
    await expect
      .poll(() => db.documentUpdate.count({ where: { docName: `finding:${findingId}` } }), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await a.locator("#review").getByRole("button", { name: "Soumettre au conseil" }).click();
    await a.locator("#review").getByText("Version 1 soumise le").waitFor();

    // The reviewer hears of it: the header's count, the list, and an e-mail.
    const r = (await session.logIn(reviewer, "/projects")).page;
    // It is also first in their "À traiter" panel on this page.
    await r.locator("main").getByRole("link", { name: TITLE }).first().waitFor();
    await r.getByRole("link", { name: "Notifications (1 non lue)" }).click();
    await r.waitForURL("**/notifications");
    await r.locator(".notification.unread").getByRole("link", { name: TITLE }).click();
    await r.waitForURL(`**${path}`);
    await expect.poll(() => mailsTo(reviewer.email).join("\n"), { timeout: 15_000 }).toContain(TITLE);
    await expect
      .poll(() => r.getByRole("link", { name: "Notifications", exact: true }).count(), { timeout: 10_000 })
      .toBe(1);

    // They comment on a passage of the submitted statement, then ask for changes.
    await statusOf(r, STATUS.synced).waitFor();
    await expect.poll(() => textOf(r, FINDING_EDITOR_NAME), { timeout: 10_000 }).toContain(PASSAGE);
    const commenter = r.getByRole("button", { name: "Commenter" });
    await selectText(r, PASSAGE, FINDING_EDITOR_NAME);
    await expect.poll(() => commenter.getAttribute("aria-disabled"), { timeout: 10_000 }).toBeNull();
    await commenter.click();
    await r.keyboard.type("De quelle partie de la vallée ?");
    await r.locator(".new-thread").getByRole("button", { name: "Publier" }).click();
    await r.locator(".comment-threads article.thread").getByText("De quelle partie de la vallée ?").waitFor();
    await r.locator("#review-verdict-comment").fill("Précisez d'où viennent les clients.");
    await r.getByRole("button", { name: "Demander des modifications" }).click();
    await r.locator("#review .finding-state").getByText("Modifications demandées").waitFor();

    // The researcher is told (e-mail), revises the draft and resubmits.
    await expect
      .poll(() => mailsTo(researcher.email).join("\n"), { timeout: 15_000 })
      .toContain("Précisez d'où viennent les clients.");
    await a.reload();
    await a.getByText("Précisez d'où viennent les clients.").first().waitFor();
    await statusOf(a, STATUS.synced).waitFor();
    await editorOf(a, FINDING_EDITOR_NAME).click();
    await a.keyboard.press("Control+End");
    await a.keyboard.type(" Surtout de Crest et de Luc.");
    await expect
      .poll(
        async () => {
          const state = await db.documentUpdate.count({ where: { docName: `finding:${findingId}` } });
          return state > 1 && (await textOf(a, FINDING_EDITOR_NAME)).includes("Crest et de Luc.");
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await a.getByRole("button", { name: "Soumettre de nouveau au conseil" }).click();
    await a.locator("#review").getByText("Version 2 soumise le").waitFor();

    // The reviewer sees what changed, resolves their own thread and validates.
    await r.reload();
    await r
      .getByRole("heading", { name: "Ce qui a changé depuis la version que vous avez relue (version 1)" })
      .waitFor();
    expect((await r.locator("#review ins").allTextContents()).join(" ")).toContain("Crest");
    const thread = r.locator(".comment-threads article.thread").first();
    await thread.getByRole("button", { name: "Marquer comme résolue" }).click();
    await r.locator(".resolved-threads").getByText("Discussions résolues (1)").waitFor();
    await r.getByRole("button", { name: "Valider" }).click();
    await r.locator("#review .finding-state").getByText("Validé").waitFor();

    // The coordinator publishes; the history tells the whole story.
    const c = (await session.logIn(coordinator, path)).page;
    await c.locator("#review").getByRole("button", { name: "Publier" }).click();
    await c.locator("#review .finding-state").getByText("Publié").waitFor();
    const history = (await c.locator("#review .review-history").textContent()) ?? "";
    for (const step of ["a demandé des modifications", "Bernard Conseil a validé", "a publié"]) {
      expect(history).toContain(step);
    }
    const transitions = await db.findingTransition.findMany({
      where: { findingId },
      orderBy: { createdAt: "asc" },
      select: { action: true, version: true },
    });
    expect(transitions.map((t) => `${t.action}@${t.version}`)).toEqual([
      "submit@1",
      "request_changes@1",
      "submit@2",
      "validate@2",
      "publish@2",
    ]);
    // Each e-mail was sent once, with a plain-text part.
    await expect.poll(() => smtp.to(researcher.email).length, { timeout: 15_000 }).toBe(2);
    expect(smtp.to(reviewer.email)).toHaveLength(2);
    expect(smtp.messages.every((mail) => (mail.text ?? "").length > 0)).toBe(true);
  });
});
