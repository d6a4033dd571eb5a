import { beforeAll, describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";
import { editorOf, FINDING_EDITOR_NAME, STATUS, statusOf, textOf } from "../support/note-page";

/**
 * The review panel in a real Chromium on a 375 px phone, a researcher and a council reviewer
 * on two devices: submit → changes requested (the comment is required) → the draft revised and
 * resubmitted (the reviewer sees the word diff) → validated.
 */
const session = browserForFile();
const PHONE = { width: 375, height: 740 };
let projectId: string;
let findingId: string;
let researcher: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;

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
        excerpt: "Les clients viennent de la vallée.",
      },
      select: { id: true },
    })
  ).id;
});

describe("the review panel in the browser", () => {
  test("submit, request changes with a comment, resubmit with a diff, validate — accessible at 375 px", async () => {
    const path = `/projects/${projectId}/findings/${findingId}`;
    const author = await session.logIn(researcher, path, PHONE);
    const a = author.page;
    await statusOf(a, STATUS.synced).waitFor();
    await expect
      .poll(() => textOf(a, FINDING_EDITOR_NAME), { timeout: 10_000 })
      .toContain("Les clients viennent de la vallée.");
    await a.getByText("Ce constat n'a pas encore été soumis").waitFor();
    expect(await axeViolations(a)).toEqual([]);
    await a.getByRole("button", { name: "Soumettre au conseil" }).click();
    await a.locator("#review").getByText("Version 1 soumise le").waitFor();

    const council = await session.logIn(reviewer, path, PHONE);
    const r = council.page;
    await r.getByRole("heading", { name: "La version soumise (version 1)" }).waitFor();
    expect(await r.locator("#review").textContent()).toContain("Les clients viennent de la vallée.");
    expect(await axeViolations(r)).toEqual([]);
    // Without a comment, asking for changes is refused with a message next to the field.
    await r.getByRole("button", { name: "Demander des modifications" }).click();
    await r.getByText("le commentaire est obligatoire").waitFor();
    expect(await r.locator("#review-verdict-comment").getAttribute("aria-invalid")).toBe("true");
    await r.locator("#review-verdict-comment").fill("Dites d'où viennent les clients.");
    await r.getByRole("button", { name: "Demander des modifications" }).click();
    await r.locator("#review .finding-state").getByText("Modifications demandées").waitFor();

    // The author sees the verdict in the history, revises the draft and resubmits.
    await a.reload();
    await a.getByText("Dites d'où viennent les clients.").waitFor();
    await statusOf(a, STATUS.synced).waitFor();
    await editorOf(a, FINDING_EDITOR_NAME).click();
    await a.keyboard.press("Control+End");
    await a.keyboard.type(" Ils viennent de Crest et de Luc.");
    await expect
      .poll(
        async () =>
          (await session.server().db.documentUpdate.count({ where: { docName: `finding:${findingId}` } })) > 0 &&
          (await textOf(a, FINDING_EDITOR_NAME)).includes("Crest et de Luc."),
        { timeout: 10_000 },
      )
      .toBe(true);
    await a.getByRole("button", { name: "Soumettre de nouveau au conseil" }).click();
    await a.locator("#review").getByText("Version 2 soumise le").waitFor();

    await r.reload();
    await r
      .getByRole("heading", { name: "Ce qui a changé depuis la version que vous avez relue (version 1)" })
      .waitFor();
    const added = await r.locator("#review ins").allTextContents();
    expect(added.join(" ")).toContain("Crest");
    expect(added.join(" ")).toContain("ajouté :");
    expect(await axeViolations(r)).toEqual([]);
    await r.getByRole("button", { name: "Valider" }).click();
    await r.locator("#review .finding-state").getByText("Validé").waitFor();
    expect(await r.locator("#review .review-history").textContent()).toContain("Bernard Conseil a validé");

    // The version page shows the diff to the previous version.
    await r.getByRole("link", { name: /^Version 2,/ }).click();
    await r.getByRole("heading", { name: "Ce qui a changé depuis la version 1" }).waitFor();
    expect(await axeViolations(r)).toEqual([]);
  });
});
