import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import type { ProjectRole, SiteRole, Visibility } from "~/models/core/vocabulary";
import { createProject, createUser } from "../factories";
import { removeDatabase } from "../support/migrate";
import { TMP } from "../support/paths";

/**
 * `visibleProjectsWhere` (the rule as a query, for lists and counts) and `getProjectAccess`
 * (the rule per project, through `accessFrom`) must agree: a project in a list never answers
 * 404, and no project the user may open is missing from their lists. Checked on a real SQLite
 * file, in this process, through the app's own Prisma client.
 */
const databaseFile = path.join(TMP, `visibility-${crypto.randomUUID()}.db`);
let models: {
  prisma: typeof import("~/models/core/db.server").prisma;
  permissions: typeof import("~/models/projects/permissions.server");
  projects: typeof import("~/models/projects/project.server");
};

beforeAll(async () => {
  fs.copyFileSync(inject("baseDatabase"), databaseFile);
  // Read once by the app's env module, on its first import below.
  process.env.DATABASE_URL = `file:${databaseFile}`;
  models = {
    prisma: (await import("~/models/core/db.server")).prisma,
    permissions: await import("~/models/projects/permissions.server"),
    projects: await import("~/models/projects/project.server"),
  };
});

afterAll(async () => {
  await models?.prisma.$disconnect();
  removeDatabase(databaseFile);
});

type ViewerName = "alice" | "bob" | "carol" | "dave" | "erin";
const VIEWERS: Record<ViewerName, SiteRole> = {
  alice: "member", // a member of several projects, in every role
  bob: "member", // a member of nothing
  carol: "coalition_coordinator", // coalition staff, a member of nothing
  dave: "coalition_coordinator", // coalition staff, also an observer of one members-only project
  erin: "member", // a membership with a role the code does not know
};

/** Each project: its visibility, its members among the viewers, and who must see it (written out). */
const PROJECTS: {
  name: string;
  visibility: Visibility;
  members: [ViewerName, string][];
  seenBy: ViewerName[];
}[] = [
  { name: "alice coordinates, private", visibility: "members", members: [["alice", "coordinator"]], seenBy: ["alice"] },
  {
    name: "alice researches, shared",
    visibility: "coalition",
    members: [["alice", "researcher"]],
    seenBy: ["alice", "carol", "dave"],
  },
  {
    name: "alice acts locally, private",
    visibility: "members",
    members: [["alice", "local_actor"]],
    seenBy: ["alice"],
  },
  {
    name: "alice reviews, shared",
    visibility: "coalition",
    members: [["alice", "council_reviewer"]],
    seenBy: ["alice", "carol", "dave"],
  },
  {
    name: "alice and dave observe, private",
    visibility: "members",
    members: [
      ["alice", "observer"],
      ["dave", "observer"],
    ],
    seenBy: ["alice", "dave"],
  },
  { name: "nobody we know, private", visibility: "members", members: [], seenBy: [] },
  { name: "nobody we know, shared", visibility: "coalition", members: [], seenBy: ["carol", "dave"] },
  { name: "erin's unknown role, private", visibility: "members", members: [["erin", "admin"]], seenBy: [] },
  {
    name: "erin's unknown role, shared",
    visibility: "coalition",
    members: [["erin", "admin"]],
    seenBy: ["carol", "dave"],
  },
];

describe("who sees which project", () => {
  const users = {} as Record<ViewerName, { id: string; siteRole: SiteRole }>;
  const projectIds = new Map<string, string>();

  beforeAll(async () => {
    const db = models.prisma;
    for (const [name, siteRole] of Object.entries(VIEWERS) as [ViewerName, SiteRole][]) {
      users[name] = { id: (await createUser(db, { siteRole })).id, siteRole };
    }
    const outsider = await createUser(db);
    for (const project of PROJECTS) {
      // Every project has a coordinator, as in real life; none of the viewers unless listed.
      const members: [string, ProjectRole][] = [
        [outsider.id, "coordinator"],
        ...project.members.map(([viewer, role]): [string, ProjectRole] => [users[viewer].id, role as ProjectRole]),
      ];
      projectIds.set(project.name, (await createProject(db, { members, visibility: project.visibility })).id);
    }
  });

  test.each(Object.keys(VIEWERS) as ViewerName[])("%s: lists, counts and single pages agree", async (name) => {
    const viewer = users[name];
    const { prisma } = models;
    const { getProjectAccess, visibleProjectsWhere } = models.permissions;
    const ids = [...projectIds.values()];
    const nameOf = (id: string) => PROJECTS.find((p) => projectIds.get(p.name) === id)!.name;

    const where = { AND: [visibleProjectsWhere(viewer), { id: { in: ids } }] };
    const listed = (await prisma.project.findMany({ where, select: { id: true } })).map((p) => nameOf(p.id));
    const openable: string[] = [];
    for (const id of ids) if (await getProjectAccess(viewer, id)) openable.push(nameOf(id));
    const expected = PROJECTS.filter((p) => p.seenBy.includes(name)).map((p) => p.name);

    expect(listed.sort()).toEqual(openable.sort());
    expect(openable.sort()).toEqual(expected.sort());
    expect(await prisma.project.count({ where })).toBe(expected.length);
    const mine = await models.projects.listProjectsForUser({ userId: viewer.id, siteRole: viewer.siteRole });
    expect(
      mine
        .map((p) => p.id)
        .filter((id) => ids.includes(id))
        .map(nameOf)
        .sort(),
    ).toEqual(expected.sort());
  });
});
