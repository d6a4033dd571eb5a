import { prisma, type Prisma } from "../core/db.server";
import { PROJECT_ROLES, type SiteRole } from "../core/vocabulary";
import { accessFrom, COALITION_SITE_ROLE, SHARED_VISIBILITY, type ProjectAccess } from "./rights";

/**
 * The one place that answers "may this user do this?" — for loaders, actions and the
 * websocket server alike (docs/ARCHITECTURE.md, "Rights"). The table and the decision live
 * in rights.ts (pure, no database); this module reads the facts they decide on.
 */
export {
  accessFrom,
  allowedActions,
  can,
  scopeOf,
  PROJECT_ACTIONS,
  type AllowedAction,
  type ProjectAccess,
  type ProjectAction,
  type Scope,
  type Subject,
} from "./rights";

export type Viewer = { id: string; siteRole: SiteRole };

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
    userId: viewer.id,
    role: project.memberships[0]?.role ?? null,
    visibility: project.visibility,
    siteRole: viewer.siteRole,
  });
}

/**
 * `accessFrom` as a query: the projects the viewer may know exist. Every list and count of
 * projects filters with it, so that a project never shows in a list and then answers 404
 * (tests/integration/project-visibility.test.ts proves the two agree).
 */
export function visibleProjectsWhere(viewer: Viewer): Prisma.ProjectWhereInput {
  // Only known roles, as in accessFrom: a membership with a role this code ignores grants nothing.
  const member: Prisma.ProjectWhereInput = {
    memberships: { some: { userId: viewer.id, role: { in: [...PROJECT_ROLES] } } },
  };
  if (viewer.siteRole !== COALITION_SITE_ROLE) return member;
  return { OR: [member, { visibility: SHARED_VISIBILITY }] };
}
