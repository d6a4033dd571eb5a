import { beforeAll, describe, expect, test } from "vitest";
import { createFinding, findingsCast, type Who } from "../support/findings-http";
import { writeFinding } from "../support/review-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

const act = (who: Who, findingId: string, form: Record<string, string>) =>
  cast.as(who).client.post(`${cast.base}/${findingId}`, { comment: "", ...form });

describe("versions, diff and notifications of a finding's review", () => {
  test("submit → changes requested → resubmit: frozen versions, a word diff, the history and who is told", async () => {
    const researcher = cast.as("researcher");
    const reviewer = cast.as("council_reviewer");
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: researcher.userId });
    const cookie = researcher.client.cookieHeader();
    await writeFinding(server, cookie, id, {
      title: "Le marché fait venir du monde",
      paragraphs: ["Le marché du mardi attire les habitants.", "Les producteurs vendent tout."],
    });
    expect((await act("researcher", id, { intent: "add-source", sourceTitle: "Comptage de la mairie" })).status).toBe(
      302,
    );
    expect(
      (await act("researcher", id, { intent: "transition", transition: "submit", from: "draft", version: "0" })).status,
    ).toBe(302);

    const v1 = await server.db.findingVersion.findUniqueOrThrow({
      where: { findingId_number: { findingId: id, number: 1 } },
    });
    expect(v1.title).toBe("Le marché fait venir du monde");
    expect(v1.statement).toBe("Le marché du mardi attire les habitants.\nLes producteurs vendent tout.");
    expect(JSON.parse(v1.evidence)).toMatchObject([{ kind: "source", title: "Comptage de la mairie" }]);
    expect(v1.submittedById).toBe(researcher.userId);
    const submitted = await server.db.notification.findMany({
      where: { type: "finding_submitted", href: { contains: id } },
    });
    expect(submitted.map((n) => n.userId)).toEqual([reviewer.userId]);
    expect(submitted[0]!.href).toBe(`/projects/${cast.project.id}/findings/${id}`);

    // The reviewer sees the submitted version before the live draft, and no diff yet.
    const firstLook = await (await reviewer.client.get(`${cast.base}/${id}`)).text();
    expect(firstLook).toContain("La version soumise (version 1)");
    expect(firstLook).toContain("Demander des modifications");
    expect(firstLook).not.toContain("Ce qui a changé");

    const verdict = await act("council_reviewer", id, {
      intent: "transition",
      transition: "request_changes",
      from: "submitted",
      version: "1",
      comment: "Précisez quels habitants, et d'où viennent les chiffres.",
    });
    expect(verdict.status).toBe(302);
    const told = await server.db.notification.findMany({ where: { type: "finding_verdict", href: { contains: id } } });
    expect(told.map((n) => [n.userId, n.detail])).toEqual([
      [researcher.userId, "Précisez quels habitants, et d'où viennent les chiffres."],
    ]);

    // The draft goes on after submission; the researcher resubmits.
    await writeFinding(server, cookie, id, {
      title: "Le marché fait venir du monde",
      paragraphs: ["Le marché du mardi attire les habitants des villages voisins.", "Les producteurs vendent tout."],
    });
    await act("researcher", id, { intent: "add-source", sourceTitle: "Enquête auprès des clients" });
    const authorPage = await (await researcher.client.get(`${cast.base}/${id}`)).text();
    expect(authorPage).toContain("Soumettre de nouveau au conseil");
    expect(authorPage).not.toContain("Demander des modifications");
    expect(
      (
        await act("researcher", id, {
          intent: "transition",
          transition: "submit",
          from: "changes_requested",
          version: "1",
        })
      ).status,
    ).toBe(302);
    const v2 = await server.db.findingVersion.findUniqueOrThrow({
      where: { findingId_number: { findingId: id, number: 2 } },
    });
    expect(v2.statement).toContain("des villages voisins");
    expect(JSON.parse(v1.evidence)).toHaveLength(1);
    expect(JSON.parse(v2.evidence)).toHaveLength(2);

    const page = await (await reviewer.client.get(`${cast.base}/${id}`)).text();
    expect(page).toContain("Ce qui a changé depuis la version que vous avez relue (version 1)");
    expect(page).toMatch(/<ins><span class="visually-hidden">ajouté : <\/span>[^<]*villages/);
    expect(page).toContain("Enquête auprès des clients");
    expect(page).toContain("Précisez quels habitants");
    const versionPage = await reviewer.client.get(`${cast.base}/${id}/versions/2`);
    expect(versionPage.status).toBe(200);
    const versionHtml = await versionPage.text();
    expect(versionHtml).toContain("Ce qui a changé depuis la version 1");
    expect(versionHtml).toContain("Ajoutée");
    expect((await reviewer.client.get(`${cast.base}/${id}/versions/3`)).status).toBe(404);
    expect((await reviewer.client.get(`${cast.base}/${id}/versions/zéro`)).status).toBe(404);

    const history = await server.db.findingTransition.findMany({
      where: { findingId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true, version: true, actorId: true },
    });
    expect(history).toEqual([
      { action: "submit", version: 1, actorId: researcher.userId },
      { action: "request_changes", version: 1, actorId: reviewer.userId },
      { action: "submit", version: 2, actorId: researcher.userId },
    ]);
    const reviewer2Count = await server.db.user.findUniqueOrThrow({
      where: { id: reviewer.userId! },
      select: { unreadNotifications: true },
    });
    expect(reviewer2Count.unreadNotifications).toBeGreaterThanOrEqual(2);
  });

  test("the panel offers each person only the actions they may take", async () => {
    const { id } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: cast.as("researcher").userId,
    });
    await server.db.finding.update({
      where: { id },
      data: { state: "validated", version: 1, firstSubmittedAt: new Date() },
    });
    const buttons = async (who: Who) => {
      const page = await (await cast.as(who).client.get(`${cast.base}/${id}`)).text();
      // The review panel's actions only (other parts of the page have buttons of their own).
      const html = page.slice(page.indexOf('id="review-actions-title"'), page.indexOf('id="review-history-title"'));
      return ["Publier", "Retirer", "Valider", "Demander des modifications", "Soumettre au conseil"].filter((b) =>
        html.includes(`>${b}<`),
      );
    };
    expect(await buttons("coordinator")).toEqual(["Publier", "Retirer"]);
    expect(await buttons("researcher")).toEqual(["Retirer"]);
    expect(await buttons("council_reviewer")).toEqual([]);
    expect(await buttons("observer")).toEqual([]);
  });
});
