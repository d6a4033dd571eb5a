import { afterAll, expect, test } from "vitest";
import { PROJECT_ROLES, SITE_ROLES, VISIBILITIES, type ProjectRole } from "~/models/core/vocabulary";
import { removeDatabaseCopy, useDatabaseCopy } from "../support/collab-parts";

// Two readers feed the one rights rule: Prisma for pages (getProjectAccess) and prepared
// SQLite statements for the collaboration server (SqliteRightsReader, for speed at thousands
// of sockets). This proves they agree on every case: each role and none, each site role,
// each visibility, each document kind.
const databaseFile = useDatabaseCopy();
const { prisma } = await import("~/models/core/db.server");
const { getProjectAccess } = await import("~/models/projects/permissions.server");
const { documentRights, rightsFrom } = await import("~/models/documents/document-access.server");
const { documentKinds, parseDocumentName } = await import("~/models/documents/registry.server");
const { createNote, createProject, createUser } = await import("../factories");
const { createSurvey } = await import("../survey-factories");
const { SqliteRightsReader } = await import("../../server/collab/rights-reader");
const { findingStage } = await import("~/models/review/finding-visibility");

afterAll(async () => {
  await prisma.$disconnect();
  removeDatabaseCopy(databaseFile);
});

test("the collaboration server's reader and the pages' reader give the same rights in every case", async () => {
  const reader = new SqliteRightsReader(databaseFile);
  const owner = await createUser(prisma);
  const cases: string[] = [];
  for (const visibility of VISIBILITIES) {
    const project = await createProject(prisma, { members: [[owner.id, "coordinator"]], visibility });
    const note = await createNote(prisma, { projectId: project.id, authorId: owner.id });
    const survey = await createSurvey(prisma, { projectId: project.id });
    // A finding at each stage of its review: its readers differ (app/models/review/finding-visibility.ts).
    const findings = await Promise.all(
      [
        { state: "draft", firstSubmittedAt: null },
        { state: "changes_requested", firstSubmittedAt: new Date() },
        { state: "published", firstSubmittedAt: new Date() },
      ].map((stage) =>
        prisma.finding.create({
          data: { projectId: project.id, authorId: owner.id, ...stage },
          select: { id: true, state: true, firstSubmittedAt: true },
        }),
      ),
    );
    // An avis at each state: co-written while drafted, frozen once adopted (app/models/council/avis-rights.ts).
    const avis = await Promise.all(
      ["drafting", "adopted", "transmitted"].map((state) =>
        prisma.saisine.create({
          data: { projectId: project.id, origin: "referral", question: "Que pensez-vous ?", state },
          select: { id: true, state: true },
        }),
      ),
    );
    const ids: [string, string, string | null][] = [
      ["note", note.id, null],
      ["survey", survey.id, null],
      ["timeline", project.id, null],
      ...findings.map((finding): [string, string, string] => ["finding", finding.id, findingStage(finding)]),
      ...avis.map((saisine): [string, string, string] => ["avis", saisine.id, saisine.state]),
    ];
    expect([...new Set(ids.map(([kind]) => kind))].sort()).toEqual(
      documentKinds()
        .map((kind) => kind.kind)
        .sort(),
    );
    for (const siteRole of SITE_ROLES) {
      for (const role of [...PROJECT_ROLES, null] as (ProjectRole | null)[]) {
        const user = await createUser(prisma, { siteRole });
        if (role) await prisma.membership.create({ data: { userId: user.id, projectId: project.id, role } });
        const access = await getProjectAccess({ id: user.id, siteRole }, project.id);
        for (const [kind, id, stage] of ids) {
          const doc = parseDocumentName(`${kind}:${id}`)!;
          const fromSocketReader = await documentRights(reader, doc, user.id);
          const label = `${visibility} ${siteRole} ${role} ${kind} ${stage ?? ""}`;
          expect(fromSocketReader, label).toBe(rightsFrom(access, doc, stage));
          cases.push(`${label}: ${fromSocketReader}`);
        }
      }
    }
    // A note in the trash cannot be opened by anyone, whatever their rights on the project.
    await prisma.note.update({ where: { id: note.id }, data: { deletedAt: new Date() } });
    expect(await documentRights(reader, parseDocumentName(`note:${note.id}`)!, owner.id)).toBeNull();
  }
  expect(cases).toHaveLength(2 * 2 * 6 * 9);
  // The rule is not trivially "null" or "write" everywhere.
  expect(new Set(cases.map((line) => line.split(": ")[1]))).toEqual(new Set(["write", "read", "null"]));
  await reader.close();
});
