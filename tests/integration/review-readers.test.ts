import { beforeAll, describe, expect, test } from "vitest";
import { createFinding, findingsCast, type Who } from "../support/findings-http";
import { writeFinding } from "../support/review-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

/**
 * What readers beyond the team see of a finding once the council validated it, and the guards
 * around the review: observers and coalition staff read the validated version, never the live
 * draft (page, socket, report) nor a draft through a list filter; a finding under review or
 * validated cannot be deleted; someone who left the project hears no more of it.
 */
const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

const act = (who: Who, findingId: string, form: Record<string, string>) =>
  cast.as(who).client.post(`${cast.base}/${findingId}`, { comment: "", ...form });
const transition = (who: Who, id: string, name: string, from: string, version: number, comment = "") =>
  act(who, id, { intent: "transition", transition: name, from, version: String(version), comment });

describe("readers beyond the team and the council", () => {
  test("read the validated version, not what was typed since; a list filter shows them no draft", async () => {
    const researcher = cast.as("researcher");
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: researcher.userId });
    const draft = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: researcher.userId,
      title: "Un brouillon de l'équipe",
    });
    const cookie = researcher.client.cookieHeader();
    await writeFinding(server, cookie, id, {
      title: "Le marché rayonne",
      paragraphs: ["Les clients viennent de Die."],
    });
    expect((await transition("researcher", id, "submit", "draft", 0)).status).toBe(302);
    const request = "Une demande du conseil qui reste entre l'équipe et lui.";
    expect((await transition("council_reviewer", id, "request_changes", "submitted", 1, request)).status).toBe(302);
    expect((await transition("researcher", id, "submit", "changes_requested", 1)).status).toBe(302);
    expect((await transition("council_reviewer", id, "validate", "submitted", 2)).status).toBe(302);
    // The authors keep writing after the verdict.
    await writeFinding(server, cookie, id, {
      title: "Le marché rayonne",
      paragraphs: ["Les clients viennent de Die.", "Une phrase que le conseil n'a pas lue."],
    });

    for (const who of ["observer", "coalition"] as const) {
      const page = await (await cast.as(who).client.get(`${cast.base}/${id}`)).text();
      expect(page, who).toContain("Les clients viennent de Die.");
      expect(page, who).not.toContain("Une phrase que le conseil n'a pas lue.");
      const print = await (await cast.as(who).client.get(`${cast.base}/${id}/print`)).text();
      expect(print, who).not.toContain("Une phrase que le conseil n'a pas lue.");
      const markdown = await (await cast.as(who).client.get(`${cast.base}/${id}/export.md`)).text();
      expect(markdown, who).toContain("Les clients viennent de Die");
      expect(markdown, who).not.toContain("Une phrase que le conseil");
      // The outcome, not the exchange that led to it: the version validated, no earlier one.
      expect(page, who).not.toContain("Une demande du conseil");
      expect((await cast.as(who).client.get(`${cast.base}/${id}/versions/2`)).status, who).toBe(200);
      expect((await cast.as(who).client.get(`${cast.base}/${id}/versions/1`)).status, who).toBe(404);
      // The live document is not theirs to open.
      expect((await cast.as(who).client.get(`/collab/finding:${id}`)).status, who).toBe(404);
      // The list shows the judged version's words too (once the projection has the new ones).
      await expect
        .poll(() => server.db.finding.findUniqueOrThrow({ where: { id } }).then((f) => f.excerpt), { timeout: 10_000 })
        .toContain("Une phrase que le conseil");
      const listed = await (await cast.as(who).client.get(cast.base)).text();
      expect(listed, who).toContain("Les clients viennent de Die.");
      expect(listed, who).not.toContain("Une phrase que le conseil");
      // A state filter narrows what they may see; it never widens it.
      for (const state of ["draft", "submitted", "changes_requested", "withdrawn"]) {
        const list = await (await cast.as(who).client.get(`${cast.base}?state=${state}`)).text();
        expect(list, `${who} ${state}`).not.toContain("Un brouillon de l&#x27;équipe");
        expect(list, `${who} ${state}`).not.toContain(draft.id);
      }
    }
    // The team and the council still read and open the live text.
    for (const who of ["researcher", "local_actor", "council_reviewer"] as const) {
      expect((await cast.as(who).client.get(`${cast.base}/${id}`)).status, who).toBe(200);
      expect((await cast.as(who).client.get(`/collab/finding:${id}`)).status, who).toBe(204);
    }
  });
});

describe("guards around the review", () => {
  test("a finding under review or validated cannot be deleted; a withdrawn one can", async () => {
    const researcher = cast.as("researcher");
    const { id } = await createFinding(server.db, { projectId: cast.project.id, authorId: researcher.userId });
    expect((await transition("researcher", id, "submit", "draft", 0)).status).toBe(302);
    const refused = await act("coordinator", id, { intent: "delete", confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("ne peut pas être supprimé");
    expect(await server.db.finding.count({ where: { id } })).toBe(1);
    expect((await transition("council_reviewer", id, "validate", "submitted", 1)).status).toBe(302);
    expect((await act("researcher", id, { intent: "delete", confirm: "yes" })).status).toBe(409);
    expect((await transition("researcher", id, "withdraw", "validated", 1)).status).toBe(302);
    expect((await act("researcher", id, { intent: "delete", confirm: "yes" })).status).toBe(302);
    expect(await server.db.finding.count({ where: { id } })).toBe(0);
  });

  test("someone who left the project hears no more of its findings", async () => {
    const db = server.db;
    const researcher = cast.as("researcher");
    const { id } = await createFinding(db, { projectId: cast.project.id, authorId: researcher.userId });
    // A second researcher submits it, then leaves the project.
    const coordinatorId = cast.as("coordinator").userId!;
    expect((await transition("coordinator", id, "submit", "draft", 0)).status).toBe(302);
    await db.membership.delete({ where: { projectId_userId: { projectId: cast.project.id, userId: coordinatorId } } });
    try {
      expect(
        (await transition("council_reviewer", id, "request_changes", "submitted", 1, "Précisez les chiffres.")).status,
      ).toBe(302);
      const told = await db.notification.findMany({
        where: { type: "finding_verdict", href: { contains: id } },
        select: { userId: true },
      });
      expect(told.map((n) => n.userId)).toEqual([researcher.userId]);
    } finally {
      await db.membership.create({ data: { projectId: cast.project.id, userId: coordinatorId, role: "coordinator" } });
    }
  });
});
