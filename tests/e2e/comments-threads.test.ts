import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import { FINDING_EDITOR_NAME, selectText, STATUS, statusOf, textOf } from "../support/note-page";

/**
 * Comment threads in a real Chromium on a 375 px phone: a council reviewer, who cannot edit the
 * finding, selects a passage of its statement, comments on it; the author replies with a
 * mention; the reviewer resolves the thread, which folds away but stays readable.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
let projectId: string;
let findingId: string;
let researcher: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
const PASSAGE = "viennent de la vallée";

beforeAll(async () => {
  const db = session.server().db;
  [researcher, reviewer] = await Promise.all([
    createUser(db, { name: "Rita Chercheuse" }),
    createUser(db, { name: "Bernard Conseil" }),
  ]);
  projectId = (
    await createProject(db, {
      members: [
        [researcher.id, "researcher"],
        [reviewer.id, "council_reviewer"],
      ],
    })
  ).id;
  findingId = (
    await db.finding.create({
      data: {
        projectId,
        authorId: researcher.id,
        title: "Le marché rayonne sur la vallée",
        excerpt: "Les clients viennent de la vallée entière.",
      },
      select: { id: true },
    })
  ).id;
});

describe("comment threads in the browser", () => {
  test("select → Commenter → thread; reply with a mention; resolve — accessible at 375 px", async () => {
    const path = `/projects/${projectId}/findings/${findingId}`;
    // The author opens it first: the statement gets its text (title and excerpt), then it is submitted.
    const author = await session.logIn(researcher, path, PHONE);
    const a = author.page;
    await statusOf(a, STATUS.synced).waitFor();
    await expect.poll(() => textOf(a, FINDING_EDITOR_NAME), { timeout: 10_000 }).toContain(PASSAGE);
    await expect
      .poll(() => session.server().db.documentUpdate.count({ where: { docName: `finding:${findingId}` } }), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await session.server().db.finding.update({
      where: { id: findingId },
      data: { state: "submitted", version: 1, firstSubmittedAt: new Date() },
    });

    const council = await session.logIn(reviewer, path, PHONE);
    const r = council.page;
    await statusOf(r, STATUS.synced).waitFor();
    await expect.poll(() => textOf(r, FINDING_EDITOR_NAME), { timeout: 10_000 }).toContain(PASSAGE);
    const commenter = r.getByRole("button", { name: "Commenter" });
    await selectText(r, PASSAGE, FINDING_EDITOR_NAME);
    await expect.poll(() => commenter.getAttribute("aria-disabled"), { timeout: 10_000 }).toBeNull();
    await commenter.click();
    const form = r.locator(".new-thread");
    await form.getByText(PASSAGE).waitFor();
    await expect.poll(() => r.evaluate(() => document.activeElement?.id)).toBe("new-thread-body");
    await r.keyboard.type("D'où vient ce chiffre ?");
    await form.getByRole("button", { name: "Publier" }).click();
    const thread = r.locator(".comment-threads article.thread").first();
    await thread.getByText("D'où vient ce chiffre ?").waitFor();
    expect(await thread.locator(".thread-passage blockquote").textContent()).toBe(PASSAGE);
    // The passage is underlined in the text.
    await r.locator(".note-editor .comment-anchor").first().waitFor();
    expect(await axeViolations(r)).toEqual([]);

    // The author replies and mentions the reviewer with the @ picker.
    await a.reload();
    const seen = a.locator(".comment-threads article.thread").first();
    await seen.getByText("D'où vient ce chiffre ?").waitFor();
    await seen.locator("summary", { hasText: "Répondre" }).click();
    await seen.getByLabel("Votre réponse").fill("Des entretiens de mars.");
    const picker = seen.getByRole("combobox", { name: "Mentionner" });
    await picker.fill("bern");
    await picker.press("ArrowDown");
    await picker.press("Enter");
    expect(await seen.getByLabel("Votre réponse").inputValue()).toBe("Des entretiens de mars. @Bernard Conseil ");
    await seen.locator("button[type=submit]", { hasText: "Répondre" }).click();
    await seen.getByText("Des entretiens de mars.").waitFor();
    expect(await axeViolations(a)).toEqual([]);
    const mention = await session
      .server()
      .db.notification.findFirst({ where: { userId: reviewer.id, type: "comment_mention" } });
    expect(mention?.href).toMatch(new RegExp(`${path}#thread-\\w+$`));

    // The reviewer resolves it: it folds away, still readable.
    await r.reload();
    const mine = r.locator(".comment-threads article.thread").first();
    await mine.getByText("Des entretiens de mars.").waitFor();
    await mine.getByRole("button", { name: "Marquer comme résolue" }).click();
    const folded = r.locator(".resolved-threads");
    await folded.getByText("Discussions résolues (1)").waitFor();
    expect(await folded.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await folded.getByText("Discussions résolues (1)").click();
    await folded.getByText("Résolue par Bernard Conseil").waitFor();
    expect(await axeViolations(r)).toEqual([]);
  });
});
