import { describe, expect, test } from "vitest";
import { accessFrom, allowedActions, can, PROJECT_ACTIONS, type ProjectAction } from "./permissions.server";

/**
 * The rights matrix written out as data, independently of rights.ts: changing a rule there
 * must change this table too. Columns: coordinator, researcher, local_actor,
 * council_reviewer, observer, coalition staff reading a shared project.
 * "any": on every subject; "own": only on the user's own subjects; "": refused.
 */
type Expected = "any" | "own" | "";
const HOLDERS = ["coordinator", "researcher", "local_actor", "council_reviewer", "observer", "coalition"] as const;
type Holder = (typeof HOLDERS)[number];

// prettier-ignore
const EXPECTED_RIGHTS: Record<string, [Expected, Expected, Expected, Expected, Expected, Expected]> = {
  //                       coord  research local  council observer coalition
  "project.view":         ["any", "any",   "any", "any",   "any",   "any"],
  "project.edit":         ["any", "",      "",    "",      "",      ""],
  "project.changePhase":  ["any", "",      "",    "",      "",      ""],
  "members.manage":       ["any", "",      "",    "",      "",      ""],
  "content.read":         ["any", "any",   "any", "any",   "any",   "any"],
  "content.comment":      ["any", "any",   "any", "any",   "",      ""],
  "comments.edit":        ["own", "own",   "own", "own",   "",      ""],
  "comments.delete":      ["any", "own",   "own", "own",   "",      ""],
  "threads.resolve":      ["any", "own",   "own", "own",   "",      ""],
  "notes.edit":           ["any", "any",   "any", "",      "",      ""],
  "notes.delete":         ["any", "own",   "own", "",      "",      ""],
  "notes.restore":        ["any", "own",   "own", "",      "",      ""],
  "surveys.edit":         ["any", "any",   "any", "",      "",      ""],
  "surveys.manage":       ["any", "any",   "",    "",      "",      ""],
  "surveys.collect":      ["any", "any",   "any", "",      "",      ""],
  "surveys.rawAnswers":   ["any", "any",   "",    "",      "",      ""],
  "timeline.edit":        ["any", "any",   "any", "",      "",      ""],
  "codes.manage":         ["any", "any",   "",    "",      "",      ""],
  "findings.edit":        ["any", "any",   "",    "",      "",      ""],
  "findings.delete":      ["any", "own",   "",    "",      "",      ""],
  "findings.readDraft":   ["any", "any",   "any", "",      "",      ""],
  "findings.readSubmitted": ["any", "any", "any", "any",   "",      ""],
  "findings.submit":      ["any", "own",   "",    "",      "",      ""],
  "findings.review":      ["",    "",      "",    "any",   "",      ""],
  "findings.publish":     ["any", "",      "",    "",      "",      ""],
  "findings.withdraw":    ["any", "own",   "",    "",      "",      ""],
  "saisines.refer":       ["any", "",      "",    "",      "",      ""],
  "saisines.selfRefer":   ["",    "",      "",    "any",   "",      ""],
  "avis.edit":            ["",    "",      "",    "any",   "",      ""],
  "avis.adopt":           ["",    "",      "",    "any",   "",      ""],
  "avis.transmit":        ["any", "",      "",    "any",   "",      ""],
};

/**
 * Who the user is in a project, for every place and site role: members by their role
 * whatever their site role and the project's visibility; coalition staff without membership
 * read shared projects only; anyone else, or a role this code does not know, nothing.
 */
const PLACES = [
  "coordinator",
  "researcher",
  "local_actor",
  "council_reviewer",
  "observer",
  "not a member",
  "unknown role",
] as const;
type Place = (typeof PLACES)[number];
type Situation = { siteRole: string; visibility: string };

// prettier-ignore
const EXPECTED_HOLDER: [Place, string, string, Holder | null][] = [
  // place               site role                visibility   holds the rights of
  ["coordinator",      "member",                "members",   "coordinator"],
  ["coordinator",      "member",                "coalition", "coordinator"],
  ["coordinator",      "coalition_coordinator", "members",   "coordinator"],
  ["coordinator",      "coalition_coordinator", "coalition", "coordinator"],
  ["researcher",       "member",                "members",   "researcher"],
  ["researcher",       "member",                "coalition", "researcher"],
  ["researcher",       "coalition_coordinator", "members",   "researcher"],
  ["researcher",       "coalition_coordinator", "coalition", "researcher"],
  ["local_actor",      "member",                "members",   "local_actor"],
  ["local_actor",      "member",                "coalition", "local_actor"],
  ["local_actor",      "coalition_coordinator", "members",   "local_actor"],
  ["local_actor",      "coalition_coordinator", "coalition", "local_actor"],
  ["council_reviewer", "member",                "members",   "council_reviewer"],
  ["council_reviewer", "member",                "coalition", "council_reviewer"],
  ["council_reviewer", "coalition_coordinator", "members",   "council_reviewer"],
  ["council_reviewer", "coalition_coordinator", "coalition", "council_reviewer"],
  ["observer",         "member",                "members",   "observer"],
  ["observer",         "member",                "coalition", "observer"],
  ["observer",         "coalition_coordinator", "members",   "observer"],
  ["observer",         "coalition_coordinator", "coalition", "observer"],
  ["not a member",     "member",                "members",   null],
  ["not a member",     "member",                "coalition", null],
  ["not a member",     "coalition_coordinator", "members",   null],
  ["not a member",     "coalition_coordinator", "coalition", "coalition"],
  ["unknown role",     "member",                "members",   null],
  ["unknown role",     "member",                "coalition", null],
  ["unknown role",     "coalition_coordinator", "members",   null],
  ["unknown role",     "coalition_coordinator", "coalition", "coalition"],
];

const USER = "user-1";
const SUBJECTS = {
  "no subject": undefined,
  "own subject": { ownerId: USER },
  "someone else's subject": { ownerId: "user-2" },
  "ownerless subject": { ownerId: null },
} as const;
type SubjectCase = keyof typeof SUBJECTS;

/** What each kind of grant means for each subject, spelled out. */
const OUTCOME: Record<Expected, Record<SubjectCase, boolean>> = {
  any: { "no subject": true, "own subject": true, "someone else's subject": true, "ownerless subject": true },
  own: { "no subject": false, "own subject": true, "someone else's subject": false, "ownerless subject": false },
  "": { "no subject": false, "own subject": false, "someone else's subject": false, "ownerless subject": false },
};

function accessIn(place: Place, { siteRole, visibility }: Situation) {
  const role = place === "not a member" ? null : place === "unknown role" ? "admin" : place;
  return accessFrom({ projectId: "project-1", userId: USER, role, visibility, siteRole });
}

function expectedFor(holder: Holder | null, action: string): Expected {
  if (!holder) return "";
  return EXPECTED_RIGHTS[action]![HOLDERS.indexOf(holder)]!;
}

describe("the rights matrix", () => {
  test("the table above lists every action, and only them", () => {
    expect(Object.keys(EXPECTED_RIGHTS).sort()).toEqual([...PROJECT_ACTIONS].sort());
  });

  test("the place table covers every place, site role and visibility", () => {
    expect(EXPECTED_HOLDER).toHaveLength(PLACES.length * 2 * 2);
  });

  describe.each(EXPECTED_HOLDER)("%s, site role %s, project visible to %s", (place, siteRole, visibility, holder) => {
    const access = accessIn(place, { siteRole, visibility });

    test(holder ? `knows the project, with the rights of ${holder}` : "does not know the project exists", () => {
      expect(access === null).toBe(holder === null);
      if (access) expect(access).toMatchObject({ projectId: "project-1", userId: USER });
      if (access && holder === "coalition") expect(access.role).toBeNull();
    });

    test.each(Object.keys(EXPECTED_RIGHTS))("%s", (action) => {
      const expected = expectedFor(holder, action);
      for (const [name, subject] of Object.entries(SUBJECTS) as [SubjectCase, (typeof SUBJECTS)[SubjectCase]][]) {
        const allowed = access ? can(access, action as ProjectAction, subject) : false;
        expect(allowed, `${name}: expected ${OUTCOME[expected][name] ? "allowed" : "refused"}`).toBe(
          OUTCOME[expected][name],
        );
      }
    });
  });
});

describe("allowedActions, for the UI", () => {
  test.each(HOLDERS)("lists what %s holds, with its scope", (holder) => {
    const place = holder === "coalition" ? "not a member" : holder;
    const access = accessIn(place, { siteRole: "coalition_coordinator", visibility: "coalition" })!;
    const expected = Object.keys(EXPECTED_RIGHTS)
      .map((action) => ({ action, scope: expectedFor(holder, action) }))
      .filter(({ scope }) => scope !== "");
    const byAction = (a: { action: string }, b: { action: string }) => a.action.localeCompare(b.action);
    expect(allowedActions(access).sort(byAction)).toEqual(expected.sort(byAction));
  });
});

describe("refusing what the table does not know", () => {
  test("an action name outside the table is refused, not a crash", () => {
    const access = accessIn("coordinator", { siteRole: "member", visibility: "members" })!;
    expect(can(access, "project.destroy" as ProjectAction)).toBe(false);
    expect(can(access, "toString" as ProjectAction)).toBe(false);
  });
});
