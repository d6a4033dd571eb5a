import { prisma } from "./db.server";
import { accessFrom, can, type ProjectAccess, type ProjectAction } from "./permissions.server";

/**
 * Co-edited documents are named "<kind>:<id>" (ARCHITECTURE.md). This module maps a name to
 * its project and answers, through the permissions module, whether a user may read or write
 * it — for the websocket server, before a single byte of the document is sent.
 */
export const DOCUMENT_KINDS = ["note", "survey", "timeline"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who may change each kind. The id of a `timeline:` document is its project's id. */
const WRITE_ACTION: Record<DocumentKind, ProjectAction> = {
  note: "notes.edit",
  survey: "surveys.edit",
  timeline: "timeline.edit",
};

// cuid-like ids only: no separators, no path tricks, bounded length.
const NAME_PATTERN = /^([a-z]+):([a-z0-9]{8,40})$/;

export type DocumentName = { kind: DocumentKind; id: string; name: string };

export function parseDocumentName(name: string): DocumentName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, kind, id] = match;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind!)) return null;
  return { kind: kind as DocumentKind, id: id!, name };
}

/**
 * Current access for many (user, project) pairs in three queries, for the websocket server's
 * periodic re-check of open sockets. Keys are `${userId}|${projectId}`.
 */
export async function batchProjectAccess(pairs: { userId: string; projectId: string }[]) {
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const projectIds = [...new Set(pairs.map((p) => p.projectId))];
  const [memberships, users, projects] = await Promise.all([
    prisma.membership.findMany({
      where: { userId: { in: userIds }, projectId: { in: projectIds } },
      select: { userId: true, projectId: true, role: true },
    }),
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, siteRole: true } }),
    prisma.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, visibility: true } }),
  ]);
  const roles = new Map(memberships.map((m) => [`${m.userId}|${m.projectId}`, m.role]));
  const siteRoles = new Map(users.map((u) => [u.id, u.siteRole]));
  const visibilities = new Map(projects.map((p) => [p.id, p.visibility]));
  const result = new Map<string, ProjectAccess | null>();
  for (const { userId, projectId } of pairs) {
    const key = `${userId}|${projectId}`;
    const visibility = visibilities.get(projectId);
    const facts = { projectId, role: roles.get(key) ?? null, siteRole: siteRoles.get(userId) ?? "member" };
    result.set(key, visibility ? accessFrom({ ...facts, visibility }) : null);
  }
  return result;
}

export function canWriteDocument(access: ProjectAccess, doc: DocumentName): boolean {
  return can(access, WRITE_ACTION[doc.kind]);
}
