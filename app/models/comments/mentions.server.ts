import { prisma } from "../core/db.server";
import { can } from "../projects/permissions.server";
import { isProjectRole } from "../projects/rights";
import type { CommentTarget } from "./comment-target.server";
import type { Mentionable } from "./thread-view";

/**
 * The project's members who may read the target (a draft finding's readers are fewer than a
 * note's), by name: the `@` picker lists them and a mention must name one of them. One
 * indexed read of the project's memberships.
 */
export async function mentionableMembers(target: CommentTarget): Promise<Mentionable[]> {
  const memberships = await prisma.membership.findMany({
    where: { projectId: target.projectId },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return memberships
    .filter(
      (m) =>
        isProjectRole(m.role) &&
        can({ projectId: target.projectId, userId: m.user.id, role: m.role }, target.readAction),
    )
    .map((m) => ({ id: m.user.id, name: m.user.name }));
}

/** The mentioned ids, deduplicated, when every one is mentionable; null when one is not. */
export async function checkMentions(target: CommentTarget, ids: readonly string[]): Promise<string[] | null> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const allowed = new Set((await mentionableMembers(target)).map((m) => m.id));
  return wanted.every((id) => allowed.has(id)) ? wanted : null;
}
