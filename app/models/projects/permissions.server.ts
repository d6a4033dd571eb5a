import { prisma } from "../core/db.server";
import type { ProjectRole, SiteRole } from "../core/vocabulary";

/**
 * The one place that answers "may this user do this?" — for loaders, actions and the
 * websocket server alike (ARCHITECTURE.md, roles table).
 */
export type ProjectAction =
  | "project.view"
  | "project.edit"
  | "project.changePhase"
  | "members.manage"
  | "content.read"
  | "content.comment"
  | "notes.edit"
  | "surveys.edit"
  | "surveys.manage"
  | "surveys.collect"
  | "timeline.edit"
  | "findings.edit"
  | "findings.review";

const READ: ProjectAction[] = ["project.view", "content.read"];

const GRANTS: Record<ProjectRole, ReadonlySet<ProjectAction>> = {
  coordinator: new Set<ProjectAction>([
    ...READ,
    "project.edit",
    "project.changePhase",
    "members.manage",
    "content.comment",
    "notes.edit",
    "surveys.edit",
    "surveys.manage",
    "surveys.collect",
    "timeline.edit",
    "findings.edit",
  ]),
  researcher: new Set<ProjectAction>([
    ...READ,
    "content.comment",
    "notes.edit",
    "surveys.edit",
    "surveys.manage",
    "surveys.collect",
    "timeline.edit",
    "findings.edit",
  ]),
  local_actor: new Set<ProjectAction>([
    ...READ,
    "content.comment",
    "notes.edit",
    "surveys.edit",
    "surveys.collect",
    "timeline.edit",
  ]),
  council_reviewer: new Set<ProjectAction>([...READ, "content.comment", "findings.review"]),
  observer: new Set<ProjectAction>(READ),
};

/** Coalition staff read projects shared with the coalition, like an observer. */
const COALITION_READER = new Set<ProjectAction>(READ);

export type ProjectAccess = {
  projectId: string;
  /** The user's role in the project, or null when they read it as coalition staff. */
  role: ProjectRole | null;
};

type Viewer = { id: string; siteRole: SiteRole };

/**
 * The access rule itself, from facts however they were fetched: members by their role;
 * coalition staff read projects shared with the coalition; everyone else nothing.
 */
export function accessFrom({
  projectId,
  role,
  visibility,
  siteRole,
}: {
  projectId: string;
  role: string | null;
  visibility: string;
  siteRole: string;
}): ProjectAccess | null {
  if (role) return { projectId, role: role as ProjectRole };
  if (siteRole === "coalition_coordinator" && visibility === "coalition") return { projectId, role: null };
  return null;
}

/**
 * The viewer's access to a project, or null when the project does not exist *or* the
 * viewer may not know it exists — callers answer 404 in both cases, never 403.
 */
export async function getProjectAccess(viewer: Viewer, projectId: string): Promise<ProjectAccess | null> {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { visibility: true, memberships: { where: { userId: viewer.id }, select: { role: true } } },
  });
  if (!project) return null;
  return accessFrom({
    projectId,
    role: project.memberships[0]?.role ?? null,
    visibility: project.visibility,
    siteRole: viewer.siteRole,
  });
}

export function can(access: ProjectAccess, action: ProjectAction): boolean {
  return (access.role ? GRANTS[access.role] : COALITION_READER).has(action);
}

/** Every action the access allows, for the UI to show or hide controls. */
export function allowedActions(access: ProjectAccess): ProjectAction[] {
  return [...(access.role ? GRANTS[access.role] : COALITION_READER)];
}
