import { PROJECT_ROLES, type ProjectRole, type SiteRole, type Visibility } from "../core/vocabulary";

/**
 * The rights table: for each action, who holds it and on which subjects. It is the only
 * place a right is granted; `can` reads it, the tests spell it out case by case
 * (permissions.server.test.ts) and docs/ARCHITECTURE.md shows it (rights-table.ts).
 * Pure and without the database, so the browser and scripts may import it; loaders, actions
 * and the websocket server go through permissions.server.ts, which re-exports it.
 */

/** "any": on every subject; "own": only on subjects whose owner is the user (their note, comment…). */
export type Scope = "any" | "own";

/** Who a right is granted to: a project role, or coalition staff reading a shared project. */
export type RightsHolder = ProjectRole | "coalition_reader";
export const RIGHTS_HOLDERS: readonly RightsHolder[] = [...PROJECT_ROLES, "coalition_reader"];

type Rule = {
  /** What the action allows, in one line (shown in the architecture document). */
  about: string;
  /** Holders without an entry are refused. */
  grants: Partial<Record<RightsHolder, Scope>>;
};

export const RIGHTS = {
  "project.view": {
    about: "Know the project exists: its home page, header and member list",
    grants: {
      coordinator: "any",
      researcher: "any",
      local_actor: "any",
      council_reviewer: "any",
      observer: "any",
      coalition_reader: "any",
    },
  },
  "project.edit": {
    about: "Change the project's title, question, sectors, territory and visibility",
    grants: { coordinator: "any" },
  },
  "project.changePhase": {
    about: "Move the project to another phase of the action-research cycle",
    grants: { coordinator: "any" },
  },
  "members.manage": {
    about: "Invite people, change members' roles, remove members",
    grants: { coordinator: "any" },
  },
  "content.read": {
    about: "Read notes, surveys and their results, the timeline and findings",
    grants: {
      coordinator: "any",
      researcher: "any",
      local_actor: "any",
      council_reviewer: "any",
      observer: "any",
      coalition_reader: "any",
    },
  },
  "content.comment": {
    about: "Comment on the project's content",
    grants: { coordinator: "any", researcher: "any", local_actor: "any", council_reviewer: "any" },
  },
  "comments.edit": {
    about: "Rewrite a comment (one's own words only, whoever one is)",
    grants: { coordinator: "own", researcher: "own", local_actor: "own", council_reviewer: "own" },
  },
  "comments.delete": {
    about: "Delete a comment (the subject's owner is the comment's author)",
    grants: { coordinator: "any", researcher: "own", local_actor: "own", council_reviewer: "own" },
  },
  "threads.resolve": {
    about: "Mark a comment thread resolved or reopen it (the owner is whoever opened it)",
    grants: { coordinator: "any", researcher: "own", local_actor: "own", council_reviewer: "own" },
  },
  "notes.edit": {
    about: "Create notes and co-edit any note of the project",
    grants: { coordinator: "any", researcher: "any", local_actor: "any" },
  },
  "notes.delete": {
    about: "Move a note to the project's trash (the owner is the note's author)",
    grants: { coordinator: "any", researcher: "own", local_actor: "own" },
  },
  "notes.restore": {
    about: "Bring a note back from the trash (the owner is the note's author)",
    grants: { coordinator: "any", researcher: "own", local_actor: "own" },
  },
  "surveys.edit": {
    about: "Create surveys and co-edit their design",
    grants: { coordinator: "any", researcher: "any", local_actor: "any" },
  },
  "surveys.manage": {
    about: "Open, close, reopen and delete surveys",
    grants: { coordinator: "any", researcher: "any" },
  },
  "surveys.collect": {
    about: "Enter answers collected in the field",
    grants: { coordinator: "any", researcher: "any", local_actor: "any" },
  },
  "surveys.rawAnswers": {
    // Answers are personal data (GDPR minimisation, issue 13 point 5): other roles see the
    // aggregated results only.
    about: "Download raw answers (CSV, XLSX, JSON) and read free-text answers",
    grants: { coordinator: "any", researcher: "any" },
  },
  "timeline.edit": {
    about: "Co-edit the project's timeline",
    grants: { coordinator: "any", researcher: "any", local_actor: "any" },
  },
  "codes.manage": {
    about: "Create, rename, define, merge and retire the codebook's codes; import a codebook",
    grants: { coordinator: "any", researcher: "any" },
  },
  "findings.edit": {
    about: "Draft and co-edit findings and their evidence",
    grants: { coordinator: "any", researcher: "any" },
  },
  "findings.delete": {
    about: "Delete a finding (the owner is the finding's author)",
    grants: { coordinator: "any", researcher: "own" },
  },
  "findings.readDraft": {
    about: "Read findings the council has not had yet (drafts of the project team)",
    grants: { coordinator: "any", researcher: "any", local_actor: "any" },
  },
  "findings.readSubmitted": {
    about: "Read findings once submitted to the council, whatever their state since",
    grants: { coordinator: "any", researcher: "any", local_actor: "any", council_reviewer: "any" },
  },
  "findings.submit": {
    about: "Submit a finding to the council, or resubmit it after changes (the owner is the finding's author)",
    grants: { coordinator: "any", researcher: "own" },
  },
  "findings.review": {
    about: "Give a review verdict on a submitted finding: changes requested or validated",
    grants: { council_reviewer: "any" },
  },
  "findings.publish": {
    about: "Publish a validated finding beyond the project",
    grants: { coordinator: "any" },
  },
  "findings.withdraw": {
    about:
      "Withdraw a submitted, validated or published finding, or reopen it as a draft (the owner is the finding's author)",
    grants: { coordinator: "any", researcher: "own" },
  },
  "saisines.refer": {
    about: "Ask the project's council for an opinion (saisine): a question, findings, a due date",
    grants: { coordinator: "any" },
  },
  "saisines.selfRefer": {
    about: "Open an auto-saisine: the council takes a subject up itself",
    grants: { council_reviewer: "any" },
  },
  "avis.edit": {
    about: "Co-write the council's opinion (avis) while it is being drafted",
    grants: { council_reviewer: "any" },
  },
  "avis.adopt": {
    about: "Adopt the avis (it is frozen from then on), with the votes",
    grants: { council_reviewer: "any" },
  },
  "avis.transmit": {
    about: "Mark an adopted avis as transmitted",
    grants: { coordinator: "any", council_reviewer: "any" },
  },
} as const satisfies Record<string, Rule>;

export type ProjectAction = keyof typeof RIGHTS;
export const PROJECT_ACTIONS = Object.keys(RIGHTS) as ProjectAction[];

/** What a subject may tell a rule: its owner (author) for "own" rules. */
export type Subject = { ownerId?: string | null };

export type ProjectAccess = {
  projectId: string;
  userId: string;
  /** The user's role in the project, or null when they read it as coalition staff. */
  role: ProjectRole | null;
};

/** The visibility that shares a project with coalition staff, and the site role that reads it. */
export const SHARED_VISIBILITY = "coalition" satisfies Visibility;
export const COALITION_SITE_ROLE = "coalition_coordinator" satisfies SiteRole;

export function isProjectRole(role: string): role is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(role);
}

/**
 * The access rule itself, from facts however they were fetched (Prisma for pages, SQL in the
 * websocket's rights reader): members by their role; coalition staff read projects shared
 * with the coalition; everyone else nothing. `visibleProjectsWhere` is the same rule as a
 * query, and a test proves they agree. A role this code does not know counts as none.
 */
export function accessFrom({
  projectId,
  userId,
  role,
  visibility,
  siteRole,
}: {
  projectId: string;
  userId: string;
  role: string | null;
  visibility: string;
  siteRole: string;
}): ProjectAccess | null {
  if (role && isProjectRole(role)) return { projectId, userId, role };
  if (siteRole === COALITION_SITE_ROLE && visibility === SHARED_VISIBILITY) return { projectId, userId, role: null };
  return null;
}

/** How far the access holds the action: on every subject, on its own ones, or not at all. */
export function scopeOf(access: ProjectAccess, action: ProjectAction): Scope | null {
  // An action name from outside the type system (a kind module, a form) is refused, not a crash.
  if (!Object.hasOwn(RIGHTS, action)) return null;
  const grants: Partial<Record<RightsHolder, Scope>> = RIGHTS[action].grants;
  return grants[access.role ?? "coalition_reader"] ?? null;
}

/**
 * May the access do `action`, on `subject` when the action concerns one? An "own" right needs
 * a subject whose owner is the user: asked without a subject, or on an ownerless one, it is
 * refused.
 */
export function can(access: ProjectAccess, action: ProjectAction, subject?: Subject): boolean {
  const scope = scopeOf(access, action);
  if (scope === "any") return true;
  if (scope === "own") return !!subject?.ownerId && subject.ownerId === access.userId;
  return false;
}

export type AllowedAction = { action: ProjectAction; scope: Scope };

/** Every action the access holds, at least on its own subjects, for the UI to show or hide controls. */
export function allowedActions(access: ProjectAccess): AllowedAction[] {
  return PROJECT_ACTIONS.flatMap((action) => {
    const scope = scopeOf(access, action);
    return scope ? [{ action, scope }] : [];
  });
}
